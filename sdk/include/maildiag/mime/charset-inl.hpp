#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {
namespace charset_detail {

// How a charset is read; the generated label table names one per label.
enum class Decoder : std::uint8_t {
  utf8,         // UTF-8 and US-ASCII: valid UTF-8 kept, anything else U+FFFD
  latin1,       // ISO-8859-1: every byte is its own code point
  single_byte,  // bytes 0x80-0xFF through one of the single_byte_halves
  shift_jis,
  windows_31j,
  euc_jp,
  iso_2022_jp,
  utf16,  // byte order from a BOM, big-endian without one (RFC 2781 section 4.3)
  utf16be,
  utf16le,
  utf32,
  utf32be,
  utf32le,
};

struct Label {
  const char* name;  // lowercase letters and digits only
  Decoder decoder;
  std::uint8_t table;  // single_byte: which of the single_byte_halves
};

struct JisOverride {
  std::uint16_t index;  // row * 94 + cell, both from 0
  std::uint16_t code_point;
};

#include "maildiag/mime/charset_tables.inc"

static_assert(sizeof packed_code_points - 1 == 2 * packed_entry_count, "packed tables");

// The code point tables, unpacked from packed_code_points on first use (25 KB; the packed
// form is what keeps the WebAssembly bundle small). 0 marks an undefined byte or cell.
class CodePointTables {
 public:
  CodePointTables() noexcept {
    std::uint16_t previous = 0;
    for (std::size_t i = 0; i < packed_entry_count; ++i) {
      const unsigned zigzag =
          static_cast<unsigned>(static_cast<unsigned char>(packed_code_points[i])) << 8 |
          static_cast<unsigned char>(packed_code_points[packed_entry_count + i]);
      const unsigned delta = (zigzag >> 1) ^ (0u - (zigzag & 1u));  // modulo 2^16
      previous = static_cast<std::uint16_t>(previous + delta);
      entries_[i] = previous;
    }
  }
  /// Bytes 0x80-0xFF of single-byte charset `table`.
  const std::uint16_t* single_byte(std::size_t table) const noexcept {
    return entries_ + table * 128;
  }
  /// JIS X 0208, 94 rows of 94 cells.
  const std::uint16_t* jis0208() const noexcept { return entries_ + single_byte_half_count * 128; }
  /// Windows-31J lead bytes 0xFA-0xFC, 188 trail bytes each.
  const std::uint16_t* windows_31j_ibm() const noexcept { return jis0208() + 94 * 94; }

 private:
  std::uint16_t entries_[packed_entry_count];
};

inline const CodePointTables& code_point_tables() noexcept {
  static const CodePointTables tables;
  return tables;
}

constexpr char32_t kReplacement = 0xFFFD;
constexpr std::size_t kMaxLabel = 32;

inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

inline void append_replacement(std::string& out) { out += "\xEF\xBF\xBD"; }

// Copies the ASCII run starting at `i` and returns where it ends.
inline std::size_t copy_ascii(std::string_view bytes, std::size_t i, std::string& out) {
  std::size_t end = i;
  while (end < bytes.size() && static_cast<unsigned char>(bytes[end]) < 0x80) ++end;
  out.append(bytes.data() + i, end - i);
  return end;
}

// Eight bytes at a time: nearly every part of a bounce is ASCII, and this runs over all of them.
inline bool all_ascii(std::string_view bytes) noexcept {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if (word & 0x8080808080808080ull) return false;
  }
  for (; i < n; ++i)
    if (static_cast<unsigned char>(bytes[i]) >= 0x80) return false;
  return true;
}

inline void latin1_to_utf8(std::string_view bytes, std::string& out) {
  for (unsigned char c : bytes) append_utf8(out, c);
}

