// Text output shared by the dmarc, dkim and domain subcommands: findings under the record they
// are about, with the offending bytes marked.
#pragma once

#include <fmt/format.h>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "maildiag/finding.hpp"

namespace maildiag::cli {

/// Removes a trailing line break (records piped in on standard input end with one).
inline std::string trim_record(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

inline std::string_view severity_label(Severity s) {
  switch (s) {
    case Severity::error: return "error  ";
    case Severity::warning: return "warning";
    case Severity::info: return "info   ";
  }
  return "info   ";
}

/// The bytes a span covers, shortened for display.
inline std::string excerpt(std::string_view record, Span span) {
  if (span.empty() || span.end > record.size() || span.size() == record.size()) return {};
  std::string_view s = record.substr(span.begin, span.size());
  if (s.size() > 40) return std::string(s.substr(0, 37)) + "...";
  return std::string(s);
}

/// Prints the record once, then each finding with the bytes it is about.
inline void print_annotated(std::string_view record, const std::vector<Finding>& findings,
                            std::string_view indent = "  ") {
  std::cout << indent << record << '\n';
  if (findings.empty()) {
    std::cout << '\n' << indent << "No problems found.\n";
    return;
  }
  std::cout << '\n';
  for (const auto& f : findings) {
    std::cout << indent << severity_label(f.severity) << "  " << f.message << "  [" << f.code
              << "]\n";
    if (std::string at = excerpt(record, f.span); !at.empty())
      std::cout << indent << "         At: \"" << at << "\" (bytes " << f.span.begin << "-"
                << f.span.end << ")\n";
    if (!f.fix.empty()) std::cout << indent << "         Fix: " << f.fix << '\n';
  }
}

/// Prints findings that have no position in a record.
inline void print_findings(const std::vector<Finding>& findings, std::string_view indent = "  ") {
  for (const auto& f : findings) {
    std::cout << indent << severity_label(f.severity) << "  " << f.message << "  [" << f.code
              << "]\n";
    if (!f.fix.empty()) std::cout << indent << "         Fix: " << f.fix << '\n';
  }
}

}  // namespace maildiag::cli
