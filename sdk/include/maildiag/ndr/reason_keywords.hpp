// Keyword tables, one per bounce reason: phrases that remote servers and mail systems write
// when they mean that reason. Maintained as data in sdk/data/ndr/reasons.toml (which explains
// how phrases are matched and ranked) and compiled into these tables at build time.
#pragma once

#include <cstddef>
#include <string_view>

#include "maildiag/ndr/reason.hpp"

namespace maildiag {
namespace ndr {

struct ReasonKeywords {
  Reason reason;
  const std::string_view* phrases;
  std::size_t count;
};

// One table of phrases per reason and the list of tables in priority order, generated from
// sdk/data/ndr/reasons.toml by scripts/gen_ndr_tables.py.
#include "maildiag/ndr/reason_keywords.inc"

}  // namespace ndr
}  // namespace maildiag
