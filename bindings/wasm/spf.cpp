// SPF in the WebAssembly module. Calls that need DNS are single sans-IO steps: the JS side
// passes every answer it has (a JSON array) and gets back either the final result or the
// questions still `pending` (wasm/package/spf.mjs drives the loop, doh.mjs answers them).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "json_result.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/spf/audit.hpp"
#include "maildiag/spf/check_host.hpp"
#include "maildiag/spf/json.hpp"
#include "maildiag/spf/validate.hpp"

namespace {

std::string spf_check(std::string record) {
  return maildiag::wasm::json_text([&] { return maildiag::spf::to_json(maildiag::spf::validate_pasted(record)); });
}

// `timestamp` (%{t}, seconds since the epoch) comes from JavaScript, fixed for all the rounds
// of one evaluation so that each round asks the same questions.
std::string spf_evaluate(std::string ip, std::string mail_from, std::string helo, std::string answers,
                         double timestamp) {
  return maildiag::wasm::json_text([&]() -> nlohmann::json {
    maildiag::spf::Request request;
    request.ip = ip;
    request.mail_from = mail_from;
    request.helo = helo;
    if (auto bad = maildiag::spf::check_request(request)) {
      using Field = maildiag::spf::RequestError::Field;
      const char* name = bad->field == Field::ip ? "ip" : bad->field == Field::mail_from ? "mailFrom" : "helo";
      return nlohmann::json{{"error", std::string(name) + ": " + bad->message}};
    }
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    if (timestamp > 0 && timestamp < 1e15) request.timestamp = static_cast<std::uint64_t>(timestamp);
    return maildiag::spf::to_json(maildiag::spf::check_host(request, cache));
  });
}

std::string spf_audit(std::string text, std::string answers) {
  return maildiag::wasm::json_text([&]() -> nlohmann::json {
    std::string domain;
    if (auto error = maildiag::wasm::check_domain_argument("domain", text, domain)) return *error;
    maildiag::dns::Cache cache;
    if (auto error = maildiag::wasm::fill_cache(answers, cache)) return *error;
    return maildiag::spf::to_json(maildiag::spf::audit(domain, cache));
  });
}

}  // namespace

EMSCRIPTEN_BINDINGS(maildiag_spf) {
  emscripten::function("spfCheck", &spf_check);
  emscripten::function("spfEvaluate", &spf_evaluate);
  emscripten::function("spfAudit", &spf_audit);
}
