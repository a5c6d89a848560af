/* The C API, used from C: decode a bounce and read its recipients through the accessors. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static const char qmail[] =
    "From: MAILER-DAEMON@mx.example.org\r\n"
    "Subject: failure notice\r\n"
    "\r\n"
    "Hi. This is the qmail-send program at mx.example.org.\r\n"
    "I'm afraid I wasn't able to deliver your message to the following addresses.\r\n"
    "\r\n"
    "<gone@example.net>:\r\n"
    "Remote host said: 550 5.1.1 <gone@example.net>... User unknown\r\n"
    "\r\n"
    "<full@example.net>:\r\n"
    "Remote host said: 552 5.2.2 <full@example.net>... Mailbox full\r\n";

int main(void) {
  maildiag_ndr_report* r = NULL;
  CHECK(maildiag_ndr_parse(qmail, strlen(qmail), &r) == MAILDIAG_OK);
  CHECK(r != NULL);
  if (r) {
    CHECK(strcmp(maildiag_ndr_kind(r), "bounce") == 0);
    CHECK(strcmp(maildiag_ndr_format(r), "qmail") == 0);
    CHECK(maildiag_ndr_partial(r) == 0);
    CHECK(maildiag_ndr_recipient_count(r) == 2);
    CHECK(strcmp(maildiag_ndr_recipient_address(r, 0), "gone@example.net") == 0);
    CHECK(strcmp(maildiag_ndr_recipient_status(r, 0), "5.1.1") == 0);
    CHECK(maildiag_ndr_recipient_reply_code(r, 0) == 550);
    CHECK(strcmp(maildiag_ndr_recipient_reason(r, 0), "userunknown") == 0);
    CHECK(maildiag_ndr_recipient_hard_bounce(r, 0) == 1);
    CHECK(strcmp(maildiag_ndr_recipient_reason(r, 1), "mailboxfull") == 0);
    CHECK(maildiag_ndr_recipient_hard_bounce(r, 1) == 0);
    /* out of range: empty strings, not a crash */
    CHECK(strcmp(maildiag_ndr_recipient_address(r, 99), "") == 0);
    CHECK(strstr(maildiag_ndr_json(r), "\"reason\":\"userunknown\"") != NULL);
    maildiag_ndr_free(r);
  }

  /* A pasted body without headers and without a NUL terminator: only `length` bytes are read. */
  {
    const char pasted[] = "Delivery has failed to these recipients or groups:\n\n"
                          "a@example.com\nRemote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'\n"
                          "JUNK";
    r = NULL;
    CHECK(maildiag_ndr_parse(pasted, sizeof pasted - 1 - 4, &r) == MAILDIAG_OK);
    CHECK(r && maildiag_ndr_recipient_count(r) == 1);
    CHECK(r && strcmp(maildiag_ndr_recipient_status(r, 0), "5.1.1") == 0);
    maildiag_ndr_free(r);
  }

  /* Bad arguments give an error code. */
  CHECK(maildiag_ndr_parse(NULL, 5, &r) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(maildiag_ndr_parse(qmail, 5, NULL) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  /* Not a report: no recipients. */
  r = NULL;
  CHECK(maildiag_ndr_parse("Subject: hi\n\nhello\n", 20, &r) == MAILDIAG_OK);
  CHECK(r && strcmp(maildiag_ndr_kind(r), "not-a-report") == 0);
  CHECK(r && maildiag_ndr_recipient_count(r) == 0);
  maildiag_ndr_free(r);
  maildiag_ndr_free(NULL);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
