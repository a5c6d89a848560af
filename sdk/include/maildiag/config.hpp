// Build configuration shared by every maildiag header.
//
// One source serves both ways of using the SDK: compiled (link maildiag::maildiag) or
// header-only (maildiag::header-only, which defines MAILDIAG_HEADER_ONLY). Definitions live in
// `*-inl.hpp` files; in header-only mode each header includes its `-inl.hpp`, otherwise the
// matching `sdk/src/*.cpp` compiles it once.
#pragma once

#include "maildiag/export.h"
#include "maildiag/version.h"

#ifdef MAILDIAG_HEADER_ONLY
#  define MAILDIAG_FUNC inline
#else
#  define MAILDIAG_FUNC MAILDIAG_API
#endif

namespace maildiag {

/// The library's version as "major.minor.patch", fixed when the library was built.
MAILDIAG_FUNC const char* version() noexcept;

}  // namespace maildiag

#ifdef MAILDIAG_HEADER_ONLY
#  include "maildiag/config-inl.hpp"
#endif
