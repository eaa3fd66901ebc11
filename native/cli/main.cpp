// powerdesk: the command-line shell over the core facade.
//   powerdesk bill [FILE|-]        request JSON in, bill JSON out
//   powerdesk late-fee [FILE|-]    违约金 for overdue arrears
//   powerdesk tier [FILE|-]        star tier (星级客户) and the services owed
//   powerdesk eligibility [FILE|-] may this business request be accepted, and why
//   powerdesk process [FILE|-]     a business's process steps and due dates
//   powerdesk rules check [DIR]    validate rule packs
//   powerdesk rules list           list the packs in use
//   powerdesk serve                the HTTP server (docs/server.md)
//   powerdesk bill-run             batch billing (docs/batch-billing.md)
// Exit status: 0 success, 2 bad input (error JSON on stdout, one line on
// stderr), 1 internal failure.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bill_run_command.hpp"
#include "pack_dir.hpp"
#include "serve_command.hpp"
#include "powerdesk/api.hpp"

namespace {

using powerdesk::Engine;
using powerdesk::Response;

constexpr int kOk = 0;
constexpr int kInternal = 1;
constexpr int kBadInput = 2;

std::string default_rules_dir() {
  if (const char* env = std::getenv("POWERDESK_RULES"); env && *env) return env;
  return POWERDESK_DEFAULT_RULES;
}

// Prints a response (pretty unless --compact) and returns the exit status.
int emit(const Response& r, bool compact) {
  const auto j = nlohmann::json::parse(r.json);
  std::cout << (compact ? r.json : j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)) << "\n";
  if (r.ok) return kOk;
  const auto& first = j["errors"][0];
  const std::string file = first.contains("file") ? " in " + first["file"].get<std::string>() : "";
  std::cerr << "powerdesk: " << first["code"].get<std::string>() << " at '" << first["path"].get<std::string>()
            << "'" << file << ": " << first["message"]["en"].get<std::string>() << " / " << first["message"]["zh"].get<std::string>() << "\n";
  return r.internal_error ? kInternal : kBadInput;
}

bool read_input(const std::string& file, std::string& out) {
  std::stringstream buf;
  if (file == "-") {
    buf << std::cin.rdbuf();
  } else {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) return false;  // a directory "opens" but cannot be read
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    buf << in.rdbuf();
    if (in.bad()) return false;
  }
  out = buf.str();
  return true;
}

int load_rules(Engine& engine, const std::string& dir, bool compact) {
  auto report = powerdesk::load_pack_dir(engine, dir);
  if (report.issues.empty()) return kOk;
  return emit(powerdesk::error_response(report.issues), compact);
}

int run_operation(const std::string& file, const std::string& rules, bool compact,
                  Response (Engine::*op)(std::string_view) const) {
  Engine engine;
  if (int rc = load_rules(engine, rules, compact)) return rc;
  std::string text;
  if (!read_input(file, text)) {
    return emit(powerdesk::error_response({powerdesk::make_issue(
                    powerdesk::Code::FileUnreadable, "", "无法读取输入文件 " + file, "Cannot read input file " + file)}),
                compact);
  }
  return emit((engine.*op)(text), compact);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"PowerDesk: electricity bills and marketing rules from versioned rule packs"};
  app.require_subcommand(1);
  app.fallthrough();  // global options may also follow the subcommand
  std::string rules = default_rules_dir();
  bool compact = false;
  app.add_option("--rules", rules, "Rule-pack directory (default: bundled packs, or $POWERDESK_RULES)");
  app.add_flag("--compact", compact, "Print canonical compact JSON instead of indented JSON");

  std::string bill_file = "-";
  auto* bill = app.add_subcommand("bill", "Compute a bill: request JSON in, bill JSON out");
  bill->add_option("file", bill_file, "Request file, or - for standard input")->capture_default_str();

  std::string fee_file = "-";
  auto* fee = app.add_subcommand("late-fee", "Compute the late-payment penalty (违约金) on arrears");
  fee->add_option("file", fee_file, "Request file, or - for standard input")->capture_default_str();

  // Business-rule operations: request JSON in, decision with its trace out.
  struct Operation {
    const char* name;
    const char* help;
    Response (Engine::*run)(std::string_view) const;
    std::string file = "-";
    CLI::App* cmd = nullptr;
  };
  Operation ops[] = {
      {"tier", "Classify a customer's star tier (星级客户) and list the services owed", &Engine::star_tier},
      {"eligibility", "Decide whether a business request (暂停, 减容, 新装 …) can be accepted", &Engine::eligibility},
      {"process", "List a business's process steps with time limits and due dates", &Engine::process},
      {"validate", "Validate an application (报装): every issue at once, with the documents checklist",
       &Engine::validate_application},
      {"dedupe", "Find likely duplicate customer records (户号, name, address, contact, phone)", &Engine::dedupe},
      {"match", "Rank candidate records against one record, with per-field scores", &Engine::match},
      {"quote", "Instant quote (\"kind\": estimate, forecast, load_shift, contract_demand, power_factor, "
                "substitution, pv, charging) from the same rules as the bill", &Engine::quote},
      {"compare", "Compare the plans a customer may choose (TOU or not, single- or two-part, demand basis) "
                  "and recommend the cheapest", &Engine::compare},
  };
  for (auto& op : ops) {
    op.cmd = app.add_subcommand(op.name, op.help);
    op.cmd->add_option("file", op.file, "Request file, or - for standard input")->capture_default_str();
  }

  auto* rules_cmd = app.add_subcommand("rules", "Inspect rule packs");
  rules_cmd->require_subcommand(1);
  rules_cmd->fallthrough();
  std::string check_dir;
  auto* check = rules_cmd->add_subcommand("check", "Validate every pack in a directory");
  check->add_option("dir", check_dir, "Directory (default: the --rules directory)");
  auto* list = rules_cmd->add_subcommand("list", "List the packs in use");

  auto* serve = powerdesk::server::add_serve_command(app);
  auto* bill_run = powerdesk::batch::add_bill_run_command(app);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? kOk : kBadInput;
  }

  try {
    if (*bill) return run_operation(bill_file, rules, compact, &Engine::bill);
    if (*fee) return run_operation(fee_file, rules, compact, &Engine::late_fee);
    for (const auto& op : ops)
      if (*op.cmd) return run_operation(op.file, rules, compact, op.run);
    if (*check) {
      Engine engine;
      const std::string dir = check_dir.empty() ? rules : check_dir;
      auto report = powerdesk::load_pack_dir(engine, dir);
      if (!report.issues.empty()) return emit(powerdesk::error_response(report.issues), compact);
      const int rc = emit(engine.rules_list(), compact);
      std::cerr << "powerdesk: " << report.files << " pack(s) in " << dir << " are valid\n";
      return rc;
    }
    if (*serve) return powerdesk::server::run_serve_command(rules);
    if (*bill_run) return powerdesk::batch::run_bill_run_command(rules);
    if (*list) {
      Engine engine;
      if (int rc = load_rules(engine, rules, compact)) return rc;
      return emit(engine.rules_list(), compact);
    }
  } catch (const std::exception& e) {
    std::cerr << "powerdesk: internal error: " << e.what() << "\n";
    return kInternal;
  }
  return kInternal;
}
