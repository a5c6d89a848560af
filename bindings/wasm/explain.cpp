#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"

namespace {
std::string wasm_explain(std::string text, std::string provider) {
  (void)provider;
  return maildiag::wasm::guarded_json([&] { return maildiag::to_json(maildiag::explain(text)); });
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_explain) {
  emscripten::function("explain", &wasm_explain);
}
