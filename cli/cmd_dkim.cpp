// `maildiag dkim check RECORD` and `maildiag dkim audit DOMAIN --selector S...`.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "auth_output.hpp"
#include "context.hpp"
#include "dns_options.hpp"
#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"

namespace maildiag::cli {

namespace {

void print_key(const dkim::KeyRecord& r) {
  if (r.revoked)
    std::cout << "Key:      revoked (empty p=)\n";
  else if (r.key_bits)
    std::cout << fmt::format("Key:      {} {} bits ({})\n", r.key_type, *r.key_bits,
                             dkim::to_string(r.key_format));
  else
    std::cout << fmt::format("Key:      {} (not readable)\n", r.key_type);
  std::cout << (r.valid() ? "Verdict:  usable for verifying signatures\n"
                          : "Verdict:  NOT usable: signatures with this key fail\n");
  std::cout << "\nRecord:\n";
  print_annotated(r.text, r.findings);
}

void print_audit(const dkim::Audit& a) {
  std::cout << fmt::format("DKIM for {}{}\n", a.domain,
                           a.default_selectors ? " (common selectors tried)" : "");
  for (const auto& s : a.selectors) {
    if (a.default_selectors && s.status == "not_found" && s.cname_target.empty() && s.findings.empty())
      continue;
    std::cout << fmt::format("\n{}: {}\n", s.name, s.status);
    if (!s.cname_target.empty()) std::cout << fmt::format("  CNAME -> {}\n", s.cname_target);
    if (s.record) {
      const auto& r = *s.record;
      if (r.key_bits)
        std::cout << fmt::format("  Key: {} {} bits{}\n", r.key_type, *r.key_bits, r.valid() ? "" : " (not usable)");
      else if (r.revoked)
        std::cout << "  Key: revoked\n";
      print_findings(r.findings);
    }
    print_findings(s.findings);
  }
  if (!a.findings.empty()) {
    std::cout << "\n";
    print_findings(a.findings, "");
  }
}

}  // namespace

void register_dkim(CLI::App& app, Context& ctx) {
  auto* dkim_cmd = app.add_subcommand("dkim", "DKIM key records: validate one, or audit a domain's selectors");
  dkim_cmd->require_subcommand(1);

  struct CheckOptions {
    std::vector<std::string> words;
    bool json = false;
  };
  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = dkim_cmd->add_subcommand("check", "Validate a DKIM key record (offline)");
  check_cmd->add_option("record", check->words, "The TXT record text, or - for stdin")->required();
  check_cmd->add_flag("--json", check->json, "Print one JSON document");
  check_cmd->callback([check, &ctx] {
    auto record = dkim::parse_pasted_key_record(trim_record(ctx.text_argument(check->words)));
    if (check->json)
      ctx.print_json(dkim::to_json(record));
    else
      print_key(record);
    if (has_errors(record.findings)) ctx.exit_code = exit_findings;
  });

  struct AuditOptions {
    std::string domain;
    std::vector<std::string> selectors;
    bool json = false;
    DnsOptions dns;
  };
  auto audit = std::make_shared<AuditOptions>();
  auto* audit_cmd = dkim_cmd->add_subcommand("audit", "Check a domain's DKIM selectors (Microsoft 365 CNAMEs included)");
  audit_cmd->add_option("domain", audit->domain, "The domain")->required();
  add_selector_option(audit_cmd, audit->selectors);
  audit_cmd->add_flag("--json", audit->json, "Print one JSON document");
  add_dns_options(audit_cmd, audit->dns);
  audit_cmd->callback([audit, &ctx] {
    std::string domain = ctx.domain_argument("domain", audit->domain);
    auto resolver = make_resolver(audit->dns, ctx);
    dns::Cache cache;
    auto a = dns::drive([&](const dns::Cache& c) { return dkim::audit(domain, audit->selectors, c); },
                        *resolver, cache);
    if (audit->json)
      ctx.print_json(dkim::to_json(a));
    else
      print_audit(a);
    bool errors = has_errors(a.findings);
    for (const auto& s : a.selectors)
      errors = errors || has_errors(s.findings) || (s.record && has_errors(s.record->findings));
    if (a.dns_outage)
      ctx.exit_code = exit_dns_unreachable;
    else if (errors)
      ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
