// The JSON form of findings and spans, shared by every area so that a finding reads the same
// whatever produced it: {"code", "severity", "message", "span": [begin, end], "fix"}.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "maildiag/finding.hpp"

namespace maildiag {

/// [begin, end]: byte offsets into the input.
inline nlohmann::json span_json(Span s) { return nlohmann::json::array({s.begin, s.end}); }

inline nlohmann::json finding_json(const Finding& f) {
  return {{"code", f.code},
          {"severity", std::string(to_string(f.severity))},
          {"message", f.message},
          {"span", span_json(f.span)},
          {"fix", f.fix}};
}

inline nlohmann::json findings_json(const std::vector<Finding>& list) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& f : list) out.push_back(finding_json(f));
  return out;
}

}  // namespace maildiag
