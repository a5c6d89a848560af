#pragma once

#include "maildiag/dns/txt_presentation.hpp"

namespace maildiag {
namespace dns {
namespace txt_presentation_detail {

constexpr bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads one quoted string starting after its opening quote; false when it is malformed.
inline bool read_quoted(std::string_view in, std::size_t& i, std::string& out) {
  while (i < in.size()) {
    const char c = in[i++];
    if (c == '"') return true;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (i == in.size()) return false;
    if (!is_digit(in[i])) {
      out += in[i++];  // \X is X itself: \" and \\ are the usual ones
      continue;
    }
    if (i + 3 > in.size() || !is_digit(in[i + 1]) || !is_digit(in[i + 2])) return false;
    const int byte = (in[i] - '0') * 100 + (in[i + 1] - '0') * 10 + (in[i + 2] - '0');
    if (byte > 255) return false;
    out += static_cast<char>(byte);
    i += 3;
  }
  return false;
}

}  // namespace txt_presentation_detail

MAILDIAG_FUNC std::optional<PresentationText> parse_txt_presentation(std::string_view pasted) {
  using namespace txt_presentation_detail;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < pasted.size() && is_space(pasted[i])) ++i;
  };
  skip_space();
  const bool parenthesized = i < pasted.size() && pasted[i] == '(';
  if (parenthesized) {
    ++i;
    skip_space();
  }
  if (i == pasted.size() || pasted[i] != '"') return std::nullopt;
  PresentationText given;
  while (i < pasted.size() && pasted[i] == '"') {
    ++i;
    if (!read_quoted(pasted, i, given.text)) return std::nullopt;
    ++given.strings;
    skip_space();
  }
  if (parenthesized) {
    if (i == pasted.size() || pasted[i] != ')') return std::nullopt;
    ++i;
    skip_space();
  }
  if (i != pasted.size()) return std::nullopt;
  return given;
}

MAILDIAG_FUNC Finding quotes_removed(const PresentationText& given) {
  Finding f;
  f.code = "txt.quotes_removed";
  f.severity = Severity::info;
  f.message = given.strings == 1
                  ? "the record was given quoted, as DNS tools show TXT records: the quotes were removed"
                  : "the record was given as " + std::to_string(given.strings) +
                        " quoted strings, as DNS tools show TXT records: the quotes were removed and the "
                        "strings joined, as a resolver joins them";
  return f;
}

}  // namespace dns
}  // namespace maildiag
