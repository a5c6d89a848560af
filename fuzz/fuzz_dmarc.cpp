// Fuzz target: DMARC records (parser, record selection, the C API) and hostile DNS answers fed to
// discovery, verdicts and the domain audit through a JSON zone.
//
// Inputs starting with '{' are read as a zone; anything else as record text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/maildiag.h"
#include "maildiag/psl/public_suffix.hpp"

namespace {

void check_spans(const std::vector<maildiag::Finding>& findings, std::size_t size) {
  for (const auto& f : findings)
    if (f.span.end > size || f.span.begin > f.span.end) __builtin_trap();
}

void fuzz_record(std::string_view text) {
  auto r = maildiag::dmarc::parse_record(text);
  check_spans(r.findings, text.size());
  for (const auto& t : r.tags)
    if (t.span.end > text.size() || t.value_span.end > t.span.end) __builtin_trap();
  (void)maildiag::to_json_text(maildiag::dmarc::to_json(r));

  std::vector<std::string> txts;
  std::size_t start = 0;
  while (start <= text.size() && txts.size() < 16) {
    std::size_t nl = text.find('\n', start);
    txts.emplace_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  (void)maildiag::dmarc::select_record(txts);
  auto org = maildiag::psl::organizational_domain(text);
  if (org.size() > text.size()) __builtin_trap();

  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  maildiag_dmarc_record* handle = nullptr;
  const int rc = maildiag_dmarc_check(text.data(), text.size(), &handle);
  if (rc == MAILDIAG_ERROR_INTERNAL) __builtin_trap();
  if (rc == MAILDIAG_OK) (void)maildiag_dmarc_record_json(handle);
  maildiag_dmarc_record_free(handle);
}

void fuzz_zone(std::string_view json) {
  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  char* out = nullptr;
  if (maildiag_dmarc_audit_zone_json(json.data(), json.size(), "example.com", 11, &out) == MAILDIAG_ERROR_INTERNAL)
    __builtin_trap();
  maildiag_string_free(out);
  auto parsed = maildiag::dns::Zone::parse(json);
  if (!parsed.zone) return;
  maildiag::dns::Zone& zone = *parsed.zone;
  const std::vector<std::string> domains{"example.com", "a.b.c.d.e.f.g.h.i.example.com", "com"};
  for (const auto& domain : domains) {
    maildiag::dns::Cache cache;
    maildiag::dmarc::VerdictInput in{domain, maildiag::dmarc::AuthResult{"mail." + domain, "pass"},
                                     {{domain, "fail"}}};
    auto v = maildiag::dns::drive(
        [&](const maildiag::dns::Cache& c) { return maildiag::dmarc::evaluate(in, c); }, zone, cache);
    (void)maildiag::to_json_text(maildiag::dmarc::to_json(v));
    auto a = maildiag::dns::drive(
        [&](const maildiag::dns::Cache& c) { return maildiag::audit_domain(domain, {}, c); }, zone, cache);
    (void)maildiag::to_json_text(maildiag::to_json(a));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!text.empty() && text.front() == '{')
    fuzz_zone(text);
  else
    fuzz_record(text);
  return 0;
}
