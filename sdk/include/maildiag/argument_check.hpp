// What people type where a domain, an email address or an IP address is expected, checked the
// same way by every face (CLI, C API, WebAssembly, demo) before anything is looked up.
//
// A domain is two or more dot-separated labels of letters, digits, hyphens and underscores, each 1
// to 63 bytes, 253 bytes in all (RFC 1035 §2.3.4; underscores for names such as _dmarc), with a
// last label that is not all digits (RFC 3696 §2). One trailing dot is allowed. Internationalized names are written in their xn-- form. An email address given
// where a domain is expected is not an error: its domain is used, and `note` says so.
#pragma once

#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {

struct CheckedDomain {
  std::string domain;  // lowercase, no trailing dot; empty when rejected
  std::string error;   // why the text is not a domain; empty when accepted
  std::string note;    // set when the domain was taken from an email address

  bool ok() const noexcept { return error.empty(); }
};

/// Checks a domain, or an email address whose domain is meant.
MAILDIAG_FUNC CheckedDomain check_domain(std::string_view text);

/// Checks an email address (local-part@domain, with a checked domain); the domain is returned.
MAILDIAG_FUNC CheckedDomain check_address(std::string_view text);

/// Why `text` is not an IPv4 or IPv6 address, or an empty string when it is one.
MAILDIAG_FUNC std::string ip_address_error(std::string_view text);

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/argument_check-inl.hpp"
#endif
