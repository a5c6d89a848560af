// Fuzz target: explain() and the C API's maildiag_explain over arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"
#include "maildiag/json_text.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/maildiag.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  maildiag::Explanation e = maildiag::explain(text);
  for (const auto& code : e.codes)
    if (code.span.end > size || code.span.begin >= code.span.end) __builtin_trap();
  // Knowledge-base matches lie inside the text, and a found entry always carries a specificity.
  for (const auto& m : e.diagnosis.text_matches)
    if (m.span.end > size || m.span.begin >= m.span.end) __builtin_trap();
  if (e.diagnosis.match_span && e.diagnosis.match_span->end > size) __builtin_trap();
  if (e.diagnosis.alternatives.size() > maildiag::kb::max_alternatives) __builtin_trap();
  // The same text under every provider hint.
  for (const auto& provider : maildiag::kb::providers())
    (void)maildiag::explain(text, provider.id);
  (void)maildiag::to_json_text(maildiag::to_json(e));

  // MAILDIAG_ERROR_INTERNAL is a bug the C API reports instead of crashing: a crash here.
  maildiag_explanation* handle = nullptr;
  const int rc = maildiag_explain(text.data(), text.size(), nullptr, 0, &handle);
  if (rc == MAILDIAG_ERROR_INTERNAL) __builtin_trap();
  if (rc == MAILDIAG_OK) (void)maildiag_explanation_json(handle);
  maildiag_explanation_free(handle);
  return 0;
}
