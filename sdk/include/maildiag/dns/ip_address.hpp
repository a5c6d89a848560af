// IPv4 and IPv6 addresses: strict textual parsing, formatting, prefix matching and the reverse
// (in-addr.arpa / ip6.arpa) names that PTR lookups and the SPF "%{i}" macro need.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "maildiag/config.hpp"

namespace maildiag {
namespace dns {

struct IpAddress {
  bool is_v6 = false;
  // IPv4 uses bytes[0..3]; IPv6 all 16 bytes, network order.
  std::array<std::uint8_t, 16> bytes{};

  /// Dotted quad without leading zeros (RFC 7208 §4.6.1 "qnum") or any RFC 4291 §2.2 form of
  /// IPv6, including an embedded dotted quad. Nothing else is accepted (no zone ids, no spaces).
  MAILDIAG_FUNC static std::optional<IpAddress> parse(std::string_view text) noexcept;

  /// An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as the IPv4 address it carries, else itself.
  MAILDIAG_FUNC IpAddress unmapped() const noexcept;

  /// Dotted quad, or the RFC 5952 canonical compressed IPv6 form.
  MAILDIAG_FUNC std::string to_string() const;
  /// "4.3.2.1.in-addr.arpa" or the 32 reversed nibbles followed by "ip6.arpa".
  MAILDIAG_FUNC std::string reverse_name() const;
  /// IPv4 dotted quad, or IPv6 as 32 dot-separated nibbles in order (RFC 7208 §7.3 "%{i}").
  MAILDIAG_FUNC std::string dotted_nibbles() const;

  /// True when both are the same family and agree on the first `prefix_length` bits.
  MAILDIAG_FUNC bool in_network(const IpAddress& network, unsigned prefix_length) const noexcept;

  friend bool operator==(const IpAddress& a, const IpAddress& b) noexcept {
    return a.is_v6 == b.is_v6 && a.bytes == b.bytes;
  }
};

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/ip_address-inl.hpp"
#endif
