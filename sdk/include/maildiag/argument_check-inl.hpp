#pragma once

#include "maildiag/argument_check.hpp"
#include "maildiag/dns/answer.hpp"
#include "maildiag/dns/ip_address.hpp"

namespace maildiag {
namespace argument_check_detail {

inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

inline bool is_label_byte(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

inline std::string quoted(std::string_view s) {
  constexpr std::size_t kShown = 80;
  std::string out = "\"";
  out += s.size() > kShown ? std::string(s.substr(0, kShown)) + "..." : std::string(s);
  return out + "\"";
}

// Why `name` (trimmed, no '@') is not a domain, or an empty string.
inline std::string domain_error(std::string_view name) {
  const std::string q = quoted(name);
  if (name.empty()) return "a domain is required, like example.com";
  if (dns::IpAddress::parse(name)) return q + " is an IP address, not a domain name";
  if (!name.empty() && name.back() == '.') name.remove_suffix(1);
  for (char c : name) {
    if (c == ' ' || c == '\t') return q + " is not a domain name: it contains a space";
    if (static_cast<unsigned char>(c) >= 0x80)
      return q + " is not a domain name in ASCII: write an internationalized name in its xn-- form";
    if (c != '.' && !is_label_byte(c))
      return q + " is not a domain name: '" + std::string(1, c) +
             "' is not a letter, digit, hyphen or dot";
  }
  if (name.size() > 253) return q + " is longer than the 253 bytes a domain name may have";
  std::size_t labels = 0;
  for (std::size_t begin = 0; begin <= name.size(); ++labels) {
    std::size_t end = name.find('.', begin);
    if (end == std::string_view::npos) end = name.size();
    std::string_view label = name.substr(begin, end - begin);
    if (label.empty()) return q + " is not a domain name: it has an empty label (two dots in a row, or a dot at the start)";
    if (label.size() > 63) return q + " is not a domain name: a label is longer than 63 bytes";
    if (label.front() == '-' || label.back() == '-')
      return q + " is not a domain name: a label starts or ends with a hyphen";
    begin = end + 1;
  }
  std::string_view top = name.substr(name.rfind('.') + 1);
  if (top.find_first_not_of("0123456789") == std::string_view::npos)
    return q + " is not a domain name: its last label is all digits";
  if (labels < 2) return q + " is not a full domain name: write it with its top-level domain, like example.com";
  return {};
}

}  // namespace argument_check_detail

MAILDIAG_FUNC CheckedDomain check_domain(std::string_view text) {
  using namespace argument_check_detail;
  std::string_view name = trim(text);
  if (name.find('@') != std::string_view::npos) {
    CheckedDomain from_address = check_address(name);
    if (from_address.ok())
      from_address.note = quoted(name) + " is an email address: checking its domain, " +
                          from_address.domain + ".";
    return from_address;
  }
  CheckedDomain out;
  out.error = domain_error(name);
  if (out.ok()) out.domain = dns::normalize_name(name);
  return out;
}

MAILDIAG_FUNC CheckedDomain check_address(std::string_view text) {
  using namespace argument_check_detail;
  std::string_view address = trim(text);
  CheckedDomain out;
  std::size_t at = address.rfind('@');
  if (address.empty()) {
    out.error = "an email address is required, like user@example.com";
  } else if (at == std::string_view::npos || at == 0) {
    out.error = quoted(address) + " is not an email address: write it as local-part@domain";
  } else if (std::string why = domain_error(address.substr(at + 1)); !why.empty()) {
    out.error = "the domain of " + quoted(address) + " is not valid: " + why;
  } else {
    out.domain = dns::normalize_name(address.substr(at + 1));
  }
  return out;
}

MAILDIAG_FUNC std::string ip_address_error(std::string_view text) {
  std::string_view ip = argument_check_detail::trim(text);
  if (ip.empty()) return "an IP address is required, like 192.0.2.1 or 2001:db8::1";
  if (dns::IpAddress::parse(ip)) return {};
  return argument_check_detail::quoted(ip) + " is not an IPv4 or IPv6 address";
}

}  // namespace maildiag
