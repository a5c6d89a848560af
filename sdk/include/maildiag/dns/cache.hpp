// The answers a host has given so far, keyed by question.
//
// Evaluators read only from a Cache; when they need an answer it does not hold, they report the
// question as pending and the host fills it in. Running an evaluator again on the fuller cache
// continues deterministically where it stopped (docs/dns.md).
#pragma once

#include <map>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/answer.hpp"

namespace maildiag {
namespace dns {

class Cache {
 public:
  Cache() = default;
  explicit Cache(AnswerLimits limits) : limits_(limits) {}

  /// The answer to (name, type), or nullptr when none was given yet. `name` must be normalized.
  MAILDIAG_FUNC const Answer* find(std::string_view name, RecordType type) const;
  const Answer* find(const Question& q) const { return find(q.name, q.type); }

  /// Stores the answer after sanitize() with this cache's limits; replaces an earlier one.
  MAILDIAG_FUNC void insert(const Question& question, Answer answer);

  std::size_t size() const noexcept { return answers_.size(); }
  const AnswerLimits& limits() const noexcept { return limits_; }
  const std::map<Question, Answer>& entries() const noexcept { return answers_; }

 private:
  AnswerLimits limits_;
  std::map<Question, Answer> answers_;
};

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/cache-inl.hpp"
#endif
