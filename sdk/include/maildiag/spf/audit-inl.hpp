#pragma once

#include "maildiag/dns/answer.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/providers.hpp"
#include "maildiag/spf/record.hpp"
#include "maildiag/spf/validate.hpp"

namespace maildiag {
namespace spf {
namespace audit_detail {

inline bool has_macro(std::string_view s) { return s.find('%') != std::string_view::npos; }

class Walker {
 public:
  Walker(const dns::Cache& cache, Audit& out) : cache_(cache), out_(out) {}

  void run(std::string_view domain) {
    std::string name = dns::normalize_name(domain);
    out_.domain = name;
    if (!dns::is_valid_name(name)) {
      add("spf.no_record", Severity::error, "\"" + std::string(domain) + "\" is not a valid domain name", "");
      return;
    }
    if ((out_.dns_outage = dns::find_outage(cache_))) {
      out_.findings.push_back(dns::outage_finding(*out_.dns_outage));
      return;
    }
    // The obsolete SPF RR type (RFC 7208 section 3.1): only worth a warning when present.
    if (const dns::Answer* spf_type = find(name, dns::RecordType::SPF)) {
      if (spf_type->kind == dns::AnswerKind::records)
        add("spf.obsolete_spf_type", Severity::warning,
            name + " still publishes the obsolete SPF record type (99); receivers only read TXT",
            "keep the TXT record and delete the SPF-type record");
    }
    std::vector<std::string> stack;
    visit(name, "", 0, stack);
    if (!out_.pending.empty()) return;
    out_.total_lookups = out_.nodes.empty() ? 0 : out_.nodes[0].branch_lookups;
    summarize();
  }

 private:
  const dns::Answer* find(const std::string& name, dns::RecordType type) {
    const dns::Answer* a = cache_.find(name, type);
    if (!a) {
      for (const auto& q : out_.pending)
        if (q.name == name && q.type == type) return nullptr;
      out_.pending.push_back({name, type});
    }
    return a;
  }

  void add(const char* code, Severity s, std::string message, std::string fix) {
    // The same term repeated in a record (a a a) reports once.
    for (const auto& existing : out_.findings)
      if (existing.code == code && existing.message == message) return;
    Finding f;
    f.code = code;
    f.severity = s;
    f.message = std::move(message);
    f.fix = std::move(fix);
    out_.findings.push_back(std::move(f));
  }

