#pragma once

#include "maildiag/mime/text.hpp"
#include "maildiag/mime/transfer_encoding.hpp"

namespace maildiag {
namespace mime {
namespace transfer_detail {

constexpr int base64_value(char c) noexcept {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+' || c == '-') return 62;  // '-' and '_': the URL-safe alphabet, seen in the wild
  if (c == '/' || c == '_') return 63;
  return -1;
}

constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

}  // namespace transfer_detail

MAILDIAG_FUNC void decode_base64(std::string_view text, std::string& out) {
  using transfer_detail::base64_value;
  out.reserve(out.size() + text.size() * 3 / 4);
  unsigned accumulator = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=') {
      // Padding ends a group; a new group may follow when parts were concatenated.
      accumulator = 0;
      bits = 0;
      continue;
    }
    int v = base64_value(c);
    if (v < 0) continue;
    accumulator = (accumulator << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((accumulator >> bits) & 0xFF);
    }
  }
}

MAILDIAG_FUNC void decode_quoted_printable(std::string_view text, std::string& out, bool header) {
  using transfer_detail::hex_value;
  out.reserve(out.size() + text.size());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    char c = text[i];
    if (c == '=') {
      if (i + 2 < n && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
        out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
        i += 3;
        continue;
      }
      // Soft line break: "=" then optional trailing whitespace then the line end.
      std::size_t k = i + 1;
      while (k < n && is_wsp(text[k])) ++k;
      if (k >= n) {
        i = n;
        continue;
      }
      if (text[k] == '\r' || text[k] == '\n') {
        if (text[k] == '\r' && k + 1 < n && text[k + 1] == '\n') ++k;
        i = k + 1;
        continue;
      }
      out += c;
      ++i;
      continue;
    }
    if (header && c == '_') {
      out += ' ';
      ++i;
      continue;
    }
    out += c;
    ++i;
  }
}

MAILDIAG_FUNC void decode_transfer_encoding(std::string_view body, std::string_view encoding,
                                            std::string& out) {
  std::string_view e = trim(encoding);
  if (iequals(e, "base64")) {
    decode_base64(body, out);
  } else if (iequals(e, "quoted-printable")) {
    decode_quoted_printable(body, out);
  } else {
    out.append(body.data(), body.size());
  }
}

}  // namespace mime
}  // namespace maildiag
