/* Domain, address and IP arguments of the C API are checked as every face checks them: a text
 * that is not a domain or an IP is MAILDIAG_ERROR_INVALID_ARGUMENT, an address names its domain. */
#include <string.h>

#include "check.h"
#include "maildiag/maildiag.h"

static const char zone[] = "{\"contoso.example\":[{\"type\":\"TXT\",\"data\":\"v=spf1 -all\"}]}";

static int spf_audit(const char* domain) {
  maildiag_spf_audit* a = NULL;
  int rc = maildiag_spf_audit_zone(domain, strlen(domain), zone, strlen(zone), &a);
  maildiag_spf_audit_free(a);
  return rc;
}

static int spf_eval(const char* ip, const char* from) {
  maildiag_spf_evaluation* e = NULL;
  int rc = maildiag_spf_eval_zone(ip, strlen(ip), from, strlen(from), "", 0, zone, strlen(zone), &e);
  maildiag_spf_evaluation_free(e);
  return rc;
}

static int dmarc_audit(const char* domain) {
  char* json = NULL;
  int rc = maildiag_dmarc_audit_zone_json(zone, strlen(zone), domain, strlen(domain), &json);
  maildiag_string_free(json);
  return rc;
}

static int domain_audit(const char* domain) {
  maildiag_domain_audit* a = NULL;
  int rc = maildiag_domain_audit_zone(zone, strlen(zone), domain, strlen(domain), NULL, NULL, 0, &a);
  maildiag_domain_audit_free(a);
  return rc;
}

int main(void) {
  CHECK(spf_audit("contoso.example") == MAILDIAG_OK);
  CHECK(spf_audit("alice@contoso.example") == MAILDIAG_OK); /* the address names its domain */
  CHECK(spf_audit("not a domain") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(spf_audit("") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(dmarc_audit("not a domain") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(dmarc_audit("contoso.example") == MAILDIAG_OK);
  CHECK(domain_audit("exa mple") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(domain_audit("contoso.example") == MAILDIAG_OK);
  CHECK(spf_eval("192.0.2.7", "user@contoso.example") == MAILDIAG_OK);
  CHECK(spf_eval("not-an-ip", "user@contoso.example") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  CHECK(spf_eval("192.0.2.7", "not an address") == MAILDIAG_ERROR_INVALID_ARGUMENT);
  return failures ? 1 : 0;
}
