// The error for a command line that names a subcommand which does not exist ("maildiag explian"),
// with the nearest real one, instead of CLI11's "A subcommand is required".
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace maildiag::cli {

/// The message to print when argv[1..] names an unknown subcommand at some level, or nullopt.
std::optional<std::string> unknown_subcommand_error(const CLI::App& app, int argc, char** argv);

}  // namespace maildiag::cli
