// The JSON form of a checked argument: {"domain", "error", "note"}, null where empty.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/argument_check.hpp"

namespace maildiag {

inline nlohmann::json to_json(const CheckedDomain& c) {
  auto text_or_null = [](const std::string& s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); };
  return {{"domain", text_or_null(c.domain)}, {"error", text_or_null(c.error)}, {"note", text_or_null(c.note)}};
}

}  // namespace maildiag
