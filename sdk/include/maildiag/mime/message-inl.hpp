#pragma once

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/message.hpp"
#include "maildiag/mime/text.hpp"
#include "maildiag/mime/transfer_encoding.hpp"

namespace maildiag {
namespace mime {
namespace message_detail {

class Parser {
 public:
  Parser(Message& message, const Limits& limits, std::string_view input)
      : m_(message), limits_(limits), input_(input) {}

  void entity(std::string_view source, bool in_input, std::size_t parent, std::size_t depth,
              bool is_message, bool digest_child) {
    if (m_.parts.size() >= limits_.max_parts) {
      limit_hit("mime.too_many_parts", "The message has more MIME parts than the limit of " +
                                           std::to_string(limits_.max_parts) + "; the rest is ignored.",
                source, in_input);
      return;
    }
    Part part;
    part.headers = parse_header_section(source, limits_);
    if (part.headers.truncated)
      limit_hit("mime.header_limit", "A header section exceeds the field count or field length "
                                     "limit; extra fields were left out.", source, in_input);
    part.source = source;
    part.body = source.substr(part.headers.body_offset);
    part.in_input = in_input;
    part.span = in_input ? offset_span(source) : Span{};
    part.parent = parent;
    part.depth = depth;
    part.is_message = is_message;
    if (const HeaderField* f = part.headers.find("content-type")) {
      part.content_type = parse_content_type(unfold(f->value));
    } else if (digest_child) {
      part.content_type.type = "message";
      part.content_type.subtype = "rfc822";
    }
    const std::size_t index = m_.parts.size();
    m_.parts.push_back(part);
    const ContentType& ct = m_.parts[index].content_type;

    if (ct.is_multipart()) {
      std::string boundary(ct.parameter("boundary"));
      if (boundary.empty()) return;
      if (depth + 1 > limits_.max_depth) {
        limit_hit("mime.too_deep", "MIME parts are nested deeper than the limit of " +
                                       std::to_string(limits_.max_depth) + "; inner parts are not read.",
                  source, in_input);
        return;
      }
      split_multipart(part.body, boundary, in_input, index, depth, ct.subtype == "digest");
    } else if (ct.type == "message" && (ct.subtype == "rfc822" || ct.subtype == "global")) {
      if (depth + 1 > limits_.max_depth) {
        limit_hit("mime.too_deep", "An attached message is nested deeper than the limit of " +
                                       std::to_string(limits_.max_depth) + "; it is not read.",
                  source, in_input);
        return;
      }
      std::string encoding = part.headers.get("content-transfer-encoding");
      std::string_view body = part.body;
      if (iequals(trim(encoding), "base64") || iequals(trim(encoding), "quoted-printable")) {
        std::string decoded;
        decode_transfer_encoding(body, encoding, decoded);
        m_.owned.push_back(std::move(decoded));
        entity(m_.owned.back(), false, index, depth + 1, true, false);
      } else {
        entity(body, in_input, index, depth + 1, true, false);
      }
    }
  }

 private:
  Span offset_span(std::string_view s) const {
    std::size_t begin = static_cast<std::size_t>(s.data() - input_.data());
    return Span{begin, begin + s.size()};
  }

  void limit_hit(const char* code, std::string message, std::string_view where, bool in_input) {
    m_.partial = true;
    for (const auto& f : m_.findings)
      if (f.code == code) return;
    Finding f;
    f.code = code;
    f.severity = Severity::warning;
    f.message = std::move(message);
    if (in_input) f.span = offset_span(where);
    m_.findings.push_back(std::move(f));
  }

  // A delimiter line is "--boundary" optionally followed by "--" (the close delimiter) and
  // trailing whitespace (RFC 2046 §5.1.1).
  static int delimiter_kind(std::string_view line, std::string_view boundary) noexcept {
    if (line.size() < boundary.size() + 2 || line[0] != '-' || line[1] != '-') return 0;
    if (line.compare(2, boundary.size(), boundary) != 0) return 0;
    std::string_view rest = line.substr(boundary.size() + 2);
    bool close = rest.size() >= 2 && rest[0] == '-' && rest[1] == '-';
    if (close) rest.remove_prefix(2);
    for (char c : rest)
      if (!is_wsp(c)) return 0;
    return close ? 2 : 1;
  }

