// SMTP reply codes (RFC 5321 §4.2) and enhanced status codes (RFC 3463), found in free text.
//
// Bounce texts carry codes in many shapes: "550 5.1.1", "550-5.7.1", "#550 5.1.1 ##",
// "Remote Server returned '550 5.1.1 ...'", "Status: 4.4.312". The scanner finds every code
// in one linear pass and reports where each one is, without copying the text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {

/// The first digit of a reply or enhanced status code (RFC 3463 §3.1).
enum class StatusClass : std::uint8_t { success = 2, transient = 4, permanent = 5 };

/// "success", "transient" or "permanent".
MAILDIAG_FUNC std::string_view to_string(StatusClass c) noexcept;
/// RFC 3463's name of the class: "Persistent transient failure" for 4.
MAILDIAG_FUNC std::string_view class_meaning(StatusClass c) noexcept;
/// RFC 3463's name of a subject (the middle number): "Network and routing status" for 4.
/// Subjects outside 0..7 are "Unknown subject".
MAILDIAG_FUNC std::string_view subject_meaning(int subject) noexcept;

/// An enhanced status code "class.subject.detail" (RFC 3463 §2).
struct EnhancedStatus {
  StatusClass klass = StatusClass::permanent;
  std::uint16_t subject = 0;  // 0..999
  std::uint16_t detail = 0;   // 0..999

  MAILDIAG_FUNC std::string to_string() const;
  friend bool operator==(const EnhancedStatus& a, const EnhancedStatus& b) noexcept {
    return a.klass == b.klass && a.subject == b.subject && a.detail == b.detail;
  }
  friend bool operator!=(const EnhancedStatus& a, const EnhancedStatus& b) noexcept {
    return !(a == b);
  }
};

/// Parses exactly one enhanced status code ("4.4.312"); nothing before or after it.
MAILDIAG_FUNC std::optional<EnhancedStatus> parse_enhanced_status(std::string_view text) noexcept;

/// Parses exactly one three-digit reply code ("550") whose digits RFC 5321 §4.2 allows:
/// first 2-5, second 0-5.
MAILDIAG_FUNC std::optional<std::uint16_t> parse_reply_code(std::string_view text) noexcept;

/// The class of a reply code: 2xx/3xx success (3xx are intermediate), 4xx transient, 5xx permanent.
MAILDIAG_FUNC StatusClass reply_code_class(std::uint16_t reply_code) noexcept;

/// A code found in a text, with its position.
struct CodeInText {
  enum class Kind : std::uint8_t { reply_code, enhanced_status };
  Kind kind = Kind::reply_code;
  Span span;
  std::uint16_t reply_code = 0;   // when kind == reply_code
  EnhancedStatus status;          // when kind == enhanced_status
};

/// Every reply code and enhanced status code in `text`, in order of appearance.
///
/// A code is a token on its own: digits glued to letters, dots or other digits (IP addresses,
/// version numbers, dates, times, sizes) are not codes. The scan is linear in the text.
MAILDIAG_FUNC std::vector<CodeInText> scan_status_codes(std::string_view text);

/// The codes that best describe the failure in a text: the first enhanced status code, and the
/// reply code that goes with it (the one just before it, else the first one in the text).
struct PrimaryCodes {
  std::optional<std::uint16_t> reply_code;
  std::optional<Span> reply_code_span;
  std::optional<EnhancedStatus> status;
  std::optional<Span> status_span;
};
MAILDIAG_FUNC PrimaryCodes primary_codes(const std::vector<CodeInText>& codes) noexcept;

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/status_code-inl.hpp"
#endif
