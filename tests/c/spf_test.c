/* The SPF part of the C API, from plain C: validation, check_host() over a zone and step by
 * step, and the audit. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static const char zone[] =
    "{\"example.com\":[{\"type\":\"TXT\",\"data\":\"v=spf1 include:_spf.example.com -all\"}],"
    " \"_spf.example.com\":[{\"type\":\"TXT\",\"data\":\"v=spf1 ip4:192.0.2.0/24 -all\"}]}";

int main(void) {
  maildiag_spf_check* check = NULL;
  const char record[] = "v=spf1 mx +all";
  CHECK(maildiag_spf_check_record(record, strlen(record), &check) == MAILDIAG_OK);
  CHECK(maildiag_spf_check_has_errors(check) == 1);
  CHECK(maildiag_spf_check_finding_count(check) == 1);
  CHECK(strcmp(maildiag_spf_check_finding_code(check, 0), "spf.pass_all") == 0);
  CHECK(strcmp(maildiag_spf_check_finding_code(check, 5), "") == 0);
  CHECK(strstr(maildiag_spf_check_json(check), "\"dns_lookups\":1") != NULL);
  maildiag_spf_check_free(check);
  CHECK(maildiag_spf_check_record(NULL, 3, &check) == MAILDIAG_ERROR_INVALID_ARGUMENT);

  maildiag_spf_evaluation* eval = NULL;
  CHECK(maildiag_spf_eval_zone("192.0.2.9", 9, "a@example.com", 13, "", 0, zone, strlen(zone), &eval) == MAILDIAG_OK);
  CHECK(strcmp(maildiag_spf_evaluation_result(eval), "pass") == 0);
  CHECK(maildiag_spf_evaluation_pending_count(eval) == 0);
  CHECK(strstr(maildiag_spf_evaluation_json(eval), "\"matched_term\":\"ip4:192.0.2.0/24\"") != NULL);
  maildiag_spf_evaluation_free(eval);
  CHECK(maildiag_spf_eval_zone("192.0.2.9", 9, "a@example.com", 13, "", 0, "{", 1, &eval) == MAILDIAG_ERROR_PARSE);

  /* Step by step: the first call asks for example.com TXT. */
  CHECK(maildiag_spf_eval_answers("198.51.100.1", 12, "a@example.com", 13, "", 0, "[]", 2, &eval) == MAILDIAG_OK);
  CHECK(maildiag_spf_evaluation_pending_count(eval) == 1);
  CHECK(strstr(maildiag_spf_evaluation_json(eval), "\"pending\":[{\"name\":\"example.com\",\"type\":\"TXT\"}]") != NULL);
  maildiag_spf_evaluation_free(eval);
  {
    const char answers[] =
        "[{\"name\":\"example.com\",\"type\":\"TXT\",\"kind\":\"records\",\"records\":[{\"type\":\"TXT\",\"data\":\"v=spf1 -all\"}]}]";
    CHECK(maildiag_spf_eval_answers("198.51.100.1", 12, "a@example.com", 13, "", 0, answers, strlen(answers), &eval) ==
           MAILDIAG_OK);
    CHECK(strcmp(maildiag_spf_evaluation_result(eval), "fail") == 0);
    maildiag_spf_evaluation_free(eval);
  }

  maildiag_spf_audit* audit = NULL;
  CHECK(maildiag_spf_audit_zone("example.com", 11, zone, strlen(zone), &audit) == MAILDIAG_OK);
  CHECK(maildiag_spf_audit_total_lookups(audit) == 1);
  CHECK(maildiag_spf_audit_pending_count(audit) == 0);
  CHECK(strstr(maildiag_spf_audit_json(audit), "\"over_limit\":false") != NULL);
  maildiag_spf_audit_free(audit);

  if (failures) fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
