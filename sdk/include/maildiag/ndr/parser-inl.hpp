#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maildiag/kb/diagnose.hpp"
#include "maildiag/mime/delivery_status.hpp"
#include "maildiag/mime/encoded_word.hpp"
#include "maildiag/mime/message.hpp"
#include "maildiag/mime/text.hpp"
#include "maildiag/ndr/address.hpp"
#include "maildiag/ndr/format.hpp"
#include "maildiag/ndr/parser.hpp"
#include "maildiag/ndr/phrase_set.hpp"
#include "maildiag/ndr/reason.hpp"
#include "maildiag/status_code.hpp"

namespace maildiag {
namespace ndr {
namespace parser_detail {

using mime::collapse_space;
using mime::ifind;
using mime::iequals;
using mime::istarts_with;
using mime::trim;
constexpr auto npos = std::string_view::npos;

// ---------------------------------------------------------------------------------------------
// Text helpers

// "rfc822; user@example.com" -> "user@example.com"; "<user@example.com>" -> "user@example.com".
inline std::string clean_address(std::string_view field) {
  std::string_view v = trim(field);
  if (auto semi = v.find(';'); semi != npos && semi < 16) v = trim(v.substr(semi + 1));
  address::Found f = address::find(v);
  if (f) return std::string(v.substr(f.pos, f.len));
  while (!v.empty() && (v.front() == '<' || v.front() == '"')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == '>' || v.back() == '"')) v.remove_suffix(1);
  return std::string(trim(v));
}

// "smtp; 550 5.1.1 ..." -> "550 5.1.1 ..."; "dns; mx.example.jp" -> "mx.example.jp".
inline std::string strip_type(std::string_view field) {
  std::string_view v = trim(field);
  auto semi = v.find(';');
  if (semi != npos && semi > 0 && semi < 16) {
    bool token = true;
    for (std::size_t i = 0; i < semi; ++i)
      if (!((v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z') || v[i] == '-' ||
            (v[i] >= '0' && v[i] <= '9')))
        token = false;
    if (token) v = trim(v.substr(semi + 1));
  }
  return collapse_space(v);
}

inline std::string strip_html(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    char c = html[i];
    if (in_tag) {
      if (c == '>') in_tag = false;
      continue;
    }
    if (c == '<') {
      // Block-level tags end a line.
      if (i + 3 < html.size() && (mime::istarts_with(html.substr(i + 1), "br") ||
                                  mime::istarts_with(html.substr(i + 1), "p") ||
                                  mime::istarts_with(html.substr(i + 1), "/p") ||
                                  mime::istarts_with(html.substr(i + 1), "div") ||
                                  mime::istarts_with(html.substr(i + 1), "/div") ||
                                  mime::istarts_with(html.substr(i + 1), "tr") ||
                                  mime::istarts_with(html.substr(i + 1), "/tr") ||
                                  mime::istarts_with(html.substr(i + 1), "/td")))
        out += '\n';
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static constexpr std::pair<std::string_view, char> entities[] = {
          {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&nbsp;", ' '},
          {"&#39;", '\''}};
      bool done = false;
      for (const auto& e : entities) {
        if (html.substr(i, e.first.size()) == e.first) {
          out += e.second;
          i += e.first.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out += c;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where the report's own words end and the returned message begins.

inline bool is_original_marker(std::string_view raw_line) {
  std::string_view t = trim(raw_line);
  if (t.size() < 8) return false;
  static constexpr std::string_view exact[] = {
      "original message headers:", "message headers follow.", "original message follows.",
      "original message follows:", "the original message was:", "original message:",
      "headers of the original message:", "content-type: message/rfc822",
      "content-type: text/rfc822-headers", "------------------------------ original message",
  };
  const char first = mime::ascii_lower(t[0]);
  for (auto e : exact)
    if (e[0] == first &&
        (iequals(t, e) || (istarts_with(t, e) && e.back() != ':' && e.back() != '.')))
      return true;
  if (t[0] != '-' && t[0] != '=' && t[0] != '_' && t[0] != '*') return false;
  static const PhraseSet decorated(std::initializer_list<std::string_view>{
      "original message", "copy of the message", "returned message", "unsent message",
      "message headers", "header of the original", "headers of the original",
      "the body of the message", "undelivered message", "copy of message",
      "original mail", "message text follows", "returned mail follows",
      "included message", "rfc822-headers",
  });
  bool found = false;
  decorated.scan(t, [&](std::uint16_t, std::size_t) { return !(found = true); });
  return found;
}

struct ReportText {
  std::string text;            // the report's words, LF line endings
  std::string original_block;  // text after an inline original-message marker
};

inline ReportText split_report_text(std::string full) {
  ReportText r;
  std::size_t pos = 0;
  while (pos < full.size()) {
    mime::Line line = mime::next_line(full, pos);
    if (is_original_marker(line.text)) {
      r.original_block = full.substr(line.next);
      full.resize(line.begin);
      break;
    }
    pos = line.next;
  }
  r.text = std::move(full);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Recipient anchors: lines that name a recipient, followed by what happened to it.

struct Anchor {
  std::string address;
  std::size_t line_begin = 0;  // offset of the anchor line in the report text
  std::size_t rest_begin = 0;  // offset just after the address (and its closing ">")
};

// A multi-line SMTP reply flattened into one line ("550-5.7.1 Messages with multiple 550 5.7.1
// addresses in From"): the repeated "550 5.7.1 " / "550-5.7.1 " prefixes are dropped.
inline std::string unwrap_reply(const std::string& text) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text.size() < 5 || !digit(text[0]) || !digit(text[1]) || !digit(text[2]) ||
      (text[3] != '-' && text[3] != ' '))
    return text;
  const std::string code = text.substr(0, 3);
  std::string status;
  std::size_t sp = text.find(' ', 4);
  if (sp != std::string::npos && parse_enhanced_status(std::string_view(text).substr(4, sp - 4)))
    status = text.substr(4, sp - 4);
  std::string out = text.substr(0, 4);
  std::size_t i = 4;
  while (i < text.size()) {
    // At a word boundary, a repeated "550-" / "550 " (and the status after it) is a line prefix.
    if (text[i - 1] == ' ' && text.compare(i, 3, code) == 0 && i + 3 < text.size() &&
        (text[i + 3] == '-' || text[i + 3] == ' ')) {
      std::size_t j = i + 4;
      if (!status.empty() && text.compare(j, status.size(), status) == 0 &&
          j + status.size() < text.size() && text[j + status.size()] == ' ')
        j += status.size() + 1;
      else if (status.empty() == false)
        j = i;  // the code alone is not a prefix when the first line had a status after it
      if (j != i) {
        i = j;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

// "ERROR_CODE :550," writes a reply code glued to a colon; the code scanner (rightly) ignores
// glued digits, so such colons are spaced out first. Times ("12:34") have two digits, not three.
inline bool glued_code_at(std::string_view text, std::size_t i) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (text[i] != ':' || (i > 0 && digit(text[i - 1]))) return false;
  const bool reply = digit(text[i + 1]) && digit(text[i + 2]) && digit(text[i + 3]) &&
                     !digit(text[i + 4]) && text[i + 4] != ':';
  const bool enhanced = (text[i + 1] == '2' || text[i + 1] == '4' || text[i + 1] == '5') &&
                        text[i + 2] == '.' && digit(text[i + 3]);
  return reply || enhanced;
}

// The status codes in `text`, glued ones included. Most text has none glued: it is scanned in
// place, without a copy.
inline std::vector<CodeInText> status_codes_in(std::string_view text) {
  std::size_t first = text.find(':');
  while (first != npos && first + 4 < text.size() && !glued_code_at(text, first))
    first = text.find(':', first + 1);
  if (first == npos || first + 4 >= text.size()) return scan_status_codes(text);
  std::string spaced(text);
  for (std::size_t i = first; i + 4 < spaced.size(); ++i)
    if (glued_code_at(spaced, i)) spaced[i] = ' ';
  return scan_status_codes(spaced);
}

inline bool has_failure_code(std::string_view line);

// A failure code needs a digit 4 or 5: lines without one are ruled out in a single pass
// (find_first_of would call memchr once per byte).
inline bool has_4_or_5(std::string_view line) noexcept {
  for (char c : line)
    if (c == '4' || c == '5') return true;
  return false;
}

inline bool rest_ok(std::string_view rest) {
  rest = trim(rest);
  if (rest.empty()) return true;
  char c = rest[0];
  if (c == ':' || c == '(' || c == ',' || c == ';') return true;
  if (istarts_with(rest, "<mailto:") || istarts_with(rest, "...") || istarts_with(rest, "[")) return true;
  if (istarts_with(rest, "- ") || istarts_with(rest, "— ")) return true;
  if (istarts_with(rest, "on ")) return true;  // Exchange 2003: "addr on <date>"
  // "addr Invalid Address, ERROR_CODE :550, ..." : the line carries the failure itself.
  return has_failure_code(rest);
}

inline bool find_anchor(std::string_view line, std::size_t line_offset, Anchor& out) {
  std::size_t i = 0;
  while (i < line.size() && (mime::is_wsp(line[i]) || line[i] == '*' || line[i] == '-' ||
                             line[i] == '>' || line[i] == '#'))
    ++i;
  if (i > 0 && i < line.size() && line[i - 1] == '>' && line[i] == '>') return false;
  // "554 <addr>... 550 Host unknown": a reply code in front of the address (old sendmail).
  if (i + 4 < line.size() && line[i] >= '4' && line[i] <= '5' && line[i + 1] >= '0' &&
      line[i + 1] <= '9' && line[i + 2] >= '0' && line[i + 2] <= '9' && line[i + 3] == ' ' &&
      line[i + 4] == '<')
    i += 4;
  std::string_view t = line.substr(i);
  if (t.empty()) return false;
  std::size_t addr_begin = 0, addr_len = 0, after = 0;
  if (t[0] == '<') {
    std::size_t close = t.find('>');
    if (close == npos || close > 300) return false;
    std::string_view inner = trim(t.substr(1, close - 1));
    if (istarts_with(inner, "mailto:")) inner.remove_prefix(7);
    if (!address::is_address(inner)) return false;
    addr_begin = static_cast<std::size_t>(inner.data() - line.data());
    addr_len = inner.size();
    after = i + close + 1;
  } else {
    if (t[0] == '"') return false;
    // An address at the start means an '@' right after a run of local-part bytes: most lines
    // fail this at their first word, without a search for '@' through the whole line.
    std::size_t at = 0;
    while (at < t.size() && at <= 128 && address::is_local_char(t[at])) ++at;
    if (at == 0 || at > 128 || at == t.size() || t[at] != '@') return false;
    address::Found f = address::find(t);
    if (!f || f.pos != 0) return false;
    addr_begin = i;
    addr_len = f.len;
    after = i + f.len;
  }
  std::string_view rest = line.substr(after);
  if (!rest_ok(rest)) return false;
  out.address = std::string(line.substr(addr_begin, addr_len));
  out.line_begin = line_offset;
  out.rest_begin = line_offset + after;
  return true;
}

// ---------------------------------------------------------------------------------------------
// What the text says about one recipient.

inline std::string detect_command(std::string_view text) {
  struct Cmd {
    std::string_view needle;
    std::string_view name;
  };
  static constexpr Cmd commands[] = {
      {"rcpt to", "RCPT"},          {"rcpt_to", "RCPT"},        {"rcpt command", "RCPT"},
      {"mail from", "MAIL"},        {"mail_from", "MAIL"},      {"end of data", "DATA"},
      {"final data", "DATA"},       {"data command", "DATA"},   {"after data", "DATA"},
      {">>> data", "DATA"},         {"message body", "DATA"},   {"ehlo", "EHLO"},
      {"helo", "HELO"},             {"connect to", "CONN"},     {"while connecting", "CONN"},
      {"greeting", "CONN"},
  };
  static const PhraseSet phrases = [] {
    std::vector<std::string_view> needles;
    for (const auto& c : commands) needles.push_back(c.needle);
    return PhraseSet(needles);
  }();
  // The first command named in the text is the one the failure followed.
  std::string_view name;
  std::size_t first = npos;
  std::uint16_t first_index = 0;
  phrases.scan(text, [&](std::uint16_t index, std::size_t begin) {
    if (begin < first || (begin == first && index < first_index)) {
      first = begin;
      first_index = index;
      name = commands[index].name;
    }
    return true;
  });
  return std::string(name);
}

// One failing reply of an SMTP session transcript ("<<< 550 ..."), and the command it answered
// (the ">>> RCPT TO:<...>" line before it). Sendmail and Courier print the dialogue.
struct TranscriptReply {
  std::string_view reply;
  std::string_view command;  // "RCPT", "MAIL", "DATA", "EHLO", "HELO"
};

inline std::vector<TranscriptReply> read_transcript(std::string_view text) {
  static constexpr std::string_view commands[] = {"RCPT", "MAIL", "DATA", "EHLO", "HELO"};
  std::vector<TranscriptReply> out;
  std::string_view last;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const mime::Line line = mime::next_line(text, pos);
    pos = line.next;
    const std::string_view t = trim(line.text);
    if (t.size() < 5 || t[3] != ' ') continue;
    if (t.compare(0, 3, ">>>") == 0) {
      last = {};
      const std::string_view word = t.substr(4);
      if (word == "." || istarts_with(word, ".\r")) last = "DATA";  // the end of the message data
      for (std::string_view c : commands)
        if (istarts_with(word, c)) last = c;
    } else if (t.compare(0, 3, "<<<") == 0 && !last.empty() && (t[4] == '4' || t[4] == '5')) {
      out.push_back({t.substr(4), last});
    }
  }
  return out;
}

inline std::string detect_remote_mta(std::string_view text) {
  // "host mx.example.jp [192.0.2.1]", "mx.example.jp [192.0.2.1] did not like", "remote host
  // mx.example.jp said".
  std::size_t p = ifind(text, "host ");
  while (p != npos) {
    std::size_t b = p + 5;
    std::size_t e = b;
    while (e < text.size() && address::is_domain_char(text[e])) ++e;
    std::string_view name = text.substr(b, e - b);
    while (!name.empty() && name.back() == '.') name.remove_suffix(1);
    if (name.find('.') != npos && name.size() > 3 && !iequals(name, "said") &&
        !(name[0] >= '0' && name[0] <= '9' && name.find_first_not_of("0123456789.") == npos))
      return std::string(name);
    p = ifind(text, "host ", p + 5);
  }
  return std::string();
}

// The line(s) carrying the remote server's answer: from the first line with a failure code
// to the end of that paragraph; else the first paragraph that says anything.
inline bool has_failure_code(std::string_view line) {
  if (!has_4_or_5(line)) return false;
  for (const auto& c : status_codes_in(line))
    if ((c.kind == CodeInText::Kind::enhanced_status && c.status.klass != StatusClass::success) ||
        (c.kind == CodeInText::Kind::reply_code && c.reply_code >= 400))
      return true;
  return false;
}

// Joins a paragraph into one line. The prefixes of a multi-line SMTP reply ("550-5.7.1 ",
// RFC 5321 §4.2.1) repeated on continuation lines are dropped: "550-5.7.1 Messages with
// multiple\n550 5.7.1 addresses" reads "550-5.7.1 Messages with multiple addresses".
inline std::string paragraph_from(std::string_view block, std::size_t begin) {
  std::string joined;
  std::string prefix;  // "550" of the first line when it is a reply line
  std::size_t end = begin;
  bool first = true;
  while (end < block.size()) {
    mime::Line next = mime::next_line(block, end);
    std::string_view t = trim(next.text);
    if (t.empty()) break;
    if (first) {
      if (t.size() > 4 && std::isdigit(static_cast<unsigned char>(t[0])) &&
          std::isdigit(static_cast<unsigned char>(t[1])) &&
          std::isdigit(static_cast<unsigned char>(t[2])) && (t[3] == '-' || t[3] == ' '))
        prefix = std::string(t.substr(0, 3));
    } else if (!prefix.empty() && t.size() > 4 && t.substr(0, 3) == prefix &&
               (t[3] == '-' || t[3] == ' ')) {
      t.remove_prefix(4);
      // and the repeated enhanced code, if any
      std::size_t sp = t.find(' ');
      if (sp != npos && parse_enhanced_status(t.substr(0, sp))) t.remove_prefix(sp + 1);
    }
    if (!joined.empty()) joined += ' ';
    joined.append(t.data(), t.size());
    first = false;
    end = next.next;
  }
  return collapse_space(joined);
}


// What codes a line carries: a failure reply code (4xx/5xx), a failure enhanced status code.
struct LineCodes {
  bool reply = false;
  bool status = false;
};
inline LineCodes failure_codes(std::string_view line) {
  LineCodes found;
  if (!has_4_or_5(line)) return found;
  for (const auto& c : status_codes_in(line)) {
    if (c.kind == CodeInText::Kind::reply_code && c.reply_code >= 400) found.reply = true;
    if (c.kind == CodeInText::Kind::enhanced_status && c.status.klass != StatusClass::success)
      found.status = true;
  }
  return found;
}

// The status code a line gives, as text ("5.1.10"), or "".
inline std::string line_status(std::string_view line) {
  PrimaryCodes p = primary_codes(status_codes_in(line));
  return p.status ? p.status->to_string() : std::string();
}

inline std::string pick_diagnostic(std::string_view block) {
  // A line with both a reply code and a status code is the server's own answer: the first such
  // line, or a later one with the same code that says more ("Status code: 550 5.1.10" then
  // "Reported error: 550 5.1.10 RESOLVER.ADR..." in Microsoft 365's layout). A line with either
  // code is the next best; else the first paragraph.
  std::size_t first_code_line = npos;
  std::size_t best_line = npos, best_length = 0;
  std::string best_status;
  std::size_t pos = 0;
  while (pos < block.size()) {
    mime::Line line = mime::next_line(block, pos);
    const LineCodes codes = failure_codes(line.text);
    if (codes.reply && codes.status) {
      const std::size_t length = trim(line.text).size();
      if (best_line == npos) {
        best_line = line.begin;
        best_length = length;
        best_status = line_status(line.text);
      } else if (length > best_length && line_status(line.text) == best_status) {
        best_line = line.begin;
        best_length = length;
      }
    }
    if (first_code_line == npos && (codes.reply || codes.status)) first_code_line = line.begin;
    pos = line.next;
  }
  if (best_line != npos) return paragraph_from(block, best_line);
  if (first_code_line != npos) return paragraph_from(block, first_code_line);
  // No code: the first paragraph whose words name a reason, rather than the report's greeting
  // ("This is the DragonFly Mail Agent at ..."); else the first paragraph. Each paragraph is
  // read once: the scan moves past it.
  std::string first;
  pos = 0;
  while (pos < block.size()) {
    mime::Line line = mime::next_line(block, pos);
    if (trim(line.text).empty()) {
      pos = line.next;
      continue;
    }
    std::string paragraph = paragraph_from(block, line.begin);
    if (reason_from_text(paragraph, true)) return paragraph;
    if (first.empty()) first = std::move(paragraph);
    // Skip to the blank line that ends this paragraph.
    while (pos < block.size()) {
      mime::Line rest = mime::next_line(block, pos);
      pos = rest.next;
      if (trim(rest.text).empty()) break;
    }
  }
  return first;
}

struct Fields {
  std::string address;
  std::string action;
  std::string status;
  std::string diagnostic;
  std::string remote_mta;
  std::string smtp_command;
  std::string context;  // the report's text about this recipient, as written
  std::string feedback_type;
};

// True when more than 2% of the first 8 KiB are control bytes that text does not use (tab, line
// ends, form feed and the escape of ISO-2022-JP excepted).
inline bool looks_binary(std::string_view data) noexcept {
  const std::string_view head = data.substr(0, 8 * 1024);
  std::size_t controls = 0;
  for (char ch : head) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) || c == 0x7f)
      ++controls;
  }
  return controls * 50 > head.size();
}

// ---------------------------------------------------------------------------------------------
// The decoder.

class Decoder {
 public:
  Decoder(std::string_view input, const ParseOptions& options)
      : message_(mime::parse_message(input, options.limits)) {}

  Report run() {
    report_.findings = message_.findings;
    report_.partial = message_.partial;
    gather();
    const mime::HeaderSection& top = message_.root().headers;

    if (!feedback_text_.empty()) {
      decode_feedback();
    } else if (decode_notification_json()) {
      // Amazon SES (SNS) notifications: JSON, no bounce text at all.
    } else if (is_complaint_without_report(top)) {
      decode_one_complaint("arf", "abuse", original_headers_, "x-hmxmroriginalrecipient", "to");
    } else if (is_unsubscribe_request(top)) {
      decode_one_complaint("unsubscribe", "opt-out", top, "from", "reply-to");
    } else if (!dsn_texts_.empty() || has_inline_dsn()) {
      decode_dsn();
      if (fields_.empty()) decode_text();
    } else if (is_auto_reply(top) && !from_mail_system(top)) {
      decode_auto_reply();
    } else if (looks_like_bounce(top)) {
      decode_text();
    }

    read_original();
    finish(top);
    return std::move(report_);
  }

 private:
  // Collects the parts the decoders read.
  void gather() {
    std::string plain;
    std::vector<std::size_t> html_parts;  // read only when there is no plain text
    const auto& parts = message_.parts;
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const mime::Part& p = parts[i];
      if (inside_attached_message(i)) {
        if (p.is_message && i != 0 && !original_found_) {
          original_headers_ = p.headers;
          original_found_ = true;
        }
        continue;
      }
      const mime::ContentType& ct = p.content_type;
      if (ct.is_multipart()) continue;
      if (ct.type == "message" &&
          (ct.subtype == "delivery-status" || ct.subtype == "global-delivery-status")) {
        dsn_texts_.push_back(message_.text(p));
      } else if (ct.type == "message" && ct.subtype == "feedback-report") {
        feedback_text_ = message_.text(p);
      } else if (ct.is("text", "rfc822-headers")) {
        if (!original_found_) {
          original_owned_ = message_.text(p);
          original_headers_ = mime::parse_header_section(original_owned_);
          original_found_ = true;
        }
      } else if (ct.type == "text" && ct.subtype == "html") {
        html_parts.push_back(i);
      } else if (ct.type == "text" || (ct.type == "message" && ct.subtype != "rfc822")) {
        if (p.headers.has("content-disposition") &&
            ifind(p.headers.get("content-disposition"), "attachment") != npos &&
            !plain.empty())
          continue;
        plain += message_.text(p);
        plain += '\n';
      }
    }
    if (plain.empty()) {
      for (std::size_t i : html_parts) {
        plain += strip_html(message_.text(parts[i]));
        plain += '\n';
      }
    }
    ReportText rt = split_report_text(std::move(plain));
    text_ = std::move(rt.text);
    inline_original_ = std::move(rt.original_block);
  }

  bool inside_attached_message(std::size_t index) const {
    const auto& parts = message_.parts;
    std::size_t i = index;
    while (i != mime::Part::none && i != 0) {
      if (parts[i].is_message) return true;
      i = parts[i].parent;
    }
    return false;
  }

  bool has_inline_dsn() const {
    return ifind(text_, "\nfinal-recipient:") != npos ||
           ifind(text_, "\noriginal-recipient:") != npos || istarts_with(text_, "final-recipient:");
  }

  // ------------------------------------------------------------------ RFC 3464
  void decode_dsn() {
    std::vector<std::string> sources = dsn_texts_;
    if (sources.empty()) {
      // A delivery-status block pasted into the text (no MIME part): read from the line that
      // starts it.
      std::size_t p = ifind(text_, "reporting-mta:");
      if (p == npos) p = ifind(text_, "final-recipient:");
      if (p == npos) p = ifind(text_, "original-recipient:");
      if (p != npos) {
        while (p > 0 && text_[p - 1] != '\n') --p;
        sources.push_back(text_.substr(p));
      }
    }
    for (const std::string& src : sources) {
      mime::DeliveryStatus ds = mime::parse_delivery_status(src);
      if (report_.reporting_mta.empty())
        report_.reporting_mta = strip_type(ds.per_message.get("reporting-mta"));
      if (report_.arrival_date.empty())
        report_.arrival_date = collapse_space(ds.per_message.get("arrival-date"));
      for (const auto& g : ds.per_recipient) {
        Fields f;
        std::string_view final_rcpt = g.get("final-recipient");
        std::string_view orig_rcpt = g.get("original-recipient");
        f.address = clean_address(!final_rcpt.empty() ? final_rcpt : orig_rcpt);
        if (f.address.empty() || !address::find(f.address)) {
          std::string alt = clean_address(orig_rcpt);
          if (!alt.empty() && address::find(alt)) f.address = alt;
        }
        if (f.address.empty()) continue;
        f.action = mime::to_lower(trim(g.get("action")));
        std::string_view status = trim(g.get("status"));
        if (auto sp = status.find_first_of(" \t("); sp != npos) status = status.substr(0, sp);
        f.status = std::string(status);
        f.diagnostic = unwrap_reply(strip_type(g.get("diagnostic-code")));
        f.remote_mta = strip_type(g.get("remote-mta"));
        add_fields(std::move(f));
      }
    }
    // The report's text often says more than the Diagnostic-Code (which may be cut or absent).
    std::vector<Anchor> anchors = find_anchors();
    for (auto& f : fields_) {
      std::string block = block_for(anchors, f.address);
      if (block.empty() && fields_.size() == 1) block = text_;
      f.context = std::string(cap(block));
      if (f.diagnostic.empty() && !block.empty()) f.diagnostic = pick_diagnostic(block);
      if (f.smtp_command.empty()) f.smtp_command = detect_command(f.diagnostic);
      if (f.smtp_command.empty()) f.smtp_command = transcript_command(f.address);
      if (f.smtp_command.empty()) f.smtp_command = detect_command(cap(block));
    }
  }

  // The command the transcript's failing reply about `address` answered; with one recipient,
  // the first failing reply's. Read once per report.
  std::string transcript_command(std::string_view address) {
    if (!transcript_read_) {
      transcript_ = read_transcript(text_);
      transcript_read_ = true;
    }
    for (const TranscriptReply& t : transcript_)
      if (!address.empty() && ifind(t.reply, address) != npos) return std::string(t.command);
    if (fields_.size() == 1 && !transcript_.empty()) return std::string(transcript_.front().command);
    return {};
  }

  // ------------------------------------------------------------------ RFC 5965
  void decode_feedback() {
    report_.kind = Kind::feedback;
    report_.format = "arf";
    mime::DeliveryStatus ds = mime::parse_delivery_status(feedback_text_);
    const mime::FieldGroup& g = ds.per_message;
    std::string type = mime::to_lower(trim(g.get("feedback-type")));
    report_.reporting_mta = strip_type(g.get("reporting-mta"));
    report_.arrival_date = collapse_space(!g.get("arrival-date").empty() ? g.get("arrival-date")
                                                                          : g.get("received-date"));
    std::vector<std::string> addresses;
    auto collect = [&](const mime::FieldGroup& group) {
      for (const auto& field : group.fields)
        if (iequals(field.first, "original-rcpt-to") || iequals(field.first, "removal-recipient"))
          addresses.push_back(clean_address(field.second));
    };
    collect(g);
    for (const auto& r : ds.per_recipient) collect(r);
    if (addresses.empty()) {
      read_original();
      addresses = split_addresses(original_to_raw_);
    }
    if (addresses.empty()) addresses.push_back(std::string());
    for (auto& a : addresses) {
      Fields f;
      f.address = a;
      f.feedback_type = type;
      f.action = "";
      fields_.push_back(std::move(f));
    }
  }

  // ------------------------------------------------------------------ Amazon SES JSON
  // The first balanced {...} object in `text` (strings and escapes respected), or "".
  static std::string_view json_object(std::string_view text) {
    std::size_t begin = text.find('{');
    if (begin == npos || !trim(text.substr(0, begin)).empty()) return {};
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = begin; i < text.size(); ++i) {
      char c = text[i];
      if (in_string) {
        if (c == '\\') ++i;
        else if (c == '"') in_string = false;
        continue;
      }
      if (c == '"') in_string = true;
      else if (c == '{') ++depth;
      else if (c == '}' && --depth == 0) return text.substr(begin, i - begin + 1);
    }
    return {};
  }

  static nlohmann::json parse_json(std::string_view text) {
    std::string_view object = json_object(text);
    if (object.empty()) return nlohmann::json();
    nlohmann::json j = nlohmann::json::parse(object.begin(), object.end(), nullptr, false);
    if (!j.is_discarded()) return j;
    // Mail transport folded long lines: undo "\n " continuations and retry.
    std::string unfolded;
    unfolded.reserve(object.size());
    for (std::size_t i = 0; i < object.size(); ++i) {
      if (object[i] == '\n' && i + 1 < object.size() && object[i + 1] == ' ') {
        ++i;
        continue;
      }
      if (object[i] != '\n') unfolded += object[i];
    }
    j = nlohmann::json::parse(unfolded, nullptr, false);
    return j.is_discarded() ? nlohmann::json() : j;
  }

  static std::string json_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
  }

  bool decode_notification_json() {
    if (text_.empty() || trim(text_).front() != '{') return false;
    nlohmann::json j = parse_json(trim(text_));
    if (!j.is_object()) return false;
    if (j.contains("Message") && j["Message"].is_string()) {
      nlohmann::json inner = parse_json(j["Message"].get<std::string>());
      if (inner.is_object()) j = std::move(inner);
    }
    std::string type = json_string(j, "notificationType");
    if (type.empty()) type = json_string(j, "eventType");
    if (type == "Bounce" && j.contains("bounce") && j["bounce"].is_object()) {
      const nlohmann::json& b = j["bounce"];
      report_.reporting_mta = strip_type(json_string(b, "reportingMTA"));
      report_.arrival_date = json_string(b, "timestamp");
      if (b.contains("bouncedRecipients") && b["bouncedRecipients"].is_array())
        for (const auto& r : b["bouncedRecipients"]) {
          if (!r.is_object()) continue;
          Fields f;
          f.address = json_string(r, "emailAddress");
          f.action = json_string(r, "action");
          f.status = json_string(r, "status");
          f.diagnostic = strip_type(json_string(r, "diagnosticCode"));
          if (!f.address.empty()) fields_.push_back(std::move(f));
        }
    } else if (type == "Delivery" && j.contains("delivery") && j["delivery"].is_object()) {
      const nlohmann::json& d = j["delivery"];
      report_.reporting_mta = json_string(d, "reportingMTA");
      report_.arrival_date = json_string(d, "timestamp");
      std::string response = json_string(d, "smtpResponse");
      if (d.contains("recipients") && d["recipients"].is_array())
        for (const auto& r : d["recipients"]) {
          if (!r.is_string()) continue;
          Fields f;
          f.address = r.get<std::string>();
          f.action = "delivered";
          f.diagnostic = response;
          fields_.push_back(std::move(f));
        }
    } else if (type == "Complaint" && j.contains("complaint") && j["complaint"].is_object()) {
      const nlohmann::json& c = j["complaint"];
      report_.kind = Kind::feedback;
      std::string feedback = json_string(c, "complaintFeedbackType");
      if (c.contains("complainedRecipients") && c["complainedRecipients"].is_array())
        for (const auto& r : c["complainedRecipients"]) {
          if (!r.is_object()) continue;
          Fields f;
          f.address = json_string(r, "emailAddress");
          f.feedback_type = feedback.empty() ? "abuse" : feedback;
          fields_.push_back(std::move(f));
        }
    } else {
      return false;
    }
    report_.format = "amazonses";
    return true;
  }

  // ------------------------------------------------------------------ complaints without ARF
  // Outlook.com's junk-mail reporting program forwards the message itself, naming the
  // complaining recipient in X-HmXmrOriginalRecipient.
  bool is_complaint_without_report(const mime::HeaderSection& top) const {
    if (!original_found_) return false;
    return original_headers_.has("x-hmxmroriginalrecipient") ||
           ifind(top.get("subject"), "complaint about message") != npos;
  }

  // A complaint that names one complainant in a header field (or, failing that, another).
  void decode_one_complaint(std::string_view format, std::string_view feedback_type,
                            const mime::HeaderSection& headers, std::string_view field,
                            std::string_view fallback) {
    report_.kind = Kind::feedback;
    report_.format = std::string(format);
    Fields f;
    f.address = clean_address(headers.get(field));
    if (f.address.empty()) f.address = clean_address(headers.get(fallback));
    f.feedback_type = std::string(feedback_type);
    fields_.push_back(std::move(f));
  }

  // An unsubscribe request that a mail client sends for its user (Apple Mail's "Unsubscribe"
  // button mails the List-Unsubscribe address, marked X-Apple-Unsubscribe: true) is the
  // recipient's opt-out: feedback from the address it comes from, not an auto-reply.
  static bool is_unsubscribe_request(const mime::HeaderSection& top) {
    return iequals(trim(top.get("x-apple-unsubscribe")), "true");
  }

  // ------------------------------------------------------------------ RFC 3834
  static bool is_auto_reply(const mime::HeaderSection& h) {
    std::string auto_submitted = mime::to_lower(h.get("auto-submitted"));
    if (auto_submitted.find("auto-replied") != std::string::npos) return true;
    if (h.has("x-autoreply") || h.has("x-autorespond") || h.has("x-autoresponder")) return true;
    if (iequals(trim(h.get("precedence")), "auto_reply")) return true;
    std::string subject = h.get_decoded("subject");
    static constexpr std::string_view prefixes[] = {
        "automatic reply", "auto:", "autoreply", "auto-reply", "auto reply", "out of office",
        "out of the office", "abwesenheit", "vacation", "away from",
    };
    for (auto p : prefixes)
      if (ifind(subject, p) != npos) return true;
    return false;
  }

  void decode_auto_reply() {
    report_.kind = Kind::auto_reply;
    report_.format = "rfc3834";
    Fields f;
    const mime::HeaderSection& h = message_.root().headers;
    f.address = clean_address(h.get("from"));
    if (f.address.empty()) f.address = clean_address(h.get("reply-to"));
    f.diagnostic = collapse_space(text_.substr(0, std::min<std::size_t>(text_.size(), 400)));
    fields_.push_back(std::move(f));
  }

  // ------------------------------------------------------------------ human-readable layouts
  // Signs that a mail system, not a person, wrote the message.
  static bool from_mail_system(const mime::HeaderSection& h) {
    if (h.has("x-failed-recipients") || h.has("x-ms-exchange-message-is-ndr")) return true;
    std::string from = mime::to_lower(h.get("from"));
    static constexpr std::string_view daemons[] = {
        "mailer-daemon", "postmaster", "mail delivery", "mail-daemon", "maildaemon",
        "mail administrator", "bounce", "mail delivery subsystem", "post_master",
    };
    for (auto d : daemons)
      if (from.find(d) != std::string::npos) return true;
    return false;
  }

  bool looks_like_bounce(const mime::HeaderSection& h) {
    if (h.fields.empty()) return pasted_bounce();
    if (from_mail_system(h)) return true;
    if (trim(h.get("return-path")) == "<>" || trim(h.get("from")) == "<>") return true;
    std::string subject = h.get_decoded("subject");
    static constexpr std::string_view subjects[] = {
        "undeliver", "delivery status", "delivery fail", "failure notice", "returned mail",
        "delivery notification", "could not be delivered", "couldn't be delivered",
        "mail delivery failed", "non remis", "not delivered", "delivery problem", "nondeliver",
        "rejected", "failed", "bounce", "unzustellbar", "warning: could not", "not member",
    };
    for (auto s : subjects)
      if (ifind(subject, s) != npos) return true;
    return false;
  }

  // A text without headers is a pasted bounce only with evidence of one: a failure code, a
  // known layout, or the words mail systems use. Documents (Markdown source) are not bounces
  // even when they quote one. Read once: the decoders and finish() both ask.
  bool pasted_bounce() {
    if (!pasted_bounce_) pasted_bounce_ = find_pasted_bounce_evidence();
    return *pasted_bounce_;
  }

  bool find_pasted_bounce_evidence() const {
    const std::string_view head = std::string_view(text_).substr(0, 64 * 1024);
    const std::string_view first = trim(mime::next_line(head, 0).text);
    if (head.find("```") != npos || istarts_with(first, "# ") || istarts_with(first, "<!doctype"))
      return false;
    if (failing_code_line(head)) return true;
    if (!detect_format(message_.root().headers, text_).empty()) return true;
    // Pasted text wraps wherever the mail client did: the words are matched with spacing folded.
    const std::string folded = collapse_space(head);
    static constexpr std::string_view phrases[] = {
        "could not be delivered", "couldn't be delivered", "was not delivered",
        "wasn't delivered", "delivery has failed", "undeliverable", "delivery to the following",
        "permanent error", "permanent fatal error", "failure notice", "mail delivery failed",
        "delivery status notification", "returned mail", "diagnostic-code:", "remote host said",
        "this is the mail system at host", "delivery to the following recipient",
    };
    for (std::string_view p : phrases)
      if (ifind(folded, p) != npos) return true;
    return false;
  }

  // The first line of `text` that carries a failure code (4xx or 5xx, 4.x.x or 5.x.x).
  static std::optional<std::string_view> failing_code_line(std::string_view text) {
    std::size_t pos = 0;
    while (pos < text.size()) {
      const mime::Line line = mime::next_line(text, pos);
      pos = line.next;
      for (const auto& c : scan_status_codes(line.text))
        if (c.kind == CodeInText::Kind::enhanced_status ? c.status.klass != StatusClass::success
                                                        : c.reply_code >= 400)
          return trim(line.text);
    }
    return std::nullopt;
  }

  std::vector<Anchor> find_anchors() const {
    std::vector<Anchor> anchors;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      mime::Line line = mime::next_line(text_, pos);
      Anchor a;
      if (find_anchor(line.text, line.begin, a) && !address::is_system(a.address))
        anchors.push_back(std::move(a));
      pos = line.next;
    }
    return anchors;
  }

  // Everything the text says after each anchor of `addr`, up to the next anchor.
  std::string block_for(const std::vector<Anchor>& anchors, std::string_view addr) const {
    std::string out;
    std::string k = address::key(addr);
    for (std::size_t i = 0; i < anchors.size(); ++i) {
      if (address::key(anchors[i].address) != k) continue;
      std::size_t end = i + 1 < anchors.size() ? anchors[i + 1].line_begin : text_.size();
      std::size_t begin = anchors[i].rest_begin;
      if (begin < end) {
        std::string_view part = std::string_view(text_).substr(begin, end - begin);
        // "<addr>:" ends with a colon before the details; "addr<mailto:addr>" repeats it.
        part = trim(part);
        if (istarts_with(part, "<mailto:")) {
          auto close = part.find('>');
          part = close == npos ? std::string_view() : part.substr(close + 1);
        }
        while (!part.empty() && (part.front() == ':' || part.front() == '.')) part.remove_prefix(1);
        out += std::string(part);
        out += '\n';
      }
    }
    return out;
  }

  void decode_text() {
    const mime::HeaderSection& top = message_.root().headers;
    std::vector<Anchor> anchors = find_anchors();
    // The sender shows up in the text too ("A message sent by <...>"): never a recipient.
    read_original();
    std::vector<std::string> senders;
    for (const std::string& v : {top.get("to"), original_headers_.get("from"),
                                 original_headers_.get("return-path"),
                                 original_headers_.get("sender")}) {
      std::string k = address::key(clean_address(v));
      if (!k.empty()) senders.push_back(std::move(k));
    }
    auto is_sender = [&](const std::string& a) {
      return std::find(senders.begin(), senders.end(), address::key(a)) != senders.end();
    };
    std::string self = senders.empty() ? std::string() : senders.front();
    if (anchors.size() > 1) {
      std::vector<Anchor> others;
      for (auto& a : anchors)
        if (!is_sender(a.address)) others.push_back(a);
      if (!others.empty()) anchors = std::move(others);
    }
    std::vector<std::string> order;
    for (const auto& a : anchors) {
      std::string k = address::key(a.address);
      if (std::find(order.begin(), order.end(), k) == order.end()) order.push_back(k);
    }
    for (const auto& k : order) {
      Fields f;
      for (const auto& a : anchors)
        if (address::key(a.address) == k) {
          f.address = a.address;
          break;
        }
      std::string block = block_for(anchors, f.address);
      if (!has_code(block) && order.size() == 1) block += "\n" + text_;
      fill_from_block(f, block);
      // A session transcript ("<<< 550 ...") just before the recipient line holds the
      // server's own answer; the line naming the recipient is the MTA's summary of it.
      std::string answer = transcript_answer_before(anchors, f.address);
      if (!answer.empty()) {
        f.context = answer + " " + f.context;
        f.diagnostic = std::move(answer);
      }
      fields_.push_back(std::move(f));
    }
    if (!fields_.empty()) return;

    // No anchor line: the failed recipients are in a header, or named in a sentence.
    std::vector<std::string> candidates = split_addresses(top.get("x-failed-recipients"));
    if (candidates.empty()) candidates = addresses_in_sentences(self);
    if (candidates.empty()) {
      read_original();
      candidates = split_addresses(original_to_raw_);
    }
    for (auto& c : candidates) {
      Fields f;
      f.address = c;
      std::string block = text_;
      fill_from_block(f, block);
      fields_.push_back(std::move(f));
    }
  }

  // The last "<<< " reply line with a failure code between the previous anchor and the first
  // anchor of `addr`, without the "<<< " prefix; "" when there is none.
  std::string transcript_answer_before(const std::vector<Anchor>& anchors,
                                       std::string_view addr) const {
    std::string k = address::key(addr);
    for (std::size_t i = 0; i < anchors.size(); ++i) {
      if (address::key(anchors[i].address) != k) continue;
      std::size_t from = i == 0 ? 0 : anchors[i - 1].rest_begin;
      std::size_t to = anchors[i].line_begin;
      std::string found;
      std::size_t pos = from;
      while (pos < to) {
        mime::Line line = mime::next_line(text_, pos);
        std::string_view t = trim(line.text);
        if (istarts_with(t, "<<< ") && has_failure_code(t)) found = std::string(trim(t.substr(4)));
        pos = line.next;
      }
      return found;
    }
    return std::string();
  }

  static bool has_code(std::string_view text) {
    for (const auto& c : scan_status_codes(text))
      if (c.kind == CodeInText::Kind::enhanced_status || c.reply_code >= 400) return true;
    return false;
  }

  // What is said about a recipient comes first; past a few kilobytes it is the report's
  // boilerplate, so only the start of a block is read for context, command and host.
  static std::string_view cap(std::string_view block) { return block.substr(0, 2048); }

  void fill_from_block(Fields& f, std::string_view block) {
    f.diagnostic = pick_diagnostic(block);
    f.context = std::string(cap(block));
    f.smtp_command = detect_command(f.diagnostic);
    if (f.smtp_command.empty()) f.smtp_command = detect_command(cap(block));
    f.remote_mta = detect_remote_mta(cap(block));
  }

  std::vector<std::string> addresses_in_sentences(const std::string& self) const {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text_.size()) {
      address::Found f = address::find(text_, pos);
      if (!f) break;
      std::string a = text_.substr(f.pos, f.len);
      std::string k = address::key(a);
      if (!address::is_system(a) && k != self &&
          std::find_if(out.begin(), out.end(), [&](const std::string& x) {
            return address::key(x) == k;
          }) == out.end())
        out.push_back(a);
      pos = f.pos + f.len;
      if (!out.empty()) break;  // the first named address is the one the report is about
    }
    return out;
  }

