#pragma once

#include "maildiag/dns/ip_address.hpp"

namespace maildiag {
namespace dns {
namespace ip_detail {

inline int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

inline bool parse_v4(std::string_view text, std::uint8_t* out) noexcept {
  std::size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (pos >= text.size() || text[pos] != '.') return false;
      ++pos;
    }
    std::size_t start = pos;
    unsigned value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9' && pos - start < 3) {
      value = value * 10 + static_cast<unsigned>(text[pos] - '0');
      ++pos;
    }
    std::size_t digits = pos - start;
    if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return false;
    out[part] = static_cast<std::uint8_t>(value);
  }
  return pos == text.size();
}

inline bool parse_v6(std::string_view text, std::uint8_t* out) noexcept {
  std::uint16_t groups[8] = {};
  int count = 0;
  int gap = -1;  // index in `groups` where "::" stands
  std::size_t pos = 0;
  if (text.size() >= 2 && text[0] == ':' && text[1] == ':') {
    gap = 0;
    pos = 2;
    if (pos == text.size()) {
      for (int i = 0; i < 16; ++i) out[i] = 0;
      return true;
    }
  } else if (!text.empty() && text[0] == ':') {
    return false;
  }
  while (pos < text.size()) {
    if (count == 8) return false;
    std::size_t start = pos;
    unsigned value = 0;
    while (pos < text.size() && hex_value(text[pos]) >= 0 && pos - start < 4) {
      value = value * 16 + static_cast<unsigned>(hex_value(text[pos]));
      ++pos;
    }
    if (pos < text.size() && text[pos] == '.') {
      // Embedded IPv4 in the last 32 bits.
      if (count > 6) return false;
      std::uint8_t v4[4];
      if (!parse_v4(text.substr(start), v4)) return false;
      groups[count++] = static_cast<std::uint16_t>(v4[0] << 8 | v4[1]);
      groups[count++] = static_cast<std::uint16_t>(v4[2] << 8 | v4[3]);
      pos = text.size();
      break;
    }
    if (pos == start) return false;
    groups[count++] = static_cast<std::uint16_t>(value);
    if (pos == text.size()) break;
    if (text[pos] != ':') return false;
    ++pos;
    if (pos < text.size() && text[pos] == ':') {
      if (gap >= 0) return false;
      gap = count;
      ++pos;
    } else if (pos == text.size()) {
      return false;  // trailing single ':'
    }
  }
  if (gap < 0 && count != 8) return false;
  if (gap >= 0 && count > 7) return false;
  std::uint16_t full[8] = {};
  if (gap < 0) {
    for (int i = 0; i < 8; ++i) full[i] = groups[i];
  } else {
    int tail = count - gap;
    for (int i = 0; i < gap; ++i) full[i] = groups[i];
    for (int i = 0; i < tail; ++i) full[8 - tail + i] = groups[gap + i];
  }
  for (int i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<std::uint8_t>(full[i] >> 8);
    out[2 * i + 1] = static_cast<std::uint8_t>(full[i] & 0xff);
  }
  return true;
}

constexpr char kHexDigits[] = "0123456789abcdef";

}  // namespace ip_detail

MAILDIAG_FUNC std::optional<IpAddress> IpAddress::parse(std::string_view text) noexcept {
  IpAddress ip;
  if (text.find(':') == std::string_view::npos) {
    if (!ip_detail::parse_v4(text, ip.bytes.data())) return std::nullopt;
    return ip;
  }
  ip.is_v6 = true;
  if (!ip_detail::parse_v6(text, ip.bytes.data())) return std::nullopt;
  return ip;
}

MAILDIAG_FUNC IpAddress IpAddress::unmapped() const noexcept {
  if (!is_v6) return *this;
  for (int i = 0; i < 10; ++i)
    if (bytes[static_cast<std::size_t>(i)] != 0) return *this;
  if (bytes[10] != 0xff || bytes[11] != 0xff) return *this;
  IpAddress v4;
  for (int i = 0; i < 4; ++i) v4.bytes[static_cast<std::size_t>(i)] = bytes[static_cast<std::size_t>(12 + i)];
  return v4;
}

MAILDIAG_FUNC std::string IpAddress::to_string() const {
  std::string out;
  if (!is_v6) {
    for (int i = 0; i < 4; ++i) {
      if (i) out += '.';
      out += std::to_string(bytes[static_cast<std::size_t>(i)]);
    }
    return out;
  }
  std::uint16_t g[8];
  for (int i = 0; i < 8; ++i)
    g[i] = static_cast<std::uint16_t>(bytes[static_cast<std::size_t>(2 * i)] << 8 |
                                      bytes[static_cast<std::size_t>(2 * i + 1)]);
  // RFC 5952 §4.2: compress the longest run of two or more zero groups, the first one on ties.
  int best_start = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) { ++i; continue; }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) { best_start = i; best_len = j - i; }
    i = j;
  }
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    char buf[5];
    int n = 0;
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      int nibble = (g[i] >> shift) & 0xf;
      if (nibble || started || shift == 0) {
        buf[n++] = ip_detail::kHexDigits[nibble];
        started = true;
      }
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

MAILDIAG_FUNC std::string IpAddress::dotted_nibbles() const {
  if (!is_v6) return to_string();
  std::string out;
  out.reserve(63);
  for (std::size_t i = 0; i < 16; ++i) {
    if (i) out += '.';
    out += ip_detail::kHexDigits[bytes[i] >> 4];
    out += '.';
    out += ip_detail::kHexDigits[bytes[i] & 0xf];
  }
  return out;
}

MAILDIAG_FUNC std::string IpAddress::reverse_name() const {
  std::string out;
  if (!is_v6) {
    for (int i = 3; i >= 0; --i) {
      out += std::to_string(bytes[static_cast<std::size_t>(i)]);
      out += '.';
    }
    return out + "in-addr.arpa";
  }
  for (int i = 15; i >= 0; --i) {
    out += ip_detail::kHexDigits[bytes[static_cast<std::size_t>(i)] & 0xf];
    out += '.';
    out += ip_detail::kHexDigits[bytes[static_cast<std::size_t>(i)] >> 4];
    out += '.';
  }
  return out + "ip6.arpa";
}

MAILDIAG_FUNC bool IpAddress::in_network(const IpAddress& network,
                                         unsigned prefix_length) const noexcept {
  if (is_v6 != network.is_v6) return false;
  unsigned max_bits = is_v6 ? 128u : 32u;
  if (prefix_length > max_bits) prefix_length = max_bits;
  std::size_t full_bytes = prefix_length / 8;
  for (std::size_t i = 0; i < full_bytes; ++i)
    if (bytes[i] != network.bytes[i]) return false;
  unsigned rest = prefix_length % 8;
  if (rest == 0) return true;
  auto mask = static_cast<std::uint8_t>(0xff << (8 - rest));
  return (bytes[full_bytes] & mask) == (network.bytes[full_bytes] & mask);
}

}  // namespace dns
}  // namespace maildiag
