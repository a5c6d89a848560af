// The tag=value list that DKIM key records (RFC 6376 §3.2) and DMARC records (RFC 9989 §4.7,
// RFC 7489 §6.4) share: tags separated by ";", whitespace around names and values ignored.
// This splits a record into its tags with their spans; each format judges the tags itself.
#pragma once

#include <cstddef>
#include <string_view>

#include "maildiag/finding.hpp"

namespace maildiag {
namespace tag_list {

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Narrows [b, e) of `text` past leading and trailing whitespace.
constexpr void trim(std::string_view text, std::size_t& b, std::size_t& e) noexcept {
  while (b < e && is_space(text[b])) ++b;
  while (e > b && is_space(text[e - 1])) --e;
}

/// One non-empty entry of the list.
struct RawTag {
  Span span;               // the whole entry, trimmed
  bool has_equals = false; // false: not a tag=value pair at all
  Span name;               // trimmed; meaningful only with has_equals
  Span value;              // trimmed; meaningful only with has_equals
  bool valid_name = false; // ALPHA *(ALPHA / DIGIT / "_")
};

/// Calls `on_tag(const RawTag&)` for each non-empty entry of `text` from byte `from` on, in order,
/// until it returns false. Linear in the text.
template <typename OnTag>
void for_each_tag(std::string_view text, std::size_t from, OnTag&& on_tag) {
  std::size_t seg_begin = from;
  while (seg_begin <= text.size()) {
    const std::size_t semi = text.find(';', seg_begin);
    const std::size_t seg_end = semi == std::string_view::npos ? text.size() : semi;
    std::size_t b = seg_begin, e = seg_end;
    trim(text, b, e);
    seg_begin = seg_end + 1;
    if (b == e) {
      if (semi == std::string_view::npos) break;
      continue;
    }
    RawTag tag;
    tag.span = {b, e};
    const std::size_t eq = text.find('=', b);
    if (eq != std::string_view::npos && eq < e) {
      tag.has_equals = true;
      std::size_t nb = b, ne = eq, vb = eq + 1, ve = e;
      trim(text, nb, ne);
      trim(text, vb, ve);
      tag.name = {nb, ne};
      tag.value = {vb, ve};
      auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
      tag.valid_name = nb < ne && alpha(text[nb]);
      for (std::size_t i = nb; i < ne && tag.valid_name; ++i)
        tag.valid_name = alpha(text[i]) || (text[i] >= '0' && text[i] <= '9') || text[i] == '_';
    }
    if (!on_tag(tag)) return;
  }
}

}  // namespace tag_list
}  // namespace maildiag
