// Bounce reasons: the vocabulary most bounce tools share (Sisimai v5's), used for the `reason` of
// a bounced recipient and stated by every knowledge-base entry, so that a recipient's reason and
// its diagnosis come from one decision and cannot contradict each other.
//
// The vocabulary is data (sdk/data/bounce-reasons.toml), compiled with the knowledge base:
// descriptions, the categories each reason fits, the entry that explains a reason named only by
// wording, and the registered code inferred for it when a bounce gives none.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {

enum class Reason : std::uint8_t {
  undefined, userunknown, hostunknown, hasmoved, suspend, mailboxfull, systemfull, mailererror,
  emailtoolarge, rejected, blocked, authfailure, badreputation, requireptr, notcompliantrfc,
  policyviolation, securityerror, norelaying, filtered, contenterror, spamdetected, virusdetected,
  expired, networkerror, notaccept, systemerror, ratelimited, syntaxerror, failedstarttls,
  suppressed, feedback, vacation, delivered, onhold,
};
inline constexpr std::size_t reason_count = 34;

/// The reason's name ("userunknown").
MAILDIAG_FUNC std::string_view to_string(Reason r) noexcept;
/// The reason named `name`, or nullopt.
MAILDIAG_FUNC std::optional<Reason> reason_from_string(std::string_view name) noexcept;
/// A one-line description of the reason, for people.
MAILDIAG_FUNC std::string_view describe(Reason r) noexcept;

/// Whether retrying delivery to the address is pointless: the address or its domain does not
/// exist (any more) or the destination accepts no mail at all. Transient codes are never hard.
MAILDIAG_FUNC bool is_hard_bounce(Reason r, std::optional<StatusClass> klass) noexcept;

/// The registered RFC 3463 code that stands for the reason when a bounce gives none, in the
/// given class (5.1.1 for userunknown, 4.4.7 for a delayed expiry); nullopt where no registered
/// code says it (undefined, feedback, vacation, onhold, suppressed). Never a private code.
MAILDIAG_FUNC std::optional<EnhancedStatus> inferred_status(Reason r, StatusClass klass) noexcept;

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
// The vocabulary is compiled with the knowledge base: its definitions come with the tables.
#  include "maildiag/kb/entry.hpp"
#endif
