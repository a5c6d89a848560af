// SPF records (RFC 7208 §4.5, §4.6, §12): the parsed terms with their byte spans.
//
// parse() reads one record exactly per the RFC's ABNF, including the macro language (§7.1), and
// reports syntax errors as findings pointing at the offending characters. It never allocates per
// term beyond the term vector and copies nothing: spans index the text given to it.
// Limits: records longer than kMaxRecordBytes are refused with one finding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/ip_address.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace spf {

/// Larger than any TXT record a sane zone holds (DNS answers are capped at 8 KB by dns::AnswerLimits).
constexpr std::size_t kMaxRecordBytes = 8192;

enum class Qualifier : std::uint8_t { pass, fail, softfail, neutral };
enum class Mechanism : std::uint8_t { all, include, a, mx, ptr, ip4, ip6, exists };
enum class Modifier : std::uint8_t { redirect, exp, unknown };

/// "+", "-", "~", "?".
MAILDIAG_FUNC char qualifier_char(Qualifier q) noexcept;
/// "all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists".
MAILDIAG_FUNC std::string_view to_string(Mechanism m) noexcept;
/// True for the terms that cost a DNS lookup under RFC 7208 §4.6.4 (redirect counts too).
constexpr bool queries_dns(Mechanism m) noexcept {
  return m == Mechanism::include || m == Mechanism::a || m == Mechanism::mx ||
         m == Mechanism::ptr || m == Mechanism::exists;
}

struct Term {
  bool is_modifier = false;
  Mechanism mechanism = Mechanism::all;    // when !is_modifier
  Modifier modifier = Modifier::unknown;   // when is_modifier
  Qualifier qualifier = Qualifier::pass;
  bool explicit_qualifier = false;
  Span span;         // the whole term, qualifier included
  Span name;         // "include", "redirect", an unknown modifier's name
  Span value;        // domain-spec, ip4/ip6 network, modifier value; empty when absent
  bool has_value = false;
  int cidr4 = -1;    // ip4-cidr-length, -1 when absent
  int cidr6 = -1;    // ip6-cidr-length, -1 when absent
  Span cidr;         // the dual-cidr-length text, empty when absent
  dns::IpAddress network;  // ip4/ip6

  /// The prefix length that applies to IPv4 / IPv6 matches (32 / 128 when absent).
  int ip4_prefix() const noexcept { return cidr4 < 0 ? 32 : cidr4; }
  int ip6_prefix() const noexcept { return cidr6 < 0 ? 128 : cidr6; }
};

struct Record {
  std::vector<Term> terms;
  std::vector<Finding> findings;  // syntax errors (severity error); empty when the record parsed
  bool ok() const noexcept { return findings.empty(); }

  const Term* find_modifier(Modifier m) const noexcept {
    for (const auto& t : terms)
      if (t.is_modifier && t.modifier == m) return &t;
    return nullptr;
  }
};

/// RFC 7208 §4.5: "v=spf1" (any case) followed by a space or the end of the text.
MAILDIAG_FUNC bool is_spf_record(std::string_view text) noexcept;

/// Parses a record that begins with "v=spf1". Syntax errors are findings with code
/// "spf.syntax" (or "spf.invalid_macro", "spf.invalid_cidr", "spf.invalid_ip",
/// "spf.unknown_mechanism", "spf.duplicate_modifier", "spf.no_version"), each with its span.
MAILDIAG_FUNC Record parse(std::string_view text);

/// Where a macro-string is used: the letters c, r and t are allowed only in explanations, and
/// explanations may contain spaces (RFC 7208 §7.1).
enum class MacroContext : std::uint8_t { domain_spec, explain_string };

/// Checks one macro-string; returns the position (relative to `text`) of the first error, or
/// npos when it is valid. `error` receives the reason.
MAILDIAG_FUNC std::size_t check_macro_string(std::string_view text, MacroContext context,
                                             std::string_view* error) noexcept;

/// True when a domain-spec ends as RFC 7208 §7.1 requires: with a macro-expand, or with
/// "." toplabel and an optional final dot.
MAILDIAG_FUNC bool has_valid_domain_end(std::string_view domain_spec) noexcept;

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/record-inl.hpp"
#endif
