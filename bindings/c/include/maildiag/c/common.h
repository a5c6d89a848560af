/* Shared definitions of the maildiag C API: visibility, versions, error codes, owned strings.
 *
 * Conventions of every function in the C API:
 * - strings come in as (const char* data, size_t length); they need not be NUL-terminated;
 * - results are opaque handles created by the library and released with their maildiag_*_free;
 * - strings returned from a handle are borrowed: NUL-terminated, valid until the handle is freed;
 * - functions return 0 or a positive count on success, a negative maildiag_error on failure,
 *   and never let a C++ exception escape. */
#ifndef MAILDIAG_C_COMMON_H
#define MAILDIAG_C_COMMON_H

#include <stddef.h>

#if defined(_WIN32) && defined(MAILDIAG_SHARED)
#  ifdef MAILDIAG_BUILDING
#    define MAILDIAG_API __declspec(dllexport)
#  else
#    define MAILDIAG_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__)
#  define MAILDIAG_API __attribute__((visibility("default")))
#else
#  define MAILDIAG_API
#endif

#define MAILDIAG_C_VERSION_MAJOR 0
#define MAILDIAG_C_VERSION_MINOR 1
#define MAILDIAG_C_VERSION_PATCH 0

#ifdef __cplusplus
extern "C" {
#endif

typedef enum maildiag_error {
  MAILDIAG_OK = 0,
  MAILDIAG_ERROR_INVALID_ARGUMENT = -1, /* a required pointer was NULL */
  MAILDIAG_ERROR_OUT_OF_MEMORY = -2,
  MAILDIAG_ERROR_PARSE = -3,            /* the input could not be read at all */
  MAILDIAG_ERROR_LIMIT = -4,            /* the input exceeds a documented limit */
  MAILDIAG_ERROR_INTERNAL = -5          /* a bug: please report it */
} maildiag_error;

/* The library's version, "major.minor.patch"; a static string. */
MAILDIAG_API const char* maildiag_version(void);

/* A short English description of an error code; a static string. */
MAILDIAG_API const char* maildiag_error_message(int error);

#ifdef __cplusplus
}
#endif

#endif /* MAILDIAG_C_COMMON_H */
