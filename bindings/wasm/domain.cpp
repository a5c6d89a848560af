// The whole-domain audit in the WebAssembly module (sans-IO, like dmarc.cpp).
#include <emscripten/bind.h>

#include <string>
#include <vector>

#include "json_result.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/domain_audit.hpp"
#include "maildiag/domain_audit_json.hpp"

namespace {

std::string wasm_domain_audit(std::string text, std::string selectors, std::string answers) {
  return maildiag::wasm::json_text([&]() -> nlohmann::json {
    std::string domain;
    if (auto error = maildiag::wasm::check_domain_argument("domain", text, domain)) return *error;
    auto sels = maildiag::wasm::string_list(selectors);
    if (!sels) return {{"error", "selectors: expected a JSON array of strings"}};
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    return maildiag::to_json(maildiag::audit_domain(domain, *sels, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_domain) {
  emscripten::function("domainAudit", &wasm_domain_audit);
}
