#pragma once

#include "maildiag/explain.hpp"

namespace maildiag {

MAILDIAG_FUNC Explanation explain(std::string_view text, std::string_view provider_hint) {
  Explanation e;
  e.text = text;
  e.codes = scan_status_codes(text);
  PrimaryCodes primary = primary_codes(e.codes);
  e.reply_code = primary.reply_code;
  e.status = primary.status;
  if (e.status)
    e.klass = e.status->klass;
  else if (e.reply_code)
    e.klass = reply_code_class(*e.reply_code);
  e.diagnosis = kb::diagnose_with_codes(text, e.status, e.reply_code, provider_hint);
  return e;
}

}  // namespace maildiag
