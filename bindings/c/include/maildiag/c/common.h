/* Shared definitions of the maildiag C API: visibility, versions, error codes, owned strings.
 *
 * Conventions of every function in the C API:
 * - strings come in as (const char* data, size_t length); they need not be NUL-terminated;
 * - results are opaque handles created by the library and released with their maildiag_*_free;
 * - strings returned from a handle are borrowed: NUL-terminated, valid until the handle is freed;
 * - strings handed over to the caller (`char** json_out`) are owned: release them with
 *   maildiag_string_free;
 * - counts and indexes are size_t;
 * - functions return 0 or a positive count on success, a negative maildiag_error on failure,
 *   and never let a C++ exception escape. */
#ifndef MAILDIAG_C_COMMON_H
#define MAILDIAG_C_COMMON_H

#include <stddef.h>

#include "maildiag/export.h"
#include "maildiag/version.h"

#define MAILDIAG_C_VERSION_MAJOR MAILDIAG_VERSION_MAJOR
#define MAILDIAG_C_VERSION_MINOR MAILDIAG_VERSION_MINOR
#define MAILDIAG_C_VERSION_PATCH MAILDIAG_VERSION_PATCH

#ifdef __cplusplus
extern "C" {
#endif

typedef enum maildiag_error {
  MAILDIAG_OK = 0,
  MAILDIAG_ERROR_INVALID_ARGUMENT = -1, /* a required pointer was NULL, or a domain, address or IP
                                         * argument is not one (maildiag/argument_check.hpp) */
  MAILDIAG_ERROR_OUT_OF_MEMORY = -2,
  MAILDIAG_ERROR_PARSE = -3,            /* the input could not be read at all */
  MAILDIAG_ERROR_LIMIT = -4,            /* the input exceeds a documented limit */
  MAILDIAG_ERROR_INTERNAL = -5          /* a bug: please report it */
} maildiag_error;

/* The library's version, "major.minor.patch"; a static string. */
MAILDIAG_API const char* maildiag_version(void);

/* A short English description of an error code; a static string. */
MAILDIAG_API const char* maildiag_error_message(int error);

/* Releases a string the library handed over to the caller (every `char** json_out` result).
 * NULL is ignored. */
MAILDIAG_API void maildiag_string_free(char* text);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_COMMON_H */