  void split_multipart(std::string_view body, std::string_view boundary, bool in_input,
                       std::size_t parent, std::size_t depth, bool digest) {
    // Delimiters are found with a substring search for "--boundary" (memchr speed) and then
    // checked to start a line; walking every line of a large body would cost more.
    const std::string dashed = "--" + std::string(boundary);
    std::size_t part_begin = std::string_view::npos;
    bool any = false;
    std::size_t search = 0;
    while (search < body.size()) {
      const std::size_t at = body.find(dashed, search);
      if (at == std::string_view::npos) break;
      search = at + dashed.size();
      if (at > 0 && body[at - 1] != '\n' && body[at - 1] != '\r') continue;
      Line line = next_line(body, at);
      int kind = delimiter_kind(line.text, boundary);
      if (kind == 0) continue;
      any = true;
      if (part_begin != std::string_view::npos) {
        // The line break before the delimiter belongs to the delimiter.
        std::size_t end = line.begin;
        if (end > part_begin && body[end - 1] == '\n') --end;
        if (end > part_begin && body[end - 1] == '\r') --end;
        entity(body.substr(part_begin, end - part_begin), in_input, parent, depth + 1, false,
               digest);
      }
      if (kind == 2) return;
      part_begin = line.next;
      search = line.next;
    }
    if (part_begin != std::string_view::npos && part_begin < body.size())
      entity(body.substr(part_begin), in_input, parent, depth + 1, false, digest);
    if (!any) {
      // A multipart without its boundary in the body: read the body as one plain part.
      if (m_.parts.size() >= limits_.max_parts) return;
      Part part;
      part.source = body;
      part.body = body;
      part.in_input = in_input;
      part.span = in_input ? offset_span(body) : Span{};
      part.parent = parent;
      part.depth = depth + 1;
      m_.parts.push_back(std::move(part));
    }
  }

  Message& m_;
  const Limits& limits_;
  std::string_view input_;
};

inline bool is_textual(const ContentType& ct) noexcept {
  return ct.type == "text" ||
         (ct.type == "message" && (ct.subtype == "delivery-status" ||
                                   ct.subtype == "feedback-report" ||
                                   ct.subtype == "global-delivery-status" ||
                                   ct.subtype == "disposition-notification"));
}

}  // namespace message_detail

MAILDIAG_FUNC std::string Message::text(const Part& part) const {
  const std::string encoding = part.headers.get("content-transfer-encoding");
  const bool identity = !iequals(encoding, "base64") && !iequals(encoding, "quoted-printable");
  std::string owned;
  if (!identity) decode_transfer_encoding(part.body, encoding, owned);
  // 7bit, 8bit and binary bodies are read in place: no copy before the charset conversion.
  std::string_view decoded = identity ? part.body : std::string_view(owned);
  if (!message_detail::is_textual(part.content_type)) return std::string(decoded);
  std::string utf8;
  utf8.reserve(decoded.size());
  std::string_view charset = part.content_type.parameter("charset");
  // Japanese mailers put ISO-2022-JP into parts labelled us-ascii (or not labelled at all,
  // like message/delivery-status): its escape sequences give it away.
  if ((charset.empty() || iequals(charset, "us-ascii")) &&
      (decoded.find("\x1b$B") != std::string_view::npos || decoded.find("\x1b$@") != std::string_view::npos))
    charset = "iso-2022-jp";
  // ASCII in an ASCII-compatible charset is UTF-8 already: the common case skips the converter.
  const std::string_view label = trim(charset);
  if ((label.empty() || ascii_compatible(label)) && is_ascii(decoded))
    utf8.assign(decoded.data(), decoded.size());
  else
    to_utf8(decoded, charset, utf8);
  if (utf8.find('\r') == std::string::npos) return utf8;
  return normalize_newlines(utf8);
}

MAILDIAG_FUNC Message parse_message(std::string_view input, const Limits& limits) {
  Message message;
  if (input.size() > limits.max_message_size) {
    input = input.substr(0, limits.max_message_size);
    message.partial = true;
    Finding f;
    f.code = "mime.too_large";
    f.severity = Severity::warning;
    f.message = "The message is larger than the limit of " +
                std::to_string(limits.max_message_size) + " bytes; only its start was read.";
    f.span = Span{0, input.size()};
    message.findings.push_back(std::move(f));
  }
  message_detail::Parser parser(message, limits, input);
  parser.entity(input, true, Part::none, 0, true, false);
  return message;
}

}  // namespace mime
}  // namespace maildiag
