#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/kb/entry.hpp"
#include "maildiag/kb/json.hpp"

namespace {
// The whole knowledge base as one JSON document, for browsing and search-as-you-type in the page.
std::string wasm_kb_entries() {
  return maildiag::wasm::json_text([] {
    nlohmann::json providers = nlohmann::json::array();
    for (const auto& p : maildiag::kb::providers())
      providers.push_back({{"id", p.id}, {"name", p.name}});
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& e : maildiag::kb::entries()) entries.push_back(maildiag::kb::to_json(e));
    return nlohmann::json{{"providers", std::move(providers)}, {"entries", std::move(entries)}};
  });
}
}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_kb) {
  emscripten::function("kbEntries", &wasm_kb_entries);
}
