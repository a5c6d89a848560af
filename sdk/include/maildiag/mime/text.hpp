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

/// Position of `needle` in `text` ignoring ASCII case, or npos. `needle` must be lowercase.
/// Candidates are found with memchr for both cases of the first byte, so the scan runs at
/// memory speed when the first byte is rare.
inline std::size_t ifind(std::string_view text, std::string_view needle,
                         std::size_t from = 0) noexcept {
  if (needle.empty()) return from <= text.size() ? from : std::string_view::npos;
  if (needle.size() > text.size() || from > text.size() - needle.size())
    return std::string_view::npos;
  const char first = needle[0];
  const char first_upper = (first >= 'a' && first <= 'z') ? static_cast<char>(first - 32) : first;
  const char* const base = text.data();
  const char* const last = base + (text.size() - needle.size());  // last possible start
  const char* lower = nullptr;
  const char* upper = nullptr;
  const char* p = base + from;
  auto next = [&](const char* from_ptr, char c) -> const char* {
    if (from_ptr > last) return nullptr;
    return static_cast<const char*>(std::memchr(from_ptr, c, static_cast<std::size_t>(last - from_ptr) + 1));
  };
  lower = next(p, first);
  upper = first_upper == first ? nullptr : next(p, first_upper);
  while (lower || upper) {
    const char* candidate = !upper ? lower : !lower ? upper : (lower < upper ? lower : upper);
    std::size_t k = 1;
    while (k < needle.size() && ascii_lower(candidate[k]) == needle[k]) ++k;
    if (k == needle.size()) return static_cast<std::size_t>(candidate - base);
    if (candidate == lower) lower = next(candidate + 1, first);
    else upper = next(candidate + 1, first_upper);
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
