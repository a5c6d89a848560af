#pragma once

#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "maildiag/mime/charset.hpp"
#include "maildiag/mime/text.hpp"

namespace maildiag {
namespace mime {
namespace charset_detail {

inline void append_replacement(std::string& out) { out += "\xEF\xBF\xBD"; }

inline void latin1_to_utf8(std::string_view bytes, std::string& out) {
  for (unsigned char c : bytes) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
}

// Keeps valid UTF-8 and replaces every invalid sequence with U+FFFD.
inline void sanitize_utf8(std::string_view bytes, std::string& out) {
  std::size_t i = 0;
  const std::size_t n = bytes.size();
  out.reserve(out.size() + n);
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c < 0x80) {
      // Copy a whole ASCII run at once.
      std::size_t run = i + 1;
      while (run < n && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
      out.append(bytes.data() + i, run - i);
      i = run;
      continue;
    }
    std::size_t len = (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                      : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (ok) {
      out.append(bytes.data() + i, len);
      i += len;
    } else {
      append_replacement(out);
      ++i;
    }
  }
}

inline bool all_ascii(std::string_view bytes) noexcept {
  for (unsigned char c : bytes)
    if (c >= 0x80) return false;
  return true;
}

// Charset names as labelled in mail mapped to names both glibc and musl iconv know.
inline std::string iconv_name(std::string_view charset) {
  std::string name = to_lower(trim(charset));
  if (name == "x-sjis" || name == "sjis" || name == "shift-jis" || name == "ms_kanji" ||
      name == "windows-31j" || name == "cp932")
    return "shift_jis";
  if (name == "x-euc-jp") return "euc-jp";
  if (name == "iso-2022-jp-2" || name == "iso-2022-jp-3") return "iso-2022-jp";
  if (name == "ks_c_5601-1987" || name == "ks_c_5601") return "euc-kr";
  if (name == "gb2312" || name == "x-gbk") return "gbk";
  if (name == "latin1" || name == "latin-1") return "iso-8859-1";
  return name;
}

// One converter per charset and thread: opening a converter costs far more than converting a
// bounce. The cache stays small: few charsets occur in practice, and it is capped.
class ConverterCache {
 public:
  ~ConverterCache() {
    for (auto& e : entries_)
      if (e.second != reinterpret_cast<iconv_t>(-1)) iconv_close(e.second);
  }
  iconv_t get(const std::string& name) {
    for (auto& e : entries_)
      if (e.first == name) return e.second;
    iconv_t cd = iconv_open("UTF-8", name.c_str());
    if (entries_.size() < 32) entries_.emplace_back(name, cd);
    else if (cd != reinterpret_cast<iconv_t>(-1)) {
      overflow_ = cd;  // used once, closed by the caller via release()
    }
    return cd;
  }
  void release(iconv_t cd) {
    if (cd == overflow_ && cd != reinterpret_cast<iconv_t>(-1)) {
      iconv_close(cd);
      overflow_ = reinterpret_cast<iconv_t>(-1);
    }
  }

 private:
  std::vector<std::pair<std::string, iconv_t>> entries_;
  iconv_t overflow_ = reinterpret_cast<iconv_t>(-1);
};

inline ConverterCache& converter_cache() {
  thread_local ConverterCache cache;
  return cache;
}

}  // namespace charset_detail

MAILDIAG_FUNC bool ascii_compatible(std::string_view charset) noexcept {
  return !(istarts_with(charset, "iso-2022") || istarts_with(charset, "utf-16") ||
           istarts_with(charset, "utf-32") || istarts_with(charset, "utf-7") ||
           istarts_with(charset, "ucs-") || istarts_with(charset, "hz-"));
}

MAILDIAG_FUNC bool to_utf8(std::string_view bytes, std::string_view charset, std::string& out) {
  using namespace charset_detail;
  std::string_view cs = trim(charset);
  if (cs.empty() || iequals(cs, "us-ascii") || iequals(cs, "ascii") || iequals(cs, "utf-8") ||
      iequals(cs, "utf8") || (ascii_compatible(cs) && all_ascii(bytes))) {
    sanitize_utf8(bytes, out);
    return true;
  }
  if (iequals(cs, "iso-8859-1") || iequals(cs, "latin1")) {
    latin1_to_utf8(bytes, out);
    return true;
  }
  ConverterCache& cache = converter_cache();
  iconv_t cd = cache.get(iconv_name(cs));
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    latin1_to_utf8(bytes, out);
    return false;
  }
  iconv(cd, nullptr, nullptr, nullptr, nullptr);  // reset shift state (ISO-2022-JP)
  std::vector<char> in(bytes.begin(), bytes.end());
  char* in_ptr = in.data();
  std::size_t in_left = in.size();
  char buffer[4096];
  while (in_left > 0) {
    char* out_ptr = buffer;
    std::size_t out_left = sizeof buffer;
    std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
    out.append(buffer, sizeof buffer - out_left);
    if (rc == static_cast<std::size_t>(-1)) {
      if (errno == E2BIG) continue;
      // EILSEQ or EINVAL: skip one byte and carry on, marking the gap.
      append_replacement(out);
      ++in_ptr;
      --in_left;
      iconv(cd, nullptr, nullptr, nullptr, nullptr);
    }
  }
  char* out_ptr = buffer;
  std::size_t out_left = sizeof buffer;
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  out.append(buffer, sizeof buffer - out_left);
  cache.release(cd);
  return true;
}

}  // namespace mime
}  // namespace maildiag
