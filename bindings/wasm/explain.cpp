#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/explain.hpp"
#include "maildiag/explain_json.hpp"
#include "maildiag/kb/entry.hpp"

namespace {
std::string wasm_explain(std::string text, std::string provider) {
  return maildiag::wasm::json_text([&] {
    if (!provider.empty() && !maildiag::kb::find_provider(provider))
      return nlohmann::json{{"error", "unknown provider '" + provider + "'"}};
    return maildiag::to_json(maildiag::explain(text, provider));
  });
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_explain) {
  emscripten::function("explain", &wasm_explain);
}
