// `maildiag dkim audit DOMAIN --selector S...`: the key records of a domain's DKIM selectors.
//
// Each selector's `<selector>._domainkey.<domain>` is queried for CNAME and TXT, so the report
// shows where a delegated key lives (Microsoft 365 and most ESPs publish keys behind CNAMEs)
// and validates the key found there. Without explicit selectors, common ones are tried,
// including Microsoft 365's `selector1` and `selector2`; when those CNAMEs are missing for a
// domain whose MX is Microsoft 365, the audit says which CNAME to publish. A selector whose
// lookup failed is "unknown", never reported as missing. When the domain does not exist, or DNS
// could not be asked at all (maildiag/dns/outage), the audit says so once and checks nothing else.
//
// Sans-IO: answer `pending` and call audit() again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/outage.hpp"

namespace maildiag {
namespace dkim {

/// Selectors tried when none are given: Microsoft 365 first, then common ESP and host defaults.
MAILDIAG_FUNC const std::vector<std::string>& default_selectors();

struct SelectorReport {
  std::string selector;
  std::string name;          // <selector>._domainkey.<domain>
  std::string status;        // "found", "not_found", "no_key_record", "multiple", "unknown"
  std::string cname_target;  // empty when the name is not a CNAME
  std::optional<KeyRecord> record;
  std::vector<Finding> findings;  // about this selector (record-text findings are in record)
};

struct Audit {
  std::string domain;
  bool default_selectors = false;  // no selector was given; the common ones were tried
  bool microsoft_365_mx = false;   // the domain's MX is Microsoft 365 (Exchange Online)
  std::vector<SelectorReport> selectors;
  std::vector<Finding> findings;   // about the domain as a whole
  std::optional<dns::Outage> dns_outage;  // set when no question got an answer: nothing checked
  std::vector<dns::Question> pending;
};

/// Audits `selectors` of `domain`; an empty list means default_selectors().
MAILDIAG_FUNC Audit audit(std::string_view domain, const std::vector<std::string>& selectors,
                          const dns::Cache& cache);

/// The CNAME target Microsoft 365 expects for `selector` of `domain` in `tenant`
/// ("selector1-contoso-com._domainkey.contoso.onmicrosoft.com").
MAILDIAG_FUNC std::string microsoft_365_cname(std::string_view selector, std::string_view domain,
                                              std::string_view tenant);

}  // namespace dkim
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dkim/audit-inl.hpp"
#endif
