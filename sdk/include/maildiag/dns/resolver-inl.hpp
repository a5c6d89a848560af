#pragma once

#include "maildiag/dns/resolver.hpp"

namespace maildiag {
namespace dns {

MAILDIAG_FUNC void answer_into(Cache& cache, Resolver& resolver,
                               const std::vector<Question>& questions) {
  std::vector<Answer> answers = resolver.resolve(questions);
  for (std::size_t i = 0; i < questions.size(); ++i) {
    if (i < answers.size())
      cache.insert(questions[i], std::move(answers[i]));
    else
      cache.insert(questions[i], Answer::failure(AnswerKind::error, "the resolver gave no answer"));
  }
}

}  // namespace dns
}  // namespace maildiag
