// Header sections (RFC 5322 §2.2): fields, folding, and lookup by name.
//
// Fields are kept as views into the input: a bounce's headers are read many times and copied
// rarely. unfold() and decoded() produce owned text when a value is actually needed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"

namespace maildiag {
namespace mime {

/// Limits that keep parsing linear and bounded whatever the input. Exceeding one never fails
/// the parse: what is beyond the limit is left out and the result is marked partial.
struct Limits {
  std::size_t max_message_size = 32u * 1024 * 1024;  // bytes read from one message
  std::size_t max_depth = 16;            // nesting of multiparts and message/rfc822
  std::size_t max_parts = 512;           // MIME parts in one message
  std::size_t max_header_fields = 1000;  // fields in one header section
  std::size_t max_line_length = 64 * 1024;  // bytes of one (unfolded) header field
};

struct HeaderField {
  std::string_view name;   // as written, without the colon
  std::string_view value;  // raw, still folded, without the leading whitespace
  Span span;               // the whole field, relative to the text given to parse_header_section
};

struct HeaderSection {
  std::vector<HeaderField> fields;
  std::size_t body_offset = 0;  // where the body starts (after the blank line)
  bool truncated = false;       // a limit was hit: fields were left out or cut

  /// The first field with this name (ASCII case-insensitive), or nullptr.
  MAILDIAG_FUNC const HeaderField* find(std::string_view name) const noexcept;
  /// The first field's value unfolded, or "" when absent.
  MAILDIAG_FUNC std::string get(std::string_view name) const;
  /// The first field's value unfolded with RFC 2047 words decoded to UTF-8, or "".
  MAILDIAG_FUNC std::string get_decoded(std::string_view name) const;
  bool has(std::string_view name) const noexcept { return find(name) != nullptr; }
};

/// True when `line` starts a header field: a name of printable ASCII without spaces, then ":".
MAILDIAG_FUNC bool looks_like_field(std::string_view line) noexcept;

/// Reads the header section at the start of `text`. When the first line is not a header field
/// (a pasted body), the section is empty and the body starts at 0. A line that is neither a
/// field nor a continuation ends the section. An mbox "From " line in front is skipped.
MAILDIAG_FUNC HeaderSection parse_header_section(std::string_view text, const Limits& limits = {});

/// `value` with line breaks of folded lines removed (RFC 5322 §2.2.3) and outer space trimmed.
MAILDIAG_FUNC std::string unfold(std::string_view value);

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/header-inl.hpp"
#endif
