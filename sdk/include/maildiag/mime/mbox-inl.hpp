#pragma once

#include "maildiag/mime/mbox.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {

MAILDIAG_FUNC std::vector<std::string_view> split_mbox(std::string_view mbox) {
  std::vector<std::string_view> messages;
  if (!looks_like_mbox(mbox)) {
    if (!mbox.empty()) messages.push_back(mbox);
    return messages;
  }
  std::size_t pos = 0;
  std::size_t begin = std::string_view::npos;
  bool previous_blank = true;
  while (pos < mbox.size()) {
    Line line = next_line(mbox, pos);
    if (previous_blank && line.text.substr(0, 5) == "From ") {
      if (begin != std::string_view::npos) messages.push_back(mbox.substr(begin, line.begin - begin));
      begin = line.next;
    }
    previous_blank = line.text.empty();
    pos = line.next;
  }
  if (begin != std::string_view::npos && begin < mbox.size()) messages.push_back(mbox.substr(begin));
  return messages;
}

MAILDIAG_FUNC MboxReader::MboxReader(std::istream& in, std::size_t max_message_size)
    : in_(in), max_(max_message_size) {}

MAILDIAG_FUNC bool MboxReader::next(std::string& message) {
  message.clear();
  truncated_ = false;
  std::string line;
  bool started = false;
  bool previous_blank = true;
  if (have_pending_) {
    have_pending_ = false;
    started = true;
    message_offset_ = position_;
  }
  while (std::getline(in_, line)) {
    const std::size_t line_bytes = line.size() + 1;
    const bool separator = previous_blank && line.compare(0, 5, "From ") == 0;
    if (separator) {
      if (started) {
        have_pending_ = true;
        position_ += line_bytes;
        return true;
      }
      started = true;
      position_ += line_bytes;
      message_offset_ = position_;
      previous_blank = false;
      continue;
    }
    if (!started) {
      // Not an mbox: the whole stream is one message.
      started = true;
      message_offset_ = position_;
    }
    position_ += line_bytes;
    std::string_view content = line;
    if (!content.empty() && content.back() == '\r') content.remove_suffix(1);
    previous_blank = content.empty();
    if (message.size() + line_bytes > max_) {
      truncated_ = true;
      continue;
    }
    message += line;
    message += '\n';
  }
  return started;
}

}  // namespace mime
}  // namespace maildiag
