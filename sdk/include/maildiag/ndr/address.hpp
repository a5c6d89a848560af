// Finding e-mail addresses in bounce text: "kijitora@example.jp", "<kijitora@example.jp>",
// "rfc822; kijitora@example.jp", "kijitora@example.jp<mailto:kijitora@example.jp>".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace maildiag {
namespace ndr {
namespace address {

namespace detail {
constexpr bool local_byte(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '!' || c == '#' || c == '$' || c == '%' || c == '&' || c == '\'' ||
         c == '*' || c == '+' || c == '/' || c == '=' || c == '?' || c == '^' || c == '_' ||
         c == '`' || c == '{' || c == '|' || c == '}' || c == '~' || c == '-' || c >= 0x80;
}
constexpr bool domain_byte(unsigned char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '.' || c == '-' || c == '_' || c >= 0x80;
}
// One byte per possible byte value: bit 1 local-part character, bit 2 domain character. Every
// line of a bounce is tested against these, so a table lookup replaces the comparisons.
struct ByteClasses {
  unsigned char bits[256] = {};
  constexpr ByteClasses() {
    for (unsigned c = 0; c < 256; ++c)
      bits[c] = static_cast<unsigned char>((local_byte(static_cast<unsigned char>(c)) ? 1 : 0) |
                                           (domain_byte(static_cast<unsigned char>(c)) ? 2 : 0));
  }
};
inline constexpr ByteClasses byte_classes{};
}  // namespace detail

constexpr bool is_local_char(char c) noexcept {
  return detail::byte_classes.bits[static_cast<unsigned char>(c)] & 1;
}
constexpr bool is_domain_char(char c) noexcept {
  return detail::byte_classes.bits[static_cast<unsigned char>(c)] & 2;
}

/// An address found in a text: where it is and how long.
struct Found {
  std::size_t pos = std::string_view::npos;
  std::size_t len = 0;
  explicit operator bool() const noexcept { return pos != std::string_view::npos; }
};

/// The first address in `text` at or after `from`. Linear: every byte is looked at a bounded
/// number of times.
inline Found find(std::string_view text, std::size_t from = 0) noexcept {
  std::size_t i = from;
  while (i < text.size()) {
    std::size_t at = text.find('@', i);
    if (at == std::string_view::npos) return {};
    std::size_t b = at;
    while (b > i && b > 0 && is_local_char(text[b - 1]) && at - b < 128) --b;
    while (b < at && text[b] == '.') ++b;
    std::size_t e = at + 1;
    while (e < text.size() && is_domain_char(text[e]) && e - at < 256) ++e;
    while (e > at + 1 && (text[e - 1] == '.' || text[e - 1] == '-')) --e;
    std::string_view domain = text.substr(at + 1, e - at - 1);
    if (b < at && !domain.empty() && domain.find('.') != std::string_view::npos) {
      return Found{b, e - b};
    }
    i = at + 1;
  }
  return {};
}

/// True when `text` is exactly one address.
inline bool is_address(std::string_view text) noexcept {
  Found f = find(text);
  return f && f.pos == 0 && f.len == text.size();
}

/// Lowercase copy for comparisons.
inline std::string key(std::string_view addr) {
  std::string out(addr);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

/// True for the addresses of the mail system itself (never a recipient of the bounce).
inline bool is_system(std::string_view addr) noexcept {
  std::string k = key(addr);
  return k.rfind("mailer-daemon@", 0) == 0 || k.rfind("postmaster@", 0) == 0 ||
         k.rfind("mail-daemon@", 0) == 0 || k.rfind("maildaemon@", 0) == 0 ||
         k.rfind("no-reply@", 0) == 0 || k.rfind("noreply@", 0) == 0;
}

}  // namespace address
}  // namespace ndr
}  // namespace maildiag
