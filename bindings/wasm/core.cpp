// embind glue shared by every capability: the version, and the check of a domain argument that
// the page runs before it looks anything up (to say when an address's domain is used).
#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/argument_check_json.hpp"
#include "maildiag/config.hpp"

namespace {
std::string wasm_version() { return maildiag::version(); }
std::string wasm_check_domain(std::string text) {
  return maildiag::wasm::json_text([&] { return maildiag::to_json(maildiag::check_domain(text)); });
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_core) {
  emscripten::function("version", &wasm_version);
  emscripten::function("checkDomain", &wasm_check_domain);
}