// Keeps well-formed UTF-8 (RFC 3629 section 4: no overlong forms, no surrogates, nothing above
// U+10FFFF) and replaces each byte that does not start a well-formed sequence with U+FFFD.
inline void sanitize_utf8(std::string_view bytes, std::string& out) {
  const std::size_t n = bytes.size();
  out.reserve(out.size() + n);
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      i = copy_ascii(bytes, i, out);
      continue;
    }
    std::size_t len = 0;
    unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) low = 0xA0;
      if (c == 0xED) high = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) low = 0x90;
      if (c == 0xF4) high = 0x8F;
    }
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      const unsigned char t = static_cast<unsigned char>(bytes[i + k]);
      ok = k == 1 ? (t >= low && t <= high) : (t & 0xC0) == 0x80;
    }
    if (ok) {
      out.append(bytes.data() + i, len);
      i += len;
    } else {
      append_replacement(out);
      ++i;
    }
  }
}

inline void single_byte_to_utf8(std::string_view bytes, const std::uint16_t* half,
                                std::string& out) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      i = copy_ascii(bytes, i, out);
      continue;
    }
    const char32_t cp = half[c - 0x80];
    append_utf8(out, cp ? cp : kReplacement);
    ++i;
  }
}

// JIS X 0208 row/cell (from 0) as Shift_JIS, EUC-JP and ISO-2022-JP read it, or as Windows-31J
// does when `windows_31j`; 0 when the cell is empty.
inline char32_t jis0208_code_point(const std::uint16_t* jis0208, unsigned row, unsigned cell,
                                   bool windows_31j) noexcept {
  if (row >= 94 || cell >= 94) return 0;
  const unsigned index = row * 94 + cell;
  if (windows_31j) {
    for (const JisOverride& o : windows_31j_overrides)
      if (o.index == index) return o.code_point;
  }
  return jis0208[index];
}

// A two-byte sequence with a bad or unmapped trail byte (-1: the input ended): U+FFFD, and an
// ASCII trail byte is read again on its own (it is more likely text than part of the pair), as
// the WHATWG Encoding Standard does. Returns how many bytes the pair used.
inline std::size_t bad_pair(int trail, std::string& out) {
  append_replacement(out);
  return trail < 0x80 ? 1 : 2;
}

// The byte at `k` as 0..255, or -1 past the end.
inline int byte_at(std::string_view bytes, std::size_t k) noexcept {
  return k < bytes.size() ? static_cast<unsigned char>(bytes[k]) : -1;
}

// Shift_JIS and Windows-31J. Both labels get the Windows-31J extensions (NEC row 13, the IBM
// extensions, the user-defined area); they differ in six JIS X 0208 cells.
inline void shift_jis_to_utf8(std::string_view bytes, bool windows_31j, std::string& out) {
  const CodePointTables& tables = code_point_tables();
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      i = copy_ascii(bytes, i, out);
      continue;
    }
    if (c >= 0xA1 && c <= 0xDF) {  // JIS X 0201 katakana
      append_utf8(out, 0xFF61 + (c - 0xA1));
      ++i;
      continue;
    }
    const bool lead = (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC);
    if (!lead) {
      if (windows_31j && c == 0x80) append_utf8(out, 0x80);
      else if (windows_31j && c == 0xA0) append_utf8(out, 0xF8F0);
      else if (windows_31j && c >= 0xFD) append_utf8(out, 0xF8F1 + (c - 0xFD));
      else append_replacement(out);
      ++i;
      continue;
    }
    const int t = byte_at(bytes, i + 1);
    if (t < 0x40 || t == 0x7F || t > 0xFC) {
      i += bad_pair(t, out);
      continue;
    }
    const unsigned trail_index = static_cast<unsigned>(t) - (t < 0x7F ? 0x40u : 0x41u);  // 0..187
    char32_t cp = 0;
    if (c >= 0xF0 && c <= 0xF9) {
      cp = 0xE000 + (c - 0xF0) * 188 + trail_index;  // user-defined area
    } else if (c >= 0xFA) {
      cp = tables.windows_31j_ibm()[(c - 0xFA) * 188 + trail_index];
    } else {
      const unsigned lead_index = c - (c < 0xA0 ? 0x81u : 0xC1u);
      cp = jis0208_code_point(tables.jis0208(), lead_index * 2 + (trail_index >= 94 ? 1 : 0),
                              trail_index % 94, windows_31j);
    }
    if (cp == 0) {
      i += bad_pair(t, out);
      continue;
    }
    append_utf8(out, cp);
    i += 2;
  }
}

