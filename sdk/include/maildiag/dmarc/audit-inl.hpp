#pragma once

#include <algorithm>

#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/effect.hpp"
#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace dmarc {

MAILDIAG_FUNC Audit audit(std::string_view domain, const dns::Cache& cache) {
  Audit a;
  a.discovery = discover(domain, cache);
  a.domain = a.discovery.domain;
  a.pending = a.discovery.pending;
  if (!a.pending.empty()) return a;
  if ((a.dns_outage = dns::find_outage(cache))) {
    a.findings = {dns::outage_finding(*a.dns_outage)};
    return a;
  }
  a.findings = a.discovery.findings;
  const MethodResult& walk = a.discovery.tree_walk;
  const std::string suggested =
      "v=DMARC1; p=none; rua=mailto:dmarc-reports@" + a.domain;

  switch (walk.status) {
    case DiscoveryStatus::temperror:
      a.findings.push_back({"dmarc.temperror", Severity::error,
                            "A DNS lookup of a _dmarc record failed; the DMARC setup could not "
                            "be checked. Receivers see the same failure and retry later.",
                            {}, "Check that the domain's DNS servers answer TXT queries."});
      return a;
    case DiscoveryStatus::none:
    case DiscoveryStatus::multiple_records:  // only the RFC 7489 method ends there
      // Several records discarded along the walk already have dmarc.multiple_records, which
      // says to merge them; publishing one more would not help.
      if (std::none_of(walk.lookups.begin(), walk.lookups.end(),
                       [](const Lookup& l) { return l.outcome == "multiple_records"; }))
        a.findings.push_back(
            {"dmarc.no_record", Severity::error,
             "No DMARC record: anyone can send mail in the name of " + a.domain +
                 " without receivers noticing, and Gmail, Yahoo and Microsoft reject or junk "
                 "bulk mail from domains without DMARC.",
             {}, "Publish TXT at _dmarc." + a.domain + ": \"" + suggested + "\""});
      return a;
    case DiscoveryStatus::found:
      break;
  }
  const Record& rec = *walk.record;
  if (walk.policy_domain != a.domain)
    a.findings.push_back(
        {"dmarc.inherited", Severity::info,
         a.domain + " has no DMARC record of its own; the record of " + walk.policy_domain +
             " applies, with its subdomain policy (sp=" +
             std::string(to_string(effect_of(rec).sp)) + ").",
         {}, "Publish a record at _dmarc." + a.domain + " if this domain needs its own policy."});
  if (!rec.is_dmarc) return a;

  // RFC 7489 §7.1: external destinations must authorize the policy domain.
  const std::string policy_org(psl::organizational_domain(walk.policy_domain));
  auto add_destinations = [&](const char* tag, const std::vector<ReportUri>& uris) {
    for (const auto& u : uris) {
      ReportDestination d;
      d.tag = tag;
      d.address = u.address;
      d.domain = u.domain;
      if (!u.valid) {
        d.status = "invalid";
        a.destinations.push_back(std::move(d));
        continue;
      }
      d.external = std::string(psl::organizational_domain(u.domain)) != policy_org;
      if (!d.external) {
        d.status = "internal";
        a.destinations.push_back(std::move(d));
        continue;
      }
      d.authorization_name = walk.policy_domain + "._report._dmarc." + u.domain;
      dns::Question q{dns::normalize_name(d.authorization_name), dns::RecordType::TXT};
      const dns::Answer* ans = cache.find(q);
      if (!ans) {
        a.pending.push_back(q);
        a.destinations.push_back(std::move(d));
        continue;
      }
      if (ans->is_failure()) {
        d.status = "temperror";
      } else {
        bool ok = false;
        for (const auto& r : ans->records) ok = ok || looks_like_dmarc(r.joined_text());
        d.status = ok ? "authorized" : "not_authorized";
      }
      if (d.status == "not_authorized")
        a.findings.push_back(
            {"dmarc.report_not_authorized", Severity::warning,
             "Reports for " + walk.policy_domain + " go to " + u.address + ", but " + u.domain +
                 " has not agreed to receive them (no \"v=DMARC1\" at " + d.authorization_name +
                 "), so receivers send nothing there.",
             {}, "Ask the operator of " + u.domain + " to publish TXT at " +
                     d.authorization_name + ": \"v=DMARC1\""});
      else if (d.status == "temperror")
        a.findings.push_back({"dmarc.report_authorization_temperror", Severity::warning,
                              "The authorization of report destination " + u.domain +
                                  " could not be checked: the DNS lookup of " +
                                  d.authorization_name + " failed.",
                              {}, ""});
      a.destinations.push_back(std::move(d));
    }
  };
  add_destinations("rua", rec.rua);
  add_destinations("ruf", rec.ruf);
  return a;
}

}  // namespace dmarc
}  // namespace maildiag
