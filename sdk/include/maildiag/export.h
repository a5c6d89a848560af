/* MAILDIAG_API marks what a shared maildiag library exports: the C API and the C++ API's
 * functions and polymorphic classes. Everything else stays hidden (the library is built with
 * hidden visibility). CMake defines MAILDIAG_SHARED for a shared library, for the library and
 * for its users alike, and MAILDIAG_BUILDING while it compiles the library itself. */
#ifndef MAILDIAG_EXPORT_H
#define MAILDIAG_EXPORT_H

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

#endif /* MAILDIAG_EXPORT_H */
