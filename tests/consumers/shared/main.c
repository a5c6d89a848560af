/* A C program linked against the shared library (pkg-config maildiag, without --static). */
#include <stdio.h>
#include <string.h>

#include <maildiag/maildiag.h>

int main(void) {
  const char text[] = "550 5.1.1 user unknown \xff\xfe";
  maildiag_explanation* e = NULL;
  char* json = NULL;
  static const char zone[] = "{\"_dmarc.example.com\":[{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject\"}]}";
  if (strcmp(maildiag_version(), MAILDIAG_VERSION_STRING) != 0) return 1;
  if (maildiag_explain(text, strlen(text), NULL, 0, &e) != MAILDIAG_OK) return 2;
  if (strcmp(maildiag_explanation_status(e), "5.1.1") != 0) return 3;
  maildiag_explanation_free(e);
  if (maildiag_dmarc_audit_zone_json(zone, strlen(zone), "example.com", 11, &json) != MAILDIAG_OK) return 4;
  if (!strstr(json, "\"policy_domain\":\"example.com\"")) return 5;
  maildiag_string_free(json);
  return 0;
}
