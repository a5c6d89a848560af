// embind glue shared by every capability: the version.
#include <emscripten/bind.h>

#include <string>

#include "maildiag/config.hpp"

namespace {
std::string wasm_version() { return maildiag::version(); }
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_core) {
  emscripten::function("version", &wasm_version);
}
