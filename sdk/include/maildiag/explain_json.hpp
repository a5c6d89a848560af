// The JSON form of an Explanation: one schema for the CLI's --json, the C API and the WASM module.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/explain.hpp"

namespace maildiag {

inline nlohmann::json to_json(const CodeInText& code) {
  nlohmann::json j;
  if (code.kind == CodeInText::Kind::reply_code) {
    j["kind"] = "reply_code";
    j["code"] = std::to_string(code.reply_code);
  } else {
    j["kind"] = "enhanced_status";
    j["code"] = code.status.to_string();
  }
  j["span"] = {code.span.begin, code.span.end};
  return j;
}

inline nlohmann::json to_json(const Explanation& e) {
  nlohmann::json j;
  j["input"] = e.text;
  j["found"] = e.found();
  j["reply_code"] = e.reply_code ? nlohmann::json(*e.reply_code) : nlohmann::json();
  j["status"] = e.status ? nlohmann::json(e.status->to_string()) : nlohmann::json();
  if (e.klass) {
    j["class"] = to_string(*e.klass);
    j["class_meaning"] = class_meaning(*e.klass);
    j["permanent"] = e.permanent();
  } else {
    j["class"] = nullptr;
    j["class_meaning"] = nullptr;
    j["permanent"] = nullptr;
  }
  j["subject"] = e.status ? nlohmann::json(subject_meaning(e.status->subject)) : nlohmann::json();
  auto& codes = j["codes"] = nlohmann::json::array();
  for (const auto& c : e.codes) codes.push_back(to_json(c));
  return j;
}

}  // namespace maildiag
