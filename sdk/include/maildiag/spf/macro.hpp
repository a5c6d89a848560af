// The SPF macro language (RFC 7208 §7): expansion of domain-specs and explanation strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/dns/ip_address.hpp"
#include "maildiag/spf/record.hpp"

namespace maildiag {
namespace spf {

/// An expansion longer than this is refused: a hostile record cannot make memory grow without
/// bound (a valid one never gets close; domains are then cut to 253 bytes, RFC 7208 §7.3).
constexpr std::size_t kMaxExpansionBytes = 4096;

/// The values the macro letters stand for (RFC 7208 §7.2).
struct MacroValues {
  dns::IpAddress ip;                   // i, c, v
  std::string_view sender;             // s: local-part@domain
  std::string_view local_part;         // l
  std::string_view sender_domain;      // o
  std::string_view domain;             // d: the domain whose record is being evaluated
  std::string_view helo;               // h
  std::string_view validated_domain;   // p: "unknown" when none was validated
  std::string_view receiver;           // r
  std::uint64_t timestamp = 0;         // t
};

enum class ExpandStatus : std::uint8_t { ok, syntax_error, too_long };

/// Expands `macro_string` into `out`. Letters in upper case are URL-escaped (RFC 7208 §7.3).
MAILDIAG_FUNC ExpandStatus expand_macros(std::string_view macro_string, MacroContext context,
                                         const MacroValues& values, std::string& out);

/// Expands a domain-spec into the name to query: cut from the left to at most 253 bytes by
/// whole labels (RFC 7208 §7.3), then normalized (lower case, no trailing dot).
MAILDIAG_FUNC ExpandStatus expand_domain(std::string_view domain_spec, const MacroValues& values,
                                         std::string& out);

/// True when the macro-string uses the letter (any case) in a macro-expand, e.g. 'p'.
MAILDIAG_FUNC bool uses_macro_letter(std::string_view macro_string, char letter) noexcept;

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/macro-inl.hpp"
#endif