// EUC-JP: ASCII, 0x8E + JIS X 0201 katakana, two bytes 0xA1-0xFE of JIS X 0208. The three-byte
// JIS X 0212 sequences (0x8F ...) are recognised and replaced by one U+FFFD.
inline void euc_jp_to_utf8(std::string_view bytes, std::string& out) {
  const std::uint16_t* jis0208 = code_point_tables().jis0208();
  auto in_range = [](int b) { return b >= 0xA1 && b <= 0xFE; };
  std::size_t i = 0;
  while (i < bytes.size()) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      i = copy_ascii(bytes, i, out);
      continue;
    }
    const int t = byte_at(bytes, i + 1);
    if (c == 0x8E) {
      if (t >= 0xA1 && t <= 0xDF) {
        append_utf8(out, 0xFF61 + (t - 0xA1));
        i += 2;
      } else {
        i += bad_pair(t, out);
      }
    } else if (c == 0x8F) {
      append_replacement(out);
      i += (in_range(t) && in_range(byte_at(bytes, i + 2))) ? 3 : 1;
    } else if (!in_range(c)) {
      append_replacement(out);
      ++i;
    } else if (!in_range(t)) {
      i += bad_pair(t, out);
    } else {
      const char32_t cp =
          jis0208_code_point(jis0208, c - 0xA1, static_cast<unsigned>(t) - 0xA1, false);
      if (cp == 0) append_replacement(out);
      else append_utf8(out, cp);
      i += 2;
    }
  }
}

// ISO-2022-JP (RFC 1468) with the JIS X 0201 katakana set (ESC ( I, or SO/SI) many Japanese
// mailers use. Text starts in ASCII; a CR or LF returns to ASCII too, since RFC 1468 requires
// every line to end in ASCII and a sender that forgot to switch back should not garble the next
// line. Sets maildiag does not map (JIS X 0212, and the GB 2312 and KS C 5601 sets of
// ISO-2022-JP-2) decode to U+FFFD per character.
inline void iso_2022_jp_to_utf8(std::string_view bytes, std::string& out) {
  const std::uint16_t* jis0208 = code_point_tables().jis0208();
  enum class Set { ascii, roman, katakana, jis_x0208, unmapped_double };
  Set set = Set::ascii;
  Set before_shift_out = Set::ascii;
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  auto at = [&](std::size_t k) { return byte_at(bytes, k); };
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0x1B) {
      const int a = at(i + 1), b = at(i + 2), d = at(i + 3);
      std::size_t length = 0;
      if (a == '(' && (b == 'B' || b == 'J' || b == 'H' || b == 'I')) {
        set = b == 'B' ? Set::ascii : b == 'I' ? Set::katakana : Set::roman;
        length = 3;
      } else if (a == '$' && (b == '@' || b == 'B')) {
        set = Set::jis_x0208;
        length = 3;
      } else if (a == '$' && b == 'A') {
        set = Set::unmapped_double;
        length = 3;
      } else if (a == '$' && b == '(' && (d == 'B' || d == '@')) {
        set = Set::jis_x0208;
        length = 4;
      } else if (a == '$' && b == '(' && d >= 0x40 && d <= 0x7E) {
        set = Set::unmapped_double;
        length = 4;
      } else if (a == '&' && b == '@') {
        length = 3;  // announces the 1990 revision of JIS X 0208; nothing to switch
      } else if (a == '.' && b >= 0x40 && b <= 0x7E) {
        length = 3;  // designates a G2 set, used only by single shifts
      } else if (a == 'N' && b >= 0x20 && b <= 0x7F) {
        append_replacement(out);  // single-shifted G2 character (ISO-2022-JP-2)
        length = 3;
      }
      if (length == 0) {
        append_replacement(out);
        length = 1;
      }
      i += length;
      continue;
    }
    if (c == 0x0E) {
      if (set != Set::katakana) before_shift_out = set;
      set = Set::katakana;
      ++i;
      continue;
    }
    if (c == 0x0F) {
      if (set == Set::katakana) set = before_shift_out;
      ++i;
      continue;
    }
    if (c >= 0x80) {
      append_replacement(out);
      ++i;
      continue;
    }
    if (c <= 0x20 || c == 0x7F) {
      if (c == '\n' || c == '\r') set = Set::ascii;
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    switch (set) {
      case Set::ascii:
        out += static_cast<char>(c);
        ++i;
        break;
      case Set::roman:
        append_utf8(out, c == 0x5C ? 0xA5 : c == 0x7E ? 0x203E : c);
        ++i;
        break;
      case Set::katakana:
        if (c <= 0x5F) append_utf8(out, 0xFF61 + (c - 0x21));
        else append_replacement(out);
        ++i;
        break;
      case Set::jis_x0208:
      case Set::unmapped_double: {
        const int t = at(i + 1);
        if (t < 0x21 || t > 0x7E) {  // truncated, or a control inside a pair
          append_replacement(out);
          ++i;
          break;
        }
        const char32_t cp =
            set == Set::jis_x0208
                ? jis0208_code_point(jis0208, c - 0x21, static_cast<unsigned>(t) - 0x21, false)
                : 0;
        if (cp == 0) append_replacement(out);
        else append_utf8(out, cp);
        i += 2;
        break;
      }
    }
  }
}

