// The DNS options every domain-checking subcommand shares: --zone FILE (a static JSON zone) or
// --dns HOST[:PORT] (the native resolver against one server); with neither, the native resolver
// uses the system's configuration.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/dns/zone.hpp"
#ifdef MAILDIAG_HAVE_RESOLVER
#  include "maildiag/dns/cares_resolver.hpp"
#endif

namespace maildiag::cli {

struct DnsOptions {
  std::string zone_file;
  std::string server;
  int timeout_ms = 1500;
  int tries = 2;
};

inline void add_dns_options(CLI::App* cmd, DnsOptions& options) {
  auto* zone = cmd->add_option("--zone", options.zone_file,
                               "Answer DNS questions from a JSON zone file (see docs/dns.md)");
  auto* dns = cmd->add_option("--dns", options.server,
                              "Ask this DNS server, HOST[:PORT] (default: the system resolver)");
  zone->excludes(dns);
  cmd->add_option("--timeout", options.timeout_ms, "Milliseconds per DNS try (native resolver)")
      ->check(CLI::Range(50, 60000));
  cmd->add_option("--tries", options.tries, "DNS tries per question (native resolver)")
      ->check(CLI::Range(1, 5));
}

/// --selector S, repeated or comma-separated: one value per flag, so a domain after it stays the
/// domain ("--selector s1 example.com").
inline void add_selector_option(CLI::App* cmd, std::vector<std::string>& selectors) {
  cmd->add_option("--selector", selectors,
                  "A DKIM selector to check; repeat the option or separate selectors with commas "
                  "(default: selector1, selector2 and other common ones)")
      ->allow_extra_args(false)
      ->delimiter(',');
}

/// The host chosen by the options. Throws Failure: exit 3 for an unreadable or malformed zone
/// file, exit 2 for an unusable --dns value.
inline std::unique_ptr<dns::Resolver> make_resolver(const DnsOptions& options, const Context& ctx) {
  if (!options.zone_file.empty()) {
    auto parsed = dns::Zone::parse(ctx.read_input(options.zone_file));
    if (!parsed.zone) throw Failure(exit_unreadable, options.zone_file + ": " + parsed.error);
    return std::make_unique<dns::Zone>(std::move(*parsed.zone));
  }
#ifdef MAILDIAG_HAVE_RESOLVER
  dns::CaresOptions cares;
  cares.server = options.server;
  cares.timeout_ms = options.timeout_ms;
  cares.tries = options.tries;
  std::string error;
  auto resolver = dns::CaresResolver::create(cares, error);
  if (!resolver) throw Failure(exit_usage, "--dns: " + error);
  return resolver;
#else
  throw Failure(exit_usage, "this build has no DNS resolver: use --zone FILE");
#endif
}

}  // namespace maildiag::cli
