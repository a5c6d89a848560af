// Domain, address and IP arguments of the C API, checked the way every face checks them
// (maildiag/argument_check.hpp) before anything is looked up: a text that is not one is
// MAILDIAG_ERROR_INVALID_ARGUMENT, never an answer about a domain that cannot exist.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "maildiag/argument_check.hpp"

namespace maildiag::c_api {

/// The domain a caller means (an email address names its domain), or nullopt when the text is
/// not a domain.
inline std::optional<std::string> checked_domain(const char* text, std::size_t length) {
  CheckedDomain c = check_domain(std::string_view(text ? text : "", length));
  if (!c.ok()) return std::nullopt;
  return std::move(c.domain);
}

}  // namespace maildiag::c_api
