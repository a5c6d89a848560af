// The DMARC verdict for one message: identifier alignment, result and the policy to apply.
//
// Input is what a receiver knows after SPF and DKIM: the RFC5322.From domain, the SPF-checked
// MAIL FROM domain with its SPF result, and each DKIM signing domain (d=) with its result. The
// verdict discovers the policy (maildiag/dmarc/discovery.hpp), checks alignment (RFC 9989 §4.4,
// RFC 7489 §3.1: strict means equal domains, relaxed means equal organizational domains), and
// explains every step in plain words.
//
// Sans-IO like discovery: answer `pending` and evaluate again.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/dns/outage.hpp"
#include "maildiag/config.hpp"
#include "maildiag/dmarc/discovery.hpp"
#include "maildiag/dns/cache.hpp"

namespace maildiag {
namespace dmarc {

/// An authenticated identifier: a domain and the result its mechanism gave (pass, fail, ...).
struct AuthResult {
  std::string domain;
  std::string result;
};

struct VerdictInput {
  std::string from_domain;
  std::optional<AuthResult> spf;  // MAIL FROM (or HELO) domain checked by SPF
  std::vector<AuthResult> dkim;   // one per DKIM signature
};

/// Parses "DOMAIN:RESULT" (as the CLI takes it). Results are lowercased; the domain normalized.
MAILDIAG_FUNC std::optional<AuthResult> parse_auth_result(std::string_view text);

enum class DmarcResult : std::uint8_t { pass, fail, none, temperror, permerror };
MAILDIAG_FUNC std::string_view to_string(DmarcResult r) noexcept;

/// Alignment of one identifier.
struct AlignmentCheck {
  std::string mechanism;  // "spf" or "dkim"
  std::string domain;
  std::string result;     // the mechanism's result as given
  std::string organizational_domain;
  bool aligned = false;   // in the record's mode
  bool counts = false;    // aligned and passed: it makes DMARC pass
};

struct Verdict {
  DmarcResult result = DmarcResult::none;
  Policy policy = Policy::none;            // what the receiver should apply to this message
  std::optional<Policy> published_policy;  // the policy the record requests for this domain
  std::string policy_domain;
  std::string organizational_domain;
  bool spf_aligned = false;   // an aligned SPF pass
  bool dkim_aligned = false;  // an aligned DKIM pass
  // One line per mechanism from the same checks the steps explain, for summaries:
  // "example.com fail, aligned: does not count", or "no result given".
  std::string spf_alignment = "no result given";
  std::string dkim_alignment = "no result given";
  AlignmentMode aspf = AlignmentMode::relaxed;
  AlignmentMode adkim = AlignmentMode::relaxed;
  std::optional<bool> from_domain_exists;  // checked when a subdomain policy could apply
  std::vector<AlignmentCheck> checks;
  std::vector<std::string> steps;          // the explanation, one sentence per step
  Discovery discovery;
  std::vector<Finding> findings;
  std::vector<dns::Question> pending;
  /// Set when no DNS question got an answer: nothing was checked (result temperror, one
  /// finding dns.unreachable, no policy).
  std::optional<dns::Outage> dns_outage;
};

/// Strict: the two domains are equal. Relaxed: their organizational domains are equal.
MAILDIAG_FUNC bool aligned(std::string_view a, std::string_view org_a, std::string_view b,
                           std::string_view org_b, AlignmentMode mode) noexcept;

MAILDIAG_FUNC Verdict evaluate(const VerdictInput& input, const dns::Cache& cache);

/// The verdict in one sentence for a headline: "DMARC temperror: the receiver will retry; no
/// policy is applied, this is not a rejection."
MAILDIAG_FUNC std::string summarize(const Verdict& v);

}  // namespace dmarc
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dmarc/verdict-inl.hpp"
#endif
