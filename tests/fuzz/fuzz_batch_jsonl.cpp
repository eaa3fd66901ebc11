// Fuzzes a JSONL readings file of `powerdesk bill-run` (docs/batch-billing.md)
// on the real packs (rules/) and the customers of batch_customers.csv: the
// bytes are read by native/batch's LineReader, each record billed by the
// core's Biller as bill-run's workers bill it, and the bill and reject lines,
// the totals and Engine::bill's answer for the same readings checked
// (batch_run.hpp lists the invariants).
#include "batch_run.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace powerdesk;
  static const Engine engine = fuzz::real_rules_engine();
  static const batch::CustomerTable& customers = fuzz::fuzz_customers(engine);
  static fuzz::MemFile file;
  std::optional<batch::CsvHeader> header;
  std::vector<fuzz::InputLine> records;
  fuzz::readings_records("batch_jsonl", file, fuzz::as_text(data, size), batch::InputFormat::Jsonl, header, records);
  fuzz::check_readings_run("batch_jsonl", {engine, customers, batch::InputFormat::Jsonl, nullptr}, records);
  return 0;
}
