/* The check of the C API tests: a failed condition is printed with its place and counted, and
 * each test's main() returns failures ? 1 : 0. */
#ifndef MAILDIAG_TESTS_C_CHECK_H
#define MAILDIAG_TESTS_C_CHECK_H

#include <stdio.h>

static int failures = 0;

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
      ++failures;                                                              \
    }                                                                          \
  } while (0)

#endif
