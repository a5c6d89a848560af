/* The DMARC, DKIM and domain-audit C API, used from C. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static const char zone[] =
    "{\"example.com\": [{\"type\":\"MX\",\"preference\":10,\"exchange\":\"mx.example.com\"},"
    "                   {\"type\":\"A\",\"data\":\"192.0.2.1\"}],"
    " \"mx.example.com\": [{\"type\":\"A\",\"data\":\"192.0.2.2\"}],"
    " \"_dmarc.example.com\": [{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject; rua=mailto:d@example.com\"}]}";

int main(void) {
  /* RFC 9989 record validation */
  const char* record = "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com";
  maildiag_dmarc_record* r = NULL;
  CHECK(maildiag_dmarc_check(record, strlen(record), &r) == MAILDIAG_OK);
  if (r) {
    CHECK(maildiag_dmarc_record_is_dmarc(r) == 1);
    CHECK(maildiag_dmarc_record_valid(r) == 1);
    CHECK(strcmp(maildiag_dmarc_record_policy(r), "quarantine") == 0);
    CHECK(strstr(maildiag_dmarc_record_json(r), "\"is_dmarc\":true") != NULL);
    maildiag_dmarc_record_free(r);
  }
  const char* bad = "v=DMARC1; p=block";
  CHECK(maildiag_dmarc_check(bad, strlen(bad), &r) == MAILDIAG_OK);
  if (r) {
    CHECK(maildiag_dmarc_record_valid(r) == 0);
    CHECK(maildiag_dmarc_record_finding_count(r) >= 1);
    CHECK(strstr(maildiag_dmarc_record_json(r), "dmarc.invalid_policy") != NULL);
    maildiag_dmarc_record_free(r);
  }
  CHECK(maildiag_dmarc_check(NULL, 3, &r) == MAILDIAG_ERROR_INVALID_ARGUMENT);

  /* RFC 9989: receivers ignore faulty parts and apply the rest; an invalid sp makes them fall
   * back to p=none with a usable rua, and to no DMARC without one. */
  {
    static const struct {
      const char* record;
      int in_effect;
      const char* policy;
      const char* json;
    } shapes[] = {
        {"v=DMARC1;p=none;fo:0;adkim=r;aspf=r;sp=none;rua=mailto:postmaster@example.com", 1, "none",
         "\"code\":\"dmarc.syntax\""},
        {"v=DMARC1;p=reject;0;rua=mailto:d@example.com", 1, "reject", "receivers ignore this part"},
        {"v=DMARC1;p=reject;sp-none;rua=mailto:d@example.com", 1, "reject", "\"sp\":\"reject\""},
        {"v=DMARC1; p=reject; ruf=mailto://abuse.example", 1, "reject", "\"ruf\":[]"},
        {"v=DMARC1; p=reject; rua=mailto:d@example.com!10 K", 1, "reject",
         "\"rua\":[\"mailto:d@example.com\"]"},
        {"v=DMARC1; psd=y", 1, "none", "\"psd\":\"y\""},
        {"v=DMARC1; p=reject; sp=invalid; rua=mailto:d@example.com", 1, "none",
         "your p=reject is lost: sp=invalid is not a valid policy"},
        {"v=DMARC1; p=reject; sp=invalid", 0, "none", "\"effective\":null"},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; ++i) {
      CHECK(maildiag_dmarc_check(shapes[i].record, strlen(shapes[i].record), &r) == MAILDIAG_OK);
      if (!r) continue;
      CHECK(maildiag_dmarc_record_valid(r) == 0); /* each has an error-level finding */
      CHECK(maildiag_dmarc_record_in_effect(r) == shapes[i].in_effect);
      CHECK(strcmp(maildiag_dmarc_record_policy(r), shapes[i].policy) == 0);
      CHECK(strstr(maildiag_dmarc_record_json(r), shapes[i].json) != NULL);
      maildiag_dmarc_record_free(r);
    }
  }

  /* Verdict over a zone: relaxed DKIM alignment passes, an unaligned SPF pass does not count */
  const char* dkim[] = {"mail.example.com:pass"};
  size_t dkim_len[] = {strlen(dkim[0])};
  maildiag_dmarc_verdict* v = NULL;
  CHECK(maildiag_dmarc_evaluate_zone(zone, strlen(zone), "example.com", 11, "other.net:pass", 14,
                                     dkim, dkim_len, 1, &v) == MAILDIAG_OK);
  if (v) {
    CHECK(strcmp(maildiag_dmarc_verdict_result(v), "pass") == 0);
    CHECK(strcmp(maildiag_dmarc_verdict_policy(v), "none") == 0);
    CHECK(strstr(maildiag_dmarc_verdict_json(v), "\"dkim_aligned\":true") != NULL);
    CHECK(strstr(maildiag_dmarc_verdict_json(v), "\"spf_aligned\":false") != NULL);
    maildiag_dmarc_verdict_free(v);
  }
  /* RFC 9989 verdicts: two records at one name count as none; a temperror without an aligned pass
   * is temperror with no policy; np applies only to NXDOMAIN; an unusable record is no DMARC. */
  {
    static const char receivers[] =
        "{\"_dmarc.twice.example\": [{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject\"},"
        "                           {\"type\":\"TXT\",\"data\":\"v=DMARC1; p=none\"}],"
        " \"_dmarc.contoso.example\": [{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject; sp=quarantine; np=reject\"}],"
        " \"contoso.example\": [{\"type\":\"A\",\"data\":\"192.0.2.1\"}],"
        " \"txt.contoso.example\": [{\"type\":\"TXT\",\"data\":\"hello\"}],"
        " \"_dmarc.lost.example\": [{\"type\":\"TXT\",\"data\":\"v=DMARC1; p=reject; sp=invalid\"}]}";
    static const struct {
      const char* from;
      const char* spf;
      const char* result;
      const char* policy;
    } cases[] = {
        {"twice.example", "twice.example:fail", "none", "none"},
        {"contoso.example", "contoso.example:temperror", "temperror", "none"},
        {"contoso.example", "contoso.example:fail", "fail", "reject"},
        {"txt.contoso.example", "contoso.example:fail", "fail", "quarantine"},
        {"ghost.contoso.example", "contoso.example:fail", "fail", "reject"},
        {"lost.example", "lost.example:fail", "none", "none"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
      v = NULL;
      CHECK(maildiag_dmarc_evaluate_zone(receivers, strlen(receivers), cases[i].from,
                                         strlen(cases[i].from), cases[i].spf, strlen(cases[i].spf),
                                         NULL, NULL, 0, &v) == MAILDIAG_OK);
      if (!v) continue;
      if (strcmp(maildiag_dmarc_verdict_result(v), cases[i].result) != 0 ||
          strcmp(maildiag_dmarc_verdict_policy(v), cases[i].policy) != 0)
        fprintf(stderr, "%s: got %s/%s\n", cases[i].from, maildiag_dmarc_verdict_result(v),
                maildiag_dmarc_verdict_policy(v));
      CHECK(strcmp(maildiag_dmarc_verdict_result(v), cases[i].result) == 0);
      CHECK(strcmp(maildiag_dmarc_verdict_policy(v), cases[i].policy) == 0);
      maildiag_dmarc_verdict_free(v);
    }
  }
  CHECK(maildiag_dmarc_evaluate_zone(zone, strlen(zone), "example.com", 11, "nocolon", 7, NULL, NULL,
                                     0, &v) == MAILDIAG_ERROR_PARSE);
  CHECK(maildiag_dmarc_evaluate_zone("{", 1, "example.com", 11, NULL, 0, NULL, NULL, 0, &v) ==
        MAILDIAG_ERROR_PARSE);

  /* RFC 6376 key record */
  const char* key = "v=DKIM1; p=";
  maildiag_dkim_key* k = NULL;
  CHECK(maildiag_dkim_check(key, strlen(key), &k) == MAILDIAG_OK);
  if (k) {
    CHECK(maildiag_dkim_key_valid(k) == 0); /* revoked */
    CHECK(maildiag_dkim_key_bits(k) == 0);
    CHECK(strcmp(maildiag_dkim_key_type(k), "rsa") == 0);
    CHECK(strstr(maildiag_dkim_key_json(k), "dkim.revoked") != NULL);
    maildiag_dkim_key_free(k);
  }

  /* Whole-domain audit: no SPF record is an error with a record to publish */
  maildiag_domain_audit* a = NULL;
  CHECK(maildiag_domain_audit_zone(zone, strlen(zone), "example.com", 11, NULL, NULL, 0, &a) ==
        MAILDIAG_OK);
  if (a) {
    CHECK(maildiag_domain_audit_error_count(a) >= 1);
    CHECK(strstr(maildiag_domain_audit_json(a), "spf.no_record") != NULL);
    maildiag_domain_audit_free(a);
  }

  /* Audits returning owned JSON strings */
  char* json = NULL;
  CHECK(maildiag_dmarc_audit_zone_json(zone, strlen(zone), "example.com", 11, &json) == MAILDIAG_OK);
  if (json) {
    CHECK(strstr(json, "\"policy_domain\":\"example.com\"") != NULL);
    maildiag_string_free(json);
  }
  const char* sel[] = {"selector1"};
  size_t sel_len[] = {9};
  json = NULL;
  CHECK(maildiag_dkim_audit_zone_json(zone, strlen(zone), "example.com", 11, sel, sel_len, 1, &json) ==
        MAILDIAG_OK);
  if (json) {
    CHECK(strstr(json, "dkim.selector_not_found") != NULL);
    maildiag_string_free(json);
  }
  CHECK(maildiag_dkim_audit_zone_json("[", 1, "example.com", 11, NULL, NULL, 0, &json) == MAILDIAG_ERROR_PARSE);

  if (failures) fprintf(stderr, "%d check(s) failed\n", failures);
  return failures ? 1 : 0;
}
