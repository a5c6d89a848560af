// Fuzz target: bounce decoding of any bytes (whole messages or pasted text), its JSON form, and
// the C API's maildiag_ndr_parse.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "maildiag/json_text.hpp"
#include "maildiag/maildiag.h"
#include "maildiag/ndr/json.hpp"
#include "maildiag/ndr/parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  maildiag::ndr::ParseOptions options;
  options.limits.max_message_size = 1 << 20;
  maildiag::ndr::Report report = maildiag::ndr::parse(input, options);
  for (const auto& f : report.findings)
    if (f.span.end > size || f.span.begin > f.span.end) __builtin_trap();
  (void)maildiag::to_json_text(maildiag::ndr::to_json(report));

  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  maildiag_ndr_report* handle = nullptr;
  if (maildiag_ndr_parse(input.data(), input.size(), &handle) == MAILDIAG_ERROR_INTERNAL) __builtin_trap();
  for (std::size_t i = 0; i < maildiag_ndr_recipient_count(handle); ++i)
    (void)maildiag_ndr_recipient_reason(handle, i);
  (void)maildiag_ndr_json(handle);
  maildiag_ndr_free(handle);
  return 0;
}