// UTF-16 (RFC 2781). `big_endian` is the byte order unless `detect_bom` finds a BOM, which is
// then consumed. Unpaired surrogates and a trailing odd byte become U+FFFD.
inline void utf16_to_utf8(std::string_view bytes, bool big_endian, bool detect_bom,
                          std::string& out) {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  auto unit = [&](std::size_t k) -> char32_t {
    const unsigned char a = static_cast<unsigned char>(bytes[k]);
    const unsigned char b = static_cast<unsigned char>(bytes[k + 1]);
    return big_endian ? (char32_t(a) << 8 | b) : (char32_t(b) << 8 | a);
  };
  if (detect_bom && n >= 2) {
    const unsigned char a = static_cast<unsigned char>(bytes[0]);
    const unsigned char b = static_cast<unsigned char>(bytes[1]);
    if ((a == 0xFE && b == 0xFF) || (a == 0xFF && b == 0xFE)) {
      big_endian = a == 0xFE;
      i = 2;
    }
  }
  while (i + 1 < n) {
    const char32_t u = unit(i);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
      const char32_t low = unit(i);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (u >= 0xD800 && u <= 0xDFFF) append_replacement(out);
    else append_utf8(out, u);
  }
  if (i < n) append_replacement(out);
}

// UTF-32, the same way: BOM-detected or fixed byte order; values that are not Unicode scalar
// values, and 1-3 trailing bytes, become U+FFFD.
inline void utf32_to_utf8(std::string_view bytes, bool big_endian, bool detect_bom,
                          std::string& out) {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  auto unit = [&](std::size_t k) -> std::uint32_t {
    std::uint32_t v = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const std::uint32_t byte = static_cast<unsigned char>(bytes[k + (big_endian ? j : 3 - j)]);
      v = v << 8 | byte;
    }
    return v;
  };
  if (detect_bom && n >= 4) {
    if (bytes.substr(0, 4) == std::string_view("\x00\x00\xFE\xFF", 4)) {
      big_endian = true;
      i = 4;
    } else if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\x00\x00", 4)) {
      big_endian = false;
      i = 4;
    }
  }
  for (; i + 3 < n; i += 4) {
    const std::uint32_t v = unit(i);
    if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) append_replacement(out);
    else append_utf8(out, v);
  }
  if (i < n) append_replacement(out);
}

