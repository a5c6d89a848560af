#pragma once

#include <cstdint>

#include "maildiag/psl/public_suffix.hpp"

namespace maildiag {
namespace psl {
namespace detail {

enum : std::uint8_t { kNormal = 1, kWildcard = 2, kException = 4, kPrivate = 8 };

// The generated table (scripts/gen_psl.py): kSuffixNames holds every rule name with its labels
// reversed ("uk.co"), sorted and front-coded: per entry, the length of the prefix shared with the
// previous entry, the rest of the name, and a flags byte (< 0x10). kSuffixBuckets indexes every
// kSuffixBucket-th entry, which shares nothing.
#include "maildiag/psl/suffix_table.inc"

constexpr std::size_t kMaxDomain = 253;

inline char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; }

// Length of the name part of the entry whose name starts at `pos` (up to its flags byte).
inline std::size_t name_length(std::size_t pos) noexcept {
  std::size_t end = pos;
  while (static_cast<unsigned char>(kSuffixNames[end]) >= 0x10) ++end;
  return end - pos;
}

// Flags of the rule whose reversed-label key is `key`, 0 when the list has none.
inline std::uint8_t flags_of_key(std::string_view key) noexcept {
  constexpr std::size_t buckets = sizeof(kSuffixBuckets) / sizeof(kSuffixBuckets[0]);
  // The last bucket whose first name is <= key.
  std::size_t lo = 0, hi = buckets;
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    std::size_t pos = kSuffixBuckets[mid] + 1;
    if (std::string_view(kSuffixNames + pos, name_length(pos)) <= key)
      lo = mid + 1;
    else
      hi = mid;
  }
  if (lo == 0) return 0;
  char current[kMaxDomain + 1];
  std::size_t current_len = 0;
  std::size_t offset = kSuffixBuckets[lo - 1];
  const std::size_t total = sizeof(kSuffixNames) - 1;
  for (std::size_t i = 0; i < kSuffixBucket && offset < total; ++i) {
    std::size_t shared = static_cast<unsigned char>(kSuffixNames[offset]);
    std::size_t rest = name_length(offset + 1);
    if (shared > current_len || shared + rest > kMaxDomain) return 0;  // cannot happen: generated
    for (std::size_t k = 0; k < rest; ++k) current[shared + k] = kSuffixNames[offset + 1 + k];
    current_len = shared + rest;
    int c = std::string_view(current, current_len).compare(key);
    if (c == 0) return static_cast<std::uint8_t>(kSuffixNames[offset + 1 + rest]);
    if (c > 0) return 0;
    offset += 1 + rest + 1;
  }
  return 0;
}

// Flags of `name` (lowercase, no empty labels), 0 when the list has no rule for it.
inline std::uint8_t flags_of(std::string_view name) noexcept {
  char key[kMaxDomain];
  std::size_t len = 0;
  std::size_t end = name.size();
  for (;;) {
    std::size_t dot = end == 0 ? std::string_view::npos : name.rfind('.', end - 1);
    std::size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
    for (std::size_t k = begin; k < end; ++k) key[len++] = name[k];
    if (dot == std::string_view::npos) break;
    key[len++] = '.';
    end = dot;
  }
  return flags_of_key(std::string_view(key, len));
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
