// Domain audit: the SPF record of a domain and its whole include/redirect tree, with the DNS
// lookup cost of each branch against the limit of 10, void lookups, loops, the include that
// pushes the domain over the limit, and concrete fixes.
//
// Sans-IO like check_host(): one pass over a dns::Cache lists the questions it still needs in
// `pending`; the Resolver overload answers them until none are left.
// When DNS could not be asked at all (maildiag/dns/outage), the only finding is dns.unreachable.
// Codes (stable), besides each record's validation findings: spf.no_record, spf.domain_nxdomain, spf.multiple_records,
// spf.dns_error, spf.include_none, spf.include_loop, spf.too_many_lookups, spf.void_lookup,
// spf.too_many_void_lookups, spf.too_many_mx, spf.obsolete_spf_type, spf.sender_id,
// spf.macro_include, spf.tree_too_large.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/outage.hpp"
#include "maildiag/dns/resolver.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace spf {

/// Bounds on the walk: a hostile tree cannot make the audit grow without limit.
constexpr std::size_t kMaxAuditNodes = 200;
constexpr int kMaxAuditDepth = 12;

struct AuditNode {
  std::string domain;
  std::string via;        // the term of the parent that leads here; empty for the root
  std::string status;     // "ok", "none", "multiple", "error", "loop", "macro", "invalid", "truncated"
  std::string record;     // the SPF record, when there is exactly one
  std::string provider;   // the known provider of this include, if any
  int own_lookups = 0;    // DNS-querying terms in this record
  int branch_lookups = 0; // own plus every descendant's: what this branch costs
  int void_lookups = 0;   // a/mx targets of this record that do not exist or have no records
  std::vector<Finding> findings;     // this record's validation findings (spans into `record`)
  std::vector<std::size_t> children; // indices into Audit::nodes, in record order
  int depth = 0;
};

struct Audit {
  std::string domain;
  std::vector<AuditNode> nodes;  // nodes[0] is the domain itself
  int total_lookups = 0;         // the whole tree, as a receiver counts them for a non-matching IP
  int void_lookups = 0;
  int lookup_limit = 10;
  /// The term (in evaluation order) that makes the count pass the limit, and the branch of the
  /// domain's own record it belongs to; empty when the tree is within the limit.
  std::string over_limit_term;
  std::string over_limit_branch;
  std::vector<Finding> findings;   // tree-level findings, with fixes
  std::optional<dns::Outage> dns_outage;  // set when no question got an answer: nothing checked
  std::vector<dns::Question> pending;

  bool done() const noexcept { return pending.empty(); }
};

MAILDIAG_FUNC Audit audit(std::string_view domain, const dns::Cache& cache);
MAILDIAG_FUNC Audit audit(std::string_view domain, dns::Resolver& resolver, dns::Cache& cache);

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/audit-inl.hpp"
#endif
