// Fuzzes a CSV readings file of `powerdesk bill-run` (docs/batch-billing.md):
// the first line that is not blank is the header (CsvHeader::parse, its
// issues checked when refused), the other lines are billed and checked as in
// fuzz_batch_jsonl.cpp (batch_run.hpp lists the invariants).
#include "batch_run.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace powerdesk;
  static const Engine engine = fuzz::real_rules_engine();
  static const batch::CustomerTable& customers = fuzz::fuzz_customers(engine);
  static fuzz::MemFile file;
  std::optional<batch::CsvHeader> header;
  std::vector<fuzz::InputLine> records;
  if (!fuzz::readings_records("batch_csv", file, fuzz::as_text(data, size), batch::InputFormat::Csv, header, records))
    return 0;
  fuzz::check_readings_run("batch_csv", {engine, customers, batch::InputFormat::Csv, &*header}, records);
  return 0;
}
