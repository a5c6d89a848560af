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
// The generated string pool is one literal longer than the 65,536 characters the standard
// promises; GCC, Clang and Emscripten take it, so Clang's portability warning is silenced here.
#if defined(__clang__)
#  pragma clang diagnostic push
#  pragma clang diagnostic ignored "-Woverlength-strings"
#endif
#include "maildiag/psl/suffix_table.inc"
#if defined(__clang__)
#  pragma clang diagnostic pop
#endif

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

// RFC 3492 section 6.3: Punycode digits are a-z (0-25) and 0-9 (26-35).
inline int punycode_digit(char c) noexcept {
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '0' && c <= '9') return c - '0' + 26;
  return -1;
}

// RFC 3492 section 6.1.
inline std::uint32_t punycode_adapt(std::uint32_t delta, std::uint32_t points, bool first) noexcept {
  delta = first ? delta / 700 : delta / 2;
  delta += delta / points;
  std::uint32_t k = 0;
  while (delta > ((36 - 1) * 26) / 2) {
    delta /= 36 - 1;
    k += 36;
  }
  return k + (36 * delta) / (delta + 38);
}

// The A-label `label` ("xn--" included, lowercase) decoded (RFC 3492 section 6.2) and appended
// to `out` as UTF-8. Returns the bytes written, or 0 when the label is not valid Punycode or
// decodes to more than 63 code points; `out` must have room for 4 * 63 bytes.
inline std::size_t decode_a_label(std::string_view label, char* out) noexcept {
  constexpr std::size_t kMaxPoints = 63;
  constexpr std::uint32_t kMax = 0xFFFFFFFFu;
  std::string_view in = label.substr(4);
  char32_t points[kMaxPoints];
  std::size_t count = 0;
  std::size_t pos = 0;
  const std::size_t delimiter = in.rfind('-');
  if (delimiter != std::string_view::npos) {
    if (delimiter > kMaxPoints) return 0;
    for (; count < delimiter; ++count) {
      if (static_cast<unsigned char>(in[count]) >= 0x80) return 0;
      points[count] = static_cast<unsigned char>(in[count]);
    }
    pos = delimiter + 1;
  }
  std::uint32_t n = 128, i = 0, bias = 72;
  while (pos < in.size()) {
    const std::uint32_t old_i = i;
    std::uint32_t w = 1;
    for (std::uint32_t k = 36;; k += 36) {
      if (pos >= in.size()) return 0;
      const int digit = punycode_digit(in[pos++]);
      if (digit < 0 || static_cast<std::uint32_t>(digit) > (kMax - i) / w) return 0;
      i += static_cast<std::uint32_t>(digit) * w;
      const std::uint32_t t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (static_cast<std::uint32_t>(digit) < t) break;
      if (w > kMax / (36 - t)) return 0;
      w *= 36 - t;
    }
    const std::uint32_t points_after = static_cast<std::uint32_t>(count) + 1;
    bias = punycode_adapt(i - old_i, points_after, old_i == 0);
    if (i / points_after > kMax - n) return 0;
    n += i / points_after;
    i %= points_after;
    if (count == kMaxPoints || n > 0x10FFFF || (n >= 0xD800 && n <= 0xDFFF)) return 0;
    for (std::size_t k = count; k > i; --k) points[k] = points[k - 1];
    points[i] = n;
    ++count;
    ++i;
  }
  std::size_t written = 0;
  for (std::size_t k = 0; k < count; ++k) {
    const char32_t cp = points[k];
    if (cp < 0x80) {
      out[written++] = static_cast<char>(cp);
    } else if (cp < 0x800) {
      out[written++] = static_cast<char>(0xC0 | (cp >> 6));
      out[written++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out[written++] = static_cast<char>(0xE0 | (cp >> 12));
      out[written++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out[written++] = static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out[written++] = static_cast<char>(0xF0 | (cp >> 18));
      out[written++] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out[written++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out[written++] = static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return written;
}

// Flags of `name` (lowercase, no empty labels), 0 when the list has no rule for it. The table
// holds internationalised rules as U-labels, so A-labels are decoded first; one that does not
// decode is looked up as it is.
inline std::uint8_t flags_of(std::string_view name) noexcept {
  char key[4 * kMaxDomain];
  std::size_t len = 0;
  std::size_t end = name.size();
  for (;;) {
    std::size_t dot = end == 0 ? std::string_view::npos : name.rfind('.', end - 1);
    std::size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
    const std::string_view label = name.substr(begin, end - begin);
    const std::size_t decoded = label.size() > 4 && label.substr(0, 4) == "xn--"
                                    ? decode_a_label(label, key + len)
                                    : 0;
    if (decoded != 0) {
      len += decoded;
    } else {
      for (char c : label) key[len++] = c;
    }
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
