// The JSON form of a DomainAudit: one schema for the CLI's --json, the C API and the WASM module.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/dkim/json.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/spf/json.hpp"

namespace maildiag {

inline nlohmann::json to_json(const DomainAudit& a) {
  nlohmann::json findings = nlohmann::json::array();
  for (const auto& df : a.findings) {
    const Finding& f = df.finding;
    nlohmann::json j{{"area", df.area},
                     {"code", f.code},
                     {"severity", to_string(f.severity)},
                     {"message", f.message},
                     {"fix", f.fix}};
    j["publish"] = df.publish ? nlohmann::json{{"name", df.publish->name},
                                                {"type", df.publish->type},
                                                {"value", df.publish->value}}
                              : nlohmann::json();
    findings.push_back(std::move(j));
  }
  nlohmann::json mx = nlohmann::json::array();
  for (const auto& h : a.mx_hosts)
    mx.push_back({{"preference", h.preference}, {"exchange", h.exchange}, {"status", h.status}});
  nlohmann::json pending = nlohmann::json::array();
  for (const auto& q : a.pending) pending.push_back(dns::to_json(q));
  nlohmann::json j{{"domain", a.domain},
                   {"summary", {{"errors", a.count(Severity::error)},
                                {"warnings", a.count(Severity::warning)},
                                {"info", a.count(Severity::info)}}},
                   {"dns_outage", dns::to_json(a.dns_outage)},
                   {"findings", std::move(findings)},
                   {"mx", {{"status", a.mx_status}, {"hosts", std::move(mx)}}},
                   {"spf", {{"records", a.spf_records}, {"audit", spf::to_json(a.spf)}}},
                   {"dmarc", dmarc::to_json(a.dmarc)},
                   {"dkim", dkim::to_json(a.dkim)},
                   {"pending", std::move(pending)}};
  j["mta_sts"] = {{"record", a.mta_sts_record ? nlohmann::json(*a.mta_sts_record) : nlohmann::json()}};
  j["tls_rpt"] = {{"record", a.tls_rpt_record ? nlohmann::json(*a.tls_rpt_record) : nlohmann::json()}};
  return j;
}

}  // namespace maildiag
