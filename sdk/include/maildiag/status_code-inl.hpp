#pragma once

#include "maildiag/status_code.hpp"

namespace maildiag {
namespace status_code_detail {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
constexpr bool is_alpha(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that may not touch a code on its left: they would make it part of a larger token
// (an IP address "10.5.1.1", a version "v5.1.1", a number "1550").
constexpr bool glues_left(char c) noexcept {
  return is_digit(c) || is_alpha(c) || c == '.' || c == '_' || c == '/' || c == ':' || c == '+';
}
// A dash joins a code to a word on its left ("id-5.1.1"), but after a reply code it is the
// multi-line separator of RFC 5321 §4.2.1 ("550-5.7.1").
constexpr bool glued_at(std::string_view text, std::size_t pos) noexcept {
  if (pos == 0) return false;
  char c = text[pos - 1];
  if (c == '-') return pos >= 2 && (is_alpha(text[pos - 2]) || text[pos - 2] == '-');
  return glues_left(c);
}
// On its right a code may be followed by punctuation ending a sentence, but not by a dot that
// continues a number ("5.1.1.3"), digits, letters or ":" (a time "4.5.2:").
constexpr bool glues_right(std::string_view text, std::size_t pos) noexcept {
  if (pos >= text.size()) return false;
  char c = text[pos];
  if (is_digit(c) || is_alpha(c) || c == '_' || c == '/' || c == '@' || c == '%') return true;
  if (c == '.' || c == ',' || c == ':')
    return pos + 1 < text.size() && is_digit(text[pos + 1]);
  return false;
}

// Reads 1..3 digits at `pos`; returns the count read (0 if none or more than three).
constexpr std::size_t read_number(std::string_view text, std::size_t pos,
                                  std::uint16_t& value) noexcept {
  std::size_t n = 0;
  value = 0;
  while (pos + n < text.size() && is_digit(text[pos + n])) {
    if (n == 3) return 0;
    value = static_cast<std::uint16_t>(value * 10 + (text[pos + n] - '0'));
    ++n;
  }
  return n;
}

constexpr bool valid_class_digit(char c) noexcept { return c == '2' || c == '4' || c == '5'; }

// Tries an enhanced status code at `pos`; returns its length, 0 when there is none.
inline std::size_t match_enhanced(std::string_view text, std::size_t pos,
                                  EnhancedStatus& out) noexcept {
  if (pos + 5 > text.size() || !valid_class_digit(text[pos]) || text[pos + 1] != '.') return 0;
  std::size_t i = pos + 2;
  std::uint16_t subject = 0, detail = 0;
  std::size_t n = read_number(text, i, subject);
  if (n == 0) return 0;
  i += n;
  if (i >= text.size() || text[i] != '.') return 0;
  ++i;
  n = read_number(text, i, detail);
  if (n == 0) return 0;
  i += n;
  out.klass = static_cast<StatusClass>(text[pos] - '0');
  out.subject = subject;
  out.detail = detail;
  return i - pos;
}

inline bool match_reply(std::string_view text, std::size_t pos, std::uint16_t& out) noexcept {
  if (pos + 3 > text.size()) return false;
  char a = text[pos], b = text[pos + 1], c = text[pos + 2];
  if (a < '2' || a > '5' || b < '0' || b > '5' || !is_digit(c)) return false;
  if (pos + 3 < text.size() && is_digit(text[pos + 3])) return false;
  out = static_cast<std::uint16_t>((a - '0') * 100 + (b - '0') * 10 + (c - '0'));
  return true;
}

}  // namespace status_code_detail

MAILDIAG_FUNC std::string_view to_string(StatusClass c) noexcept {
  switch (c) {
    case StatusClass::success: return "success";
    case StatusClass::transient: return "transient";
    case StatusClass::permanent: return "permanent";
  }
  return "permanent";
}

MAILDIAG_FUNC std::string_view class_meaning(StatusClass c) noexcept {
  switch (c) {
    case StatusClass::success: return "Success";
    case StatusClass::transient: return "Persistent transient failure";
    case StatusClass::permanent: return "Permanent failure";
  }
  return "Permanent failure";
}

MAILDIAG_FUNC std::string_view subject_meaning(int subject) noexcept {
  static constexpr std::string_view names[] = {
      "Other or undefined status",
      "Addressing status",
      "Mailbox status",
      "Mail system status",
      "Network and routing status",
      "Mail delivery protocol status",
      "Message content or media status",
      "Security or policy status",
  };
  if (subject < 0 || subject > 7) return "Unknown subject";
  return names[subject];
}

MAILDIAG_FUNC std::string EnhancedStatus::to_string() const {
  std::string s;
  s.reserve(11);
  s += static_cast<char>('0' + static_cast<int>(klass));
  s += '.';
  s += std::to_string(subject);
  s += '.';
  s += std::to_string(detail);
  return s;
}

MAILDIAG_FUNC std::optional<EnhancedStatus> parse_enhanced_status(std::string_view text) noexcept {
  EnhancedStatus st;
  std::size_t n = status_code_detail::match_enhanced(text, 0, st);
  if (n == 0 || n != text.size()) return std::nullopt;
  return st;
}

MAILDIAG_FUNC std::optional<std::uint16_t> parse_reply_code(std::string_view text) noexcept {
  std::uint16_t code = 0;
  if (text.size() != 3 || !status_code_detail::match_reply(text, 0, code)) return std::nullopt;
  return code;
}

MAILDIAG_FUNC StatusClass reply_code_class(std::uint16_t reply_code) noexcept {
  if (reply_code >= 500) return StatusClass::permanent;
  if (reply_code >= 400) return StatusClass::transient;
  return StatusClass::success;
}

MAILDIAG_FUNC std::vector<CodeInText> scan_status_codes(std::string_view text) {
  using namespace status_code_detail;
  std::vector<CodeInText> found;
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const char c = text[i];
    if (c < '2' || c > '5' || glued_at(text, i)) {
      ++i;
      continue;
    }
    CodeInText code;
    EnhancedStatus st;
    if (std::size_t len = match_enhanced(text, i, st); len && !glues_right(text, i + len)) {
      code.kind = CodeInText::Kind::enhanced_status;
      code.status = st;
      code.span = {i, i + len};
      found.push_back(code);
      i += len;
      continue;
    }
    std::uint16_t reply = 0;
    // A reply code may be followed by "-" (multi-line replies, RFC 5321 §4.2.1).
    if (match_reply(text, i, reply) &&
        (i + 3 >= n || text[i + 3] == '-' || !glues_right(text, i + 3))) {
      code.kind = CodeInText::Kind::reply_code;
      code.reply_code = reply;
      code.span = {i, i + 3};
      found.push_back(code);
      i += 3;
      continue;
    }
    // Skip the rest of this token: a code never starts inside one.
    while (i < n && (is_digit(text[i]) || text[i] == '.')) ++i;
  }
  return found;
}

MAILDIAG_FUNC PrimaryCodes primary_codes(const std::vector<CodeInText>& codes) noexcept {
  PrimaryCodes p;
  const CodeInText* last_reply = nullptr;
  const CodeInText* first_reply = nullptr;
  for (const auto& c : codes) {
    if (c.kind == CodeInText::Kind::reply_code) {
      last_reply = &c;
      if (!first_reply) first_reply = &c;
    } else if (!p.status) {
      p.status = c.status;
      p.status_span = c.span;
      if (last_reply) {
        p.reply_code = last_reply->reply_code;
        p.reply_code_span = last_reply->span;
      }
    }
  }
  if (!p.reply_code && first_reply) {
    p.reply_code = first_reply->reply_code;
    p.reply_code_span = first_reply->span;
  }
  return p;
}

}  // namespace maildiag