  // Adds a node and walks below it; returns its index, or npos while answers are pending.
  std::size_t visit(const std::string& domain, std::string via, int depth, std::vector<std::string>& stack) {
    if (out_.nodes.size() >= kMaxAuditNodes) {
      if (!truncated_) {
        truncated_ = true;
        add("spf.tree_too_large", Severity::warning,
            "the include tree has more than " + std::to_string(kMaxAuditNodes) + " records; the audit stops there",
            "");
      }
      return std::string::npos;
    }
    std::size_t index = out_.nodes.size();
    out_.nodes.emplace_back();
    {
      AuditNode& node = out_.nodes[index];
      node.domain = domain;
      node.via = std::move(via);
      node.depth = depth;
      if (const Provider* p = find_provider(domain)) node.provider = std::string(p->name);
    }
    for (const auto& s : stack)
      if (s == domain) {
        out_.nodes[index].status = "loop";
        add("spf.include_loop", Severity::error,
            "\"" + out_.nodes[index].via + "\" leads back to " + domain +
                ", which is already being evaluated: the evaluation can only end in a permerror",
            "remove the include or redirect that points back");
        return index;
      }
    if (depth > kMaxAuditDepth) {
      out_.nodes[index].status = "truncated";
      return index;
    }
    const dns::Answer* txt = find(domain, dns::RecordType::TXT);
    if (!txt) return std::string::npos;
    if (txt->is_failure()) {
      out_.nodes[index].status = "error";
      add("spf.dns_error", Severity::error,
          "the TXT lookup for " + domain + " failed (" + std::string(dns::to_string(txt->kind)) +
              "): receivers get a temperror",
          "check the domain's name servers");
      return index;
    }
    std::vector<std::string> records;
    for (const auto& r : txt->records) {
      std::string text = r.joined_text();
      if (is_spf_record(text)) records.push_back(text);
      else if (depth == 0 && text.size() >= 7 && (text.compare(0, 7, "spf2.0/") == 0 || text.compare(0, 7, "SPF2.0/") == 0))
        add("spf.sender_id", Severity::warning,
            domain + " publishes a Sender ID record (" + text.substr(0, text.find(' ')) + "); nobody evaluates it any more",
            "delete the spf2.0 record");
    }
    if (records.empty()) {
      out_.nodes[index].status = "none";
      if (depth == 0 && txt->kind == dns::AnswerKind::nxdomain)
        add("spf.domain_nxdomain", Severity::error,
            "the DNS resolver says " + domain + " does not exist, so it has no SPF record either",
            "check the spelling of the domain; if it is right, ask another DNS resolver");
      else if (depth == 0)
        add("spf.no_record", Severity::error,
            domain + " publishes no SPF record: receivers get none and many treat the mail as suspicious",
            "publish a TXT record such as \"v=spf1 mx -all\" listing the servers that send for the domain");
      else
        add("spf.include_none", Severity::error,
            "\"" + out_.nodes[index].via + "\" points to " + domain + ", which has no SPF record: every evaluation reaching it is a permerror",
            "remove the term or fix the target's record");
      return index;
    }
    if (records.size() > 1) {
      out_.nodes[index].status = "multiple";
      add("spf.multiple_records", Severity::error,
          domain + " publishes " + std::to_string(records.size()) +
              " SPF records: receivers return permerror (RFC 7208 section 4.5)",
          "merge them into one record");
      return index;
    }
    Validation v = validate(records.front());
    out_.nodes[index].record = records.front();
    out_.nodes[index].findings = v.findings;
    out_.nodes[index].status = v.has_errors() ? "invalid" : "ok";
    if (!v.record.ok()) return index;
    bool has_all = false;
    for (const auto& t : v.record.terms) has_all = has_all || (!t.is_modifier && t.mechanism == Mechanism::all);

    stack.push_back(domain);
    int own = 0;
    int branch = 0;
    for (const auto& t : v.record.terms) {
      bool counts = t.is_modifier ? (t.modifier == Modifier::redirect && !has_all) : queries_dns(t.mechanism);
      if (!counts) continue;
      ++own;
      std::string term(v.term_text(t));
      tick(term, depth, domain);
      std::string_view value = std::string_view(v.text).substr(t.value.begin, t.value.size());
      bool follows = t.is_modifier || t.mechanism == Mechanism::include;
      if (follows) {
        if (has_macro(value)) {
          std::size_t child = out_.nodes.size();
          out_.nodes.emplace_back();
          out_.nodes[child].domain = std::string(value);
          out_.nodes[child].via = term;
          out_.nodes[child].status = "macro";
          out_.nodes[child].depth = depth + 1;
          out_.nodes[index].children.push_back(child);
          add("spf.macro_include", Severity::info,
              "\"" + term + "\" uses macros: its cost depends on each message and is not counted here", "");
          continue;
        }
        std::string target = dns::normalize_name(value);
        if (depth == 0) branch_ = term;
        std::size_t child = visit(target, term, depth + 1, stack);
        // Pending answers: keep walking the siblings so that one round asks for all of them.
        if (child == std::string::npos) continue;
        out_.nodes[index].children.push_back(child);
        branch += out_.nodes[child].branch_lookups;
      } else if ((t.mechanism == Mechanism::a || t.mechanism == Mechanism::mx) && !has_macro(value)) {
        std::string target = t.has_value ? dns::normalize_name(value) : domain;
        dns::RecordType type = t.mechanism == Mechanism::a ? dns::RecordType::A : dns::RecordType::MX;
        const dns::Answer* a = find(target, type);
        if (!a) continue;
        if (t.mechanism == Mechanism::a && a->kind == dns::AnswerKind::nodata) {
          // An IPv6-only host is not void for IPv6 senders.
          const dns::Answer* aaaa = find(target, dns::RecordType::AAAA);
          if (!aaaa || !aaaa->is_void()) continue;
        }
        if (a->is_void()) {
          ++out_.nodes[index].void_lookups;
          add("spf.void_lookup", Severity::warning,
              "\"" + term + "\" in the record of " + domain + " finds no " +
                  (t.mechanism == Mechanism::a ? "address" : "MX") +
                  " records: a void lookup; more than 2 in one evaluation is a permerror",
              "remove the term or publish the records it expects");
        } else if (t.mechanism == Mechanism::mx && a->records.size() > 10) {
          add("spf.too_many_mx", Severity::error,
              "\"" + term + "\": " + target + " has " + std::to_string(a->records.size()) +
                  " MX records; more than 10 is a permerror (RFC 7208 section 4.6.4)",
              "list the sending servers with ip4/ip6 instead of mx");
        }
      }
    }
    stack.pop_back();
    out_.nodes[index].own_lookups = own;
    out_.nodes[index].branch_lookups = own + branch;
    out_.void_lookups += out_.nodes[index].void_lookups;
    return index;
  }

