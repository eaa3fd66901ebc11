#include "serve_command.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <pthread.h>
#include <thread>

#include "application_store.hpp"
#include "http_app.hpp"
#include "server_setup.hpp"

namespace powerdesk::server {
namespace {

ServerConfig config;
std::string pinned_today;

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

// libpq's messages span lines ("...failed: Connection refused\n\tIs the server running..."):
// fold them so a failed start is exactly one line of the log.
std::string one_line(std::string text) {
  std::string out;
  bool gap = false;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += out.back() == ' ' ? "" : " ";
    gap = false;
    out += c;
  }
  return out;
}

}  // namespace

CLI::App* add_serve_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("serve", "Run the HTTP server: API, application intake, the portal (docs/server.md)");
  config.database = env_or("POWERDESK_DB", config.database);
  config.staff_tokens_file = env_or("POWERDESK_STAFF_TOKENS", "");
  config.secret_key_file = env_or("POWERDESK_SECRET_KEY_FILE", "");
  cmd->add_option("--host", config.host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", config.port, "Port (0 = any free port, printed at start)")->capture_default_str();
  cmd->add_option("--db", config.database, "SQLite file, or a postgresql:// URL ($POWERDESK_DB)")->capture_default_str();
  cmd->add_option("--portal", config.portal_dir, "Directory of the built portal, served at /");
  cmd->add_option("--staff-tokens", config.staff_tokens_file,
                  "File of \"name sha256-of-token\" lines; without it the staff API is closed ($POWERDESK_STAFF_TOKENS)");
  cmd->add_option("--secret-key-file", config.secret_key_file,
                  "Key for applicants' status secrets; required with PostgreSQL, created beside the SQLite file otherwise");
  cmd->add_option("--threads", config.threads, "Worker threads (default 64)");
  cmd->add_option("--max-body", config.max_body_bytes, "Largest request body in bytes")->capture_default_str();
  cmd->add_option("--submissions-per-minute", config.submissions_per_minute,
                  "Per-client limit on submissions and status lookups (0 = off)")->capture_default_str();
  cmd->add_option("--access-log", config.access_log, "Access log file, - for stderr, empty for none")->capture_default_str();
  cmd->add_option("--today", pinned_today, "Pin the server's date (YYYY-MM-DD), for training systems and tests");
  return cmd;
}

int run_serve_command(const std::string& rules_dir) {
  config.rules_dir = rules_dir;
  // SIGINT/SIGTERM are taken by one thread, which stops the server cleanly:
  // in-flight requests finish, nothing is cut half-way.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  try {
    auto ctx = make_context(config, pinned_today);
    HttpApp app = make_http_app(*ctx);
    const int port = config.port == 0 ? app.server->bind_to_any_port(config.host)
                                      : (app.server->bind_to_port(config.host, config.port) ? config.port : -1);
    if (port < 0) {
      std::cerr << "powerdesk: cannot listen on " << config.host << ":" << config.port << " (in use, or not allowed)\n";
      return 1;
    }
    std::thread stopper([&] {
      int sig = 0;
      sigwait(&signals, &sig);
      app.server->stop();
    });
    std::cerr << "powerdesk: serving http://" << config.host << ":" << port << "/ (" << ctx->store->kind()
              << " schema v" << ctx->store->schema_version() << ", " << ctx->packs.size() << " packs, "
              << (config.portal_dir.empty() ? std::string("no portal") : "portal " + config.portal_dir) << ", "
              << ctx->staff.size() << " staff tokens)\n";
    std::cout << "listening " << port << std::endl;  // for scripts that start it on port 0
    app.server->listen_after_bind();
    pthread_kill(stopper.native_handle(), SIGTERM);  // stopped some other way: release the waiter
    stopper.join();
    std::cerr << "powerdesk: stopped\n";
    return 0;
  } catch (const store::StoreError& e) {
    // One line with the stable code, for operators and their log scanners; the
    // store already replaced any password in the detail with ***.
    std::cerr << "powerdesk: cannot start the server: PD_STORE_UNAVAILABLE 数据库无法打开或连接 / "
                 "the database cannot be opened or reached: "
              << one_line(e.what()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "powerdesk: cannot start the server: " << one_line(e.what()) << "\n";
    return 1;
  }
}

}  // namespace powerdesk::server
