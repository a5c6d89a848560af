// Small text helpers shared by the MIME layer and the bounce decoders.
//
// Mail arrives with LF, CRLF or bare CR line endings; every line-oriented scan in maildiag goes
// through next_line() so that all three are read the same way. Case-insensitive helpers fold
// ASCII only: header names, tokens and the keywords bounce decoders look for are ASCII.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace maildiag {
namespace mime {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
}

constexpr bool is_wsp(char c) noexcept { return c == ' ' || c == '\t'; }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

inline bool istarts_with(std::string_view text, std::string_view prefix) noexcept {
  return text.size() >= prefix.size() && iequals(text.substr(0, prefix.size()), prefix);
}

namespace text_detail {
// How common a byte is in mail text (English letter frequencies, then punctuation): ifind()
// looks for a needle's least common byte, so that its memchr scans stop at few candidates.
struct Commonness {
  unsigned char score[256] = {};
  constexpr Commonness() {
    for (int c = 0; c < 256; ++c) score[c] = 10;
    constexpr char by_frequency[] = "etaoinsrhldcumfpgwybvkxjqz";
    for (int rank = 0; rank < 26; ++rank) {
      const auto l = static_cast<unsigned char>(by_frequency[rank]);
      score[l] = score[l - 32] = static_cast<unsigned char>(90 - 3 * rank);
    }
    for (int c = '0'; c <= '9'; ++c) score[c] = 30;
    score[static_cast<unsigned char>('.')] = score[static_cast<unsigned char>(',')] = 35;
    score[static_cast<unsigned char>('-')] = 35;
    for (char c : {' ', '\n', '\r', '\t'}) score[static_cast<unsigned char>(c)] = 100;
  }
};
inline constexpr Commonness commonness{};
}  // namespace text_detail

/// Position of `needle` in `text` ignoring ASCII case, or npos. `needle` must be lowercase.
/// Candidates are found with memchr for both cases of the needle's least common byte, so the
/// scan runs at memory speed.
inline std::size_t ifind(std::string_view text, std::string_view needle,
                         std::size_t from = 0) noexcept {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  if (needle.size() > text.size() || from > text.size() - needle.size())
    return std::string_view::npos;
  std::size_t anchor = 0;
  for (std::size_t i = 1; i < needle.size(); ++i)
    if (text_detail::commonness.score[static_cast<unsigned char>(needle[i])] <
        text_detail::commonness.score[static_cast<unsigned char>(needle[anchor])])
      anchor = i;
  const char lower_byte = needle[anchor];
  const char upper_byte =
      (lower_byte >= 'a' && lower_byte <= 'z') ? static_cast<char>(lower_byte - 32) : lower_byte;
  const char* const base = text.data();
  const char* const last = base + (text.size() - needle.size()) + anchor;  // last anchor spot
  auto next = [&](const char* from_ptr, char c) -> const char* {
    if (from_ptr > last) return nullptr;
    return static_cast<const char*>(std::memchr(from_ptr, c, static_cast<std::size_t>(last - from_ptr) + 1));
  };
  const char* const first_spot = base + from + anchor;
  const char* lower = next(first_spot, lower_byte);
  const char* upper = upper_byte == lower_byte ? nullptr : next(first_spot, upper_byte);
  while (lower || upper) {
    const char* spot = !upper ? lower : !lower ? upper : (lower < upper ? lower : upper);
    const char* candidate = spot - anchor;
    std::size_t k = 0;
    while (k < needle.size() && ascii_lower(candidate[k]) == needle[k]) ++k;
    if (k == needle.size()) return static_cast<std::size_t>(candidate - base);
    if (spot == lower) lower = next(spot + 1, lower_byte);
    else upper = next(spot + 1, upper_byte);
  }
  return std::string_view::npos;
}

inline std::string_view trim(std::string_view s) noexcept {
  std::size_t b = 0, e = s.size();
  while (b < e && (is_wsp(s[b]) || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (is_wsp(s[e - 1]) || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return s.substr(b, e - b);
}

inline std::string to_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

/// True when every byte of `text` is ASCII (below 0x80); eight bytes at a time.
inline bool is_ascii(std::string_view text) noexcept {
  std::uint64_t seen = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    seen |= word;
  }
  for (; i < text.size(); ++i) seen |= static_cast<unsigned char>(text[i]);
  return (seen & 0x8080808080808080u) == 0;
}

/// One line of a text: its content without the terminator, and where the next line starts.
struct Line {
  std::string_view text;
  std::size_t begin = 0;
  std::size_t next = 0;  // == input size at the end
};

/// Position of the first CR or LF in `text` at or after `from`, or npos. Eight bytes at a time
/// until a word holds one (every line-oriented scan of maildiag runs through here).
inline std::size_t find_line_break(std::string_view text, std::size_t from = 0) noexcept {
  std::size_t i = from;
  const std::size_t n = text.size();
  constexpr std::uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  while (i + 8 <= n) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    const std::uint64_t lf = word ^ (ones * '\n'), cr = word ^ (ones * '\r');
    if ((((lf - ones) & ~lf) | ((cr - ones) & ~cr)) & highs) break;
    i += 8;
  }
  while (i < n && text[i] != '\n' && text[i] != '\r') ++i;
  return i < n ? i : std::string_view::npos;
}

/// The line starting at `pos`; the terminator is LF, CRLF or a lone CR.
inline Line next_line(std::string_view input, std::size_t pos) noexcept {
  const std::size_t n = input.size();
  std::size_t i = find_line_break(input, pos);
  if (i == std::string_view::npos) i = n;
  Line line;
  line.text = input.substr(pos, i - pos);
  line.begin = pos;
  if (i < n && input[i] == '\r') {
    ++i;
    if (i < n && input[i] == '\n') ++i;
  } else if (i < n) {
    ++i;
  }
  line.next = i;
  return line;
}

/// `s` with every run of spaces, tabs and line breaks turned into one space, and none at either
/// end.
inline std::string collapse_space(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  // Written in place into a buffer of the input's size (the result is never longer).
  std::string out(s.size(), ' ');
  char* const begin = &out[0];
  char* w = begin;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && blank(s[i])) ++i;
    std::size_t word = i;
    while (i < s.size() && !blank(s[i])) ++i;
    if (i == word) break;
    if (w != begin) *w++ = ' ';
    std::memcpy(w, s.data() + word, i - word);
    w += i - word;
  }
  out.resize(static_cast<std::size_t>(w - begin));
  return out;
}

/// A copy of `text` with every line ending (CRLF, CR) turned into LF.
inline std::string normalize_newlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace mime
}  // namespace maildiag
