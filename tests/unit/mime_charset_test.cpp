#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/mime/charset.hpp"

using maildiag::mime::ascii_compatible;
using maildiag::mime::to_utf8;

namespace {

struct CodecCheck {
  const char* label;
  const char* python_codec;
  const char* domain;
  std::size_t defined_count;
  std::uint64_t digest;
  const char* defined_bits;  // hex, one bit per code of the domain, least significant first
};

#include "maildiag/mime/charset_checks.inc"

std::string utf8(std::string_view bytes, std::string_view charset) {
  std::string out;
  to_utf8(bytes, charset, out);
  return out;
}

// The inputs of a cross-check domain, in the order scripts/gen_charsets.py walks them.
std::vector<std::string> domain_inputs(std::string_view domain) {
  std::vector<std::string> inputs;
  auto sjis_trail = [](int index) { return static_cast<char>(0x40 + index + (index >= 0x3F ? 1 : 0)); };
  if (domain == "high_bytes") {
    for (int b = 0x80; b < 0x100; ++b) inputs.push_back(std::string(1, static_cast<char>(b)));
  } else if (domain == "sjis_pairs") {
    for (int lead = 0x81; lead < 0xFD; ++lead) {
      if (lead >= 0xA0 && lead < 0xE0) continue;
      for (int index = 0; index < 188; ++index)
        inputs.push_back({static_cast<char>(lead), sjis_trail(index)});
    }
  } else if (domain == "euc_pairs") {
    std::vector<int> leads{0x8E};
    for (int lead = 0xA1; lead < 0xFF; ++lead) leads.push_back(lead);
    for (int lead : leads)
      for (int trail = 0xA1; trail < 0xFF; ++trail)
        inputs.push_back({static_cast<char>(lead), static_cast<char>(trail)});
  } else if (domain == "iso2022_jis0208") {
    for (int row = 0; row < 94; ++row)
      for (int cell = 0; cell < 94; ++cell)
        inputs.push_back(std::string("\x1b$B") + static_cast<char>(0x21 + row) +
                         static_cast<char>(0x21 + cell) + "\x1b(B");
  } else if (domain == "iso2022_roman" || domain == "iso2022_katakana") {
    const char designation = domain == "iso2022_roman" ? 'J' : 'I';
    for (int b = 0x21; b < 0x7F; ++b)
      inputs.push_back(std::string("\x1b(") + designation + static_cast<char>(b) + "\x1b(B");
  }
  return inputs;
}

bool bit(const char* hex, std::size_t index) {
  const char digit = hex[(index / 8) * 2 + ((index % 8) < 4 ? 1 : 0)];
  const int nibble = digit <= '9' ? digit - '0' : digit - 'a' + 10;
  return (nibble >> (index % 4)) & 1;
}

std::uint64_t fnv1a(std::string_view data, std::uint64_t h) {
  for (unsigned char b : data) h = (h ^ b) * 0x100000001B3ULL;
  return h;
}

}  // namespace

TEST_CASE("charset tables agree with Python's codecs on every code Python decodes") {
  for (const CodecCheck& check : codec_checks) {
    const std::string label = check.label, domain = check.domain;
    CAPTURE(label);
    CAPTURE(domain);
    const std::vector<std::string> inputs = domain_inputs(check.domain);
    REQUIRE(!inputs.empty());
    REQUIRE(std::string_view(check.defined_bits).size() == (inputs.size() + 7) / 8 * 2);
    std::uint64_t digest = 0xCBF29CE484222325ULL;
    std::size_t defined = 0;
    std::size_t first_mismatch = inputs.size();
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      std::string out;
      CHECK(to_utf8(inputs[i], check.label, out));
      if (!bit(check.defined_bits, i)) continue;
      ++defined;
      digest = fnv1a(out, digest);
      if (out == "\xEF\xBF\xBD" && first_mismatch == inputs.size()) first_mismatch = i;
    }
    CHECK(first_mismatch == inputs.size());  // a code Python decodes came out as U+FFFD
    CHECK(defined == check.defined_count);
    CHECK(digest == check.digest);
  }
}

