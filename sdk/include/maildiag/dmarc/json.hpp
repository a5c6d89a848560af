// The JSON forms of DMARC results: one schema for the CLI's --json, the C API and the WASM module.
// Spans are [begin, end] byte offsets into the record text.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/dmarc/effect.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/finding_json.hpp"

namespace maildiag {
namespace dmarc {
namespace json_detail {


inline nlohmann::json uris(const std::vector<ReportUri>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& u : list) {
    nlohmann::json j{{"uri", u.uri}, {"scheme", u.scheme}, {"address", u.address},
                     {"domain", u.domain}, {"valid", u.valid},
                     {"span", {u.span.begin, u.span.end}}};
    j["max_size"] = u.max_size ? nlohmann::json(*u.max_size) : nlohmann::json();
    out.push_back(std::move(j));
  }
  return out;
}

inline nlohmann::json method(const MethodResult& m) {
  nlohmann::json lookups = nlohmann::json::array();
  for (const auto& l : m.lookups) {
    nlohmann::json j{{"name", "_dmarc." + l.name}, {"outcome", l.outcome}};
    j["psd"] = l.psd ? nlohmann::json(std::string(1, *l.psd)) : nlohmann::json();
    lookups.push_back(std::move(j));
  }
  nlohmann::json j{{"status", to_string(m.status)},
                   {"organizational_domain", m.organizational_domain},
                   {"lookups", std::move(lookups)}};
  j["policy_domain"] = m.policy_domain.empty() ? nlohmann::json() : nlohmann::json(m.policy_domain);
  j["record"] = m.record ? nlohmann::json(m.record->text) : nlohmann::json();
  return j;
}

}  // namespace json_detail

/// `domain`, when given, is named in the summary line ("... to example.com").
inline nlohmann::json to_json(const Record& r, std::string_view domain = {}) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : r.tags)
    tags.push_back({{"name", t.name},
                    {"value", t.value},
                    {"span", {t.span.begin, t.span.end}},
                    {"name_span", {t.name_span.begin, t.name_span.end}},
                    {"value_span", {t.value_span.begin, t.value_span.end}},
                    {"status", to_string(t.status)},
                    {"duplicate", t.duplicate}});
  nlohmann::json j{{"record", r.text}, {"is_dmarc", r.is_dmarc}, {"valid", r.valid()},
                   {"tags", std::move(tags)}};
  auto opt_policy = [](const std::optional<Policy>& p) {
    return p ? nlohmann::json(to_string(*p)) : nlohmann::json();
  };
  j["p"] = opt_policy(r.p);
  j["sp"] = opt_policy(r.sp);
  j["np"] = opt_policy(r.np);
  const Effect e = effect_of(r);
  j["in_effect"] = e.in_effect;
  j["summary"] = describe_effect(r, domain);
  if (e.in_effect) {
    j["effective"] = {{"p", to_string(e.p)},
                      {"sp", to_string(e.sp)},
                      {"np", to_string(e.np)},
                      {"adkim", to_string(e.adkim)},
                      {"aspf", to_string(e.aspf)},
                      {"testing", e.testing},
                      {"rua", e.rua},
                      {"ruf", e.ruf}};
    j["effective"]["psd"] = e.psd ? nlohmann::json(std::string(1, *e.psd)) : nlohmann::json();
  } else {
    j["effective"] = nullptr;
  }
  j["lost"] = e.lost ? nlohmann::json(to_string(*e.lost)) : nlohmann::json();
  j["fo"] = r.fo;
  j["rua"] = json_detail::uris(r.rua);
  j["ruf"] = json_detail::uris(r.ruf);
  j["psd"] = r.psd ? nlohmann::json(std::string(1, *r.psd)) : nlohmann::json();
  j["pct"] = r.pct ? nlohmann::json(*r.pct) : nlohmann::json();
  j["findings"] = findings_json(r.findings);
  return j;
}

inline nlohmann::json to_json(const Discovery& d) {
  nlohmann::json j{{"domain", d.domain},
                   {"tree_walk", json_detail::method(d.tree_walk)},
                   {"psl", json_detail::method(d.psl)},
                   {"methods_disagree", d.methods_disagree},
                   {"findings", findings_json(d.findings)}};
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& q : d.pending) pending.push_back(dns::to_json(q));
  j["pending"] = std::move(pending);
  return j;
}

inline nlohmann::json to_json(const Verdict& v) {
  nlohmann::json checks = nlohmann::json::array();
  for (const auto& c : v.checks)
    checks.push_back({{"mechanism", c.mechanism},
                      {"domain", c.domain},
                      {"result", c.result},
                      {"organizational_domain", c.organizational_domain},
                      {"aligned", c.aligned},
                      {"counts", c.counts}});
  nlohmann::json j{{"result", to_string(v.result)},
                   {"summary", summarize(v)},
                   {"policy", to_string(v.policy)},
                   {"spf_aligned", v.spf_aligned},
                   {"dkim_aligned", v.dkim_aligned},
                   {"spf_alignment", v.spf_alignment},
                   {"dkim_alignment", v.dkim_alignment},
                   {"aspf", to_string(v.aspf)},
                   {"adkim", to_string(v.adkim)},
                   {"checks", std::move(checks)},
                   {"steps", v.steps},
                   {"discovery", to_json(v.discovery)},
                   {"findings", findings_json(v.findings)}};
  j["policy_domain"] = v.policy_domain.empty() ? nlohmann::json() : nlohmann::json(v.policy_domain);
  j["organizational_domain"] = v.organizational_domain;
  j["published_policy"] =
      v.published_policy ? nlohmann::json(to_string(*v.published_policy)) : nlohmann::json();
  j["from_domain_exists"] =
      v.from_domain_exists ? nlohmann::json(*v.from_domain_exists) : nlohmann::json();
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& q : v.pending) pending.push_back(dns::to_json(q));
  j["pending"] = std::move(pending);
  j["dns_outage"] = dns::to_json(v.dns_outage);
  return j;
}

inline nlohmann::json to_json(const Audit& a) {
  nlohmann::json dests = nlohmann::json::array();
  for (const auto& d : a.destinations)
    dests.push_back({{"tag", d.tag},
                     {"address", d.address},
                     {"domain", d.domain},
                     {"external", d.external},
                     {"authorization_name", d.authorization_name},
                     {"status", d.status}});
  const MethodResult& walk = a.discovery.tree_walk;
  nlohmann::json j{{"domain", a.domain},
                   {"discovery", to_json(a.discovery)},
                   {"report_destinations", std::move(dests)},
                   {"findings", findings_json(a.findings)}};
  j["policy_domain"] = walk.policy_domain.empty() ? nlohmann::json() : nlohmann::json(walk.policy_domain);
  j["record"] = walk.record ? to_json(*walk.record, walk.policy_domain) : nlohmann::json();
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& q : a.pending) pending.push_back(dns::to_json(q));
  j["pending"] = std::move(pending);
  j["dns_outage"] = dns::to_json(a.dns_outage);
  return j;
}

}  // namespace dmarc
}  // namespace maildiag
