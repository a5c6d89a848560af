#pragma once

#include "maildiag/explain.hpp"

namespace maildiag {

MAILDIAG_FUNC Explanation explain(std::string_view text, std::string_view provider_hint) {
  Explanation e;
  e.text = text;
  e.codes = scan_status_codes(text);
  kb::Evidence evidence = kb::line_evidence(text, e.codes);
  evidence.provider_hint = provider_hint;
  e.reply_code = evidence.reply_code;
  e.status = evidence.status;
  // The SMTP client acts on the reply code's first digit; the enhanced code's class counts only
  // without one (a "550 4.4.7" is final).
  if (e.reply_code)
    e.klass = reply_code_class(*e.reply_code);
  else if (e.status)
    e.klass = e.status->klass;
  e.diagnosis = kb::diagnose(evidence);
  return e;
}

}  // namespace maildiag
