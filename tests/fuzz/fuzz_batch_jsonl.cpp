// Fuzzes a JSONL readings file of `powerdesk bill-run` (docs/batch-billing.md)
// on the real packs (rules/) and the customers of batch_customers.csv: the
// bytes are read by native/batch's LineReader, each record billed by the
// core's Biller as bill-run's workers bill it, and the bill and reject lines,
// the totals and Engine::bill's answer for the same readings checked
// (batch_run.hpp lists the invariants).
#include "batch_run.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  powerdesk::fuzz::fuzz_readings_file("batch_jsonl", powerdesk::batch::InputFormat::Jsonl, data, size);
  return 0;
}
