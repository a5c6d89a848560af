// `maildiag domain DOMAIN`: the whole-domain mail audit, written for people who are not experts.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "auth_output.hpp"
#include "context.hpp"
#include "dns_options.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"

namespace maildiag::cli {

namespace {

std::string_view area_name(const std::string& area) {
  if (area == "mx") return "Receiving mail (MX)";
  if (area == "spf") return "SPF";
  if (area == "dmarc") return "DMARC";
  if (area == "dkim") return "DKIM";
  if (area == "mta_sts") return "MTA-STS";
  if (area == "tls_rpt") return "TLS reporting";
  return "Domain";
}

void print_report(const DomainAudit& a) {
  std::size_t errors = a.count(Severity::error), warnings = a.count(Severity::warning);
  std::cout << fmt::format("Mail check for {}\n", a.domain);
  if (a.dns_outage) {
    std::cout << '\n';
    print_findings({a.findings.front().finding}, "");
    return;
  }
  if (errors)
    std::cout << fmt::format("{} problem(s) to fix, {} warning(s).\n", errors, warnings);
  else if (warnings)
    std::cout << fmt::format("No problems that stop mail; {} warning(s).\n", warnings);
  else
    std::cout << "Everything checked looks right.\n";

  static constexpr struct {
    Severity severity;
    const char* heading;
  } groups[] = {{Severity::error, "Must fix"},
                {Severity::warning, "Should fix"},
                {Severity::info, "Good to know"}};
  for (const auto& g : groups) {
    bool first = true;
    for (const auto& df : a.findings) {
      if (df.finding.severity != g.severity) continue;
      if (first) std::cout << fmt::format("\n{}\n", g.heading);
      first = false;
      std::cout << fmt::format("\n  [{}] {}\n", area_name(df.area), df.finding.message);
      if (!df.finding.fix.empty()) std::cout << fmt::format("    How to fix: {}\n", df.finding.fix);
      if (df.publish)
        std::cout << fmt::format("    Publish:    {}  {}  \"{}\"\n", df.publish->name, df.publish->type,
                                 df.publish->value);
      std::cout << fmt::format("    ({})\n", df.finding.code);
    }
  }
}

}  // namespace

void register_domain(CLI::App& app, Context& ctx) {
  struct Options {
    std::string domain;
    std::vector<std::string> selectors;
    bool json = false;
    DnsOptions dns;
  };
  auto opts = std::make_shared<Options>();
  auto* cmd = app.add_subcommand(
      "domain", "Check a domain's mail setup: MX, SPF, DMARC, DKIM, MTA-STS, TLS-RPT");
  cmd->add_option("domain", opts->domain, "The domain")->required();
  add_selector_option(cmd, opts->selectors);
  cmd->add_flag("--json", opts->json, "Print one JSON document");
  add_dns_options(cmd, opts->dns);
  cmd->callback([opts, &ctx] {
    std::string domain = ctx.domain_argument("domain", opts->domain);
    auto resolver = make_resolver(opts->dns, ctx);
    dns::Cache cache;
    auto a = dns::drive(
        [&](const dns::Cache& c) { return audit_domain(domain, opts->selectors, c); }, *resolver, cache);
    if (opts->json)
      ctx.print_json(to_json(a));
    else
      print_report(a);
    if (a.dns_outage)
      ctx.exit_code = exit_dns_unreachable;
    else if (a.count(Severity::error))
      ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
