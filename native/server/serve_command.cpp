// Placeholder while the server is built (issue 7).
#include "serve_command.hpp"

#include <iostream>

namespace powerdesk::server {

CLI::App* add_serve_command(CLI::App& app) { return app.add_subcommand("serve", "HTTP server (not built yet)"); }

int run_serve_command(const std::string&) {
  std::cerr << "powerdesk: serve is not built yet\n";
  return 1;
}

}  // namespace powerdesk::server
