#pragma once

#include <algorithm>

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/content_type.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {
namespace content_type_detail {

constexpr bool is_token_char(char c) noexcept {
  return c > ' ' && c < 127 && c != '(' && c != ')' && c != '<' && c != '>' && c != '@' &&
         c != ',' && c != ';' && c != ':' && c != '\\' && c != '"' && c != '/' && c != '[' &&
         c != ']' && c != '?' && c != '=';
}

inline void skip_space_and_comments(std::string_view s, std::size_t& i) {
  while (i < s.size()) {
    if (is_wsp(s[i]) || s[i] == '\r' || s[i] == '\n') {
      ++i;
    } else if (s[i] == '(') {
      int depth = 0;
      while (i < s.size()) {
        if (s[i] == '\\') {
          i = i + 2 < s.size() ? i + 2 : s.size();  // a quoted pair, or a final backslash
          continue;
        }
        if (s[i] == '(') ++depth;
        if (s[i] == ')' && --depth == 0) { ++i; break; }
        ++i;
      }
    } else {
      break;
    }
  }
}

inline std::string read_token(std::string_view s, std::size_t& i) {
  std::size_t b = i;
  while (i < s.size() && is_token_char(s[i])) ++i;
  return std::string(s.substr(b, i - b));
}

// A quoted-string, or a token; also accepts the unquoted values with "/" or "=" some mailers
// write (boundary=----=_Part_1), reading to the next ";".
inline std::string read_value(std::string_view s, std::size_t& i) {
  std::string out;
  if (i < s.size() && s[i] == '"') {
    ++i;
    while (i < s.size() && s[i] != '"') {
      if (s[i] == '\\' && i + 1 < s.size()) ++i;
      out += s[i++];
    }
    if (i < s.size()) ++i;
    return out;
  }
  std::size_t b = i;
  while (i < s.size() && s[i] != ';' && !is_wsp(s[i])) ++i;
  return std::string(s.substr(b, i - b));
}

inline std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
             : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

struct RawParameter {
  std::string base;      // name without the RFC 2231 suffix
  int section = -1;      // *N, -1 when none
  bool extended = false; // trailing "*": charset'language'percent-encoded
  std::string value;
};

}  // namespace content_type_detail

MAILDIAG_FUNC std::string_view ContentType::parameter(std::string_view name) const noexcept {
  for (const auto& p : parameters)
    if (iequals(p.first, name)) return p.second;
  return {};
}

MAILDIAG_FUNC ContentType parse_content_type(std::string_view value) {
  using namespace content_type_detail;
  ContentType ct;
  std::size_t i = 0;
  skip_space_and_comments(value, i);
  std::string type = to_lower(read_token(value, i));
  skip_space_and_comments(value, i);
  if (type.empty() || i >= value.size() || value[i] != '/') {
    ct.parameters.emplace_back("charset", "us-ascii");
    return ct;
  }
  ++i;
  skip_space_and_comments(value, i);
  std::string subtype = to_lower(read_token(value, i));
  if (subtype.empty()) return ct;
  ct.type = std::move(type);
  ct.subtype = std::move(subtype);

  std::vector<RawParameter> raw;
  while (i < value.size()) {
    skip_space_and_comments(value, i);
    if (i < value.size() && value[i] != ';') {
      // Junk between parameters: skip to the next ";".
      while (i < value.size() && value[i] != ';') ++i;
    }
    if (i >= value.size()) break;
    ++i;  // ';'
    skip_space_and_comments(value, i);
    std::size_t name_begin = i;
    while (i < value.size() && value[i] != '=' && value[i] != ';' && !is_wsp(value[i])) ++i;
    std::string name = to_lower(value.substr(name_begin, i - name_begin));
    skip_space_and_comments(value, i);
    if (name.empty() || i >= value.size() || value[i] != '=') continue;
    ++i;
    skip_space_and_comments(value, i);
    RawParameter p;
    p.value = read_value(value, i);
    if (!name.empty() && name.back() == '*') {
      p.extended = true;
      name.pop_back();
    }
    if (auto star = name.find('*'); star != std::string::npos) {
      std::string_view digits = std::string_view(name).substr(star + 1);
      int section = 0;
      bool ok = !digits.empty() && digits.size() <= 3;  // RFC 2231 §3: section numbers
      for (std::size_t d = 0; ok && d < digits.size(); ++d) {
        ok = digits[d] >= '0' && digits[d] <= '9';
        section = section * 10 + (digits[d] - '0');
      }
      if (ok) {
        p.section = section;
        name.resize(star);
      }
    }
    p.base = std::move(name);
    raw.push_back(std::move(p));
  }

  // Join RFC 2231 sections in order; decode extended values.
  std::vector<bool> used(raw.size(), false);
  for (std::size_t k = 0; k < raw.size(); ++k) {
    if (used[k]) continue;
    const std::string& base = raw[k].base;
    std::vector<std::size_t> group;
    for (std::size_t m = k; m < raw.size(); ++m)
      if (!used[m] && raw[m].base == base) group.push_back(m);
    std::stable_sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
      return raw[a].section < raw[b].section;
    });
    std::string charset;
    std::string joined;
    bool first = true;
    for (std::size_t m : group) {
      used[m] = true;
      std::string_view v = raw[m].value;
      if (raw[m].extended) {
        if (first) {
          // charset'language'value
          auto q1 = v.find('\'');
          auto q2 = q1 == std::string_view::npos ? q1 : v.find('\'', q1 + 1);
          if (q2 != std::string_view::npos) {
            charset = std::string(v.substr(0, q1));
            v = v.substr(q2 + 1);
          }
        }
        joined += percent_decode(v);
      } else {
        joined += v;
      }
      first = false;
    }
    if (!charset.empty()) {
      std::string utf8;
      to_utf8(joined, charset, utf8);
      joined = std::move(utf8);
    }
    ct.parameters.emplace_back(base, std::move(joined));
  }
  return ct;
}

}  // namespace mime
}  // namespace maildiag
