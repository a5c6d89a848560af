// A MIME message as a flat list of parts in document order (RFC 2045, RFC 2046).
//
// parse_message() reads the structure once: header sections, multipart boundaries (nested),
// message/rfc822 and text/rfc822-headers. Bodies stay views into the input until a caller asks
// for decoded text. Limits (maximum size, depth, part count, header count, field length) keep
// the work linear; hitting one marks the result partial and records a finding.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"
#include "maildiag/finding.hpp"
#include "maildiag/mime/content_type.hpp"
#include "maildiag/mime/header.hpp"

namespace maildiag {
namespace mime {

struct Part {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);

  HeaderSection headers;      // spans relative to `source` below
  ContentType content_type;
  std::string_view source;    // the part's whole text (headers and body)
  std::string_view body;      // still transfer-encoded
  Span span;                  // where the part is in the input; see `in_input`
  bool in_input = true;       // false for parts inside a transfer-encoded message/rfc822
  std::size_t parent = none;  // index into Message::parts
  std::size_t depth = 0;
  /// True for parts that are a whole message: the root and the content of message/rfc822
  /// parts. Their header section is the message's header; their content type its body's.
  bool is_message = false;
};

struct Message {
  std::vector<Part> parts;  // parts[0] is the root
  std::vector<Finding> findings;
  bool partial = false;     // a limit was hit; what was beyond it is missing

  const Part& root() const { return parts.front(); }
  /// The part's body with its transfer encoding undone and its text converted to UTF-8 with LF
  /// line endings. For non-text parts the bytes are returned unchanged.
  MAILDIAG_FUNC std::string text(const Part& part) const;

  /// Buffers that decoded transfer-encoded message/rfc822 bodies live in (parts point into them).
  std::deque<std::string> owned;
};

/// Parses a whole message. Input that does not start with a header section (a pasted body) is
/// one text/plain part.
MAILDIAG_FUNC Message parse_message(std::string_view input, const Limits& limits = {});

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/message-inl.hpp"
#endif
