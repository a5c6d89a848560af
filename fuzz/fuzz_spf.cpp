// Fuzz target: SPF records (parser, validator, C API), the macro expander, and hostile DNS (zones
// and raw wire answers) fed to check_host() and the audit.
//
// Inputs starting with '{' are read as a JSON zone in which every TXT lookup is evaluated;
// inputs starting with 0x00 are a DNS wire answer; anything else is record text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/dns/wire.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/maildiag.h"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/json.hpp"
#include "maildiag/spf/macro.hpp"
#include "maildiag/spf/validate.hpp"

namespace {

// The JSON text every face prints.
void dump(const nlohmann::json& j) { (void)maildiag::to_json_text(j); }

void check_spans(const std::vector<maildiag::Finding>& findings, std::size_t size) {
  for (const auto& f : findings)
    if (f.span.end > size || f.span.begin > f.span.end) __builtin_trap();
}

void fuzz_record(std::string_view text) {
  auto v = maildiag::spf::validate(text);
  check_spans(v.findings, text.size());
  for (const auto& t : v.record.terms)
    if (t.span.end > text.size() || t.value.end > text.size()) __builtin_trap();
  dump(maildiag::spf::to_json(v));

  maildiag::spf::MacroValues values;
  values.ip = *maildiag::dns::IpAddress::parse("2001:db8::1");
  values.sender = "a-b.c+d@example.com";
  values.local_part = "a-b.c+d";
  values.sender_domain = "example.com";
  values.domain = "example.com";
  values.helo = "mail.example.com";
  std::string out;
  if (maildiag::spf::expand_macros(text, maildiag::spf::MacroContext::explain_string, values, out) ==
          maildiag::spf::ExpandStatus::ok &&
      out.size() > maildiag::spf::kMaxExpansionBytes + 1024)
    __builtin_trap();

  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  maildiag_spf_check* check = nullptr;
  const int rc = maildiag_spf_check_record(text.data(), text.size(), &check);
  if (rc == MAILDIAG_ERROR_INTERNAL) __builtin_trap();
  if (rc == MAILDIAG_OK) (void)maildiag_spf_check_json(check);
  maildiag_spf_check_free(check);
}

void fuzz_zone(std::string_view text) {
  maildiag_spf_audit* audit = nullptr;
  if (maildiag_spf_audit_zone("example.com", 11, text.data(), text.size(), &audit) == MAILDIAG_ERROR_INTERNAL)
    __builtin_trap();
  maildiag_spf_audit_free(audit);
  auto parsed = maildiag::dns::Zone::parse(text);
  if (!parsed.zone) return;
  for (const char* ip : {"192.0.2.1", "2001:db8::1", "::ffff:198.51.100.7"}) {
    maildiag::dns::Cache cache;
    maildiag::spf::Request request;
    request.ip = ip;
    request.mail_from = "user@example.com";
    request.helo = "mail.example.com";
    auto e = maildiag::spf::check_host(request, *parsed.zone, cache);
    if (!e.done() || e.dns_lookups > 11) __builtin_trap();
    dump(maildiag::spf::to_json(e));
  }
  maildiag::dns::Cache cache;
  auto a = maildiag::spf::audit("example.com", *parsed.zone, cache);
  if (a.nodes.size() > maildiag::spf::kMaxAuditNodes + 64) __builtin_trap();
  dump(maildiag::spf::to_json(a));
}

void fuzz_wire(std::string_view bytes) {
  for (auto type : {maildiag::dns::RecordType::TXT, maildiag::dns::RecordType::A, maildiag::dns::RecordType::AAAA,
                    maildiag::dns::RecordType::MX, maildiag::dns::RecordType::PTR}) {
    auto answer = maildiag::dns::sanitize(maildiag::dns::parse_response(bytes, type), type);
    if (answer.records.size() > 256) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  if (!input.empty() && input.front() == '{')
    fuzz_zone(input);
  else if (!input.empty() && input.front() == '\0')
    fuzz_wire(input);
  else
    fuzz_record(input);
  return 0;
}
