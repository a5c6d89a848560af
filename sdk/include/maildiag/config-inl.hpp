#pragma once

#include "maildiag/config.hpp"

namespace maildiag {

MAILDIAG_FUNC const char* version() noexcept { return MAILDIAG_VERSION_STRING; }

}  // namespace maildiag
