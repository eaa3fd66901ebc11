// Placeholder until batch billing lands (issue 7).
#include "bill_run_command.hpp"

#include <iostream>

namespace powerdesk::batch {

CLI::App* add_bill_run_command(CLI::App& app) { return app.add_subcommand("bill-run", "Batch billing (not built yet)"); }

int run_bill_run_command(const std::string&) {
  std::cerr << "powerdesk: bill-run is not built yet\n";
  return 1;
}

}  // namespace powerdesk::batch
