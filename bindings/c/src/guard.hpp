// The one place the C API turns C++ failures into error codes: nothing may cross `extern "C"`.
#pragma once

#include <exception>
#include <new>

#include "maildiag/c/common.h"

namespace maildiag::c_api {

template <typename Body>
int guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return MAILDIAG_ERROR_OUT_OF_MEMORY;
  } catch (...) {
    return MAILDIAG_ERROR_INTERNAL;
  }
}

}  // namespace maildiag::c_api
