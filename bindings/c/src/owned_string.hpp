// Strings the C API hands over to the caller, released with free() by maildiag_string_free.
#pragma once

#include <cstdlib>
#include <cstring>
#include <string>

#include "maildiag/c/common.h"

namespace maildiag::c_api {

/// Copies `text` into a malloc'ed NUL-terminated buffer stored in `*out`.
inline int copy_out(const std::string& text, char** out) noexcept {
  char* buffer = static_cast<char*>(std::malloc(text.size() + 1));
  if (!buffer) return MAILDIAG_ERROR_OUT_OF_MEMORY;
  std::memcpy(buffer, text.c_str(), text.size() + 1);
  *out = buffer;
  return MAILDIAG_OK;
}

}  // namespace maildiag::c_api
