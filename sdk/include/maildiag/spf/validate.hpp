// Offline validation of an SPF record: syntax errors and the mistakes that make receivers
// (Microsoft 365 first) reject or distrust mail, each with a stable code, a span and a fix.
//
// Codes (stable): the parser's (spf.syntax, spf.invalid_macro, spf.invalid_cidr, spf.invalid_ip,
// spf.unknown_mechanism, spf.duplicate_modifier, spf.no_version, spf.record_too_large),
// spf.sender_id, spf.too_many_lookups, spf.ptr_deprecated, spf.pass_all, spf.neutral_all,
// spf.no_all, spf.redirect_ignored, spf.terms_after_all, spf.duplicate_network,
// spf.overlapping_network, spf.non_routable_network, spf.suspicious_cidr,
// spf.string_too_long, spf.record_too_long.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/txt_presentation.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/spf/providers.hpp"
#include "maildiag/spf/record.hpp"

namespace maildiag {
namespace spf {

/// A record's bytes beyond which a UDP answer risks truncation (common operator guidance).
constexpr std::size_t kRecommendedMaxRecordBytes = 450;
/// The longest TXT character-string (RFC 1035 §3.3); longer records must be split.
constexpr std::size_t kMaxTxtStringBytes = 255;

struct Validation {
  std::string text;
  Record record;
  std::vector<Finding> findings;  // the parser's errors first, then the checks, in record order
  int dns_terms = 0;              // include, a, mx, ptr, exists (and redirect when it applies)
  /// For each term, the known provider its include names (nullptr otherwise); empty when the
  /// record names no known provider.
  std::vector<const Provider*> providers;

  const Provider* provider(std::size_t term_index) const noexcept {
    return term_index < providers.size() ? providers[term_index] : nullptr;
  }

  bool has_errors() const noexcept { return maildiag::has_errors(findings); }
  std::string_view term_text(const Term& t) const {
    return std::string_view(text).substr(t.span.begin, t.span.size());
  }
};

MAILDIAG_FUNC Validation validate(std::string_view text);

/// validate() for a record as people paste it: bare, or quoted and split into strings as DNS
/// tools show TXT records (maildiag/dns/txt_presentation.hpp).
MAILDIAG_FUNC Validation validate_pasted(std::string_view text);

}  // namespace spf
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/spf/validate-inl.hpp"
#endif
