#pragma once

#include "maildiag/mime/encoded_word.hpp"
#include "maildiag/mime/header.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {

MAILDIAG_FUNC const HeaderField* HeaderSection::find(std::string_view name) const noexcept {
  for (const auto& f : fields)
    if (iequals(f.name, name)) return &f;
  return nullptr;
}

MAILDIAG_FUNC std::string HeaderSection::get(std::string_view name) const {
  const HeaderField* f = find(name);
  return f ? unfold(f->value) : std::string();
}

MAILDIAG_FUNC std::string HeaderSection::get_decoded(std::string_view name) const {
  const HeaderField* f = find(name);
  return f ? decode_encoded_words(unfold(f->value)) : std::string();
}

MAILDIAG_FUNC bool looks_like_field(std::string_view line) noexcept {
  std::size_t i = 0;
  while (i < line.size() && i < 128) {
    char c = line[i];
    if (c == ':') break;
    if (c <= ' ' || c > '~') return false;
    ++i;
  }
  if (i == 0 || i >= line.size() || line[i] != ':') {
    // "Name :" with spaces before the colon occurs in old mailers.
    std::size_t k = i;
    while (k < line.size() && is_wsp(line[k])) ++k;
    return i > 0 && k < line.size() && line[k] == ':' && k < 128;
  }
  return true;
}

MAILDIAG_FUNC HeaderSection parse_header_section(std::string_view text, const Limits& limits) {
  HeaderSection section;
  std::size_t pos = 0;
  if (text.substr(0, 5) == "From ") pos = next_line(text, 0).next;
  const std::size_t n = text.size();
  HeaderField* current = nullptr;
  std::size_t current_value_begin = 0;
  auto close_current = [&](std::size_t end) {
    if (!current) return;
    std::size_t value_end = end;
    while (value_end > current_value_begin &&
           (text[value_end - 1] == '\n' || text[value_end - 1] == '\r'))
      --value_end;
    if (value_end - current_value_begin > limits.max_line_length) {
      value_end = current_value_begin + limits.max_line_length;
      section.truncated = true;
    }
    current->value = text.substr(current_value_begin, value_end - current_value_begin);
    current->span.end = end;
    current = nullptr;
  };
  bool first = true;
  while (pos < n) {
    Line line = next_line(text, pos);
    if (line.text.empty()) {
      close_current(pos);
      section.body_offset = line.next;
      return section;
    }
    if (is_wsp(line.text[0])) {
      if (first) break;  // an indented first line is body text, not a header
      pos = line.next;
      continue;          // continuation: the field grows to the next field's start
    }
    if (!looks_like_field(line.text)) {
      // Broken mailers write parameters unindented after a value ending in ";"
      // ("Content-Type: multipart/alternative;\nboundary=..."): read it as a continuation.
      if (current && line.text.find('=') != std::string_view::npos) {
        std::string_view so_far = trim(text.substr(current_value_begin, pos - current_value_begin));
        if (!so_far.empty() && so_far.back() == ';') {
          pos = line.next;
          continue;
        }
      }
      close_current(pos);
      section.body_offset = pos;
      return section;
    }
    close_current(pos);
    first = false;
    if (section.fields.size() >= limits.max_header_fields) {
      section.truncated = true;
      pos = line.next;
      continue;
    }
    std::size_t colon = line.text.find(':');
    std::string_view name = line.text.substr(0, colon);
    while (!name.empty() && is_wsp(name.back())) name.remove_suffix(1);
    section.fields.push_back(HeaderField{name, {}, Span{pos, line.next}});
    current = &section.fields.back();
    current_value_begin = pos + colon + 1;
    while (current_value_begin < line.next && is_wsp(text[current_value_begin]))
      ++current_value_begin;
    pos = line.next;
  }
  if (first) {
    section.body_offset = 0;
    return section;
  }
  close_current(n);
  section.body_offset = n;
  return section;
}

MAILDIAG_FUNC std::string unfold(std::string_view value) {
  // Trimming first gives the same result (only CR and LF go from inside) and most values fit on
  // one line: then this is a single copy.
  const std::string_view t = trim(value);
  std::size_t brk = find_line_break(t);
  if (brk == std::string_view::npos) return std::string(t);
  std::string out;
  out.reserve(t.size());
  std::size_t from = 0;
  while (brk != std::string_view::npos) {
    out.append(t.data() + from, brk - from);
    from = brk + 1;
    brk = find_line_break(t, from);
  }
  out.append(t.data() + from, t.size() - from);
  return out;
}

}  // namespace mime
}  // namespace maildiag
