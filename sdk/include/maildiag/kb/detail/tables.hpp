// The compiled knowledge base: generated tables (see scripts/gen_kb.py) and the record types
// they are made of. Internal to the library.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string_view>

#include "maildiag/kb/entry.hpp"

namespace maildiag {
namespace kb {
namespace detail {

struct ProviderAlias {
  std::string_view name;  // lower case
  int provider;
};
struct CodeIndexEntry {
  std::uint32_t key;  // reply code, or class*1000000 + subject*1000 + detail
  std::uint16_t entry;
};
struct CodeRangeEntry {
  std::uint32_t low, high;  // inclusive, same class and subject
  std::uint16_t entry;
};
// One reason of the bounce-reason vocabulary (sdk/data/bounce-reasons.toml).
struct ReasonInfo {
  Reason reason;
  std::string_view name;
  std::string_view description;
  std::uint32_t categories;      // category_bit() flags of the categories it fits; 0: any
  int entry;                     // the entry that explains it when only wording names it, or -1
  bool has_inferred;
  std::uint16_t inferred_subject;  // the registered code inferred for it: X.subject.detail
  std::uint16_t inferred_detail;
};
enum class NeedleKind : std::uint8_t { token, pattern, provider_marker };
struct Needle {
  NeedleKind kind;
  std::uint16_t target;  // entry index, or provider index for markers
  std::uint16_t length;  // bytes
  std::string_view text; // as written in the data; matched case-insensitively
};
struct AcState {
  std::uint16_t first_edge;
  std::uint16_t fail;
  std::uint16_t first_output;
  std::uint8_t edge_count;
  std::uint8_t output_count;
};

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr std::uint32_t enhanced_key(int klass, int subject, int detail) noexcept {
  return static_cast<std::uint32_t>(klass) * 1000000u + static_cast<std::uint32_t>(subject) * 1000u +
         static_cast<std::uint32_t>(detail);
}

// The generated string pool is one literal longer than the 65,536 characters the standard
// promises; GCC, Clang and Emscripten take it, so Clang's portability warning is silenced here.
#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Woverlength-strings"
#endif
#include "maildiag/kb/tables.inc"
#if defined(__clang__)
#  pragma clang diagnostic pop
#endif

}  // namespace detail
}  // namespace kb
}  // namespace maildiag
