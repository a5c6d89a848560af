// C arguments to C++ values, the same way in every function of the C API. Domain, address and
// IP arguments are checked the way every face checks them (maildiag/argument_check.hpp) before
// anything is looked up: a text that is not one is MAILDIAG_ERROR_INVALID_ARGUMENT, never an
// answer about a domain that cannot exist.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/argument_check.hpp"

namespace maildiag::c_api {

/// (data, length) as a view; NULL with length 0 is the empty string (callers check NULL with a
/// length first).
inline std::string_view view(const char* data, std::size_t length) noexcept {
  return {data ? data : "", length};
}

/// Copies `count` (pointer, length) strings; false when a pointer is NULL but its length is not 0.
inline bool copy_strings(const char* const* items, const std::size_t* lengths, std::size_t count,
                         std::vector<std::string>& out) {
  for (std::size_t i = 0; i < count; ++i) {
    if (!items[i] && lengths[i]) return false;
    out.emplace_back(view(items[i], lengths[i]));
  }
  return true;
}

/// The domain a caller means (an email address names its domain), or nullopt when the text is
/// not a domain.
inline std::optional<std::string> checked_domain(const char* text, std::size_t length) {
  CheckedDomain c = check_domain(view(text, length));
  if (!c.ok()) return std::nullopt;
  return std::move(c.domain);
}

}  // namespace maildiag::c_api
