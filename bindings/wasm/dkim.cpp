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
  return json_text([&] { return maildiag::dkim::to_json(maildiag::dkim::parse_pasted_key_record(record)); });
}

// `selectors`: a JSON array of strings (empty: the common selectors); `answers` as in dmarc.cpp.
std::string wasm_dkim_audit(std::string text, std::string selectors, std::string answers) {
  return json_text([&]() -> nlohmann::json {
    std::string domain;
    if (auto error = maildiag::wasm::check_domain_argument("domain", text, domain)) return *error;
    auto sels = maildiag::wasm::string_list(selectors);
    if (!sels) return {{"error", "selectors: expected a JSON array of strings"}};
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    return maildiag::dkim::to_json(maildiag::dkim::audit(domain, *sels, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_dkim) {
  emscripten::function("dkimCheck", &wasm_dkim_check);
  emscripten::function("dkimAudit", &wasm_dkim_audit);
}
