#include "maildiag/c/common.h"

#include <cstdlib>

#include "maildiag/config.hpp"

extern "C" {

const char* maildiag_version(void) { return maildiag::version(); }

const char* maildiag_error_message(int error) {
  switch (error) {
    case MAILDIAG_OK: return "success";
    case MAILDIAG_ERROR_INVALID_ARGUMENT: return "invalid argument (a required pointer was NULL)";
    case MAILDIAG_ERROR_OUT_OF_MEMORY: return "out of memory";
    case MAILDIAG_ERROR_PARSE: return "the input could not be parsed";
    case MAILDIAG_ERROR_LIMIT: return "the input exceeds a documented limit";
    case MAILDIAG_ERROR_INTERNAL: return "internal error";
    default: return "unknown error";
  }
}

void maildiag_string_free(char* text) { std::free(text); }

}  // extern "C"
