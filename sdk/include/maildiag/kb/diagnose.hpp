// Diagnosis: the knowledge-base entry that best explains an error line, and the others that
// could.
//
// The same code means different things at different providers (5.2.2 is "mailbox full" by
// RFC 3463 but a submission quota at Exchange Online), so the lookup weighs, strongest first:
// a provider's own text or token found in the line, the provider's meaning of the code, the
// registry meaning of the code, and last the class digit alone. The provider is the caller's
// hint when given, otherwise recognised from the text (host names such as
// `protection.outlook.com` or `gsmtp`, tokens such as `[TSS04]`).
//
// Limits: the text is scanned once (linear time, no regular expressions); at most
// `max_text_matches` tokens and patterns are recorded and at most `max_alternatives`
// alternatives are returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {
namespace kb {

inline constexpr std::size_t max_text_matches = 64;
inline constexpr std::size_t max_alternatives = 8;

/// How an entry was chosen, most specific first.
enum class Specificity : std::uint8_t {
  provider_text,   // a provider's or mail software's own token or wording was found
  provider_code,   // the code, as this provider uses it
  registry_code,   // the code as the IANA registry and the RFCs define it
  class_fallback,  // only the subject or class of the code is known
};
/// "provider_text", "provider_code", "registry_code", "class_fallback".
MAILDIAG_FUNC std::string_view to_string(Specificity s) noexcept;

enum class ProviderSource : std::uint8_t { none, hint, text };
/// "none", "hint", "text".
MAILDIAG_FUNC std::string_view to_string(ProviderSource s) noexcept;

/// A token, text pattern or provider marker found in the text.
struct TextMatch {
  enum class Kind : std::uint8_t { token, pattern, provider_marker };
  Kind kind = Kind::pattern;
  Span span;
  const Entry* entry = nullptr;               // for tokens and patterns
  const ProviderInfo* provider = nullptr;     // the provider the text belongs to
};
/// "token", "pattern", "provider_marker".
MAILDIAG_FUNC std::string_view to_string(TextMatch::Kind k) noexcept;

struct Candidate {
  const Entry* entry = nullptr;
  Specificity specificity = Specificity::class_fallback;
  std::optional<Span> span;  // the token or pattern that selected it, for text matches
};

struct Diagnosis {
  std::optional<std::uint16_t> reply_code;
  std::optional<EnhancedStatus> status;

  const ProviderInfo* provider = nullptr;  // null when unknown
  ProviderSource provider_source = ProviderSource::none;
  bool unknown_provider_hint = false;      // a hint was given but names no known provider

  const Entry* entry = nullptr;  // the best entry; null only when the text has no code and no
                                 // known wording
  Specificity specificity = Specificity::class_fallback;
  std::optional<Span> match_span;
  bool permanent = false;        // resolved: the entry's override, else the class digit

  std::vector<Candidate> alternatives;  // other plausible entries, best first
  std::vector<TextMatch> text_matches;  // in order of appearance

  bool found() const noexcept { return entry != nullptr; }
};

/// Diagnoses one error line. `status` and `reply_code` are the codes the caller already knows
/// (the Status: field of a DSN, for instance); a code not given is taken from the text.
/// `provider_hint` is a provider id or alias ("microsoft", "gmail"); empty to detect.
/// Never throws except when memory runs out; the result points into the static tables.
MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::optional<EnhancedStatus> status,
                                 std::optional<std::uint16_t> reply_code,
                                 std::string_view provider_hint = {});

/// Like the above, but uses exactly the codes given (none when empty) and never scans the text
/// for more: for callers that have scanned it already.
MAILDIAG_FUNC Diagnosis diagnose_with_codes(std::string_view text, std::optional<EnhancedStatus> status,
                                            std::optional<std::uint16_t> reply_code,
                                            std::string_view provider_hint = {});

/// Diagnoses a line using only the codes found in it.
MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::string_view provider_hint = {});

}  // namespace kb
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/kb/diagnose-inl.hpp"
#endif
