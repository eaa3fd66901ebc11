// `powerdesk bill-run`: batch billing over many customers (docs/batch-billing.md).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace powerdesk::batch {

// Registers the `bill-run` subcommand and its options on the CLI.
CLI::App* add_bill_run_command(CLI::App& app);
// Runs it after parsing; `rules_dir` is the global --rules. Returns the exit status.
int run_bill_run_command(const std::string& rules_dir);

}  // namespace powerdesk::batch
