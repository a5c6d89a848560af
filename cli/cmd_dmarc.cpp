// `maildiag dmarc check RECORD`, `maildiag dmarc eval ...` and `maildiag dmarc audit DOMAIN`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "auth_output.hpp"
#include "context.hpp"
#include "dns_options.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/verdict.hpp"

namespace maildiag::cli {

namespace {

void print_record(const dmarc::Record& r, std::string_view domain) {
  std::cout << dmarc::describe_effect(r, domain) << "\n\n";
  const dmarc::Effect e = dmarc::effect_of(r);
  if (e.in_effect) {
    std::cout << fmt::format("Policy:   p={} sp={} np={}{}\n", dmarc::to_string(e.p),
                             dmarc::to_string(e.sp), dmarc::to_string(e.np),
                             e.testing ? " (testing, t=y)" : "");
    std::cout << fmt::format("Alignment: DKIM {}, SPF {}\n", dmarc::to_string(e.adkim),
                             dmarc::to_string(e.aspf));
    std::cout << fmt::format("Reports:  {} aggregate, {} failure destination(s)\n", e.rua.size(),
                             e.ruf.size());
  }
  std::cout << "\nRecord:\n";
  print_annotated(r.text, r.findings);
}

void print_verdict(const dmarc::Verdict& v) {
  std::cout << fmt::format("DMARC result:    {}\n", dmarc::to_string(v.result));
  std::cout << fmt::format("Policy to apply: {}\n", dmarc::to_string(v.policy));
  std::cout << fmt::format("Policy domain:   {}\n", v.policy_domain.empty() ? "(none)" : v.policy_domain);
  std::cout << fmt::format("SPF:             {}\nDKIM:            {}\n", v.spf_alignment,
                           v.dkim_alignment);
  std::cout << "\nHow this was decided:\n";
  for (std::size_t i = 0; i < v.steps.size(); ++i)
    std::cout << fmt::format("  {}. {}\n", i + 1, v.steps[i]);
  if (!v.findings.empty()) {
    std::cout << "\nNotes:\n";
    print_findings(v.findings);
  }
}

void print_method(const char* title, const dmarc::MethodResult& m) {
  std::cout << fmt::format("  {}: ", title);
  if (m.policy_domain.empty())
    std::cout << (m.status == dmarc::DiscoveryStatus::temperror ? "DNS failure" : "no record");
  else
    std::cout << "_dmarc." << m.policy_domain;
  std::cout << fmt::format(" (organizational domain {})\n", m.organizational_domain);
  for (const auto& l : m.lookups)
    std::cout << fmt::format("      _dmarc.{:<40} {}\n", l.name, l.outcome);
}

void print_audit(const dmarc::Audit& a) {
  const auto& walk = a.discovery.tree_walk;
  std::cout << fmt::format("DMARC for {}\n\nWhich record applies:\n", a.domain);
  print_method("RFC 9989 (DNS tree walk)", walk);
  print_method("RFC 7489 (Public Suffix List)", a.discovery.psl);
  if (walk.record) {
    std::cout << '\n' << dmarc::describe_effect(*walk.record, walk.policy_domain) << '\n';
    std::cout << "\nRecord:\n";
    print_annotated(walk.record->text, walk.record->findings);
  }
  if (!a.destinations.empty()) {
    std::cout << "\nReport destinations:\n";
    for (const auto& d : a.destinations)
      std::cout << fmt::format("  {} {:<36} {}\n", d.tag, d.address.empty() ? "(invalid)" : d.address,
                               d.status);
  }
  if (!a.findings.empty()) {
    std::cout << "\nFindings:\n";
    print_findings(a.findings);
  }
}

}  // namespace

void register_dmarc(CLI::App& app, Context& ctx) {
  auto* dmarc_cmd = app.add_subcommand("dmarc", "DMARC: validate a record, evaluate a message, audit a domain");
  dmarc_cmd->require_subcommand(1);

  struct CheckOptions {
    std::vector<std::string> words;
    std::string domain;
    bool json = false;
  };
  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = dmarc_cmd->add_subcommand("check", "Validate a DMARC record (offline)");
  check_cmd->add_option("record", check->words, "The TXT record text, or - for stdin")->required();
  check_cmd->add_option("--domain", check->domain, "The domain the record is published for (named in the summary)");
  check_cmd->add_flag("--json", check->json, "Print one JSON document");
  check_cmd->callback([check, &ctx] {
    const std::string domain = dns::normalize_name(check->domain);
    if (!check->domain.empty() && !dns::is_valid_name(domain))
      throw Failure(exit_usage, "--domain: \"" + check->domain + "\" is not a domain name");
    auto record = dmarc::parse_pasted_record(trim_record(ctx.text_argument(check->words)));
    if (check->json)
      ctx.print_json(dmarc::to_json(record, domain));
    else
      print_record(record, domain);
    if (has_errors(record.findings)) ctx.exit_code = exit_findings;
  });

  struct EvalOptions {
    std::string from, spf;
    std::vector<std::string> dkim;
    bool json = false;
    DnsOptions dns;
  };
  auto eval = std::make_shared<EvalOptions>();
  auto* eval_cmd = dmarc_cmd->add_subcommand("eval", "DMARC result and policy for a message (alignment explained)");
  eval_cmd->add_option("--from", eval->from, "The RFC5322.From domain")->required();
  eval_cmd->add_option("--spf", eval->spf, "The SPF-checked MAIL FROM domain and its result, DOMAIN:RESULT");
  eval_cmd->add_option("--dkim", eval->dkim, "A DKIM signing domain (d=) and its result, DOMAIN:RESULT (repeatable)")
      ->take_all();
  eval_cmd->add_flag("--json", eval->json, "Print one JSON document");
  add_dns_options(eval_cmd, eval->dns);
  eval_cmd->callback([eval, &ctx] {
    dmarc::VerdictInput input;
    input.from_domain = ctx.domain_argument("--from", eval->from);
    if (!eval->spf.empty()) {
      input.spf = dmarc::parse_auth_result(eval->spf);
      if (!input.spf)
        throw Failure(exit_usage, "--spf: expected DOMAIN:RESULT (pass, fail, softfail, neutral, none, temperror, permerror), got \"" + eval->spf + "\"");
    }
    for (const auto& d : eval->dkim) {
      auto r = dmarc::parse_auth_result(d);
      if (!r) throw Failure(exit_usage, "--dkim: expected DOMAIN:RESULT, got \"" + d + "\"");
      input.dkim.push_back(std::move(*r));
    }
    auto resolver = make_resolver(eval->dns, ctx);
    dns::Cache cache;
    auto v = dns::drive([&](const dns::Cache& c) { return dmarc::evaluate(input, c); }, *resolver, cache);
    if (eval->json)
      ctx.print_json(dmarc::to_json(v));
    else if (v.dns_outage)
      print_findings(v.findings);
    else
      print_verdict(v);
    if (v.dns_outage) ctx.exit_code = exit_dns_unreachable;
  });

  struct AuditOptions {
    std::string domain;
    bool json = false;
    DnsOptions dns;
  };
  auto audit = std::make_shared<AuditOptions>();
  auto* audit_cmd = dmarc_cmd->add_subcommand("audit", "Which DMARC record applies to a domain, and what is wrong with it");
  audit_cmd->add_option("domain", audit->domain, "The domain")->required();
  audit_cmd->add_flag("--json", audit->json, "Print one JSON document");
  add_dns_options(audit_cmd, audit->dns);
  audit_cmd->callback([audit, &ctx] {
    std::string domain = ctx.domain_argument("domain", audit->domain);
    auto resolver = make_resolver(audit->dns, ctx);
    dns::Cache cache;
    auto a = dns::drive([&](const dns::Cache& c) { return dmarc::audit(domain, c); }, *resolver, cache);
    if (audit->json)
      ctx.print_json(dmarc::to_json(a));
    else if (a.dns_outage)
      print_findings(a.findings);
    else
      print_audit(a);
    const auto& rec = a.discovery.tree_walk.record;
    if (a.dns_outage)
      ctx.exit_code = exit_dns_unreachable;
    else if (has_errors(a.findings) || (rec && has_errors(rec->findings)))
      ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
