// What receivers make of a DMARC record: whether they apply it at all, and with which policy.
//
// A record with mistakes is usually still in effect: receivers ignore unknown tags, syntax errors
// and unusable report destinations and apply the rest (RFC 9989 §4.7, RFC 7489 §6.3). Two things
// change the outcome: a record that does not start with exactly "v=DMARC1" is not a DMARC record,
// and an invalid p, sp or np value makes receivers act as if the record said p=none when a rua
// destination is usable, and skip DMARC when none is (RFC 9989 §4.10.1, RFC 7489 §6.6.3).
//
// `dmarc check` and the verdict both read a record through effect_of(), so they cannot disagree.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dmarc/record.hpp"

namespace maildiag {
namespace dmarc {

struct Effect {
  bool in_effect = false;   // receivers apply this record
  Policy p = Policy::none;  // for the policy domain itself
  Policy sp = Policy::none; // for existing subdomains
  Policy np = Policy::none; // for subdomains that do not exist (NXDOMAIN)
  AlignmentMode adkim = AlignmentMode::relaxed;
  AlignmentMode aspf = AlignmentMode::relaxed;
  std::optional<char> psd;  // 'y', 'n' or 'u'
  bool testing = false;     // t=y: one level less
  std::vector<std::string> rua, ruf;  // the destinations receivers send reports to
  /// The published policy the receivers' fallback throws away (p=reject when sp is invalid).
  std::optional<Policy> lost;
};

/// Reads `record` as receivers apply it.
MAILDIAG_FUNC Effect effect_of(const Record& record);

/// One sentence that leads every report about the record: "In effect: receivers apply p=none to
/// example.com (your p=reject is lost: sp=invalid is not a valid policy)." `domain` may be empty.
MAILDIAG_FUNC std::string describe_effect(const Record& record, std::string_view domain = {});

}  // namespace dmarc
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dmarc/effect-inl.hpp"
#endif
