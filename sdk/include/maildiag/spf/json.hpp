// JSON for SPF results: the one definition of the field names used by the CLI's --json, the C
// API's *_json() functions and the WebAssembly module (see docs/spf.md).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "maildiag/dns/json.hpp"
#include "maildiag/finding_json.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/validate.hpp"

namespace maildiag {
namespace spf {
namespace json_detail {

inline nlohmann::json questions(const std::vector<dns::Question>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& q : list) out.push_back(dns::to_json(q));
  return out;
}

inline nlohmann::json optional_string(const std::string& s) {
  return s.empty() ? nlohmann::json() : nlohmann::json(s);
}

inline nlohmann::json audit_node(const Audit& a, std::size_t index) {
  const AuditNode& n = a.nodes[index];
  nlohmann::json j = {{"domain", n.domain},
                      {"via", optional_string(n.via)},
                      {"status", n.status},
                      {"record", optional_string(n.record)},
                      {"provider", optional_string(n.provider)},
                      {"own_lookups", n.own_lookups},
                      {"branch_lookups", n.branch_lookups},
                      {"void_lookups", n.void_lookups},
                      {"findings", findings_json(n.findings)}};
  nlohmann::json children = nlohmann::json::array();
  for (std::size_t c : n.children) children.push_back(audit_node(a, c));
  j["children"] = std::move(children);
  return j;
}

}  // namespace json_detail

/// `maildiag spf check`: {record, valid, dns_lookups, terms[], findings[]}.
inline nlohmann::json to_json(const Validation& v) {
  nlohmann::json terms = nlohmann::json::array();
  for (std::size_t i = 0; i < v.record.terms.size(); ++i) {
    const Term& t = v.record.terms[i];
    std::string_view text = v.text;
    nlohmann::json j;
    j["text"] = std::string(text.substr(t.span.begin, t.span.size()));
    j["span"] = span_json(t.span);
    j["kind"] = t.is_modifier ? "modifier" : "mechanism";
    j["name"] = t.is_modifier ? std::string(text.substr(t.name.begin, t.name.size()))
                              : std::string(to_string(t.mechanism));
    if (!t.is_modifier) j["qualifier"] = std::string(1, qualifier_char(t.qualifier));
    j["value"] = t.has_value ? nlohmann::json(std::string(text.substr(t.value.begin, t.value.size())))
                             : nlohmann::json();
    j["value_span"] = t.has_value ? span_json(t.value) : nlohmann::json();
    j["cidr4"] = t.cidr4 < 0 ? nlohmann::json() : nlohmann::json(t.cidr4);
    j["cidr6"] = t.cidr6 < 0 ? nlohmann::json() : nlohmann::json(t.cidr6);
    const Provider* p = v.provider(i);
    j["provider"] = p ? nlohmann::json({{"name", std::string(p->name)}, {"note", std::string(p->note)}})
                      : nlohmann::json();
    terms.push_back(std::move(j));
  }
  return {{"record", v.text},
          {"valid", !v.has_errors()},
          {"dns_lookups", v.dns_terms},
          {"terms", std::move(terms)},
          {"findings", findings_json(v.findings)}};
}

/// `maildiag spf eval`: {result, explanation, matched_term, dns_lookups, void_lookups, trace[], ...}.
inline nlohmann::json to_json(const Evaluation& e) {
  nlohmann::json trace = nlohmann::json::array();
  for (const auto& t : e.trace) {
    nlohmann::json answer = dns::to_json(t.answer);
    trace.push_back({{"name", t.question.name},
                     {"type", std::string(dns::to_string(t.question.type))},
                     {"kind", answer["kind"]},
                     {"records", answer["records"]},
                     {"error", json_detail::optional_string(t.answer.error)},
                     {"domain", t.domain},
                     {"cause", t.cause},
                     {"depth", t.depth}});
  }
  return {{"result", std::string(to_string(e.result))},
          {"done", e.done()},
          {"domain", e.domain},
          {"sender", e.sender},
          {"explanation", json_detail::optional_string(e.explanation)},
          {"matched_term", json_detail::optional_string(e.matched_term)},
          {"matched_domain", json_detail::optional_string(e.matched_domain)},
          {"matched_chain", e.matched_chain},
          {"reason", e.reason},
          {"dns_lookups", e.dns_lookups},
          {"void_lookups", e.void_lookups},
          {"dns_outage", dns::to_json(e.dns_outage)},
          {"trace", std::move(trace)},
          {"pending", json_detail::questions(e.pending)}};
}

/// `maildiag spf audit`: {domain, total_lookups, lookup_limit, over_limit, tree, findings[], ...}.
inline nlohmann::json to_json(const Audit& a) {
  return {{"domain", a.domain},
          {"done", a.done()},
          {"total_lookups", a.total_lookups},
          {"lookup_limit", a.lookup_limit},
          {"over_limit", a.total_lookups > a.lookup_limit},
          {"over_limit_term", json_detail::optional_string(a.over_limit_term)},
          {"over_limit_branch", json_detail::optional_string(a.over_limit_branch)},
          {"void_lookups", a.void_lookups},
          {"dns_outage", dns::to_json(a.dns_outage)},
          {"tree", a.nodes.empty() ? nlohmann::json() : json_detail::audit_node(a, 0)},
          {"findings", findings_json(a.findings)},
          {"pending", json_detail::questions(a.pending)}};
}

}  // namespace spf
}  // namespace maildiag
