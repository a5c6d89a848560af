// Built against maildiag::header-only: the umbrella header alone must give a working SDK.
#include <cstdio>
#include <cstring>

#include "maildiag/maildiag.hpp"

int main() {
  maildiag::Explanation e = maildiag::explain("550 5.1.1 user unknown");
  if (!e.found() || !e.status || e.status->to_string() != "5.1.1" || e.reply_code != 550) {
    std::puts("header-only explain gave a wrong answer");
    return 1;
  }
  if (std::strcmp(maildiag::version(), MAILDIAG_VERSION_STRING) != 0) return 1;
  return 0;
}
