// mbox files: messages separated by "From " lines (RFC 4155). Read from memory as views, or
// from a stream one message at a time so that large mailboxes are never loaded whole.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/config.hpp"

namespace maildiag {
namespace mime {

/// True when `text` starts like an mbox: a "From " separator line.
inline bool looks_like_mbox(std::string_view text) noexcept { return text.substr(0, 5) == "From "; }

/// The messages of an mbox held in memory, each without its "From " line. A text that does not
/// start with "From " is one message.
MAILDIAG_FUNC std::vector<std::string_view> split_mbox(std::string_view mbox);

/// Reads an mbox stream message by message. Memory use is one message (capped at
/// `max_message_size`; the rest of an oversized message is skipped and `truncated()` is set).
class MboxReader {
 public:
  MAILDIAG_FUNC explicit MboxReader(std::istream& in, std::size_t max_message_size = 32u << 20);
  /// The next message (without its "From " line) into `message`; false at the end.
  MAILDIAG_FUNC bool next(std::string& message);
  /// Byte offset in the stream where the last message returned by next() started.
  std::size_t offset() const noexcept { return message_offset_; }
  /// True when the last message was cut at the size limit.
  bool truncated() const noexcept { return truncated_; }

 private:
  std::istream& in_;
  std::size_t max_;
  std::string pending_;        // a "From " line read ahead, or ""
  bool have_pending_ = false;
  std::size_t position_ = 0;   // bytes consumed so far
  std::size_t message_offset_ = 0;
  bool truncated_ = false;
};

}  // namespace mime
}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/mime/mbox-inl.hpp"
#endif
