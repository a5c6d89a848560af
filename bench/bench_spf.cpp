// SPF throughput: parsing + validating realistic records, and check_host() evaluations against
// an in-memory zone (with a fresh cache each time, and with every answer already cached).
// Rates are per second of CPU time on one core.
#include <ctime>
#include <cstdio>
#include <string>
#include <vector>

#include "maildiag/dns/zone.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/validate.hpp"

namespace {

// Shapes seen in the wild: provider includes, networks, mx/a, macros, and a few mistakes.
const std::vector<std::string> kRecords = {
    "v=spf1 include:spf.protection.outlook.com -all",
    "v=spf1 include:_spf.google.com ~all",
    "v=spf1 mx a ip4:192.0.2.0/24 ip4:198.51.100.14 include:spf.protection.outlook.com -all",
    "v=spf1 ip4:203.0.113.0/25 ip4:203.0.113.128/26 ip6:2001:db8:1::/48 include:sendgrid.net include:mailgun.org ~all",
    "v=spf1 include:_spf.salesforce.com include:servers.mcsv.net include:_spf.google.com include:amazonses.com -all",
    "v=spf1 redirect=_spf.example.com",
    "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
    "v=spf1 a:mail.example.com mx:example.org ptr ?all",
    "v=spf1 ip4:10.0.0.0/8 ip4:192.0.2.1 ip4:192.0.2.1 +all",
    "v=spf1 include:spf.protection.outlook.com include:spf.protection.outlook.com -all exp=explain._spf.%{d}",
};

// CPU time of this thread: throughput per core even when the machine is shared.
double cpu_now() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main() {
  std::size_t bytes_per_round = 0;
  for (const auto& r : kRecords) bytes_per_round += r.size();

  std::size_t sink = 0;
  const std::size_t rounds = 400000;
  double start = cpu_now();
  for (std::size_t i = 0; i < rounds; ++i)
    for (const auto& r : kRecords) sink += maildiag::spf::validate(r).findings.size();
  double t = cpu_now() - start;
  double records = static_cast<double>(rounds * kRecords.size());
  std::printf("spf parse+validate: %.2f million records/s, %.1f MB/s (%zu records)\n", records / t / 1e6,
              static_cast<double>(rounds * bytes_per_round) / t / 1e6, static_cast<std::size_t>(records));

  start = cpu_now();
  for (std::size_t i = 0; i < rounds; ++i)
    for (const auto& r : kRecords) sink += maildiag::spf::parse(r).terms.size();
  t = cpu_now() - start;
  std::printf("spf parse only:     %.2f million records/s\n", records / t / 1e6);

  auto parsed = maildiag::dns::Zone::parse(R"({
    "example.com":[{"type":"TXT","data":"v=spf1 mx include:_spf.example.com include:spf.protection.outlook.com -all"},
                   {"type":"MX","preference":10,"exchange":"mx1.example.com"},{"type":"MX","preference":20,"exchange":"mx2.example.com"}],
    "mx1.example.com":[{"type":"A","data":"192.0.2.25"}], "mx2.example.com":[{"type":"A","data":"192.0.2.26"}],
    "_spf.example.com":[{"type":"TXT","data":"v=spf1 ip4:198.51.100.0/24 ip6:2001:db8:1::/48 a:relay.example.com ~all"}],
    "relay.example.com":[{"type":"A","data":"203.0.113.5"}],
    "spf.protection.outlook.com":[{"type":"TXT","data":"v=spf1 ip4:40.92.0.0/15 ip4:40.107.0.0/16 ip4:52.100.0.0/14 -all"}]
  })");
  if (!parsed.zone) {
    std::fprintf(stderr, "%s\n", parsed.error.c_str());
    return 1;
  }
  maildiag::spf::Request request;
  request.ip = "40.107.1.2";  // matches in the last include: the whole tree is walked
  request.mail_from = "user@example.com";
  request.helo = "mail.example.com";

  const std::size_t evaluations = 20000;
  start = cpu_now();
  for (std::size_t i = 0; i < evaluations; ++i) {
    maildiag::dns::Cache cache;
    auto e = maildiag::spf::check_host(request, *parsed.zone, cache);
    sink += e.result == maildiag::spf::Result::pass;
  }
  t = cpu_now() - start;
  std::printf("spf check_host, fresh cache (sans-IO rounds included): %.0f evaluations/s\n", evaluations / t);

  maildiag::dns::Cache warm;
  (void)maildiag::spf::check_host(request, *parsed.zone, warm);
  start = cpu_now();
  for (std::size_t i = 0; i < evaluations * 5; ++i) sink += maildiag::spf::check_host(request, warm).dns_lookups;
  t = cpu_now() - start;
  std::printf("spf check_host, answers cached: %.0f evaluations/s\n", evaluations * 5 / t);
  return sink == 0;
}
