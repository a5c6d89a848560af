// The whole-domain audit: "check my domain" for mail, in one report a non-expert can act on.
//
// Looks at everything receivers look at: MX (RFC 5321 §5.1, null MX of RFC 7505), SPF (the
// record and its include tree, maildiag/spf/audit), DMARC (maildiag/dmarc/audit),
// DKIM selectors (maildiag/dkim/audit), MTA-STS (RFC 8461 §3.1, the `_mta-sts` TXT record) and
// TLS-RPT (RFC 8460 §3, the `_smtp._tls` TXT record). Every finding says which area it is
// about, how to fix it and, where a DNS record fixes it, the record to publish. Findings are
// ordered by severity, errors first. When DNS could not be asked at all (maildiag/dns/outage),
// the audit says so in one finding and checks nothing else.
//
// Limits: at most `kMaxMxHosts` MX targets (the most preferred) are checked. The MTA-STS policy
// file (fetched over HTTPS by senders) is not retrieved.
//
// Sans-IO: answer `pending` and call audit_domain() again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dkim/audit.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/outage.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/spf/audit.hpp"

namespace maildiag {

constexpr std::size_t kMaxMxHosts = 10;

/// A DNS record that fixes a finding.
struct RecordToPublish {
  std::string name;
  std::string type;   // "TXT", "MX", "CNAME"
  std::string value;
};

struct DomainFinding {
  std::string area;   // "dns", "domain", "mx", "spf", "dmarc", "dkim", "mta_sts", "tls_rpt"
  Finding finding;
  std::optional<RecordToPublish> publish;
};

struct MxHost {
  std::uint16_t preference = 0;
  std::string exchange;
  std::string status;  // "resolves", "unresolvable", "temperror"
};

struct DomainAudit {
  std::string domain;
  std::string mx_status;  // "ok", "null_mx", "none", "nxdomain", "temperror"
  std::vector<MxHost> mx_hosts;
  std::vector<std::string> spf_records;  // the domain's SPF record, when there is exactly one
  spf::Audit spf;
  std::optional<std::string> mta_sts_record;
  std::optional<std::string> tls_rpt_record;
  dmarc::Audit dmarc;
  dkim::Audit dkim;
  std::vector<DomainFinding> findings;  // errors first, then warnings, then information
  std::optional<dns::Outage> dns_outage;  // set when no question got an answer: nothing checked
  std::vector<dns::Question> pending;

  std::size_t count(Severity s) const noexcept {
    std::size_t n = 0;
    for (const auto& f : findings) n += f.finding.severity == s;
    return n;
  }
};

/// Audits `domain`; `selectors` are the DKIM selectors to check (empty: the common ones).
MAILDIAG_FUNC DomainAudit audit_domain(std::string_view domain,
                                       const std::vector<std::string>& selectors,
                                       const dns::Cache& cache);

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/domain_audit-inl.hpp"
#endif
