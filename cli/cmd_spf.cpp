// `maildiag spf check|eval|audit`: SPF record validation, RFC 7208 check_host() and the
// include-tree audit.
#include <fmt/format.h>

#include <cstdint>
#include <ctime>
#include <iostream>

#include "context.hpp"
#include "dns_options.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/json.hpp"
#include "maildiag/spf/validate.hpp"

namespace maildiag::cli {

namespace {

void print_findings(const std::vector<Finding>& findings) {
  for (const auto& f : findings) {
    std::cout << fmt::format("{} {}: {}\n", to_string(f.severity), f.code, f.message);
    if (!f.fix.empty()) std::cout << fmt::format("  fix: {}\n", f.fix);
  }
}

// The record on one line, then each finding with a caret line under the bytes it is about.
void print_check(const spf::Validation& v) {
  std::cout << v.text << '\n';
  for (const auto& f : v.findings) {
    std::size_t begin = std::min(f.span.begin, v.text.size());
    std::size_t width = f.span.size() == 0 ? 1 : std::min(f.span.size(), v.text.size() - begin + 1);
    std::cout << std::string(begin, ' ') << std::string(width, '^') << '\n';
    std::cout << fmt::format("{} {}: {}\n", to_string(f.severity), f.code, f.message);
    if (!f.fix.empty()) std::cout << fmt::format("  fix: {}\n", f.fix);
  }
  for (std::size_t i = 0; i < v.record.terms.size(); ++i)
    if (const spf::Provider* p = v.provider(i))
      std::cout << fmt::format("{}: {}. {}\n", v.term_text(v.record.terms[i]), p->name, p->note);
  std::cout << fmt::format("{} DNS lookup{} in this record (limit 10 for the whole evaluation).{}\n",
                           v.dns_terms, v.dns_terms == 1 ? "" : "s",
                           v.findings.empty() ? " No problems found." : "");
}

void print_eval(const spf::Evaluation& e) {
  std::cout << fmt::format("Result:        {}\n", to_string(e.result));
  if (e.dns_outage) return print_findings({dns::outage_finding(*e.dns_outage)});
  if (!e.explanation.empty()) std::cout << fmt::format("Explanation:   {}\n", e.explanation);
  if (!e.matched_term.empty()) {
    std::cout << fmt::format("Matched term:  {} (in {})\n", e.matched_term, e.matched_domain);
    if (e.matched_chain.size() > 1) {
      std::string chain;
      for (const auto& t : e.matched_chain) chain += (chain.empty() ? "" : " > ") + t;
      std::cout << fmt::format("Path:          {}\n", chain);
    }
  }
  std::cout << fmt::format("Reason:        {}\n", e.reason);
  std::cout << fmt::format("DNS lookups:   {} of 10, void lookups: {} of 2\n", e.dns_lookups, e.void_lookups);
  std::cout << "Trace:\n";
  for (const auto& t : e.trace) {
    std::string answer;
    for (const auto& r : t.answer.records) {
      std::string text = (r.type == dns::RecordType::TXT || r.type == dns::RecordType::SPF)
                             ? "\"" + r.joined_text() + "\""
                             : (r.type == dns::RecordType::MX ? std::to_string(r.preference) + " " + r.data : r.data);
      answer += (answer.empty() ? "" : ", ") + text;
    }
    if (answer.empty()) answer = std::string(dns::to_string(t.answer.kind));
    std::cout << fmt::format("  {}{} {} ({}) -> {}\n", std::string(static_cast<std::size_t>(t.depth) * 2, ' '),
                             t.question.name, dns::to_string(t.question.type), t.cause, answer);
  }
}

void print_node(const spf::Audit& a, std::size_t index) {
  const auto& n = a.nodes[index];
  std::string indent(static_cast<std::size_t>(n.depth) * 2, ' ');
  std::string head = n.via.empty() ? n.domain : n.via;
  std::cout << fmt::format("{}{}  [{} lookup{} in this branch{}]{}\n", indent, head, n.branch_lookups,
                           n.branch_lookups == 1 ? "" : "s", n.status == "ok" ? "" : ", " + n.status,
                           n.provider.empty() ? "" : "  " + n.provider);
  if (!n.record.empty()) std::cout << fmt::format("{}  {}\n", indent, n.record);
  for (const auto& f : n.findings)
    std::cout << fmt::format("{}  {} {}: {}\n", indent, to_string(f.severity), f.code, f.message);
  for (std::size_t c : n.children) print_node(a, c);
}

void print_audit(const spf::Audit& a) {
  if (a.dns_outage) return print_findings(a.findings);
  if (!a.nodes.empty()) print_node(a, 0);
  std::cout << fmt::format("Total: {} DNS lookups of {}{}; void lookups: {}\n", a.total_lookups, a.lookup_limit,
                           a.total_lookups > a.lookup_limit ? " (over the limit)" : "", a.void_lookups);
  print_findings(a.findings);
}

// "What if": the record given on the command line replaces the TXT records of `domain`, whatever
// the DNS host says, so a change can be tried before it is published.
void seed_what_if(dns::Cache& cache, const std::string& domain, const std::string& record) {
  if (record.empty()) return;
  dns::Record txt;
  txt.type = dns::RecordType::TXT;
  // Published TXT strings hold at most 255 bytes each.
  for (std::size_t i = 0; i < record.size(); i += 255) txt.strings.push_back(record.substr(i, 255));
  cache.insert({dns::normalize_name(domain), dns::RecordType::TXT}, dns::Answer::with_records({txt}));
}

}  // namespace

void register_spf(CLI::App& app, Context& ctx) {
  auto* spf_cmd = app.add_subcommand("spf", "SPF: validate a record, evaluate check_host(), audit a domain");
  spf_cmd->require_subcommand(1);

  struct CheckOptions {
    bool json = false;
  };
  auto check = std::make_shared<CheckOptions>();
  auto* check_cmd = spf_cmd->add_subcommand("check", "Validate an SPF record offline (exit 1 on errors)");
  // Terms may start with '-' ("-all", "-ip4:..."): the record is every word that is not one of
  // the options below, in the order given, so it needs no quotes.
  check_cmd->allow_extras();
  check_cmd->footer(
      "RECORD: every word that is not an option, so it needs no quotes:\n"
      "  maildiag spf check v=spf1 mx -all\n"
      "It may also be quoted and split as DNS tools show it (\"v=spf1 ...\" \"...\"),\n"
      "or - to read it from standard input.\n");
  check_cmd->add_flag("--json", check->json, "Print one JSON document");
  check_cmd->callback([check, check_cmd, &ctx] {
    const std::vector<std::string> words = check_cmd->remaining();
    if (words.empty()) throw Failure(exit_usage, "spf check: give the record, e.g. maildiag spf check v=spf1 mx -all");
    // No SPF term starts with "--": such a word is a mistyped option.
    for (const auto& w : words)
      if (w.rfind("--", 0) == 0) throw Failure(exit_usage, "spf check: unknown option " + w);
    std::string text = ctx.text_argument(words);
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    spf::Validation v = spf::validate_pasted(text);
    if (check->json)
      ctx.print_json(spf::to_json(v));
    else
      print_check(v);
    if (v.has_errors()) ctx.exit_code = exit_findings;
  });

  struct EvalOptions {
    std::string ip, mail_from, helo, what_if;
    bool json = false;
    DnsOptions dns;
  };
  auto eval = std::make_shared<EvalOptions>();
  auto* eval_cmd = spf_cmd->add_subcommand("eval", "Evaluate RFC 7208 check_host() for a client IP and sender");
  eval_cmd->add_option("--ip", eval->ip, "The SMTP client's IP address")->required();
  eval_cmd->add_option("--mail-from", eval->mail_from, "MAIL FROM address (empty: checks postmaster@HELO)")
      ->required();
  eval_cmd->add_option("--helo", eval->helo, "HELO/EHLO name");
  eval_cmd->add_option("--what-if", eval->what_if,
                       "Evaluate with this SPF record in place of the sender domain's published one");
  eval_cmd->add_flag("--json", eval->json, "Print one JSON document");
  add_dns_options(eval_cmd, eval->dns);
  eval_cmd->callback([eval, &ctx] {
    spf::Request request;
    request.ip = eval->ip;
    request.mail_from = eval->mail_from;
    request.helo = eval->helo;
    if (auto bad = spf::check_request(request)) {
      using Field = spf::RequestError::Field;
      const char* name = bad->field == Field::ip ? "--ip" : bad->field == Field::mail_from ? "--mail-from" : "--helo";
      throw Failure(exit_usage, std::string(name) + ": " + bad->message);
    }
    auto resolver = make_resolver(eval->dns, ctx);
    request.timestamp = static_cast<std::uint64_t>(std::time(nullptr));
    dns::Cache cache;
    std::string domain = eval->mail_from.empty() ? eval->helo : eval->mail_from.substr(eval->mail_from.rfind('@') + 1);
    seed_what_if(cache, domain, eval->what_if);
    spf::Evaluation e = spf::check_host(request, *resolver, cache);
    if (eval->json)
      ctx.print_json(spf::to_json(e));
    else
      print_eval(e);
    if (e.dns_outage) ctx.exit_code = exit_dns_unreachable;
  });

  struct AuditOptions {
    std::string domain, what_if;
    bool json = false;
    DnsOptions dns;
  };
  auto audit = std::make_shared<AuditOptions>();
  auto* audit_cmd = spf_cmd->add_subcommand("audit", "Audit a domain's SPF include tree and lookup budget");
  audit_cmd->add_option("domain", audit->domain, "The domain")->required();
  audit_cmd->add_option("--what-if", audit->what_if, "Audit with this SPF record in place of the domain's own");
  audit_cmd->add_flag("--json", audit->json, "Print one JSON document");
  add_dns_options(audit_cmd, audit->dns);
  audit_cmd->callback([audit, &ctx] {
    std::string domain = ctx.domain_argument("domain", audit->domain);
    auto resolver = make_resolver(audit->dns, ctx);
    dns::Cache cache;
    seed_what_if(cache, domain, audit->what_if);
    spf::Audit a = spf::audit(domain, *resolver, cache);
    if (audit->json)
      ctx.print_json(spf::to_json(a));
    else
      print_audit(a);
    if (a.dns_outage)
      ctx.exit_code = exit_dns_unreachable;
    else if (has_errors(a.findings))
      ctx.exit_code = exit_findings;
  });
}

}  // namespace maildiag::cli
