// Fuzz target: charset conversion. The first byte picks a charset, the rest is decoded; the
// output must be well-formed UTF-8 no longer than three bytes per input byte (U+FFFD for one bad
// byte is the most any byte can expand to).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "maildiag/mime/charset.hpp"

namespace {

constexpr const char* kCharsets[] = {
    "utf-8",       "us-ascii",     "iso-8859-1",  "iso-8859-7", "windows-1252",
    "koi8-r",      "shift_jis",    "windows-31j", "euc-jp",     "iso-2022-jp",
    "iso-2022-jp-2", "utf-16",     "utf-16le",    "utf-32",     "utf-32le",
    "x-unknown",
};

bool well_formed_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                      : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char t = static_cast<unsigned char>(s[i + k]);
      if ((t & 0xC0) != 0x80) return false;
      cp = cp << 6 | (t & 0x3F);
    }
    const std::uint32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char* charset = kCharsets[data[0] % (sizeof kCharsets / sizeof kCharsets[0])];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string out;
  (void)maildiag::mime::to_utf8(bytes, charset, out);
  if (!well_formed_utf8(out) || out.size() > 3 * bytes.size()) std::abort();
  return 0;
}
