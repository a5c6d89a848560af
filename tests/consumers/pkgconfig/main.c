#include <string.h>

#include <maildiag/maildiag.h>

int main(void) { return strcmp(maildiag_version(), "") == 0; }
