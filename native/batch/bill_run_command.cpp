// `powerdesk bill-run`: options, pack loading and the choice between file
// mode and the PostgreSQL roles (docs/batch-billing.md).
#include "bill_run_command.hpp"

#include <iostream>

#include "pack_dir.hpp"
#include "run_options.hpp"

namespace powerdesk::batch {
namespace {
RunOptions g_options;  // filled by CLI11 while parsing, read by run_bill_run_command
}  // namespace

InputFormat input_format_for(const std::string& path, const std::string& option) {
  if (option == "csv") return InputFormat::Csv;
  if (option == "jsonl") return InputFormat::Jsonl;
  const bool csv = path.size() >= 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  return csv ? InputFormat::Csv : InputFormat::Jsonl;
}

OutputFormat output_format_of(const std::string& option) {
  return option == "csv" ? OutputFormat::Csv : OutputFormat::Jsonl;
}

CLI::App* add_bill_run_command(CLI::App& app) {
  RunOptions& o = g_options;
  auto* cmd = app.add_subcommand("bill-run", "Batch billing: many customers' readings in, bills, rejects and a summary out");
  cmd->add_option("--readings", o.readings, "Readings file (JSONL, or CSV with a header row)");
  cmd->add_option("--customers", o.customers, "Customers file (JSONL or CSV): id, region, tariff, cycle, household data");
  cmd->add_option("-o,--output", o.output, "Bills file (JSONL, or a CSV summary with --format csv)");
  cmd->add_option("--rejects", o.rejects, "Rejects file (default <output>.rejects.jsonl)");
  cmd->add_option("--summary", o.summary, "Run summary JSON (default <output>.summary.json)");
  cmd->add_option("--format", o.format, "Bills as jsonl or csv")->check(CLI::IsMember({"jsonl", "csv"}));
  cmd->add_option("--input-format", o.input_format, "Readings format: auto (by extension), jsonl, csv")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}));
  cmd->add_option("--customers-format", o.customers_format, "Customers format: auto, jsonl, csv")
      ->check(CLI::IsMember({"auto", "jsonl", "csv"}));
  cmd->add_option("--threads", o.threads, "Billing threads (default: hardware concurrency)")->check(CLI::Range(0u, 256u));
  cmd->add_flag("--resume", o.resume, "Continue an interrupted run from <output>.checkpoint");
  cmd->add_option("--progress", o.progress, "Progress bar on stderr: auto (when a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--chunk", o.chunk_records, "Records per chunk handed to a thread")->check(CLI::Range(1, 1 << 20));
  cmd->add_option("--checkpoint-ms", o.checkpoint_ms, "Milliseconds between checkpoints")->check(CLI::Range(1, 3600000));
  // PostgreSQL mode.
  cmd->add_option("--pg", o.pg_url, "PostgreSQL connection URL: share one run between workers");
  cmd->add_option("--run", o.run, "PostgreSQL: the run's name");
  cmd->add_option("--schema", o.schema, "PostgreSQL: schema of the batch tables (default powerdesk_batch)");
  cmd->add_flag("--load", o.load, "PostgreSQL: create the run from --readings and --customers, one partition per cycle");
  cmd->add_flag("--worker", o.worker, "PostgreSQL: claim and bill partitions until the run is done");
  cmd->add_flag("--export", o.export_run, "PostgreSQL: write the finished run's bills, rejects and summary to files");
  cmd->add_option("--worker-name", o.worker_name, "PostgreSQL: name recorded on finished partitions (default host:pid)");
  cmd->add_option("--partition-delay-ms", o.partition_delay_ms,
                  "PostgreSQL, for tests and demos: pause inside each partition's transaction")
      ->check(CLI::Range(0, 600000));
  return cmd;
}

int run_bill_run_command(const std::string& rules_dir) {
  RunOptions& o = g_options;
  o.rules_dir = rules_dir;
  if (o.pg_url.empty() && (o.load || o.worker || o.export_run)) {
    std::cerr << "powerdesk bill-run: --load, --worker and --export need --pg URL\n";
    return 2;
  }
  if (!o.pg_url.empty() && (o.run.empty() || (o.load + o.worker + o.export_run) != 1)) {
    std::cerr << "powerdesk bill-run: with --pg give --run NAME and one of --load, --worker, --export\n";
    return 2;
  }
  if (!o.pg_url.empty() && o.export_run) return pg_export(o);
  Engine engine;
  auto report = load_pack_dir(engine, rules_dir);
  if (!report.issues.empty()) {
    std::cout << error_response(report.issues).json << "\n";
    std::cerr << "powerdesk bill-run: the rule packs in " << rules_dir << " have problems\n";
    return 2;
  }
  if (o.pg_url.empty()) return run_files(o, engine.packs());
  return o.load ? pg_load(o, engine.packs()) : pg_worker(o, engine.packs());
}

}  // namespace powerdesk::batch