  // Counts one DNS-querying term in evaluation order and remembers the one that passes 10.
  void tick(const std::string& term, int depth, const std::string& domain) {
    ++counted_;
    if (counted_ == out_.lookup_limit + 1) {
      out_.over_limit_term = depth == 0 ? term : term + " (in " + domain + ")";
      out_.over_limit_branch = depth == 0 ? term : branch_;
    }
  }

  // Collects the ip4/ip6 networks below a node: what an include could be flattened into.
  void networks_below(std::size_t index, std::vector<std::string>& out, bool& complete) const {
    const AuditNode& node = out_.nodes[index];
    if (node.status != "ok") complete = false;
    Record record = parse(node.record);
    for (const auto& t : record.terms) {
      if (t.is_modifier) continue;
      if (t.mechanism == Mechanism::ip4 || t.mechanism == Mechanism::ip6)
        out.emplace_back(std::string_view(node.record).substr(t.span.begin, t.span.size()));
      else if (t.mechanism != Mechanism::all && t.mechanism != Mechanism::include)
        complete = false;
    }
    for (std::size_t c : node.children) networks_below(c, out, complete);
  }

  void summarize() {
    if (out_.total_lookups > out_.lookup_limit) {
      std::string message = out_.domain + " needs " + std::to_string(out_.total_lookups) +
                            " DNS lookups to evaluate; the limit is " + std::to_string(out_.lookup_limit) +
                            ", so receivers return permerror for mail that does not match early.";
      if (!out_.over_limit_term.empty())
        message += " The count passes the limit at \"" + out_.over_limit_term + "\", in the branch \"" +
                   out_.over_limit_branch + "\".";
      std::string fix = "Remove includes of services that no longer send for the domain.";
      // The costliest include of the domain's own record, and what flattening it would mean.
      const AuditNode& root = out_.nodes[0];
      std::size_t costliest = std::string::npos;
      for (std::size_t c : root.children)
        if (out_.nodes[c].status == "ok" &&
            (costliest == std::string::npos || out_.nodes[c].branch_lookups > out_.nodes[costliest].branch_lookups))
          costliest = c;
      if (costliest != std::string::npos) {
        const AuditNode& node = out_.nodes[costliest];
        std::vector<std::string> nets;
        bool complete = true;
        networks_below(costliest, nets, complete);
        fix += " Replacing \"" + node.via + "\" with its networks saves " + std::to_string(node.branch_lookups + 1);
        if (complete && !nets.empty() && nets.size() <= 30) {
          fix += " lookups:";
          for (const auto& n : nets) fix += " " + n;
          fix += ".";
        } else {
          fix += " lookups.";
        }
        fix += " The cost is maintenance: when " +
               (node.provider.empty() ? node.domain : node.provider) +
               " changes its servers, mail fails SPF until you copy the change.";
      }
      add("spf.too_many_lookups", Severity::error, std::move(message), std::move(fix));
    }
    if (out_.void_lookups > 2)
      add("spf.too_many_void_lookups", Severity::error,
          "the tree has " + std::to_string(out_.void_lookups) +
              " void lookups; a receiver that meets more than 2 returns permerror",
          "remove the terms that point to names without records");
  }

  const dns::Cache& cache_;
  Audit& out_;
  int counted_ = 0;
  std::string branch_;
  bool truncated_ = false;
};

}  // namespace audit_detail

MAILDIAG_FUNC Audit audit(std::string_view domain, const dns::Cache& cache) {
  Audit out;
  audit_detail::Walker(cache, out).run(domain);
  if (!out.pending.empty()) {
    out.nodes.clear();
    out.findings.clear();
  }
  return out;
}

MAILDIAG_FUNC Audit audit(std::string_view domain, dns::Resolver& resolver, dns::Cache& cache) {
  std::string name(domain);
  return dns::drive([&](const dns::Cache& c) { return audit(name, c); }, resolver, cache);
}

}  // namespace spf
}  // namespace maildiag
