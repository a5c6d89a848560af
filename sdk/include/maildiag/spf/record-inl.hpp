#pragma once

#include <string>

#include "maildiag/spf/record.hpp"

namespace maildiag {
namespace spf {
namespace record_detail {

constexpr char lower(char c) noexcept { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
constexpr bool is_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alnum(char c) noexcept { return is_alpha(c) || is_digit(c); }

inline bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr bool is_delimiter(char c) noexcept {
  return c == '.' || c == '-' || c == '+' || c == ',' || c == '/' || c == '_' || c == '=';
}

constexpr bool is_macro_letter(char c, MacroContext context) noexcept {
  switch (lower(c)) {
    case 's': case 'l': case 'o': case 'd': case 'i': case 'p': case 'h': case 'v': return true;
    case 'c': case 'r': case 't': return context == MacroContext::explain_string;
    default: return false;
  }
}

// Walks a macro-string; returns the error position or npos. `ends_with_expand` tells whether
// the last token was a macro-expand (a domain-spec may end with one, RFC 7208 §7.1 domain-end).
inline std::size_t scan_macro_string(std::string_view text, MacroContext context,
                                     std::string_view* error, bool* ends_with_expand) noexcept {
  bool last_expand = false;
  std::size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == '%') {
      if (i + 1 >= text.size()) {
        if (error) *error = "a lone '%' at the end: write '%%' for a percent sign";
        return i;
      }
      char n = text[i + 1];
      if (n == '%' || n == '_' || n == '-') {
        i += 2;
        last_expand = true;
        continue;
      }
      if (n != '{') {
        if (error) *error = "'%' must be followed by '{', '%', '_' or '-'";
        return i;
      }
      std::size_t j = i + 2;
      if (j >= text.size() || !is_macro_letter(text[j], context)) {
        if (error)
          *error = (j < text.size() && (lower(text[j]) == 'c' || lower(text[j]) == 'r' ||
                                        lower(text[j]) == 't'))
                       ? "the macro letters c, r and t are allowed only in explanations"
                       : "unknown macro letter (expected one of s l o d i p h v)";
        return j < text.size() ? j : i;
      }
      ++j;
      std::size_t digits_start = j;
      while (j < text.size() && is_digit(text[j])) ++j;
      if (j > digits_start) {
        bool all_zero = true;
        for (std::size_t k = digits_start; k < j; ++k) all_zero = all_zero && text[k] == '0';
        if (all_zero) {
          if (error) *error = "the number of labels to keep must not be zero";
          return digits_start;
        }
      }
      if (j < text.size() && lower(text[j]) == 'r') ++j;
      while (j < text.size() && is_delimiter(text[j])) ++j;
      if (j >= text.size() || text[j] != '}') {
        if (error) *error = "malformed macro: expected '}' after letter, digits, 'r' and delimiters";
        return j < text.size() ? j : i;
      }
      i = j + 1;
      last_expand = true;
      continue;
    }
    bool visible = c >= 0x21 && c <= 0x7e;
    if (!visible && !(c == ' ' && context == MacroContext::explain_string)) {
      if (error) *error = "character not allowed here (only visible ASCII)";
      return i;
    }
    last_expand = false;
    ++i;
  }
  if (ends_with_expand) *ends_with_expand = last_expand;
  return std::string_view::npos;
}

inline bool is_toplabel(std::string_view label) noexcept {
  if (label.empty()) return false;
  bool has_alpha = false, has_dash = false;
  for (char c : label) {
    if (c == '-')
      has_dash = true;
    else if (is_alpha(c))
      has_alpha = true;
    else if (!is_digit(c))
      return false;
  }
  if (!has_dash) return has_alpha;
  return is_alnum(label.front()) && is_alnum(label.back());
}

// Parses 1..3 digits without a leading zero (RFC 7208 ip4-cidr-length / ip6-cidr-length);
// returns -1 when `digits` is not such a number.
inline int parse_cidr_number(std::string_view digits) noexcept {
  if (digits.empty() || digits.size() > 3) return -1;
  if (digits.size() > 1 && digits[0] == '0') return -1;
  int v = 0;
  for (char c : digits) {
    if (!is_digit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Length of the trailing run of digits of `s`.
inline std::size_t trailing_digits(std::string_view s) noexcept {
  std::size_t n = 0;
  while (n < s.size() && is_digit(s[s.size() - 1 - n])) ++n;
  return n;
}

struct MechanismName {
  std::string_view name;
  Mechanism mechanism;
};
constexpr MechanismName kMechanisms[] = {
    {"all", Mechanism::all}, {"include", Mechanism::include}, {"a", Mechanism::a},
    {"mx", Mechanism::mx},   {"ptr", Mechanism::ptr},         {"ip4", Mechanism::ip4},
    {"ip6", Mechanism::ip6}, {"exists", Mechanism::exists},
};

class Parser {
 public:
  Parser(std::string_view text, Record& out) : text_(text), out_(out) {}

  void run() {
    if (text_.size() > kMaxRecordBytes) {
      error("spf.record_too_large", {0, text_.size()},
            "the record is longer than " + std::to_string(kMaxRecordBytes) +
                " bytes, more than any DNS answer can carry",
            "");
      return;
    }
    if (!is_spf_record(text_)) {
      std::size_t end = text_.find(' ');
      error("spf.no_version", {0, end == std::string_view::npos ? text_.size() : end},
            "an SPF record must begin with \"v=spf1\" followed by a space",
            "start the record with \"v=spf1 \"");
      return;
    }
    std::size_t pos = 6;
    std::size_t term_count = 0;
    for (std::size_t i = pos; i < text_.size(); ++i) term_count += text_[i] == ' ';
    out_.terms.reserve(term_count);
    while (pos < text_.size()) {
      while (pos < text_.size() && text_[pos] == ' ') ++pos;
      if (pos == text_.size()) break;
      std::size_t end = text_.find(' ', pos);
      if (end == std::string_view::npos) end = text_.size();
      parse_term(pos, end);
      pos = end;
    }
  }

 private:
  void error(const char* code, Span span, std::string message, std::string fix) {
    Finding f;
    f.code = code;
    f.severity = Severity::error;
    f.message = std::move(message);
    f.span = span;
    f.fix = std::move(fix);
    out_.findings.push_back(std::move(f));
  }

  std::string_view slice(std::size_t b, std::size_t e) const { return text_.substr(b, e - b); }

  // Validates [b, e) as a domain-spec; reports and returns false when it is not one.
  bool check_domain_spec(std::size_t b, std::size_t e) {
    std::string_view spec = slice(b, e);
    if (spec.empty()) {
      error("spf.syntax", {b, e}, "a domain name is required here",
            "write a domain after the ':' or '='");
      return false;
    }
    std::string_view why;
    bool ends_with_expand = false;
    std::size_t at = scan_macro_string(spec, MacroContext::domain_spec, &why, &ends_with_expand);
    if (at != std::string_view::npos) {
      std::size_t stop = b + at + 1;
      error("spf.invalid_macro", {b + at, stop > e ? e : stop}, std::string(why),
            "see RFC 7208 section 7 for the macro syntax");
      return false;
    }
    if (!ends_with_expand) {
      std::string_view body = spec;
      if (!body.empty() && body.back() == '.') body.remove_suffix(1);
      std::size_t dot = body.rfind('.');
      if (dot == std::string_view::npos || !is_toplabel(body.substr(dot + 1))) {
        error("spf.syntax", {b, e},
              "\"" + std::string(spec) + "\" is not a valid domain: it needs at least two labels "
              "and must end in a top-level label (letters, digits and inner hyphens, not all digits)",
              "use a fully qualified domain name such as _spf.example.com");
        return false;
      }
    }
    return true;
  }

  // Splits a trailing dual-cidr-length off [b, e) for "a" and "mx"; returns the new end of the
  // domain part, or npos after reporting an invalid length.
  std::size_t split_dual_cidr(std::size_t b, std::size_t e, Term& term) {
    std::string_view s = slice(b, e);
    std::size_t n6 = trailing_digits(s);
    std::size_t cut = s.size();
    if (n6 > 0 && n6 + 2 <= s.size() && s[s.size() - n6 - 1] == '/' && s[s.size() - n6 - 2] == '/') {
      int v = parse_cidr_number(s.substr(s.size() - n6));
      if (v < 0 || v > 128) {
        error("spf.invalid_cidr", {b + s.size() - n6, e}, "an IPv6 prefix length must be 0 to 128",
              "");
        return std::string_view::npos;
      }
      term.cidr6 = v;
      cut = s.size() - n6 - 2;
    }
    std::string_view head = s.substr(0, cut);
    std::size_t n4 = trailing_digits(head);
    if (n4 > 0 && n4 + 1 <= head.size() && head[head.size() - n4 - 1] == '/') {
      int v = parse_cidr_number(head.substr(head.size() - n4));
      if (v < 0 || v > 32) {
        error("spf.invalid_cidr", {b + head.size() - n4, b + head.size()},
              "an IPv4 prefix length must be 0 to 32 (no leading zeros)", "");
        return std::string_view::npos;
      }
      term.cidr4 = v;
      cut = head.size() - n4 - 1;
    }
    if (cut != s.size()) term.cidr = {b + cut, e};
    return b + cut;
  }

  void parse_term(std::size_t b, std::size_t e) {
    Term term;
    term.span = {b, e};
    std::size_t i = b;
    char q = text_[i];
    if (q == '+' || q == '-' || q == '~' || q == '?') {
      term.explicit_qualifier = true;
      term.qualifier = q == '+' ? Qualifier::pass
                       : q == '-' ? Qualifier::fail
                       : q == '~' ? Qualifier::softfail
                                  : Qualifier::neutral;
      ++i;
    }
    std::size_t name_begin = i;
    if (i < e && is_alpha(text_[i])) {
      ++i;
      while (i < e && (is_alnum(text_[i]) || text_[i] == '-' || text_[i] == '_' || text_[i] == '.')) ++i;
    }
    term.name = {name_begin, i};
    if (i == name_begin) {
      error("spf.syntax", {name_begin, name_begin + 1 > e ? e : name_begin + 1},
            "expected a mechanism or a modifier here", "");
      return;
    }
    std::string_view name = slice(name_begin, i);
    if (i < e && text_[i] == '=') {
      parse_modifier(term, name, i + 1, e);
      return;
    }
    // Not a modifier: a mechanism name is letters and digits only.
    i = name_begin;
    while (i < e && is_alnum(text_[i])) ++i;
    name = slice(name_begin, i);
    term.name = {name_begin, i};
    const MechanismName* found = nullptr;
    for (const auto& m : kMechanisms)
      if (iequals(m.name, name)) found = &m;
    if (!found) {
      std::size_t name_end = i;
      while (name_end < e && text_[name_end] != ':' && text_[name_end] != '/') ++name_end;
      error("spf.unknown_mechanism", {name_begin, name_end},
            "\"" + std::string(slice(name_begin, name_end)) + "\" is not an SPF mechanism",
            "use one of all, include, a, mx, ptr, ip4, ip6, exists, or name=value for a modifier");
      return;
    }
    term.mechanism = found->mechanism;
    std::size_t rest = i;
    bool has_colon = rest < e && text_[rest] == ':';
    switch (term.mechanism) {
      case Mechanism::all:
        if (rest != e) return bad_rest(rest, e, "\"all\" takes no argument");
        break;
      case Mechanism::include:
      case Mechanism::exists:
        if (!has_colon)
          return bad_rest(rest, e, std::string("\"") + std::string(name) + "\" needs \":domain\"");
        term.value = {rest + 1, e};
        term.has_value = true;
        if (!check_domain_spec(rest + 1, e)) return;
        break;
      case Mechanism::ptr:
        if (rest != e) {
          if (!has_colon) return bad_rest(rest, e, "expected \":domain\" after \"ptr\"");
          term.value = {rest + 1, e};
          term.has_value = true;
          if (!check_domain_spec(rest + 1, e)) return;
        }
        break;
      case Mechanism::a:
      case Mechanism::mx: {
        std::size_t domain_end = split_dual_cidr(rest, e, term);
        if (domain_end == std::string_view::npos) return;
        if (domain_end != rest) {
          if (!has_colon)
            return bad_rest(rest, e, "expected \":domain\" or a \"/\" prefix length");
          term.value = {rest + 1, domain_end};
          term.has_value = true;
          if (!check_domain_spec(rest + 1, domain_end)) return;
        }
        break;
      }
      case Mechanism::ip4:
      case Mechanism::ip6: {
        bool v6 = term.mechanism == Mechanism::ip6;
        if (!has_colon)
          return bad_rest(rest, e, v6 ? "\"ip6\" needs \":network\"" : "\"ip4\" needs \":network\"");
        std::size_t slash = text_.find('/', rest + 1);
        std::size_t addr_end = slash == std::string_view::npos || slash > e ? e : slash;
        term.value = {rest + 1, addr_end};
        term.has_value = true;
        auto ip = dns::IpAddress::parse(slice(rest + 1, addr_end));
        if (!ip || ip->is_v6 != v6) {
          error("spf.invalid_ip", {rest + 1, addr_end},
                std::string("\"") + std::string(slice(rest + 1, addr_end)) + "\" is not an " +
                    (v6 ? "IPv6" : "IPv4") + " address",
                v6 ? "write the network like ip6:2001:db8::/32"
                   : "write the network like ip4:192.0.2.0/24");
          return;
        }
        term.network = *ip;
        if (addr_end != e) {
          int v = parse_cidr_number(slice(addr_end + 1, e));
          int max = v6 ? 128 : 32;
          if (v < 0 || v > max) {
            error("spf.invalid_cidr", {addr_end, e},
                  std::string("a prefix length must be /0 to /") + std::to_string(max) +
                      " with no leading zeros",
                  "");
            return;
          }
          (v6 ? term.cidr6 : term.cidr4) = v;
          term.cidr = {addr_end, e};
        }
        break;
      }
    }
    out_.terms.push_back(term);
  }

  void bad_rest(std::size_t b, std::size_t e, std::string message) {
    error("spf.syntax", {b, e > b ? e : b + (b < text_.size() ? 1 : 0)}, std::move(message), "");
  }

  void parse_modifier(Term& term, std::string_view name, std::size_t value_begin, std::size_t e) {
    term.is_modifier = true;
    term.value = {value_begin, e};
    term.has_value = true;
    if (term.explicit_qualifier) {
      error("spf.syntax", {term.span.begin, term.span.begin + 1}, "a modifier takes no qualifier",
            "remove the qualifier");
      return;
    }
    if (iequals(name, "redirect"))
      term.modifier = Modifier::redirect;
    else if (iequals(name, "exp"))
      term.modifier = Modifier::exp;
    else
      term.modifier = Modifier::unknown;
    if (term.modifier == Modifier::unknown) {
      std::string_view why;
      std::size_t at = scan_macro_string(slice(value_begin, e), MacroContext::domain_spec, &why, nullptr);
      if (at != std::string_view::npos) {
        // Unknown modifiers may use any macro letter: their value is a plain macro-string.
        at = scan_macro_string(slice(value_begin, e), MacroContext::explain_string, &why, nullptr);
      }
      if (at != std::string_view::npos) {
        error("spf.invalid_macro", {value_begin + at, value_begin + at + 1}, std::string(why), "");
        return;
      }
    } else {
      if (!check_domain_spec(value_begin, e)) return;
      if (out_.find_modifier(term.modifier)) {
        error("spf.duplicate_modifier", term.span,
              "\"" + std::string(name) + "\" appears more than once (RFC 7208 section 6)",
              "keep only one");
        return;
      }
    }
    out_.terms.push_back(term);
  }

  std::string_view text_;
  Record& out_;
};

}  // namespace record_detail

MAILDIAG_FUNC char qualifier_char(Qualifier q) noexcept {
  switch (q) {
    case Qualifier::pass: return '+';
    case Qualifier::fail: return '-';
    case Qualifier::softfail: return '~';
    case Qualifier::neutral: return '?';
  }
  return '+';
}

MAILDIAG_FUNC std::string_view to_string(Mechanism m) noexcept {
  for (const auto& entry : record_detail::kMechanisms)
    if (entry.mechanism == m) return entry.name;
  return "all";
}

MAILDIAG_FUNC bool is_spf_record(std::string_view text) noexcept {
  return text.size() >= 6 && record_detail::iequals(text.substr(0, 6), "v=spf1") &&
         (text.size() == 6 || text[6] == ' ');
}

MAILDIAG_FUNC Record parse(std::string_view text) {
  Record record;
  record_detail::Parser(text, record).run();
  return record;
}

MAILDIAG_FUNC std::size_t check_macro_string(std::string_view text, MacroContext context,
                                             std::string_view* error) noexcept {
  return record_detail::scan_macro_string(text, context, error, nullptr);
}

MAILDIAG_FUNC bool has_valid_domain_end(std::string_view spec) noexcept {
  bool ends_with_expand = false;
  if (record_detail::scan_macro_string(spec, MacroContext::domain_spec, nullptr, &ends_with_expand) !=
      std::string_view::npos)
    return false;
  if (ends_with_expand) return true;
  if (!spec.empty() && spec.back() == '.') spec.remove_suffix(1);
  std::size_t dot = spec.rfind('.');
  return dot != std::string_view::npos && record_detail::is_toplabel(spec.substr(dot + 1));
}

}  // namespace spf
}  // namespace maildiag