TEST_CASE("charset labels: case, punctuation and aliases") {
  CHECK(utf8("\xe9", "ISO-8859-1") == "é");
  CHECK(utf8("\xe9", "iso8859-1") == "é");
  CHECK(utf8("\xe9", "ISO_8859-1") == "é");
  CHECK(utf8("\xe9", "latin1") == "é");
  CHECK(utf8("\xe9", " Latin-1 ") == "é");
  CHECK(utf8("\x80", "cp1252") == "€");
  CHECK(utf8("\xa4", "latin9") == "€");
  CHECK(utf8("\xc1", "koi8-r") == "а");
  CHECK(utf8("\xa4", "KOI8-U") == "є");
  CHECK(utf8("\x83\x65", "x-sjis") == "テ");
  CHECK(utf8("\x83\x65", "MS932") == "テ");
  CHECK(utf8("\x83\x65", "Windows-31J") == "テ");
  CHECK(utf8("\xa5\xc6", "x-euc-jp") == "テ");
  CHECK(utf8("\xa5\xc6", "ujis") == "テ");
  CHECK(utf8("\x1b$B%F\x1b(B", "csISO2022JP") == "テ");
  std::string out;
  CHECK_FALSE(to_utf8("\xb0\xa1", "x-no-such-charset", out));
  CHECK(out == "\xc2\xb0\xc2\xa1");  // unknown: Latin-1
  out.clear();
  CHECK_FALSE(to_utf8("\xb0\xa1", "gb2312", out));  // Chinese and Korean charsets are not included
  CHECK_FALSE(to_utf8("\xe9", "iso-8859-1-but-much-longer-than-any-label-is", out));
  out.clear();
  CHECK(to_utf8("plain text", "x-no-such-charset", out));  // ASCII needs no converter
  CHECK(out == "plain text");
}

TEST_CASE("single-byte charsets: undefined bytes become U+FFFD") {
  CHECK(utf8("a\x81z", "windows-1252") == "a\xEF\xBF\xBDz");
  CHECK(utf8("\xa5", "iso-8859-3") == "\xEF\xBF\xBD");
  CHECK(utf8("\x80\x9f", "iso-8859-1") == "\xC2\x80\xC2\x9F");  // C1 controls, as ISO-8859-1 says
  CHECK(utf8("\xe0\xe1", "windows-1251") == "аб");
  CHECK(utf8("\xfe", "iso-8859-16") == "ț");
}

