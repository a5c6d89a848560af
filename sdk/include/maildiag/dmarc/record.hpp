// DMARC policy records: parser and validator (RFC 9989, with RFC 7489 differences noted).
//
// A record is the text of one TXT record at `_dmarc.<domain>`, its strings already joined. The
// parser never fails: it returns what it understood, every tag with its byte span, and findings
// ("dmarc.*" codes) for everything wrong or worth knowing. RFC 9989 added `np`, `psd` and `t`,
// removed `pct`, `rf` and `ri`, and made `p` optional; records are checked against RFC 9989 and
// every place where an RFC 7489 receiver would read the record differently is reported.
//
// Limits: records longer than `kMaxRecordSize` bytes are not parsed (one finding); at most
// `kMaxTags` tags and `kMaxReportUris` URIs per report tag are examined.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/dns/txt_presentation.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace dmarc {

constexpr std::size_t kMaxRecordSize = 8192;
constexpr std::size_t kMaxTags = 64;
constexpr std::size_t kMaxReportUris = 32;

/// Requested handling of mail that fails DMARC.
enum class Policy : std::uint8_t { none, quarantine, reject };
enum class AlignmentMode : std::uint8_t { relaxed, strict };

/// "none", "quarantine", "reject".
MAILDIAG_FUNC std::string_view to_string(Policy p) noexcept;
/// "relaxed", "strict".
MAILDIAG_FUNC std::string_view to_string(AlignmentMode m) noexcept;

/// How a tag stands in the current standard.
enum class TagStatus : std::uint8_t { current, removed, unknown };
MAILDIAG_FUNC std::string_view to_string(TagStatus s) noexcept;

struct Tag {
  std::string name;   // lowercase
  std::string value;  // as written, surrounding whitespace removed
  Span span;          // the whole "name=value"
  Span name_span;
  Span value_span;
  TagStatus status = TagStatus::current;
  bool duplicate = false;  // a later copy of a tag seen before (ignored)
};

/// One `rua`/`ruf` destination.
struct ReportUri {
  std::string uri;            // as written, without the size suffix
  std::string scheme;         // lowercase, e.g. "mailto"
  std::string address;        // mailto: the address, percent-decoded
  std::string domain;         // mailto: the address's domain, lowercase
  std::optional<std::uint64_t> max_size;  // legacy "!10m" suffix, in bytes
  Span span;
  bool valid = false;
};

struct Record {
  std::string text;     // the record as given
  bool is_dmarc = false;  // starts with v=DMARC1, exactly
  std::vector<Tag> tags;

  std::optional<Policy> p, sp, np;  // as written; absent or invalid: nullopt
  AlignmentMode adkim = AlignmentMode::relaxed;
  AlignmentMode aspf = AlignmentMode::relaxed;
  std::vector<std::string> fo;  // failure reporting options, default {"0"}
  std::vector<ReportUri> rua, ruf;
  std::optional<char> psd;      // 'y', 'n' or 'u' (RFC 9989)
  bool testing = false;         // t=y (RFC 9989)
  std::optional<int> pct;       // legacy (RFC 7489), removed in RFC 9989

  /// The first policy tag (p, sp or np) whose value is not a policy; receivers then fall back
  /// to p=none or to no DMARC at all (maildiag/dmarc/effect.hpp).
  std::optional<Tag> invalid_policy_tag;

  std::vector<Finding> findings;

  /// A clean record: is DMARC and has no error-level finding. Whether receivers apply it is a
  /// different question, answered by effect_of() in maildiag/dmarc/effect.hpp.
  MAILDIAG_FUNC bool valid() const noexcept;
  /// True when at least one `rua` destination is a usable mailto: address.
  MAILDIAG_FUNC bool has_valid_rua() const noexcept;
};

/// "none", "quarantine" or "reject" in any case; nullopt otherwise.
MAILDIAG_FUNC std::optional<Policy> parse_policy(std::string_view value) noexcept;

/// Parses and validates one DMARC record.
MAILDIAG_FUNC Record parse_record(std::string_view text);

/// parse_record() for a record as people paste it: bare, or quoted and split into strings as DNS
/// tools show TXT records (maildiag/dns/txt_presentation.hpp).
MAILDIAG_FUNC Record parse_pasted_record(std::string_view text);

/// Picks the DMARC record out of all TXT strings found at `_dmarc.<domain>` and reports problems
/// with the set: several DMARC records (RFC 7489 §6.6.3: then none applies), SPF records or
/// unrelated TXT records at the `_dmarc` name. Spans of these findings are empty; the index of
/// the TXT record is in the message.
struct RecordSet {
  std::optional<Record> record;  // the single DMARC record, when there is exactly one
  std::size_t dmarc_records = 0;
  std::vector<Finding> findings;
};
MAILDIAG_FUNC RecordSet select_record(const std::vector<std::string>& txt_records);

/// True for a string that starts like a DMARC record ("v=DMARC1", whitespace tolerated).
MAILDIAG_FUNC bool looks_like_dmarc(std::string_view txt) noexcept;

}  // namespace dmarc
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/dmarc/record-inl.hpp"
#endif
