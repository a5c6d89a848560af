// The wording of bounce reasons: which reason of the shared vocabulary (maildiag/reason.hpp) the
// remote server's words name, found with keyword tables (sdk/data/ndr/reasons.toml). The
// diagnosis engine (maildiag/kb/diagnose.hpp) weighs this wording with the codes and the
// knowledge base's own texts; nothing here decides a recipient's reason alone.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/reason.hpp"

namespace maildiag {
namespace ndr {

// The vocabulary lives in maildiag/reason.hpp; these keep ndr::Reason and friends working.
using maildiag::Reason;
using maildiag::describe;
using maildiag::inferred_status;
using maildiag::is_hard_bounce;
using maildiag::reason_from_string;
using maildiag::to_string;

/// A phrase that names a reason, and where it is in the text.
struct ReasonPhrase {
  Reason reason = Reason::undefined;
  Span span;
};

/// Only the first `max_reason_text` bytes are read: a server states its reason first.
inline constexpr std::size_t max_reason_text = 4096;

/// The reason the text's wording (any case) points at: keyword tables, one per reason, in
/// priority order (a phrase of several words beats a single word; a longer phrase covering a
/// shorter one beats it). With `phrases_only`, single words ("blocked", "spam") do not count.
/// Nullopt when no keyword occurs. Prefixes such as "Recipient address rejected:" are never
/// keywords (sdk/data/bounce-reasons.toml): the words after them are.
MAILDIAG_FUNC std::optional<ReasonPhrase> find_reason_phrase(std::string_view text,
                                                             bool phrases_only = false);

/// The reason of find_reason_phrase(), without its span.
MAILDIAG_FUNC std::optional<Reason> reason_from_text(std::string_view text,
                                                     bool phrases_only = false);

}  // namespace ndr
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/ndr/reason-inl.hpp"
#endif
