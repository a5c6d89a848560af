// Diagnosis: the one engine that turns the evidence about a failure into a knowledge-base entry,
// a bounce reason, a confidence and the facts that chose them. `explain`, every recipient of a
// bounce, the C API and the WebAssembly module all call it, so a line gets the same answer
// wherever it is read, and a recipient's reason is always its entry's reason.
//
// Evidence outranks words. The codes the server gave decide which entries are possible: wording
// (a provider's token, a known text, a reason keyword) can only choose among the entries that
// fit those codes. An "other or undefined" code (X.n.0, X.0.n, and X.7.1, which servers send for
// every policy refusal) names only a subject, so wording that fits the subject chooses the entry.
// Wording that conflicts with the codes never overrides them: it lowers the confidence and is
// shown as an alternative. Ranking, strongest first:
//   1. a provider's token ("RESOLVER.ADR.RecipNotFound", "S3150");
//   2. a known text whose entry lists the very code given; the provider's own meaning of the code;
//   3. a known text that fits a broad code or a line without code;
//   4. a reason keyword ("over quota") that fits the codes: the reason's entry;
//   5. the registry meaning of a specific code, or of a bare reply code;
//   6. what the report implies (the SMTP command refused, the layout, a delay notice);
//   7. the registry meaning of a broad code, or its subject;
//   8. entries that say only the class ("Permanent failure", "550").
// The provider is the caller's hint when given, otherwise recognised from the text (host names
// such as `protection.outlook.com` or `gsmtp`, tokens, the providers' own wording).
//
// Limits: the text is scanned once (linear time, no regular expressions); at most
// `max_text_matches` tokens and patterns are recorded and at most `max_alternatives`
// alternatives are returned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/reason.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {
namespace kb {

inline constexpr std::size_t max_text_matches = 64;
inline constexpr std::size_t max_alternatives = 8;

/// How an entry was chosen, most specific first.
enum class Specificity : std::uint8_t {
  provider_text,   // a provider's or mail software's own token or wording was found
  provider_code,   // the code, as this provider uses it
  reason_wording,  // wording that names a bounce reason chose the reason's entry
  registry_code,   // the code as the IANA registry and the RFCs define it
  report_context,  // what the report implies: the refused SMTP command, its layout
  class_fallback,  // only the subject or class of the code is known
};
/// "provider_text", "provider_code", "reason_wording", "registry_code", "report_context",
/// "class_fallback".
MAILDIAG_FUNC std::string_view to_string(Specificity s) noexcept;

/// How sure the diagnosis is: `high` when the server's own code or token names the entry and
/// nothing contradicts it; `medium` when wording chose it under a code that says little; `low`
/// when only the class, the report's context, or wording that the code contradicts is known.
enum class Confidence : std::uint8_t { high, medium, low };
/// "high", "medium", "low".
MAILDIAG_FUNC std::string_view to_string(Confidence c) noexcept;

/// Where the provider came from: the caller, the text, or the report around it (its layout, the
/// remote server's host name).
enum class ProviderSource : std::uint8_t { none, hint, text, report };
/// "none", "hint", "text", "report".
MAILDIAG_FUNC std::string_view to_string(ProviderSource s) noexcept;

/// Where an enhanced status code came from.
enum class CodeSource : std::uint8_t {
  text,    // the server's own words (the line, a Diagnostic-Code)
  report,  // the report's machine-readable Status field
  caller,  // the caller said so
};

/// What is known about one failure: the typed evidence the engine weighs.
struct Evidence {
  std::string_view text;                    // the server's words; spans below point into it
  std::optional<EnhancedStatus> status;     // as given
  CodeSource status_source = CodeSource::text;
  std::optional<Span> status_span;          // where in `text`, when it is there
  std::optional<std::uint16_t> reply_code;
  std::optional<Span> reply_code_span;
  std::string_view provider_hint;           // a provider id or alias ("microsoft", "gmail")
  /// What the report says about who wrote the text: a layout name that is a provider alias
  /// ("office365", "gmail") and host names (the remote MTA): read when the text names no provider.
  std::string_view report_provider;
  std::string_view report_hosts;
  std::string_view smtp_command;            // "RCPT", "MAIL", "DATA", "CONN", "HELO", "EHLO"
  std::string_view recipient;               // the failed address: Exchange-internal forms tell
  /// The report's own words about the recipient (any spacing): read, whole phrases only, when
  /// the server's words and the codes name no reason.
  std::string_view context;
  /// What the report implies when the words say nothing, and why ("a delay notice").
  std::optional<Reason> implied_reason;
  std::string_view implied_by;
  /// The class when no code is given (a delay notice is transient).
  std::optional<StatusClass> klass_hint;
  /// The report says delivery failed for good (RFC 3464 Action: failed): the sending server has
  /// stopped, whatever class the last reply had.
  bool final_failure = false;
};

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

/// One fact that chose the diagnosis or argued against it, in words a person can check.
struct EvidenceItem {
  enum class Kind : std::uint8_t {
    status,        // the enhanced status code
    reply_code,    // the SMTP reply code
    provider,      // who produced the text
    token,         // a provider's token
    wording,       // a known text or a reason keyword
    command,       // the SMTP command that was refused
    report,        // what the report's layout or action implies
    conflict,      // wording the codes do not allow: an alternative, not the answer
  };
  Kind kind = Kind::wording;
  std::string text;
  std::optional<Span> span;  // into Evidence::text, where the fact is there
};
/// "status", "reply_code", "provider", "token", "wording", "command", "report", "conflict".
MAILDIAG_FUNC std::string_view to_string(EvidenceItem::Kind k) noexcept;

struct Candidate {
  const Entry* entry = nullptr;
  Specificity specificity = Specificity::class_fallback;
  std::optional<Span> span;  // the token or wording that selected it
  bool conflicts = false;    // the codes given do not allow it
};

struct Diagnosis {
  std::optional<std::uint16_t> reply_code;
  std::optional<EnhancedStatus> status;

