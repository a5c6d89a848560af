// The JSON form of an Explanation: one schema for the CLI's --json, the C API and the WASM module.
#pragma once

#include <nlohmann/json.hpp>

#include "maildiag/explain.hpp"
#include "maildiag/kb/json.hpp"

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
  } else {
    j["class"] = nullptr;
    j["class_meaning"] = nullptr;
  }
  j["permanent"] = e.found() ? nlohmann::json(e.permanent()) : nlohmann::json();
  j["subject"] = e.status ? nlohmann::json(subject_meaning(e.status->subject)) : nlohmann::json();
  auto& codes = j["codes"] = nlohmann::json::array();
  for (const auto& c : e.codes) codes.push_back(to_json(c));
  kb::add_diagnosis_json(j, e.diagnosis, e.text);
  return j;
}

}  // namespace maildiag
