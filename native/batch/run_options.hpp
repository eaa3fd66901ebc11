// The options of `powerdesk bill-run` (docs/batch-billing.md), parsed once.
#pragma once

#include <string>

#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

struct RunOptions {
  std::string rules_dir;
  std::string readings, customers;
  std::string output, rejects, summary;  // rejects/summary default to <output>.rejects.jsonl / .summary.json
  std::string input_format = "auto";     // readings: auto (by extension), jsonl, csv
  std::string customers_format = "auto";
  std::string format = "jsonl";          // bills: jsonl or csv
  unsigned threads = 0;                  // 0 = hardware concurrency
  bool resume = false;
  std::string progress = "auto";         // auto (stderr is a terminal), always, never
  int chunk_records = 2048;
  int checkpoint_ms = 1000;
  // PostgreSQL mode
  std::string pg_url, run, schema = "powerdesk_batch", worker_name;
  bool load = false, worker = false, export_run = false;
  int partition_delay_ms = 0;  // testing: pause inside each partition's transaction
};

InputFormat input_format_for(const std::string& path, const std::string& option);
OutputFormat output_format_of(const std::string& option);

// The file-mode run and the three PostgreSQL roles. Each returns the exit status.
int run_files(const RunOptions& o, const PackRegistry& packs);
int pg_load(const RunOptions& o, const PackRegistry& packs);
int pg_worker(const RunOptions& o, const PackRegistry& packs);
int pg_export(const RunOptions& o);

}  // namespace powerdesk::batch
