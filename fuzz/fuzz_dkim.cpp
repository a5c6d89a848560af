// Fuzz target: DKIM key records (tag list, base64, the DER reader) through the C++ and C APIs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/maildiag.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto r = maildiag::dkim::parse_key_record(text);
  for (const auto& f : r.findings)
    if (f.span.end > size || f.span.begin > f.span.end) __builtin_trap();
  if (r.key_bits && r.key_bytes == 0) __builtin_trap();
  (void)maildiag::to_json_text(maildiag::dkim::to_json(r));
  (void)maildiag::dkim::looks_like_key_record(text);

  // The same bytes as the key itself: exercises the DER reader on arbitrary structures.
  std::string as_key = "p=";
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (std::size_t i = 0; i + 2 < size; i += 3) {
    std::uint32_t v = (std::uint32_t(data[i]) << 16) | (std::uint32_t(data[i + 1]) << 8) | data[i + 2];
    for (int s = 18; s >= 0; s -= 6) as_key += alphabet[(v >> s) & 63];
  }
  (void)maildiag::dkim::parse_key_record(as_key);

  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  maildiag_dkim_key* handle = nullptr;
  const int rc = maildiag_dkim_check(text.data(), text.size(), &handle);
  if (rc == MAILDIAG_ERROR_INTERNAL) __builtin_trap();
  if (rc == MAILDIAG_OK) (void)maildiag_dkim_key_json(handle);
  maildiag_dkim_key_free(handle);
  return 0;
}
