/* The C API, used from C: explain a status line and read the result through the accessors. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

int main(void) {
  const char* text = "450 4.4.312 DNS query failed";
  maildiag_explanation* e = NULL;
  CHECK(maildiag_explain(text, strlen(text), NULL, 0, &e) == MAILDIAG_OK);
  CHECK(e != NULL);
  if (e) {
    CHECK(maildiag_explanation_found(e) == 1);
    CHECK(maildiag_explanation_reply_code(e) == 450);
    CHECK(strcmp(maildiag_explanation_status(e), "4.4.312") == 0);
    CHECK(strcmp(maildiag_explanation_class(e), "transient") == 0);
    CHECK(strcmp(maildiag_explanation_subject(e), "Network and routing status") == 0);
    CHECK(maildiag_explanation_permanent(e) == 0);
    CHECK(strstr(maildiag_explanation_json(e), "\"status\": \"4.4.312\"") != NULL ||
          strstr(maildiag_explanation_json(e), "\"status\":\"4.4.312\"") != NULL);
    maildiag_explanation_free(e);
  }

  /* Text without a NUL terminator: only `length` bytes are read. */
  {
    const char buffer[] = {'5', '5', '0', ' ', '5', '.', '1', '.', '1', 'X', 'Y'};
    e = NULL;
    CHECK(maildiag_explain(buffer, 9, NULL, 0, &e) == MAILDIAG_OK);
    CHECK(e && strcmp(maildiag_explanation_status(e), "5.1.1") == 0);
    CHECK(e && maildiag_explanation_permanent(e) == 1);
    maildiag_explanation_free(e);
  }

  /* Misuse gives error codes, never a crash. */
  CHECK(maildiag_explain(text, strlen(text), NULL, 0, NULL) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(maildiag_explain(NULL, 5, NULL, 0, &e) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  maildiag_explanation_free(NULL);
  CHECK(strcmp(maildiag_version(), "0.1.0") == 0);
  CHECK(strlen(maildiag_error_message(MAILDIAG_ERROR_PARSE)) > 0);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
