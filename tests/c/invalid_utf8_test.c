/* Invalid UTF-8 is ordinary input: every C function that produces JSON answers with a valid
 * UTF-8 document (a bad byte that reaches the JSON becomes U+FFFD), never with
 * MAILDIAG_ERROR_INTERNAL. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static const char replacement[] = "\xEF\xBF\xBD";
static const char zone[] =
    "{\"example.com\":[{\"type\":\"TXT\",\"data\":\"v=spf1 -all\"}],"
    " \"_dmarc.example.com\":[{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject\"}]}";

/* The JSON is there and is valid UTF-8 (RFC 3629: no overlong forms, surrogates or bytes
 * beyond U+10FFFF). */
static int utf8(const char* json) {
  const unsigned char* p = (const unsigned char*)json;
  if (!json) return 0;
  while (*p) {
    unsigned c = *p, extra = c < 0x80 ? 0 : c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2
                                          : c >= 0xF0 && c <= 0xF4 ? 3 : 9;
    unsigned i;
    if (extra == 9) return 0;
    if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F) || (c == 0xF0 && p[1] < 0x90) ||
        (c == 0xF4 && p[1] > 0x8F))
      return 0;
    for (i = 1; i <= extra; ++i)
      if ((p[i] & 0xC0) != 0x80) return 0;
    p += extra + 1;
  }
  return 1;
}

/* Valid UTF-8 with U+FFFD where the input's bad bytes were. */
static int replaced(const char* json) { return utf8(json) && strstr(json, replacement) != NULL; }

int main(void) {
  const char text[] = "550 5.1.1 user unknown \xff\xfe";
  maildiag_explanation* e = NULL;
  CHECK(maildiag_explain(text, strlen(text), NULL, 0, &e) == MAILDIAG_OK);
  CHECK(e && replaced(maildiag_explanation_json(e)));
  CHECK(e && strcmp(maildiag_explanation_status(e), "5.1.1") == 0);
  maildiag_explanation_free(e);

  const char bounce[] = "Subject: failure notice\n\n<a@example.net>:\n550 5.1.1 no such user \xff here\n";
  maildiag_ndr_report* report = NULL;
  CHECK(maildiag_ndr_parse(bounce, strlen(bounce), &report) == MAILDIAG_OK);
  CHECK(report && utf8(maildiag_ndr_json(report)));
  maildiag_ndr_free(report);

  const char spf[] = "v=spf1 a:\xff.example.com -all";
  maildiag_spf_check* check = NULL;
  CHECK(maildiag_spf_check_record(spf, strlen(spf), &check) == MAILDIAG_OK);
  CHECK(check && replaced(maildiag_spf_check_json(check)));
  maildiag_spf_check_free(check);

  const char sender[] = "\xff@example.com";
  maildiag_spf_evaluation* eval = NULL;
  CHECK(maildiag_spf_eval_zone("192.0.2.1", 9, sender, strlen(sender), "", 0, zone, strlen(zone), &eval) ==
        MAILDIAG_OK);
  CHECK(eval && replaced(maildiag_spf_evaluation_json(eval)));
  maildiag_spf_evaluation_free(eval);
  CHECK(maildiag_spf_eval_answers("192.0.2.1", 9, sender, strlen(sender), "", 0, "[]", 2, &eval) == MAILDIAG_OK);
  CHECK(eval && replaced(maildiag_spf_evaluation_json(eval)));
  maildiag_spf_evaluation_free(eval);

  /* A domain argument with invalid UTF-8 is not a domain: refused before any lookup, as every
   * face refuses it (a usage error, never an internal one). */
  const char domain[] = "ex\xff" "ample.com";
  maildiag_spf_audit* audit = NULL;
  CHECK(maildiag_spf_audit_zone(domain, strlen(domain), zone, strlen(zone), &audit) ==
        MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(maildiag_spf_audit_answers(domain, strlen(domain), "[]", 2, &audit) ==
        MAILDIAG_ERROR_INVALID_ARGUMENT);

  const char dmarc[] = "v=DMARC1; p=reject; rua=mailto:\xff@example.com";
  maildiag_dmarc_record* record = NULL;
  CHECK(maildiag_dmarc_check(dmarc, strlen(dmarc), &record) == MAILDIAG_OK);
  CHECK(record && replaced(maildiag_dmarc_record_json(record)));
  maildiag_dmarc_record_free(record);

  const char* dkim_results[] = {"\xff.example.com:pass"};
  size_t dkim_lengths[] = {strlen(dkim_results[0])};
  maildiag_dmarc_verdict* verdict = NULL;
  CHECK(maildiag_dmarc_evaluate_zone(zone, strlen(zone), domain, strlen(domain), NULL, 0, dkim_results,
                                     dkim_lengths, 1, &verdict) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(maildiag_dmarc_evaluate_zone(zone, strlen(zone), "example.com", 11, NULL, 0, dkim_results,
                                     dkim_lengths, 1, &verdict) == MAILDIAG_OK);
  CHECK(verdict && replaced(maildiag_dmarc_verdict_json(verdict)));
  maildiag_dmarc_verdict_free(verdict);

  char* json = NULL;
  CHECK(maildiag_dmarc_audit_zone_json(zone, strlen(zone), domain, strlen(domain), &json) ==
        MAILDIAG_ERROR_INVALID_ARGUMENT);

  const char key[] = "v=DKIM1; n=\xff; p=";
  maildiag_dkim_key* k = NULL;
  CHECK(maildiag_dkim_check(key, strlen(key), &k) == MAILDIAG_OK);
  CHECK(k && replaced(maildiag_dkim_key_json(k)));
  maildiag_dkim_key_free(k);

  const char* selectors[] = {"s\xff"};
  size_t selector_lengths[] = {2};
  json = NULL;
  CHECK(maildiag_dkim_audit_zone_json(zone, strlen(zone), "example.com", 11, selectors, selector_lengths, 1,
                                      &json) == MAILDIAG_OK);
  CHECK(replaced(json));
  maildiag_string_free(json);

  maildiag_domain_audit* whole = NULL;
  CHECK(maildiag_domain_audit_zone(zone, strlen(zone), domain, strlen(domain), selectors, selector_lengths, 1,
                                   &whole) == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(maildiag_domain_audit_zone(zone, strlen(zone), "example.com", 11, selectors, selector_lengths, 1,
                                   &whole) == MAILDIAG_OK);
  CHECK(whole && replaced(maildiag_domain_audit_json(whole)));
  maildiag_domain_audit_free(whole);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