TEST_CASE("RFC 3629 section 4: UTF-8 and US-ASCII keep well-formed UTF-8 only") {
  CHECK(utf8("caf\xc3\xa9 \xf0\x9f\x93\xa7", "UTF-8") == "café 📧");
  CHECK(utf8("\xc0\xaf", "utf-8") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  CHECK(utf8("\xe0\x80\xaf", "utf-8") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(utf8("\xed\xa0\x80", "utf-8") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(utf8("\xf4\x90\x80\x80", "utf-8").find("\xF4") == std::string::npos);  // > U+10FFFF
  CHECK(utf8("ab\xe3\x81", "utf-8") == "ab\xEF\xBF\xBD\xEF\xBF\xBD");  // truncated
  CHECK(utf8("\xe3\x81\x82", "us-ascii") == "あ");  // 8-bit text mislabelled as ASCII survives
  CHECK(utf8("\xff", "") == "\xEF\xBF\xBD");
}

TEST_CASE("Shift_JIS and Windows-31J: katakana, extensions, bad and truncated pairs") {
  CHECK(utf8("\xb1\xb2\xb3", "Shift_JIS") == "ｱｲｳ");
  CHECK(utf8("\x87\x40\x87\x8a", "Shift_JIS") == "①㈱");  // NEC row 13
  CHECK(utf8("\xfa\x40", "cp932") == "ⅰ");                 // IBM extension
  CHECK(utf8("\xf0\x40", "cp932") == "\xEE\x80\x80");       // user-defined area: U+E000
  CHECK(utf8("\x81\x60", "Shift_JIS") == "〜");             // JIS wave dash
  CHECK(utf8("\x81\x60", "Windows-31J") == "～");           // Microsoft's fullwidth tilde
  CHECK(utf8("\x81\x5f", "shift_jis") == "＼");
  CHECK(utf8("\x83", "Shift_JIS") == "\xEF\xBF\xBD");                // lead byte at the end
  CHECK(utf8("\x83\x65\x83", "Shift_JIS") == "テ\xEF\xBF\xBD");
  CHECK(utf8("\x83\x20x", "Shift_JIS") == "\xEF\xBF\xBD x");          // ASCII trail read again
  CHECK(utf8("\x83\xfd", "Shift_JIS") == "\xEF\xBF\xBD");             // bad trail, both bytes used
  CHECK(utf8("\x80", "Shift_JIS") == "\xEF\xBF\xBD");
  CHECK(utf8("\x80", "cp932") == "\xC2\x80");
  CHECK(utf8("\x85\x40", "Shift_JIS") == "\xEF\xBF\xBD@");            // empty cell, ASCII trail
}

TEST_CASE("EUC-JP: katakana, JIS X 0212 and broken sequences") {
  CHECK(utf8("\xa4\xa2\xa4\xa4", "EUC-JP") == "あい");
  CHECK(utf8("\x8e\xb1", "EUC-JP") == "ｱ");
  CHECK(utf8("\x8f\xb0\xa1x", "EUC-JP") == "\xEF\xBF\xBDx");  // JIS X 0212: one U+FFFD
  CHECK(utf8("\xa4", "EUC-JP") == "\xEF\xBF\xBD");
  CHECK(utf8("\xa4x", "EUC-JP") == "\xEF\xBF\xBDx");
  CHECK(utf8("\x8e", "EUC-JP") == "\xEF\xBF\xBD");
  CHECK(utf8("\x8e\xe0", "EUC-JP") == "\xEF\xBF\xBD");
  CHECK(utf8("\xa9\xa1", "EUC-JP") == "\xEF\xBF\xBD");  // empty row 9
  CHECK(utf8("\xff\x80", "EUC-JP") == "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("RFC 1468 ISO-2022-JP: escapes, missing returns to ASCII, katakana") {
  CHECK(utf8("\x1b$B$3$s$K$A$O\x1b(B!", "ISO-2022-JP") == "こんにちは!");
  CHECK(utf8("\x1b$B%F%9%H", "ISO-2022-JP") == "テスト");               // never returns to ASCII
  CHECK(utf8("\x1b$B%F\nabc", "ISO-2022-JP") == "テ\nabc");             // line end returns to ASCII
  CHECK(utf8("\x1b$@%F\x1b(J\\~", "ISO-2022-JP") == "テ¥‾");            // JIS C 6226, JIS X 0201 roman
  CHECK(utf8("\x1b(I1\x1b(B1", "ISO-2022-JP") == "ｱ1");                 // JIS X 0201 katakana
  CHECK(utf8("a\x0e\x31\x0f\x31", "ISO-2022-JP") == "aｱ1");              // SO/SI katakana
  CHECK(utf8("\x1b$B%", "ISO-2022-JP") == "\xEF\xBF\xBD");               // truncated pair
  CHECK(utf8("\x1b$(D0!\x1b(B", "ISO-2022-JP") == "\xEF\xBF\xBD");       // JIS X 0212 unmapped
  CHECK(utf8("\x1b$A0!\x1b(B", "ISO-2022-JP-2") == "\xEF\xBF\xBD");      // GB 2312 unmapped
  CHECK(utf8("\x1b.A\x1bNi", "ISO-2022-JP-2") == "\xEF\xBF\xBD");        // single shift unmapped
  CHECK(utf8("\x1bZx", "ISO-2022-JP") == "\xEF\xBF\xBDZx");              // unknown escape
  CHECK(utf8("\x1b", "ISO-2022-JP") == "\xEF\xBF\xBD");
  CHECK(utf8("\xa4\xa2", "ISO-2022-JP") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // 8-bit bytes
  CHECK(utf8("\x1b$B\x21\x21\x1b(B", "iso-2022-jp") == "\xE3\x80\x80");  // ideographic space
  CHECK_FALSE(ascii_compatible("ISO-2022-JP"));
}

TEST_CASE("RFC 2781 UTF-16 and UTF-32: byte order marks, surrogates, odd lengths") {
  CHECK(utf8(std::string("\x00h\x00i", 4), "UTF-16") == "hi");  // no BOM: big-endian
  CHECK(utf8(std::string("\xff\xfeh\x00i\x00", 6), "UTF-16") == "hi");
  CHECK(utf8(std::string("\xfe\xff\x00h", 4), "utf-16") == "h");
  CHECK(utf8(std::string("h\x00", 2), "UTF-16LE") == "h");
  CHECK(utf8(std::string("\xd8\x3d\xdc\xe7", 4), "UTF-16BE") == "📧");
  CHECK(utf8(std::string("\xd8\x3d\x00h", 4), "UTF-16BE") == "\xEF\xBF\xBDh");  // lone high
  CHECK(utf8(std::string("\xdc\xe7", 2), "UTF-16BE") == "\xEF\xBF\xBD");        // lone low
  CHECK(utf8(std::string("\x00h\x00", 3), "UTF-16BE") == "h\xEF\xBF\xBD");      // odd byte
  CHECK(utf8(std::string("\x00\x00\x00h", 4), "UTF-32") == "h");
  CHECK(utf8(std::string("\xff\xfe\x00\x00h\x00\x00\x00", 8), "UTF-32") == "h");
  CHECK(utf8(std::string("\xe7\xf4\x01\x00", 4), "UTF-32LE") == "📧");
  CHECK(utf8(std::string("\x00\x11\x00\x00", 4), "UTF-32BE") == "\xEF\xBF\xBD");
  CHECK(utf8(std::string("\x00\x00\x00", 3), "UTF-32BE") == "\xEF\xBF\xBD");
  CHECK_FALSE(ascii_compatible("utf-16le"));
  CHECK_FALSE(ascii_compatible("UCS-2"));
  CHECK_FALSE(ascii_compatible("csISO2022JP"));
  CHECK_FALSE(ascii_compatible("utf-7"));
  CHECK(ascii_compatible("windows-1252"));
}

TEST_CASE("charset conversion appends to what the output already holds") {
  std::string out = "x";
  CHECK(to_utf8("\xa4\xa2", "EUC-JP", out));
  CHECK(to_utf8("\xe9", "latin1", out));
  CHECK(out == "xあé");
}
