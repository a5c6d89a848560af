#pragma once

#include <algorithm>
#include <vector>

#include "maildiag/dns/answer.hpp"
#include "maildiag/spf/macro.hpp"

namespace maildiag {
namespace spf {
namespace macro_detail {

constexpr bool is_unreserved(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

inline void append_url_escaped(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : value) {
    if (is_unreserved(c)) {
      out += c;
    } else {
      auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xf];
    }
  }
}

inline std::string letter_value(char letter, const MacroValues& v) {
  switch (letter) {
    case 's': return std::string(v.sender);
    case 'l': return std::string(v.local_part);
    case 'o': return std::string(v.sender_domain);
    case 'd': return std::string(v.domain);
    case 'i': return v.ip.dotted_nibbles();
    case 'p': return v.validated_domain.empty() ? "unknown" : std::string(v.validated_domain);
    case 'h': return std::string(v.helo);
    case 'v': return v.ip.is_v6 ? "ip6" : "in-addr";
    case 'c': return v.ip.to_string();
    case 'r': return v.receiver.empty() ? "unknown" : std::string(v.receiver);
    case 't': return std::to_string(v.timestamp);
    default: return {};
  }
}

// Applies the transformers of one macro-expand (RFC 7208 §7.3): split on the delimiters,
// optionally reverse, keep the rightmost `keep` parts (0 = all), join with dots.
inline std::string transform(std::string_view value, std::size_t keep, bool reverse,
                             std::string_view delimiters) {
  if (keep == 0 && !reverse && (delimiters.empty() || delimiters == ".")) return std::string(value);
  if (delimiters.empty()) delimiters = ".";
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= value.size(); ++i) {
    if (i == value.size() || delimiters.find(value[i]) != std::string_view::npos) {
      parts.push_back(value.substr(start, i - start));
      start = i + 1;
    }
  }
  if (reverse) std::reverse(parts.begin(), parts.end());
  std::size_t first = (keep == 0 || keep >= parts.size()) ? 0 : parts.size() - keep;
  std::string out;
  for (std::size_t i = first; i < parts.size(); ++i) {
    if (i != first) out += '.';
    out.append(parts[i].data(), parts[i].size());
  }
  return out;
}

}  // namespace macro_detail

MAILDIAG_FUNC ExpandStatus expand_macros(std::string_view text, MacroContext context,
                                         const MacroValues& values, std::string& out) {
  out.clear();
  if (check_macro_string(text, context, nullptr) != std::string_view::npos)
    return ExpandStatus::syntax_error;
  for (std::size_t i = 0; i < text.size();) {
    if (out.size() > kMaxExpansionBytes) return ExpandStatus::too_long;
    char c = text[i];
    if (c != '%') {
      out += c;
      ++i;
      continue;
    }
    char n = text[i + 1];
    if (n == '%') { out += '%'; i += 2; continue; }
    if (n == '_') { out += ' '; i += 2; continue; }
    if (n == '-') { out += "%20"; i += 2; continue; }
    // "%{" letter digits ["r"] delimiters "}": validated above.
    std::size_t j = i + 2;
    char letter = text[j];
    bool upper = letter >= 'A' && letter <= 'Z';
    char lower = upper ? static_cast<char>(letter - 'A' + 'a') : letter;
    ++j;
    std::size_t keep = 0;
    while (text[j] >= '0' && text[j] <= '9') {
      if (keep < 1000) keep = keep * 10 + static_cast<std::size_t>(text[j] - '0');
      ++j;
    }
    bool reverse = false;
    if (text[j] == 'r' || text[j] == 'R') {
      reverse = true;
      ++j;
    }
    std::size_t delim_begin = j;
    while (text[j] != '}') ++j;
    std::string value = macro_detail::transform(macro_detail::letter_value(lower, values), keep,
                                                reverse, text.substr(delim_begin, j - delim_begin));
    if (upper)
      macro_detail::append_url_escaped(out, value);
    else
      out += value;
    i = j + 1;
  }
  if (out.size() > kMaxExpansionBytes) return ExpandStatus::too_long;
  return ExpandStatus::ok;
}

MAILDIAG_FUNC ExpandStatus expand_domain(std::string_view domain_spec, const MacroValues& values,
                                         std::string& out) {
  std::string expanded;
  ExpandStatus status = expand_macros(domain_spec, MacroContext::domain_spec, values, expanded);
  if (status != ExpandStatus::ok) return status;
  std::string_view view = expanded;
  if (!view.empty() && view.back() == '.') view.remove_suffix(1);
  while (view.size() > 253) {
    std::size_t dot = view.find('.');
    if (dot == std::string_view::npos) {
      view = {};
      break;
    }
    view.remove_prefix(dot + 1);
  }
  out = dns::normalize_name(view);
  return ExpandStatus::ok;
}

MAILDIAG_FUNC bool uses_macro_letter(std::string_view text, char letter) noexcept {
  char lower = (letter >= 'A' && letter <= 'Z') ? static_cast<char>(letter - 'A' + 'a') : letter;
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (text[i] != '%') continue;
    if (text[i + 1] == '%') { ++i; continue; }
    if (text[i + 1] == '{') {
      char c = text[i + 2];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c == lower) return true;
    }
  }
  return false;
}

}  // namespace spf
}  // namespace maildiag
