// Fuzz target: DNS data from outside (answers handed in by a host, JSON zone files) and every
// evaluator that reads it. In the browser these answers come from JavaScript, so they are as
// untrusted as a bounce.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/dns/zone.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"

namespace {

void evaluate_all(const maildiag::dns::Cache& cache) {
  maildiag::spf::Request request;
  request.ip = "192.0.2.1";
  request.mail_from = "user@example.com";
  request.helo = "mail.example.com";
  (void)maildiag::spf::check_host(request, cache);
  request.ip = "2001:db8::1";
  request.mail_from.clear();
  (void)maildiag::spf::check_host(request, cache);
  (void)maildiag::spf::audit("example.com", cache);

  maildiag::dmarc::VerdictInput input;
  input.from_domain = "example.com";
  input.spf = maildiag::dmarc::parse_auth_result("example.com:pass");
  if (auto dkim = maildiag::dmarc::parse_auth_result("sub.example.com:pass")) input.dkim.push_back(*dkim);
  (void)maildiag::dmarc::evaluate(input, cache);
  (void)maildiag::audit_domain("example.com", {}, cache);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);

  maildiag::dns::Cache cache;
  (void)maildiag::dns::add_answers_from_json(text, cache);
  evaluate_all(cache);

  auto parsed = maildiag::dns::Zone::parse(text);
  if (parsed.zone) {
    maildiag::dns::Cache zone_cache;
    maildiag::spf::Request request;
    request.ip = "192.0.2.1";
    request.mail_from = "user@example.com";
    (void)maildiag::spf::check_host(request, *parsed.zone, zone_cache);
    (void)maildiag::spf::audit("example.com", *parsed.zone, zone_cache);
  }
  return 0;
}
