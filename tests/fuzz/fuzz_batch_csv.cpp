// Fuzzes a CSV readings file of `powerdesk bill-run` (docs/batch-billing.md):
// the first line that is not blank is the header (CsvHeader::parse, its
// issues checked when refused), the other lines are billed and checked as in
// fuzz_batch_jsonl.cpp (batch_run.hpp lists the invariants).
#include "batch_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  powerdesk::fuzz::fuzz_readings_file("batch_csv", powerdesk::batch::InputFormat::Csv, data, size);
  return 0;
}
