// Every embind function returns its result as JSON text: the JS package parses it, so the module
// keeps one schema (the one the CLI and C API print) and embind stays a thin layer.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace maildiag::wasm {

inline std::string dump(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Runs `body` (returning nlohmann::json) and returns its JSON text. The module is built without
/// exception support, so nothing is caught here: the core's public paths do not throw (see
/// cmake/Dependencies.cmake), and the JS package turns an abort into an Error.
template <typename Body>
std::string json_text(Body&& body) {
  return dump(body());
}

}  // namespace maildiag::wasm
