/* The C API's knowledge-base accessors: the diagnosis of a line, by provider hint and by token. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static maildiag_explanation* explain(const char* text, const char* provider) {
  maildiag_explanation* e = NULL;
  int rc = maildiag_explain(text, strlen(text), provider, provider ? strlen(provider) : 0, &e);
  CHECK(rc == MAILDIAG_OK);
  return e;
}

int main(void) {
  maildiag_explanation* e = explain("5.2.2 submission quota exceeded", "microsoft");
  if (e) {
    CHECK(strcmp(maildiag_explanation_entry_id(e), "ms.5.2.2-submission-quota") == 0);
    CHECK(strcmp(maildiag_explanation_entry_category(e), "sending-limit") == 0);
    CHECK(strstr(maildiag_explanation_entry_title(e), "Submission quota") != NULL);
    CHECK(strcmp(maildiag_explanation_provider(e), "microsoft") == 0);
    CHECK(strcmp(maildiag_explanation_reason(e), "ratelimited") == 0);
    CHECK(maildiag_explanation_permanent(e) == 1);
    CHECK(strstr(maildiag_explanation_json(e), "\"who_acts\"") != NULL);
    maildiag_explanation_free(e);
  }

  /* 550 4.4.7 from Exchange Online is final although the enhanced code says 4: the reply code,
   * which the sending server acts on, gives the class. */
  e = explain("550 4.4.7 QUEUE.Expired; message expired", "office365");
  if (e) {
    CHECK(strcmp(maildiag_explanation_entry_id(e), "ms.4.4.7-expired") == 0);
    CHECK(strcmp(maildiag_explanation_class(e), "permanent") == 0);
    CHECK(maildiag_explanation_permanent(e) == 1);
    maildiag_explanation_free(e);
  }

  /* Without a hint, the token names the provider. */
  e = explain("550 5.7.1 part of their network is on our block list (S3150)", NULL);
  if (e) {
    CHECK(strcmp(maildiag_explanation_entry_id(e), "outlook.s3150-block-list") == 0);
    CHECK(strcmp(maildiag_explanation_entry_category(e), "reputation") == 0);
    CHECK(strcmp(maildiag_explanation_provider(e), "outlook-com") == 0);
    maildiag_explanation_free(e);
  }

  /* No code and no known text: empty strings, never NULL. */
  e = explain("hello", NULL);
  if (e) {
    CHECK(strcmp(maildiag_explanation_entry_id(e), "") == 0);
    CHECK(strcmp(maildiag_explanation_specificity(e), "") == 0);
    maildiag_explanation_free(e);
  }

  /* An unknown provider is a caller error. */
  {
    maildiag_explanation* bad = NULL;
    CHECK(maildiag_explain("550 5.1.1", 9, "nope", 4, &bad) == MAILDIAG_ERROR_INVALID_ARGUMENT);
    CHECK(bad == NULL);
  }
  CHECK(strcmp(maildiag_explanation_entry_id(NULL), "") == 0);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
