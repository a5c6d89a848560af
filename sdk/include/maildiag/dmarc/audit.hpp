// `maildiag dmarc audit DOMAIN`: which DMARC record applies to a domain, what is wrong with it,
// and whether its external report destinations accept the reports.
//
// RFC 7489 §7.1 (kept by RFC 9989's reporting documents): a report destination whose
// organizational domain differs from the policy domain's must publish a TXT record starting
// "v=DMARC1" at `<policy domain>._report._dmarc.<destination domain>`; receivers send nothing to
// destinations that do not.
//
// Sans-IO: answer `pending` and call audit() again.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "maildiag/dns/outage.hpp"
#include "maildiag/config.hpp"
#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/dns/cache.hpp"

namespace maildiag {
namespace dmarc {

struct ReportDestination {
  std::string tag;      // "rua" or "ruf"
  std::string address;
  std::string domain;
  bool external = false;
  std::string authorization_name;  // the TXT name checked, for external destinations
  std::string status;   // "internal", "authorized", "not_authorized", "temperror", "invalid"
};

struct Audit {
  std::string domain;
  Discovery discovery;
  std::vector<ReportDestination> destinations;
  /// Findings about the domain's DMARC setup; findings about the record text (with spans into
  /// it) are in discovery.tree_walk.record->findings.
  std::vector<Finding> findings;
  std::vector<dns::Question> pending;
  /// Set when no DNS question got an answer: nothing was checked, the only finding says so.
  std::optional<dns::Outage> dns_outage;
};

MAILDIAG_FUNC Audit audit(std::string_view domain, const dns::Cache& cache);

}  // namespace dmarc
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dmarc/audit-inl.hpp"
#endif
