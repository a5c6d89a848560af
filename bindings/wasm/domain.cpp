// The whole-domain audit in the WebAssembly module (sans-IO, like dmarc.cpp).
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "json_result.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"

namespace {

std::string wasm_domain_audit(std::string domain, std::string selectors, std::string answers) {
  return maildiag::wasm::json_text([&]() -> nlohmann::json {
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
    return maildiag::to_json(maildiag::audit_domain(domain, sels, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_domain) {
  emscripten::function("domainAudit", &wasm_domain_audit);
}
