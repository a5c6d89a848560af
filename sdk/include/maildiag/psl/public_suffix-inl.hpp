#pragma once

#include <cstdint>

#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace psl {
namespace detail {

enum : std::uint8_t { kNormal = 1, kWildcard = 2, kException = 4, kPrivate = 8 };

// The generated table: kSuffixNames holds every rule name, sorted, each followed by a flags byte
// (< 0x10); kSuffixBuckets indexes every kSuffixBucket-th entry.
#include "maildiag/psl/suffix_table.inc"

constexpr std::size_t kMaxDomain = 253;

inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// The entry at `offset`: its name, and the offset of the flags byte after it.
inline std::string_view entry_name(std::size_t offset) noexcept {
  std::size_t end = offset;
  while (static_cast<unsigned char>(kSuffixNames[end]) >= 0x10) ++end;
  return std::string_view(kSuffixNames + offset, end - offset);
}

// Flags of `name` (already lowercase), 0 when the list has no rule for it.
inline std::uint8_t flags_of(std::string_view name) noexcept {
  constexpr std::size_t buckets = sizeof(kSuffixBuckets) / sizeof(kSuffixBuckets[0]);
  // The last bucket whose first name is <= name.
  std::size_t lo = 0, hi = buckets;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (entry_name(kSuffixBuckets[mid]) <= name)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0) return 0;
  std::size_t offset = kSuffixBuckets[lo - 1];
  const std::size_t total = sizeof(kSuffixNames) - 1;
  for (std::size_t i = 0; i < kSuffixBucket && offset < total; ++i) {
    std::string_view entry = entry_name(offset);
    int c = entry.compare(name);
    if (c == 0) return static_cast<std::uint8_t>(kSuffixNames[offset + entry.size()]);
    if (c > 0) return 0;
    offset += entry.size() + 1;
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

MAILDIAG_FUNC std::size_t rule_count() noexcept { return detail::kSuffixRuleCount; }

}  // namespace psl
}  // namespace maildiag
