/* The C face of the JSON comparison (same_json.test.mjs): reads one input on standard input,
 * runs it through the C API and prints the JSON document the C API returns, byte for byte.
 * Usage: json_driver explain|spf-check|dmarc-check|dkim-check|ndr [PROVIDER] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "maildiag/maildiag.h"

static char* read_all(size_t* length) {
  size_t capacity = 1 << 16;
  char* data = malloc(capacity);
  *length = 0;
  while (data) {
    size_t got = fread(data + *length, 1, capacity - *length, stdin);
    *length += got;
    if (got == 0) break;
    if (*length == capacity) {
      char* bigger = realloc(data, capacity *= 2);
      if (!bigger) free(data);
      data = bigger;
    }
  }
  return data;
}

static int failed(int rc) {
  if (rc == MAILDIAG_OK) return 0;
  fprintf(stderr, "json_driver: %s\n", maildiag_error_message(rc));
  return 1;
}

int main(int argc, char** argv) {
  size_t length = 0;
  char* input = read_all(&length);
  const char* command = argc > 1 ? argv[1] : "";
  const char* provider = argc > 2 ? argv[2] : "";
  int status = 2;
  if (!input) return 1;
  if (strcmp(command, "explain") == 0) {
    maildiag_explanation* e = NULL;
    status = failed(maildiag_explain(input, length, provider, strlen(provider), &e));
    if (!status) fputs(maildiag_explanation_json(e), stdout);
    maildiag_explanation_free(e);
  } else if (strcmp(command, "spf-check") == 0) {
    maildiag_spf_check* c = NULL;
    status = failed(maildiag_spf_check_record(input, length, &c));
    if (!status) fputs(maildiag_spf_check_json(c), stdout);
    maildiag_spf_check_free(c);
  } else if (strcmp(command, "dmarc-check") == 0) {
    maildiag_dmarc_record* r = NULL;
    status = failed(maildiag_dmarc_check(input, length, &r));
    if (!status) fputs(maildiag_dmarc_record_json(r), stdout);
    maildiag_dmarc_record_free(r);
  } else if (strcmp(command, "dkim-check") == 0) {
    maildiag_dkim_key* k = NULL;
    status = failed(maildiag_dkim_check(input, length, &k));
    if (!status) fputs(maildiag_dkim_key_json(k), stdout);
    maildiag_dkim_key_free(k);
  } else if (strcmp(command, "ndr") == 0) {
    maildiag_ndr_report* r = NULL;
    status = failed(maildiag_ndr_parse(input, length, &r));
    if (!status) fputs(maildiag_ndr_json(r), stdout);
    maildiag_ndr_free(r);
  } else {
    fprintf(stderr, "usage: json_driver explain|spf-check|dmarc-check|dkim-check|ndr [PROVIDER]\n");
  }
  free(input);
  return status;
}
