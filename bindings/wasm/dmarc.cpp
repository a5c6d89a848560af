// DMARC in the WebAssembly module. DNS-based calls are sans-IO: they take the answers gathered
// so far (a JSON array, see maildiag/dns/json.hpp) and return their result with `pending`
// questions; the JS package resolves those over DNS-over-HTTPS and calls again.
#include <emscripten/bind.h>

#include <string>

#include "json_result.hpp"
#include "maildiag/dmarc/audit.hpp"
#include "maildiag/dmarc/json.hpp"
#include "maildiag/dmarc/record.hpp"
#include "maildiag/dmarc/verdict.hpp"
#include "maildiag/dns/json.hpp"

namespace {

using maildiag::wasm::json_text;

std::string wasm_dmarc_check(std::string record) {
  return json_text([&] { return maildiag::dmarc::to_json(maildiag::dmarc::parse_pasted_record(record)); });
}

// `spf` is "DOMAIN:RESULT" or empty; `dkim` a JSON array of "DOMAIN:RESULT" strings.
std::string wasm_dmarc_evaluate(std::string from, std::string spf, std::string dkim,
                                std::string answers) {
  return json_text([&]() -> nlohmann::json {
    namespace dmarc = maildiag::dmarc;
    dmarc::VerdictInput input;
    if (auto error = maildiag::wasm::check_domain_argument("from", from, input.from_domain)) return *error;
    if (!spf.empty()) {
      input.spf = dmarc::parse_auth_result(spf);
      if (!input.spf) return {{"error", "spf: expected DOMAIN:RESULT, got '" + spf + "'"}};
    }
    auto list = nlohmann::json::parse(dkim.empty() ? "[]" : dkim, nullptr, false);
    if (!list.is_array()) return {{"error", "dkim: expected a JSON array of DOMAIN:RESULT"}};
    for (const auto& item : list) {
      auto r = item.is_string() ? dmarc::parse_auth_result(item.get<std::string>()) : std::nullopt;
      if (!r) return {{"error", "dkim: expected DOMAIN:RESULT, got " + maildiag::to_json_text(item)}};
      input.dkim.push_back(std::move(*r));
    }
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    return dmarc::to_json(dmarc::evaluate(input, cache));
  });
}

std::string wasm_dmarc_audit(std::string text, std::string answers) {
  return json_text([&]() -> nlohmann::json {
    std::string domain;
    if (auto error = maildiag::wasm::check_domain_argument("domain", text, domain)) return *error;
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    return maildiag::dmarc::to_json(maildiag::dmarc::audit(domain, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_dmarc) {
  emscripten::function("dmarcCheck", &wasm_dmarc_check);
  emscripten::function("dmarcEvaluate", &wasm_dmarc_evaluate);
  emscripten::function("dmarcAudit", &wasm_dmarc_audit);
}
