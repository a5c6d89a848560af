// DMARC policy discovery, both ways, over the sans-IO DNS model.
//
// RFC 9989 §4.10 walks the DNS tree: it queries `_dmarc.<name>` for the author domain and then
// for its parents (jumping straight to the seven rightmost labels when a name has eight or more),
// at most 8 queries. The first record found is the policy; the `psd` tags along the way fix the
// organizational domain. RFC 7489 §6.6.3 instead queries the author domain and then its
// organizational domain from the Public Suffix List. Both are computed; where they disagree the
// result says so.
//
// Sans-IO: `discover()` reads answers from a dns::Cache. Questions it still needs are returned in
// `pending`; answer them (dns::drive does this) and call it again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace dmarc {

/// Most queries of one tree walk (RFC 9989 §4.10).
constexpr std::size_t kMaxTreeWalkQueries = 8;

/// One `_dmarc` lookup made during discovery.
struct Lookup {
  std::string name;     // the domain, without "_dmarc."
  std::string outcome;  // "record", "no_record", "multiple_records", "temperror"
  std::optional<char> psd;  // the record's psd tag
};

enum class DiscoveryStatus : std::uint8_t { found, none, multiple_records, temperror };
MAILDIAG_FUNC std::string_view to_string(DiscoveryStatus s) noexcept;

/// The outcome of one discovery method. Only the RFC 7489 method ends in `multiple_records`; the
/// RFC 9989 tree walk discards such a set and goes on.
struct MethodResult {
  DiscoveryStatus status = DiscoveryStatus::none;
  std::string policy_domain;           // where the applying record is, empty when none
  std::optional<Record> record;        // the applying record
  std::string organizational_domain;
  std::vector<Lookup> lookups;         // in the order they were made
};

struct Discovery {
  std::string domain;           // the author domain, normalized
  MethodResult tree_walk;       // RFC 9989
  MethodResult psl;             // RFC 7489 with the Public Suffix List
  bool methods_disagree = false;  // different policy record or organizational domain
  std::vector<Finding> findings;  // set-level problems at the names looked up, disagreement
  std::vector<dns::Question> pending;

  bool complete() const noexcept { return pending.empty(); }
};

/// The `_dmarc` names an RFC 9989 tree walk queries for `domain`, in order (at most 8).
MAILDIAG_FUNC std::vector<std::string> tree_walk_names(std::string_view domain);

/// Discovers the DMARC policy of `domain` (an RFC5322.From domain) with both methods.
MAILDIAG_FUNC Discovery discover(std::string_view domain, const dns::Cache& cache);

/// The RFC 9989 §4.10.2 organizational domain of `domain` by tree walk. Sets `pending` when
/// answers are missing (then the returned value is not final).
MAILDIAG_FUNC std::string tree_walk_organizational_domain(std::string_view domain,
                                                          const dns::Cache& cache,
                                                          std::vector<dns::Question>& pending);

}  // namespace dmarc
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dmarc/discovery-inl.hpp"
#endif
