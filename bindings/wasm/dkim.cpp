// DKIM in the WebAssembly module: key record checks (offline) and the sans-IO selector audit.
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "json_result.hpp"
#include "maildiag/dkim/audit.hpp"
#include "maildiag/dkim/json.hpp"
#include "maildiag/dkim/key_record.hpp"
#include "maildiag/dns/json.hpp"

namespace {

using maildiag::wasm::json_text;

std::string wasm_dkim_check(std::string record) {
  return json_text([&] { return maildiag::dkim::to_json(maildiag::dkim::parse_key_record(record)); });
}

// `selectors`: a JSON array of strings (empty: the common selectors); `answers` as in dmarc.cpp.
std::string wasm_dkim_audit(std::string domain, std::string selectors, std::string answers) {
  return json_text([&]() -> nlohmann::json {
    auto list = nlohmann::json::parse(selectors.empty() ? "[]" : selectors, nullptr, false);
    if (!list.is_array()) return {{"error", "selectors: expected a JSON array of strings"}};
    std::vector<std::string> sels;
    for (const auto& s : list) {
      if (!s.is_string()) return {{"error", "selectors: expected a JSON array of strings"}};
      sels.push_back(s.get<std::string>());
    }
    maildiag::dns::Cache cache;
    if (!answers.empty()) {
      std::string why = maildiag::dns::add_answers_from_json(answers, cache);
      if (!why.empty()) return {{"error", "answers: " + why}};
    }
    return maildiag::dkim::to_json(maildiag::dkim::audit(domain, sels, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_dkim) {
  emscripten::function("dkimCheck", &wasm_dkim_check);
  emscripten::function("dkimAudit", &wasm_dkim_audit);
}
