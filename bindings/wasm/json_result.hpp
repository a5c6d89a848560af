// Every embind function returns its result as JSON text: the JS package parses it, so the module
// keeps one schema (the one the CLI and C API print) and embind stays a thin layer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maildiag/argument_check.hpp"
#include "maildiag/dns/cache.hpp"
#include "maildiag/dns/json.hpp"
#include "maildiag/json_text.hpp"

namespace maildiag::wasm {

/// Runs `body` (returning nlohmann::json) and returns its JSON text. The module is built without
/// exception support, so nothing is caught here: the core's public paths do not throw (see
/// cmake/Dependencies.cmake), and the JS package turns an abort into an Error.
template <typename Body>
std::string json_text(Body&& body) {
  return to_json_text(body());
}

/// The DNS answers gathered so far (JSON, see maildiag/dns/json.hpp; "" for none) in a cache, or
/// the error document to return when JavaScript handed in something malformed.
inline std::optional<nlohmann::json> fill_cache(const std::string& answers, dns::Cache& cache) {
  if (answers.empty()) return std::nullopt;
  std::string why = dns::add_answers_from_json(answers, cache);
  if (why.empty()) return std::nullopt;
  return nlohmann::json{{"error", "answers: " + why}};
}

/// Checks a domain argument as every face does (an email address gives its domain): stores the
/// domain and returns nullopt, or returns the error document naming the argument `what`.
inline std::optional<nlohmann::json> check_domain_argument(const char* what, const std::string& text,
                                                           std::string& domain) {
  CheckedDomain checked = check_domain(text);
  if (!checked.ok()) return nlohmann::json{{"error", std::string(what) + ": " + checked.error}};
  domain = checked.domain;
  return std::nullopt;
}

/// A JSON array of strings ("" for an empty one), or nullopt when it is anything else.
inline std::optional<std::vector<std::string>> string_list(const std::string& json_text) {
  auto list = nlohmann::json::parse(json_text.empty() ? "[]" : json_text, nullptr, false);
  if (!list.is_array()) return std::nullopt;
  std::vector<std::string> out;
  for (const auto& item : list) {
    if (!item.is_string()) return std::nullopt;
    out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace maildiag::wasm
