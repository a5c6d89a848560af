// Findings: what validators and parsers report about their input.
//
// Every finding has a stable machine code ("spf.too_many_lookups") that tools can match on,
// a plain-language message for people, a severity, the byte span of the input it is about,
// and, where one exists, a suggested fix.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace maildiag {

/// A half-open byte range [begin, end) into the input a result was computed from.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  constexpr std::size_t size() const noexcept { return end - begin; }
  constexpr bool empty() const noexcept { return begin == end; }
  friend constexpr bool operator==(Span a, Span b) noexcept {
    return a.begin == b.begin && a.end == b.end;
  }
};

enum class Severity { info, warning, error };

constexpr std::string_view to_string(Severity s) noexcept {
  switch (s) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "info";
}

struct Finding {
  std::string code;      // stable machine code, e.g. "spf.too_many_lookups"
  Severity severity = Severity::info;
  std::string message;   // plain-language explanation
  Span span;             // where in the input; empty span at 0 when it is about the whole input
  std::string fix;       // suggested fix, empty when there is none
};

/// True when any finding is an error: lint-like commands exit 1 then.
inline bool has_errors(const std::vector<Finding>& findings) noexcept {
  for (const auto& f : findings)
    if (f.severity == Severity::error) return true;
  return false;
}

}  // namespace maildiag
