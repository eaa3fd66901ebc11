// `powerdesk serve`: the HTTP server (docs/server.md).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace powerdesk::server {

// Registers the `serve` subcommand and its options on the CLI.
CLI::App* add_serve_command(CLI::App& app);
// Runs the server until SIGINT/SIGTERM; `rules_dir` is the global --rules.
int run_serve_command(const std::string& rules_dir);

}  // namespace powerdesk::server
