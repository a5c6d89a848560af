// Public suffixes and organizational domains (RFC 7489 §3.2).
//
// The Public Suffix List is compiled into the library at build time (scripts/gen_psl.py turns
// the list into a sorted table), so lookups need no file and no allocation. Matching follows
// the list's algorithm: the longest matching rule wins, exception rules ("!") beat the wildcard
// they carve out of, and a name no rule matches has its last label as public suffix.
//
// Limits: names longer than 253 bytes (without a trailing dot) or with empty labels have no
// public suffix. Comparison is ASCII case-insensitive; U-labels match rules written in UTF-8,
// and A-labels ("xn--") are Punycode-decoded (RFC 3492) to match the same rules.
#pragma once

#include <cstddef>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace psl {

/// What the list says about one domain name. Views point into the name that was looked up.
struct SuffixInfo {
  std::string_view public_suffix;       // "co.uk" for "mail.example.co.uk"; empty if invalid
  std::string_view registrable_domain;  // "example.co.uk"; empty if the name is a suffix itself
  bool matched_rule = false;            // false when only the implicit "*" rule applied
  bool private_rule = false;            // the rule comes from the list's PRIVATE section
};

/// Looks `domain` up in the compiled list. A trailing dot is ignored.
MAILDIAG_FUNC SuffixInfo lookup(std::string_view domain) noexcept;

/// The RFC 7489 §3.2 organizational domain: the registrable domain, or the name itself when it
/// is a public suffix. Empty only for names that are not valid domain names.
MAILDIAG_FUNC std::string_view organizational_domain(std::string_view domain) noexcept;

/// Number of rules compiled in (an internationalised rule counts once).
MAILDIAG_FUNC std::size_t rule_count() noexcept;

}  // namespace psl
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/psl/public_suffix-inl.hpp"
#endif
