#pragma once

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/encoded_word.hpp"
#include "maildiag/mime/text.hpp"
#include "maildiag/mime/transfer_encoding.hpp"

namespace maildiag {
namespace mime {
namespace encoded_word_detail {

struct EncodedWord {
  std::string_view charset;
  char encoding = 'B';
  std::string_view text;
  std::size_t length = 0;  // bytes of "=?...?="
};

// Matches "=?charset?X?text?=" at `pos`; encoded words never contain whitespace (RFC 2047 §5).
inline bool match(std::string_view s, std::size_t pos, EncodedWord& w) noexcept {
  if (pos + 8 > s.size() || s[pos] != '=' || s[pos + 1] != '?') return false;
  std::size_t i = pos + 2;
  std::size_t cs_begin = i;
  while (i < s.size() && s[i] != '?' && !is_wsp(s[i]) && i - cs_begin < 64) ++i;
  if (i >= s.size() || s[i] != '?' || i == cs_begin) return false;
  w.charset = s.substr(cs_begin, i - cs_begin);
  if (auto star = w.charset.find('*'); star != std::string_view::npos)  // RFC 2231 §5 language
    w.charset = w.charset.substr(0, star);
  ++i;
  if (i + 1 >= s.size() || s[i + 1] != '?') return false;
  char enc = ascii_lower(s[i]);
  if (enc != 'b' && enc != 'q') return false;
  w.encoding = enc;
  i += 2;
  std::size_t text_begin = i;
  while (i + 1 < s.size() && !(s[i] == '?' && s[i + 1] == '=')) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') return false;
    ++i;
  }
  if (i + 1 >= s.size()) return false;
  w.text = s.substr(text_begin, i - text_begin);
  w.length = i + 2 - pos;
  return true;
}

}  // namespace encoded_word_detail

MAILDIAG_FUNC std::string decode_encoded_words(std::string_view value) {
  using encoded_word_detail::EncodedWord;
  std::string out;
  out.reserve(value.size());
  std::size_t i = 0;
  std::size_t plain_begin = 0;
  bool last_was_word = false;
  // Bytes of adjacent encoded words in the same charset are joined before conversion: a
  // multi-byte character may be split across two words.
  std::string pending_bytes;
  std::string pending_charset;
  auto flush_pending = [&]() {
    if (!pending_bytes.empty()) to_utf8(pending_bytes, pending_charset, out);
    pending_bytes.clear();
  };
  auto flush_plain = [&](std::size_t end) {
    std::string_view plain = value.substr(plain_begin, end - plain_begin);
    if (last_was_word && trim(plain).empty()) return;  // whitespace between two words
    flush_pending();
    to_utf8(plain, "utf-8", out);
  };
  while (i < value.size()) {
    EncodedWord w;
    if (value[i] == '=' && encoded_word_detail::match(value, i, w)) {
      std::string_view gap = value.substr(plain_begin, i - plain_begin);
      if (!(last_was_word && trim(gap).empty())) {
        flush_pending();
        to_utf8(gap, "utf-8", out);
      }
      if (!iequals(w.charset, pending_charset)) {
        flush_pending();
        pending_charset = std::string(w.charset);
      }
      if (w.encoding == 'b') decode_base64(w.text, pending_bytes);
      else decode_quoted_printable(w.text, pending_bytes, true);
      i += w.length;
      plain_begin = i;
      last_was_word = true;
      continue;
    }
    ++i;
  }
  flush_plain(value.size());
  flush_pending();
  return out;
}

}  // namespace mime
}  // namespace maildiag
