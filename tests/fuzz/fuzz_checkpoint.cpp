// Fuzzes the checkpoint file of `powerdesk bill-run` (native/batch/
// checkpoint.cpp: Checkpoint::parse, and RunTotals::from_json inside it):
// what --resume reads back after a crash, so a damaged or hand-edited file
// must be refused, never crash. Invariants: a checkpoint that parses writes
// back (to_json) a checkpoint that parses to the same text and is the same
// run as itself; its totals survive RunTotals to_json/from_json.
#include "checkpoint.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace powerdesk;
  const std::string text(fuzz::as_text(data, size));
  const auto c = batch::Checkpoint::parse(text);
  if (!c) return 0;
  const std::string written = c->to_json();
  const auto back = batch::Checkpoint::parse(written);
  if (!back) fuzz::fail("checkpoint", "a checkpoint that parsed does not parse once written", written);
  if (back->to_json() != written) fuzz::fail("checkpoint", "a checkpoint written and read changes", written);
  if (!c->same_run(*back) || !c->same_run(*c)) fuzz::fail("checkpoint", "a checkpoint is not the same run as its copy", written);
  const auto totals = batch::RunTotals::from_json(c->totals.to_json());
  if (!totals || totals->to_json() != c->totals.to_json())
    fuzz::fail("checkpoint", "a checkpoint's totals do not survive to_json/from_json", written);
  return 0;
}