  static std::vector<std::string> split_addresses(std::string_view list) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < list.size()) {
      address::Found f = address::find(list, pos);
      if (!f) break;
      std::string a(list.substr(f.pos, f.len));
      std::string k = address::key(a);
      if (std::find_if(out.begin(), out.end(), [&](const std::string& x) {
            return address::key(x) == k;
          }) == out.end())
        out.push_back(std::move(a));
      pos = f.pos + f.len;
    }
    return out;
  }

  void add_fields(Fields f) {
    std::string k = address::key(f.address);
    for (auto& existing : fields_)
      if (address::key(existing.address) == k && existing.status == f.status) return;
    fields_.push_back(std::move(f));
  }

  // ------------------------------------------------------------------ the original message
  void read_original() {
    if (original_read_) return;
    original_read_ = true;
    if (!original_found_ && !inline_original_.empty()) {
      std::string_view rest = inline_original_;
      while (!rest.empty() && (rest.front() == '\n' || rest.front() == ' ')) rest.remove_prefix(1);
      original_owned_ = std::string(rest);
      original_headers_ = mime::parse_header_section(original_owned_);
      original_found_ = !original_headers_.fields.empty();
    }
    if (!original_found_) {
      read_original_details();
      return;
    }
    report_.original.message_id = collapse_space(original_headers_.get("message-id"));
    report_.original.from = collapse_space(original_headers_.get_decoded("from"));
    report_.original.to = collapse_space(original_headers_.get_decoded("to"));
    report_.original.subject = collapse_space(original_headers_.get_decoded("subject"));
    original_to_raw_ = original_headers_.get("to");
  }

  // Microsoft 365's modern layout describes the returned message in its own words when the
  // message is not attached (and always in a pasted body): an "Original Message Details"
  // section of "Name: value" lines ("Sender Address:", "Recipient Address:", "Subject:").
  void read_original_details() {
    std::size_t at = ifind(text_, "original message details");
    if (at == npos) return;
    std::size_t pos = mime::next_line(text_, at).next;
    bool started = false;
    while (pos < text_.size()) {
      const mime::Line line = mime::next_line(text_, pos);
      pos = line.next;
      const std::string_view t = trim(line.text);
      if (t.empty()) {
        if (started) break;
        continue;  // HTML layouts leave blank lines between the heading and the fields
      }
      const std::size_t colon = t.find(':');
      if (colon == npos || colon > 32) break;  // the next section's heading
      started = true;
      const std::string_view name = trim(t.substr(0, colon));
      const std::string value = collapse_space(t.substr(colon + 1));
      if (iequals(name, "subject")) report_.original.subject = value;
      else if (iequals(name, "sender address")) report_.original.from = value;
      else if (iequals(name, "recipient address")) report_.original.to = value;
    }
  }

  // ------------------------------------------------------------------ per-recipient results
  void finish(const mime::HeaderSection& top) {
    // A paste that holds an error line but names no recipient: the line is still diagnosed.
    if (fields_.empty() && top.fields.empty() && report_.kind == Kind::not_a_report &&
        pasted_bounce())
      if (auto line = failing_code_line(std::string_view(text_).substr(0, 64 * 1024))) {
        Fields f;
        f.diagnostic = collapse_space(line->substr(0, 1000));
        f.smtp_command = detect_command(f.diagnostic);
        fields_.push_back(std::move(f));
      }
    std::string_view detected = detect_format(top, text_);
    if (report_.format.empty()) {
      if (!detected.empty()) report_.format = std::string(detected);
      else if (!dsn_texts_.empty()) report_.format = "rfc3464";
      else if (!fields_.empty()) report_.format = "unknown";
    }
    if (report_.arrival_date.empty() && !fields_.empty()) report_.arrival_date = top.get("date");

    bool any_failed = false, any_delayed = false, any_delivered = false;
    for (auto& f : fields_) {
      Recipient r;
      r.address = f.address;
      r.diagnostic = f.diagnostic;
      r.remote_mta = f.remote_mta;
      r.smtp_command = f.smtp_command;
      r.feedback_type = f.feedback_type;
      if (report_.kind == Kind::feedback) {
        r.reason = Reason::feedback;
      } else if (report_.kind == Kind::auto_reply) {
        r.reason = Reason::vacation;
      } else {
        resolve(f, r);
      }
      if (r.reason == Reason::delivered) any_delivered = true;  // also "deliverable" (RFC 1891)
      else if (r.action == Action::delayed) any_delayed = true;
      else any_failed = true;
      report_.recipients.push_back(std::move(r));
    }
    if (report_.kind == Kind::not_a_report && !report_.recipients.empty()) {
      report_.kind = any_failed ? Kind::bounce : any_delayed ? Kind::delay
                     : any_delivered ? Kind::delivered : Kind::bounce;
    }
    if (report_.kind == Kind::not_a_report) report_.format.clear();
  }

  static Action parse_action(std::string_view action) {
    static constexpr Action actions[] = {Action::failed, Action::delayed, Action::delivered,
                                         Action::relayed, Action::expanded};
    for (Action a : actions)
      if (iequals(action, to_string(a))) return a;
    return Action::none;
  }

  // The codes, the action, then one diagnosis that settles the entry and the reason together.
  void resolve(const Fields& f, Recipient& r) {
    // Codes: the delivery-status Status field first, the server's text second.
    std::optional<EnhancedStatus> given = parse_enhanced_status(f.status);
    r.action = parse_action(f.action);
    const bool success = (given && given->klass == StatusClass::success) ||
                         r.action == Action::delivered || r.action == Action::relayed ||
                         r.action == Action::expanded;
    // In a failure, success codes in the text ("250 OK" of an earlier command) are not its codes.
    auto codes_in = [&](std::string_view text) {
      std::vector<CodeInText> codes = status_codes_in(text);
      if (!success)
        codes.erase(std::remove_if(codes.begin(), codes.end(), [](const CodeInText& c) {
                      return c.kind == CodeInText::Kind::enhanced_status
                                 ? c.status.klass == StatusClass::success
                                 : c.reply_code < 400;
                    }), codes.end());
      return codes;
    };
    std::vector<CodeInText> text_codes = codes_in(f.diagnostic);
    kb::Evidence ev = kb::line_evidence(f.diagnostic, text_codes);
    if (!ev.status && !ev.reply_code) {
      // The report's words about the recipient, spacing folded, may carry the code.
      const std::string folded = collapse_space(f.context);
      const PrimaryCodes from_context = primary_codes(codes_in(folded));
      // A generic x.0.0 Status leaves room for the code the report's text gives.
      if (!given || (given->subject == 0 && given->detail == 0)) {
        if (from_context.status) given = from_context.status;
      }
      ev.reply_code = from_context.reply_code;
    }
    // The server's own code says more than the reporting MTA's summary in the Status field
    // (which is often x.0.0, or x.4.7 for a retried failure).
    if (!(ev.status && (!given || ev.status->klass == given->klass))) {
      ev.status = given;
      ev.status_span.reset();
      ev.status_source = kb::CodeSource::report;
    }
    // A 250 next to a 5.x.x is not this failure's reply.
    if (ev.reply_code && ev.status && ev.status->klass != StatusClass::success &&
        static_cast<int>(ev.status->klass) != *ev.reply_code / 100) {
      ev.reply_code.reset();
      ev.reply_code_span.reset();
    }
    r.status = ev.status;
    r.reply_code = ev.reply_code;

    if (r.action == Action::none) {
      const StatusClass k = ev.reply_code ? reply_code_class(*ev.reply_code)
                            : ev.status   ? ev.status->klass
                                          : StatusClass::permanent;
      r.action = k == StatusClass::success ? Action::delivered
                 : k == StatusClass::transient ? Action::delayed
                                                : Action::failed;
    }
    if (r.action == Action::delivered || r.action == Action::relayed ||
        r.action == Action::expanded || (ev.status && ev.status->klass == StatusClass::success)) {
      r.reason = Reason::delivered;
      r.status_inferred = r.status ? std::nullopt : inferred_status(Reason::delivered, StatusClass::success);
      return;
    }

    ev.smtp_command = f.smtp_command;
    ev.recipient = f.address;
    ev.context = f.context;
    ev.klass_hint = r.action == Action::delayed ? StatusClass::transient : StatusClass::permanent;
    ev.final_failure = r.action == Action::failed;
    ev.report_provider = report_.format;
    ev.report_hosts = f.remote_mta;
    // What the report implies when the words say nothing: the command that was refused, the
    // layout, a delay notice.
    if (auto layout = format_default_reason(report_.format)) {
      ev.implied_reason = layout;
      ev.implied_by = "the report's layout";
    } else if (f.smtp_command == "MAIL") {
      ev.implied_reason = Reason::rejected;
      ev.implied_by = "a refusal at MAIL FROM";
    } else if (f.smtp_command == "HELO" || f.smtp_command == "EHLO" || f.smtp_command == "CONN") {
      ev.implied_reason = Reason::blocked;
      ev.implied_by = "a refusal before the sender was named";
    } else if (r.action == Action::delayed) {
      ev.implied_reason = Reason::expired;
      ev.implied_by = "a delay notice";
    } else if (f.smtp_command == "RCPT" && (ev.reply_code ? *ev.reply_code >= 500
                                            : ev.status && ev.status->klass == StatusClass::permanent)) {
      // RFC 5321: a permanent refusal of RCPT TO says the mailbox is unavailable.
      ev.implied_reason = Reason::userunknown;
      ev.implied_by = "a permanent refusal at RCPT TO";
    }
    kb::Diagnosis d = kb::diagnose(ev);
    r.reason = d.reason;
    const StatusClass k = r.action == Action::delayed ? StatusClass::transient : StatusClass::permanent;
    if (!r.status) r.status_inferred = inferred_status(r.reason, r.reply_code ? reply_code_class(*r.reply_code) : k);
    const std::optional<StatusClass> klass =
        r.reply_code ? std::optional<StatusClass>(reply_code_class(*r.reply_code))
        : r.status   ? std::optional<StatusClass>(r.status->klass)
                     : std::optional<StatusClass>(k);
    r.hard_bounce = is_hard_bounce(r.reason, klass);
    if (d.found()) r.diagnosis = std::move(d);
  }

  mime::Message message_;
  Report report_;
  std::string text_;
  std::string inline_original_;
  std::vector<std::string> dsn_texts_;
  std::string feedback_text_;
  mime::HeaderSection original_headers_;
  std::string original_owned_;
  std::string original_to_raw_;
  bool original_found_ = false;
  bool original_read_ = false;
  std::vector<Fields> fields_;
  std::vector<TranscriptReply> transcript_;
  bool transcript_read_ = false;
  std::optional<bool> pasted_bounce_;
};

}  // namespace parser_detail

MAILDIAG_FUNC Report parse(std::string_view message, const ParseOptions& options) {
  try {
    // Mail is text: many control bytes near the start mean a binary file, not a message (a
    // stray NUL or two in real mail does not).
    if (parser_detail::looks_binary(message)) {
      Report report;
      report.findings.push_back(Finding{"ndr.not_text", Severity::info,
                                        "The input is binary data, not a mail message.",
                                        Span{0, message.size()}, ""});
      return report;
    }
    // A message saved with blank lines before its headers is still that message.
    const std::size_t start = message.find_first_not_of("\r\n");
    if (start != std::string_view::npos && start > 0 && start < 1024) message.remove_prefix(start);
    parser_detail::Decoder decoder(message, options);
    return decoder.run();
  } catch (...) {
    // Only allocation failure can get here; report it instead of letting it cross the API.
    Report report;
    report.partial = true;
    report.findings.push_back(Finding{"ndr.internal_error", Severity::error,
                                      "The message could not be decoded (out of memory).",
                                      Span{0, message.size()}, ""});
    return report;
  }
}

}  // namespace ndr
}  // namespace maildiag
