// Synchronous hosts and the loop that drives a sans-IO evaluator with one.
//
// A Resolver answers a batch of questions (a static Zone, the native c-ares resolver). The
// asynchronous browser host does not implement it: it runs the same loop in JavaScript.
#pragma once

#include <cstddef>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/cache.hpp"

namespace maildiag {
namespace dns {

class MAILDIAG_API Resolver {
 public:
  virtual ~Resolver() = default;
  /// One answer per question, in the same order. Must not throw.
  virtual std::vector<Answer> resolve(const std::vector<Question>& questions) = 0;
};

/// Asks the resolver the questions and stores every answer in the cache. A question the
/// resolver leaves unanswered is stored as an `error` answer, so each call makes progress.
MAILDIAG_FUNC void answer_into(Cache& cache, Resolver& resolver,
                               const std::vector<Question>& questions);

/// Runs `evaluate(cache)` until its result has no pending questions, answering them through the
/// resolver in between. The result type needs a `std::vector<Question> pending` member.
/// Each round adds at least one answer, and the evaluators bound their distinct questions, so
/// the loop ends; `max_rounds` is a second guard against a faulty evaluator.
template <class Evaluate>
auto drive(Evaluate&& evaluate, Resolver& resolver, Cache& cache, std::size_t max_rounds = 1024) {
  auto result = evaluate(static_cast<const Cache&>(cache));
  for (std::size_t round = 0; !result.pending.empty() && round < max_rounds; ++round) {
    answer_into(cache, resolver, result.pending);
    result = evaluate(static_cast<const Cache&>(cache));
  }
  return result;
}

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/resolver-inl.hpp"
#endif
