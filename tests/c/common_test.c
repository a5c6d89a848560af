/* What every part of the C API shares: one version (the compile-time macros and the library
 * agree), error messages, and one function that frees every string handed over. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

int main(void) {
  char expected[32];
  snprintf(expected, sizeof expected, "%d.%d.%d", MAILDIAG_C_VERSION_MAJOR, MAILDIAG_C_VERSION_MINOR,
           MAILDIAG_C_VERSION_PATCH);
  CHECK(strcmp(maildiag_version(), expected) == 0);
  CHECK(strcmp(maildiag_version(), MAILDIAG_VERSION_STRING) == 0);

  CHECK(strcmp(maildiag_error_message(MAILDIAG_OK), "success") == 0);
  CHECK(strcmp(maildiag_error_message(12345), "unknown error") == 0);

  /* Records pasted as DNS tools show them: quoted, split into strings. */
  const char spf[] = "\"v=spf1 include:spf.protection.outlook.com -all\"";
  maildiag_spf_check* check = NULL;
  CHECK(maildiag_spf_check_record(spf, strlen(spf), &check) == MAILDIAG_OK);
  CHECK(maildiag_spf_check_has_errors(check) == 0);
  CHECK(maildiag_spf_check_finding_count(check) == 1);
  CHECK(strcmp(maildiag_spf_check_finding_code(check, 0), "txt.quotes_removed") == 0);
  maildiag_spf_check_free(check);

  const char dmarc[] = "\"v=DMARC1; p=reject; \" \"rua=mailto:dmarc@example.com\"";
  maildiag_dmarc_record* record = NULL;
  CHECK(maildiag_dmarc_check(dmarc, strlen(dmarc), &record) == MAILDIAG_OK);
  CHECK(maildiag_dmarc_record_valid(record) == 1);
  CHECK(strcmp(maildiag_dmarc_record_policy(record), "reject") == 0);
  CHECK(strstr(maildiag_dmarc_record_json(record), "txt.quotes_removed") != NULL);
  maildiag_dmarc_record_free(record);

  const char dkim[] = "\"v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQH\" \"Og7hcvPapiMlrwIaaPcHURo=\"";
  maildiag_dkim_key* key = NULL;
  CHECK(maildiag_dkim_check(dkim, strlen(dkim), &key) == MAILDIAG_OK);
  CHECK(maildiag_dkim_key_valid(key) == 1);
  CHECK(maildiag_dkim_key_bits(key) == 256);
  maildiag_dkim_key_free(key);

  /* Owned strings: one free function for all of them; NULL is fine. */
  static const char zone[] = "{\"_dmarc.example.com\":[{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=none\"}]}";
  char* json = NULL;
  CHECK(maildiag_dmarc_audit_zone_json(zone, strlen(zone), "example.com", 11, &json) == MAILDIAG_OK);
  maildiag_string_free(json);
  json = NULL;
  CHECK(maildiag_dkim_audit_zone_json(zone, strlen(zone), "example.com", 11, NULL, NULL, 0, &json) == MAILDIAG_OK);
  maildiag_string_free(json);
  maildiag_string_free(NULL);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
