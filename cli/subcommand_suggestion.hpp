// The error for a command line that names a subcommand which does not exist ("maildiag explian"),
// with the nearest real one, or that names none where one is needed ("maildiag dkim"), with the
// choices, instead of CLI11's "A subcommand is required".
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace maildiag::cli {

/// The message to print when argv[1..] names an unknown subcommand at some level, or stops where
/// a subcommand is required; nullopt otherwise.
std::optional<std::string> subcommand_error(const CLI::App& app, int argc, char** argv);

}  // namespace maildiag::cli
