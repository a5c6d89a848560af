// When DNS could not be asked at all: the resolver, not the domain, is at fault.
//
// Evaluators run again on a fuller cache after each round of questions (docs/dns.md). When at
// least one question failed (time-out, SERVFAIL, refused, network error) and not one got a DNS
// answer (records, no data or NXDOMAIN), the very first questions failed, and every later one
// would be built on nothing. Such a run is an outage: the evaluator stops asking, reports the
// outage as its only finding, and derives nothing about the domain from the missing answers.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace dns {

struct Outage {
  AnswerKind kind = AnswerKind::error;  // timeout or error: how most questions failed
  std::string error;                    // what the host said, for the first of those questions
  std::size_t failed_questions = 0;
};

/// The outage the answers in `cache` show, or nullopt when any question got a DNS answer (or
/// none was asked yet).
MAILDIAG_FUNC std::optional<Outage> find_outage(const Cache& cache);

/// The one finding an evaluator reports for an outage: code "dns.unreachable", an error.
MAILDIAG_FUNC Finding outage_finding(const Outage& outage);

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/outage-inl.hpp"
#endif
