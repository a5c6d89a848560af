// Throughput of explain() and of the knowledge-base lookup alone (lines/s, MB/s) over a few
// thousand realistic bounce lines from every provider family. Run, not asserted.
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "maildiag/explain.hpp"
#include "maildiag/kb/diagnose.hpp"

namespace {

const char* const templates[] = {
    "550 5.1.1 <user{n}@example.com>: Recipient address rejected: User unknown in local recipient table",
    "host mx{n}.example.net[192.0.2.{n}] said: 554 5.7.1 <client.example.org[198.51.100.{n}]>: Client host rejected: blocked using zen.spamhaus.org",
    "Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
    "550 5.7.509 Access denied, sending domain [EXAMPLE{n}.COM] does not pass DMARC verification and has a DMARC policy of reject. [AM{n}.eurprd04.prod.outlook.com]",
    "550 5.7.1 Unfortunately, messages from [203.0.113.{n}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150)",
    "421 RP-001 (COL004-MC4F{n}) Unfortunately, some messages from 192.0.2.{n} weren't sent. Please try again.",
    "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos. {n}si123.456 - gsmtp",
    "421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address. {n}ab - gsmtp",
    "550-5.7.26 Unauthenticated email from example{n}.com is not accepted due to domain's DMARC policy. gsmtp",
    "421 4.7.0 [TSS04] Messages from 192.0.2.{n} temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
    "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.{n}, because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
    "554 5.7.1 <user{n}@example.org>: Relay access denied",
    "550 Unrouteable address",
    "retry timeout exceeded",
    "552 5.2.2 <user{n}@example.jp>... Mailbox Full",
    "450 4.7.1 <unknown[192.0.2.{n}]>: Client host rejected: cannot find your hostname, [192.0.2.{n}]",
    "451 4.7.1 Greylisted, please try again in 300 seconds",
    "550 4.4.7 QUEUE.Expired; message expired [BN{n}.namprd02.prod.outlook.com]",
    "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded",
    "550 5.7.606 Access denied, banned sending IP [192.0.2.{n}]. To request removal from this list please visit https://sender.office.com/",
    "451 4.7.500 Server busy. Please try again later from [192.0.2.{n}]. (AS843) [DB{n}.eurprd03.prod.outlook.com]",
    "Sorry, no mailbox here by that name. (#5.1.1)",
    "552 5.3.4 Message size exceeds fixed limit",
    "550 5.7.515 Access denied, sending domain example{n}.com does not meet the required authentication level.",
    "421 4.3.2 Service not available, closing transmission channel",
    "5.2.2 submission quota exceeded",
};

std::vector<std::string> make_lines(std::size_t count) {
  std::vector<std::string> lines;
  lines.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string line = templates[i % (sizeof(templates) / sizeof(templates[0]))];
    const std::string n = std::to_string(i % 250 + 1);
    for (std::size_t at; (at = line.find("{n}")) != std::string::npos;) line.replace(at, 3, n);
    lines.push_back(std::move(line));
  }
  return lines;
}

// CPU time of this process: on a shared machine, wall-clock time would also count the time
// other programs hold the core. std::clock() measures what one core spent on the benchmark.
double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

template <class F>
void measure(const char* name, const std::vector<std::string>& lines, F&& f) {
  std::size_t bytes_per_round = 0;
  for (const auto& s : lines) bytes_per_round += s.size();
  std::size_t rounds = 0, sink = 0;
  const double start = cpu_seconds();
  double seconds = 0;
  do {
    for (const auto& s : lines) sink += f(s);
    ++rounds;
    seconds = cpu_seconds() - start;
  } while (seconds < 1.0);
  const double items = double(rounds * lines.size());
  std::printf("%-26s %12.0f lines/s %9.1f MB/s   (one core, CPU time; checksum %zu)\n", name,
              items / seconds, double(rounds * bytes_per_round) / seconds / 1e6, sink % 1000);
}

}  // namespace

int main() {
  const std::vector<std::string> lines = make_lines(4000);
  std::printf("%zu lines, %zu distinct shapes\n", lines.size(), sizeof(templates) / sizeof(templates[0]));
  measure("kb::diagnose", lines, [](const std::string& s) {
    const auto d = maildiag::kb::diagnose(s);
    return d.entry ? d.entry->id.size() : std::size_t{0};
  });
  measure("explain", lines, [](const std::string& s) {
    const auto e = maildiag::explain(s);
    return e.diagnosis.entry ? e.diagnosis.entry->id.size() : std::size_t{0};
  });
  return 0;
}
