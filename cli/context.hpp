// What every subcommand of the `maildiag` CLI shares: exit codes, output, reading inputs.
#pragma once

#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace maildiag::cli {

/// Exit codes, a public contract (see docs/cli.md).
enum ExitCode : int {
  exit_ok = 0,
  exit_findings = 1,    // the input has error-level findings (lint-like commands)
  exit_usage = 2,       // bad command line
  exit_unreadable = 3,  // an input file or stream could not be read
  exit_dns_unreachable = 4,  // DNS could not be asked: nothing was checked
};

/// Thrown by a subcommand to end the run with a one-line error on stderr.
struct Failure : std::runtime_error {
  int exit_code;
  Failure(int code, const std::string& message) : std::runtime_error(message), exit_code(code) {}
};

struct Context {
  int exit_code = exit_ok;

  /// Prints one JSON document on stdout (pretty, with a final newline).
  void print_json(const nlohmann::json& doc) const;
  /// Reads a whole file, or standard input for "-"; throws Failure(exit_unreadable) on error.
  std::string read_input(const std::string& path) const;
  /// Returns the text arguments joined by single spaces, or standard input when it is just "-".
  std::string text_argument(const std::vector<std::string>& words) const;
  /// The domain `text` names (an email address's domain, said on stderr), checked by the core;
  /// throws Failure(exit_usage) with the reason, naming the argument `what`.
  std::string domain_argument(std::string_view what, const std::string& text) const;
};

void register_explain(CLI::App& app, Context& ctx);
void register_spf(CLI::App& app, Context& ctx);
void register_dmarc(CLI::App& app, Context& ctx);
void register_dkim(CLI::App& app, Context& ctx);
void register_domain(CLI::App& app, Context& ctx);
void register_ndr(CLI::App& app, Context& ctx);

}  // namespace maildiag::cli
