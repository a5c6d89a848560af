#include <string.h>

#include <maildiag/maildiag.h>

int main(void) {
  maildiag_explanation* e = NULL;
  int ok = maildiag_explain("421 4.7.0 try later", 19, NULL, 0, &e) == MAILDIAG_OK &&
           strcmp(maildiag_explanation_class(e), "transient") == 0;
  maildiag_explanation_free(e);
  return ok ? 0 : 1;
}
