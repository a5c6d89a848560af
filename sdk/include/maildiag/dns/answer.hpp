// The sans-IO DNS model: questions the core asks and the answers a host gives back.
//
// The core never performs I/O. Evaluators ask for (name, type) pairs; a host (a static zone,
// the native c-ares resolver, DNS-over-HTTPS in the browser) answers each one with records,
// NXDOMAIN, no data, a time-out or a server failure. See docs/dns.md for the protocol.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"

namespace maildiag {
namespace dns {

/// The record types the evaluators ask for, with their RFC 1035/3596/4408 type numbers.
enum class RecordType : std::uint16_t {
  A = 1,
  CNAME = 5,
  PTR = 12,
  MX = 15,
  TXT = 16,
  AAAA = 28,
  SPF = 99,
};

/// "A", "CNAME", "PTR", "MX", "TXT", "AAAA", "SPF".
MAILDIAG_FUNC std::string_view to_string(RecordType type) noexcept;
/// Case-insensitive inverse of to_string(); also accepts the type number in decimal.
MAILDIAG_FUNC std::optional<RecordType> parse_record_type(std::string_view text) noexcept;

/// One resource record of an answer.
struct Record {
  RecordType type = RecordType::TXT;
  /// TXT and SPF: the character-strings of the record, in order (RFC 7208 §3.3 joins them).
  std::vector<std::string> strings;
  /// A/AAAA: the address in text; MX: the exchange; PTR and CNAME: the target name.
  std::string data;
  /// MX only.
  std::uint16_t preference = 0;

  /// TXT/SPF strings joined with nothing between them.
  MAILDIAG_FUNC std::string joined_text() const;
};

enum class AnswerKind : std::uint8_t {
  records,   // RCODE 0 with at least one record of the asked type
  nodata,    // RCODE 0, no record of the asked type
  nxdomain,  // RCODE 3, the name does not exist
  timeout,   // no answer in time
  error,     // SERVFAIL, REFUSED, a malformed or oversized answer
};

/// "records", "nodata", "nxdomain", "timeout", "error".
MAILDIAG_FUNC std::string_view to_string(AnswerKind kind) noexcept;
MAILDIAG_FUNC std::optional<AnswerKind> parse_answer_kind(std::string_view text) noexcept;

struct Answer {
  AnswerKind kind = AnswerKind::nodata;
  std::vector<Record> records;  // only records of the asked type
  std::string error;            // what went wrong, for timeout and error

  static Answer with_records(std::vector<Record> records) {
    Answer a;
    a.kind = records.empty() ? AnswerKind::nodata : AnswerKind::records;
    a.records = std::move(records);
    return a;
  }
  static Answer failure(AnswerKind kind, std::string why) {
    Answer a;
    a.kind = kind;
    a.error = std::move(why);
    return a;
  }
  /// RFC 7208 §4.6.4: an answer with no records, or NXDOMAIN.
  bool is_void() const noexcept { return kind == AnswerKind::nodata || kind == AnswerKind::nxdomain; }
  bool is_failure() const noexcept { return kind == AnswerKind::timeout || kind == AnswerKind::error; }
};

struct Question {
  std::string name;  // normalized: lowercase ASCII, no trailing dot
  RecordType type = RecordType::TXT;

  friend bool operator==(const Question& a, const Question& b) noexcept {
    return a.type == b.type && a.name == b.name;
  }
  friend bool operator<(const Question& a, const Question& b) noexcept {
    return a.name != b.name ? a.name < b.name : a.type < b.type;
  }
};

/// Bounds applied to every answer a host gives, whatever the host. An answer beyond them is
/// turned into an `error` answer rather than trusted.
struct AnswerLimits {
  std::size_t max_records = 256;       // records per answer
  std::size_t max_string_bytes = 255;  // per TXT character-string (RFC 1035 §3.3)
  std::size_t max_text_bytes = 8192;   // per joined TXT/SPF record
  std::size_t max_name_bytes = 253;    // names in records
};

/// Checks an answer against the limits and the record syntax the evaluators rely on: drops
/// records of other types (a CNAME in an A answer), lowercases names, and turns an answer
/// that breaks a limit or holds an unparsable address into an `error` answer.
MAILDIAG_FUNC Answer sanitize(Answer answer, RecordType asked, const AnswerLimits& limits = {});

/// Lowercases ASCII and removes one trailing dot: the form used in Questions and zones.
MAILDIAG_FUNC std::string normalize_name(std::string_view name);

/// RFC 1035 §2.3.4 bounds: 1..253 bytes, labels 1..63 bytes. Any byte is accepted in a label.
MAILDIAG_FUNC bool is_valid_name(std::string_view normalized_name) noexcept;

}  // namespace dns
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dns/answer-inl.hpp"
#endif
