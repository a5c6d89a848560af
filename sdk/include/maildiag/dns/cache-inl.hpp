#pragma once

#include "maildiag/dns/cache.hpp"

namespace maildiag {
namespace dns {

MAILDIAG_FUNC const Answer* Cache::find(std::string_view name, RecordType type) const {
  Question key{std::string(name), type};
  auto it = answers_.find(key);
  return it == answers_.end() ? nullptr : &it->second;
}

MAILDIAG_FUNC void Cache::insert(const Question& question, Answer answer) {
  answers_[question] = sanitize(std::move(answer), question.type, limits_);
}

}  // namespace dns
}  // namespace maildiag
