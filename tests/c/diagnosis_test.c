/* The diagnosis examples (tests/fixtures/diagnosis-examples.tsv) through the C API: the entry,
 * the reason and the class of every example, from maildiag_explain and from maildiag_ndr_parse
 * of the same line pasted, and the JSON of both naming the same entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static void check_example(const char* text, const char* entry, const char* reason, int permanent) {
  maildiag_explanation* e = NULL;
  CHECK(maildiag_explain(text, strlen(text), NULL, 0, &e) == MAILDIAG_OK);
  if (e) {
    if (strcmp(maildiag_explanation_entry_id(e), entry) != 0)
      fprintf(stderr, "%s: entry %s, expected %s\n", text, maildiag_explanation_entry_id(e), entry);
    CHECK(strcmp(maildiag_explanation_entry_id(e), entry) == 0);
    CHECK(strcmp(maildiag_explanation_reason(e), reason) == 0);
    CHECK(maildiag_explanation_permanent(e) == permanent);
    CHECK(strlen(maildiag_explanation_confidence(e)) > 0);
    CHECK(strstr(maildiag_explanation_json(e), "\"evidence\":[{") != NULL);
    maildiag_explanation_free(e);
  }
  maildiag_ndr_report* r = NULL;
  CHECK(maildiag_ndr_parse(text, strlen(text), &r) == MAILDIAG_OK);
  if (r) {
    CHECK(maildiag_ndr_recipient_count(r) == 1);
    CHECK(strcmp(maildiag_ndr_recipient_entry_id(r, 0), entry) == 0);
    CHECK(strcmp(maildiag_ndr_recipient_reason(r, 0), reason) == 0);
    CHECK(maildiag_ndr_recipient_reply_code(r, 0) >= 400);
    maildiag_ndr_free(r);
  }
}

int main(void) {
  FILE* f = fopen(MAILDIAG_SOURCE_DIR "/tests/fixtures/diagnosis-examples.tsv", "r");
  CHECK(f != NULL);
  if (!f) return 1;
  char line[2048];
  int examples = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == '\n') continue;
    line[strcspn(line, "\r\n")] = '\0';
    char* text = line;
    char* entry = strchr(text, '\t');
    char* reason = entry ? strchr(entry + 1, '\t') : NULL;
    char* permanent = reason ? strchr(reason + 1, '\t') : NULL;
    CHECK(permanent != NULL);
    if (!permanent) continue;
    *entry++ = '\0';
    *reason++ = '\0';
    *permanent++ = '\0';
    check_example(text, entry, reason, atoi(permanent));
    ++examples;
  }
  fclose(f);
  CHECK(examples >= 10);

  /* A bounce without a code: no status, a registered inferred one, no reply code. */
  const char* qmail = "From: MAILER-DAEMON@mx.example.org\nSubject: failure notice\n\n"
                      "<gone@example.net>:\nSorry, no mailbox here by that name.\n";
  maildiag_ndr_report* r = NULL;
  CHECK(maildiag_ndr_parse(qmail, strlen(qmail), &r) == MAILDIAG_OK);
  if (r) {
    CHECK(strcmp(maildiag_ndr_recipient_status(r, 0), "") == 0);
    CHECK(strcmp(maildiag_ndr_recipient_status_inferred(r, 0), "5.1.1") == 0);
    CHECK(maildiag_ndr_recipient_reply_code(r, 0) == 0);
    maildiag_ndr_free(r);
  }
  return failures ? 1 : 0;
}
