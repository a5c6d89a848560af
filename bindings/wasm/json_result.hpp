// Every embind function returns its result as JSON text: the JS package parses it, so the module
// keeps one schema (the one the CLI and C API print) and embind stays a thin layer.
#pragma once

#include <exception>
#include <string>

#include <nlohmann/json.hpp>

namespace maildiag::wasm {

inline std::string dump(const nlohmann::json& doc) {
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Runs `body` (returning nlohmann::json) and turns any C++ failure into {"error": "..."}, so
/// that nothing thrown ever reaches JavaScript as a trap.
template <typename Body>
std::string guarded_json(Body&& body) noexcept {
  try {
    return dump(body());
  } catch (const std::exception& e) {
    return dump(nlohmann::json{{"error", e.what()}});
  } catch (...) {
    return R"({"error":"internal error"})";
  }
}

}  // namespace maildiag::wasm