// The label entry for `charset`, or nullptr. Labels compare after keeping only ASCII letters
// and digits, lowercased, so "ISO_8859-1", "iso8859-1" and "ISO-8859-1" are one label.
inline const Label* find_label(std::string_view charset) noexcept {
  char key[kMaxLabel + 1];
  std::size_t length = 0;
  for (char ch : charset) {
    const char c = ascii_lower(ch);
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) continue;
    if (length == kMaxLabel) return nullptr;
    key[length++] = c;
  }
  const std::string_view wanted(key, length);
  std::size_t lo = 0, hi = sizeof labels / sizeof labels[0];
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const std::string_view name(labels[mid].name);
    if (name == wanted) return &labels[mid];
    if (name < wanted) lo = mid + 1;
    else hi = mid;
  }
  return nullptr;
}

}  // namespace charset_detail

MAILDIAG_FUNC bool ascii_compatible(std::string_view charset) noexcept {
  using namespace charset_detail;
  if (const Label* label = find_label(trim(charset))) {
    switch (label->decoder) {
      case Decoder::iso_2022_jp:
      case Decoder::utf16:
      case Decoder::utf16be:
      case Decoder::utf16le:
      case Decoder::utf32:
      case Decoder::utf32be:
      case Decoder::utf32le: return false;
      default: return true;
    }
  }
  // Charsets maildiag does not decode, named by family.
  return !(istarts_with(charset, "iso-2022") || istarts_with(charset, "utf-16") ||
           istarts_with(charset, "utf-32") || istarts_with(charset, "utf-7") ||
           istarts_with(charset, "ucs-") || istarts_with(charset, "hz-"));
}

MAILDIAG_FUNC bool to_utf8(std::string_view bytes, std::string_view charset, std::string& out) {
  using namespace charset_detail;
  const std::string_view cs = trim(charset);
  // ASCII is already UTF-8 in every charset that keeps ASCII as it is: copy it in one go.
  if (all_ascii(bytes) && (cs.empty() || ascii_compatible(cs))) {
    out.append(bytes.data(), bytes.size());
    return true;
  }
  if (cs.empty()) {
    sanitize_utf8(bytes, out);
    return true;
  }
  const Label* label = find_label(cs);
  if (label == nullptr) {
    latin1_to_utf8(bytes, out);
    return false;
  }
  out.reserve(out.size() + bytes.size());
  switch (label->decoder) {
    case Decoder::utf8: sanitize_utf8(bytes, out); break;
    case Decoder::latin1: latin1_to_utf8(bytes, out); break;
    case Decoder::single_byte:
      single_byte_to_utf8(bytes, code_point_tables().single_byte(label->table), out);
      break;
    case Decoder::shift_jis: shift_jis_to_utf8(bytes, false, out); break;
    case Decoder::windows_31j: shift_jis_to_utf8(bytes, true, out); break;
    case Decoder::euc_jp: euc_jp_to_utf8(bytes, out); break;
    case Decoder::iso_2022_jp: iso_2022_jp_to_utf8(bytes, out); break;
    case Decoder::utf16: utf16_to_utf8(bytes, true, true, out); break;
    case Decoder::utf16be: utf16_to_utf8(bytes, true, false, out); break;
    case Decoder::utf16le: utf16_to_utf8(bytes, false, false, out); break;
    case Decoder::utf32: utf32_to_utf8(bytes, true, true, out); break;
    case Decoder::utf32be: utf32_to_utf8(bytes, true, false, out); break;
    case Decoder::utf32le: utf32_to_utf8(bytes, false, false, out); break;
  }
  return true;
}

}  // namespace mime
}  // namespace maildiag
