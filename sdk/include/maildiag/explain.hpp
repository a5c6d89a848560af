// Explaining a status line: which codes it carries and what they mean.
//
// `explain` is the entry point help desks and tools call with whatever text they have, from a
// bare "5.7.1" to a whole line of a bounce. It finds every code in the text, reads the most
// telling one against RFC 3463's classes and subjects, and attaches the knowledge-base diagnosis
// (see maildiag/kb/diagnose.hpp): the entry that best explains the line, how specific that match
// is, the alternatives, and every provider token and wording found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/kb/diagnose.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {

struct Explanation {
  std::string_view text;  // the input; borrowed, like every span below

  std::vector<CodeInText> codes;  // every code found, in order

  std::optional<std::uint16_t> reply_code;  // the reply code that goes with `status`
  std::optional<EnhancedStatus> status;     // the enhanced code that best describes the text

  /// The class the codes put the failure in: from the reply code when there is one (the sending
  /// server acts on it), else from the enhanced code. Empty when the text has no code at all.
  std::optional<StatusClass> klass;

  /// The knowledge-base diagnosis: entry, provider, specificity, alternatives, tokens found.
  kb::Diagnosis diagnosis;

  /// True when the sending server will not retry: the class of the code the server sent (see
  /// kb::Diagnosis::permanent).
  bool permanent() const noexcept {
    return diagnosis.entry ? diagnosis.permanent : klass == StatusClass::permanent;
  }
  /// True when the text carries a code or a known provider token or wording.
  bool found() const noexcept { return klass.has_value() || diagnosis.found(); }
};

/// Finds the codes in `text` and explains them. `provider_hint` names the provider that produced
/// the text ("microsoft", "gmail", ...; see kb::find_provider), empty to detect it from the text.
/// Never throws on any input except when memory runs out; the result borrows `text`.
MAILDIAG_FUNC Explanation explain(std::string_view text, std::string_view provider_hint = {});

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/explain-inl.hpp"
#endif