  const ProviderInfo* provider = nullptr;  // null when unknown
  ProviderSource provider_source = ProviderSource::none;
  bool unknown_provider_hint = false;      // a hint was given but names no known provider

  const Entry* entry = nullptr;  // the best entry; null only when nothing at all is known
  Reason reason = Reason::undefined;  // the entry's reason: one decision, one vocabulary
  Specificity specificity = Specificity::class_fallback;
  Confidence confidence = Confidence::low;
  std::optional<Span> match_span;
  /// Whether the sending server gives up: the class of the code the server sent (the reply
  /// code's first digit, else the enhanced code's); an entry's own verdict only without codes.
  bool permanent = false;
  /// The retry advice that follows from that class, for people.
  std::string_view retry;
  /// Whether the entry's own retry text may be shown too: false where its provider's behaviour
  /// (a 5.2.121 that clears later) contradicts the class of the code actually sent.
  bool entry_retry_applies = true;

  std::vector<EvidenceItem> evidence;   // why: the facts that chose the entry, in order of weight
  std::vector<Candidate> alternatives;  // other plausible entries, best first
  std::vector<TextMatch> text_matches;  // in order of appearance

  bool found() const noexcept { return entry != nullptr; }
};

/// The engine: weighs the evidence and chooses one entry. Never throws except when memory runs
/// out; the result points into the static tables.
MAILDIAG_FUNC Diagnosis diagnose(const Evidence& evidence);

/// Diagnoses one error line. `status` and `reply_code` are the codes the caller already knows
/// (the Status: field of a DSN, for instance); a code not given is taken from the text.
/// `provider_hint` is a provider id or alias ("microsoft", "gmail"); empty to detect.
MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::optional<EnhancedStatus> status,
                                 std::optional<std::uint16_t> reply_code,
                                 std::string_view provider_hint = {});

/// The evidence of one line: its text and its primary codes (see primary_codes) with their spans.
MAILDIAG_FUNC Evidence line_evidence(std::string_view text, const std::vector<CodeInText>& codes);

/// Diagnoses a line using only the codes found in it.
MAILDIAG_FUNC Diagnosis diagnose(std::string_view text, std::string_view provider_hint = {});

/// True when an enhanced code names only its subject: "other or undefined" details (X.n.0),
/// the X.0.n codes, and X.7.1 (sdk/data/bounce-reasons.toml [codes]).
MAILDIAG_FUNC bool is_broad(const EnhancedStatus& status) noexcept;

/// Whether the entry may explain a failure with these codes: it lists the enhanced code (in any
/// failure class), or the code is broad and the entry fits its subject, or no enhanced code is
/// given.
MAILDIAG_FUNC bool fits_codes(const Entry& entry, const std::optional<EnhancedStatus>& status) noexcept;

/// The entry that explains a reason when only wording names it (bounce-reasons.toml), or null.
MAILDIAG_FUNC const Entry* entry_for_reason(Reason r) noexcept;

}  // namespace kb
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/kb/diagnose-inl.hpp"
#endif
