// Bounce reasons: the vocabulary most bounce tools share (Sisimai v5), how each is recognised
// from a status code or from the remote server's text, and whether it makes a bounce hard.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {
namespace ndr {

enum class Reason : std::uint8_t {
  undefined, userunknown, hostunknown, hasmoved, suspend, mailboxfull, systemfull, mailererror,
  emailtoolarge, rejected, blocked, authfailure, badreputation, requireptr, notcompliantrfc,
  policyviolation, securityerror, norelaying, filtered, contenterror, spamdetected, virusdetected,
  expired, networkerror, notaccept, systemerror, ratelimited, syntaxerror, failedstarttls,
  suppressed, feedback, vacation, delivered, onhold,
};

/// The reason's name ("userunknown").
MAILDIAG_FUNC std::string_view to_string(Reason r) noexcept;
/// The reason named `name`, or nullopt.
MAILDIAG_FUNC std::optional<Reason> reason_from_string(std::string_view name) noexcept;
/// A one-line description of the reason, for people.
MAILDIAG_FUNC std::string_view describe(Reason r) noexcept;

/// Whether retrying delivery to the address is pointless: the address or its domain does not
/// exist (any more) or the destination accepts no mail at all. Transient codes are never hard.
MAILDIAG_FUNC bool is_hard_bounce(Reason r, std::optional<StatusClass> klass) noexcept;

/// The reason a standard enhanced status code stands for (RFC 3463 and the IANA registry),
/// including maildiag's inferred x.0.9xx codes; nullopt when the code says too little.
MAILDIAG_FUNC std::optional<Reason> reason_for_status(const EnhancedStatus& status) noexcept;

/// The inferred status code that stands for a reason when a bounce carries no code
/// ("5.0.911" for userunknown, in Sisimai's numbering), of the given class.
MAILDIAG_FUNC std::string inferred_status(Reason r, StatusClass klass);

/// The reason the remote server's text (any case) points at, found with keyword tables, one per
/// reason, checked in priority order; nullopt when no keyword occurs. Only the first
/// `max_reason_text` bytes are read: a server states its reason first.
/// With `phrases_only`, single words ("blocked", "spam") are not enough, only phrases are.
inline constexpr std::size_t max_reason_text = 4096;
MAILDIAG_FUNC std::optional<Reason> reason_from_text(std::string_view text,
                                                     bool phrases_only = false);

/// Combines everything known about one recipient into a reason: the status code, the text, the
/// SMTP command that failed ("RCPT", "MAIL", "DATA", "CONN", "HELO", "EHLO") and the action.
struct ReasonEvidence {
  std::optional<EnhancedStatus> status;
  std::optional<std::uint16_t> reply_code;
  std::string_view text;     // the remote server's text for this recipient
  // The report's own words around it (any spacing): read when `text` says nothing.
  std::string_view context;
  std::string_view smtp_command;
  std::string_view action;  // RFC 3464 action: failed, delayed, delivered, relayed, expanded
  /// What the layout itself means when nothing else tells (a Google Groups refusal: rejected).
  std::optional<Reason> default_reason;
};
MAILDIAG_FUNC Reason classify(const ReasonEvidence& evidence);

}  // namespace ndr
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/ndr/reason-inl.hpp"
#endif
