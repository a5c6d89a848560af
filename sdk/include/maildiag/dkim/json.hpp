// The JSON form of DKIM results: one schema for the CLI's --json, the C API and the WASM module.
// Spans are [begin, end] byte offsets into the record text.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/finding_json.hpp"

namespace maildiag {
namespace dkim {
inline nlohmann::json to_json(const KeyRecord& r) {
  nlohmann::json tags = nlohmann::json::array();
  for (const auto& t : r.tags)
    tags.push_back({{"name", t.name},
                    {"value", t.value},
                    {"span", {t.span.begin, t.span.end}},
                    {"name_span", {t.name_span.begin, t.name_span.end}},
                    {"value_span", {t.value_span.begin, t.value_span.end}},
                    {"known", t.known},
                    {"duplicate", t.duplicate}});
  nlohmann::json j{{"record", r.text},
                   {"valid", r.valid()},
                   {"tags", std::move(tags)},
                   {"key_type", r.key_type},
                   {"key_format", to_string(r.key_format)},
                   {"key_bytes", r.key_bytes},
                   {"revoked", r.revoked},
                   {"testing", r.testing},
                   {"strict_identity", r.strict_identity},
                   {"hash_algorithms", r.hash_algorithms},
                   {"service_types", r.service_types},
                   {"findings", findings_json(r.findings)}};
  j["key_bits"] = r.key_bits ? nlohmann::json(*r.key_bits) : nlohmann::json();
  return j;
}

inline nlohmann::json to_json(const Audit& a) {
  nlohmann::json sels = nlohmann::json::array();
  for (const auto& s : a.selectors) {
    nlohmann::json j{{"selector", s.selector},
                     {"name", s.name},
                     {"status", s.status},
                     {"findings", findings_json(s.findings)}};
    j["cname_target"] = s.cname_target.empty() ? nlohmann::json() : nlohmann::json(s.cname_target);
    j["record"] = s.record ? to_json(*s.record) : nlohmann::json();
    sels.push_back(std::move(j));
  }
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& q : a.pending) pending.push_back(dns::to_json(q));
  return {{"domain", a.domain},
          {"default_selectors", a.default_selectors},
          {"microsoft_365_mx", a.microsoft_365_mx},
          {"selectors", std::move(sels)},
          {"dns_outage", dns::to_json(a.dns_outage)},
          {"findings", findings_json(a.findings)},
          {"pending", std::move(pending)}};
}

}  // namespace dkim
}  // namespace maildiag
