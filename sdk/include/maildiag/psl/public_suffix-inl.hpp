#pragma once

#include <cstdint>

#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace psl {
namespace detail {

struct SuffixRule {
  std::uint32_t offset;
  std::uint16_t length;
  std::uint8_t flags;
};
enum : std::uint8_t { kNormal = 1, kWildcard = 2, kException = 4, kPrivate = 8 };

// The generated table: kSuffixNames (all names, concatenated) and kSuffixRules (sorted).
#include "maildiag/psl/suffix_table.inc"

constexpr std::size_t kMaxDomain = 253;

inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

inline int compare(const SuffixRule& r, std::string_view key) noexcept {
  std::string_view name(kSuffixNames + r.offset, r.length);
  return name.compare(key);
}

// Flags of `name` (already lowercase), 0 when the list has no rule for it.
inline std::uint8_t flags_of(std::string_view name) noexcept {
  std::size_t lo = 0, hi = sizeof(kSuffixRules) / sizeof(kSuffixRules[0]);
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    int c = compare(kSuffixRules[mid], name);
    if (c == 0) return kSuffixRules[mid].flags;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return 0;
}

}  // namespace detail

MAILDIAG_FUNC SuffixInfo lookup(std::string_view domain) noexcept {
  using namespace detail;
  SuffixInfo info;
  if (!domain.empty() && domain.back() == '.') domain.remove_suffix(1);
  if (domain.empty() || domain.size() > kMaxDomain) return info;
  char buf[kMaxDomain];
  for (std::size_t i = 0; i < domain.size(); ++i) buf[i] = lower(domain[i]);
  const std::string_view name(buf, domain.size());

  // Label starts, left to right; an empty label makes the name invalid.
  std::size_t starts[kMaxDomain / 2 + 1];
  std::size_t labels = 0;
  std::size_t begin = 0;
  for (;;) {
    std::size_t dot = name.find('.', begin);
    std::size_t end = dot == std::string_view::npos ? name.size() : dot;
    if (end == begin) return info;
    starts[labels++] = begin;
    if (dot == std::string_view::npos) break;
    begin = dot + 1;
  }

  // Longest candidate first: the first rule that applies is the longest match.
  std::size_t suffix_label = labels - 1;  // implicit "*" rule
  for (std::size_t i = 0; i < labels; ++i) {
    std::string_view candidate = name.substr(starts[i]);
    std::uint8_t f = flags_of(candidate);
    if (f & kException) {
      suffix_label = i + 1;  // the exception's parent is the suffix
      info.matched_rule = true;
      info.private_rule = (f & kPrivate) != 0;
      break;
    }
    if (f & kNormal) {
      suffix_label = i;
      info.matched_rule = true;
      info.private_rule = (f & kPrivate) != 0;
      break;
    }
    if (i + 1 < labels) {
      std::uint8_t parent = flags_of(name.substr(starts[i + 1]));
      if (parent & kWildcard) {
        suffix_label = i;
        info.matched_rule = true;
        info.private_rule = (parent & kPrivate) != 0;
        break;
      }
    }
  }
  if (suffix_label >= labels) suffix_label = labels - 1;
  info.public_suffix = domain.substr(starts[suffix_label]);
  if (suffix_label > 0) info.registrable_domain = domain.substr(starts[suffix_label - 1]);
  return info;
}

MAILDIAG_FUNC std::string_view organizational_domain(std::string_view domain) noexcept {
  SuffixInfo info = lookup(domain);
  if (!info.registrable_domain.empty()) return info.registrable_domain;
  return info.public_suffix;
}

MAILDIAG_FUNC std::size_t rule_count() noexcept {
  return sizeof(detail::kSuffixRules) / sizeof(detail::kSuffixRules[0]);
}

}  // namespace psl
}  // namespace maildiag
