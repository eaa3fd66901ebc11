// Shared by the batch-billing fuzz targets (docs/batch-billing.md): the fuzzed
// bytes become an in-memory file read by native/batch's own LineReader and
// customers loader, each record is billed by the core's Biller as
// `powerdesk bill-run` does, and the output is checked line by line against
// the records, the totals and the facade (Engine::bill). A violated
// invariant aborts through fuzz::fail like every other target.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/api.hpp"
#include "powerdesk/batch.hpp"

namespace powerdesk::fuzz {

// A file in memory (memfd) that native code can read by descriptor or path.
class MemFile {
 public:
  MemFile();
  ~MemFile();
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  void set(std::string_view text);  // the whole content
  int fd() const { return fd_; }
  std::string path() const;  // /proc/self/fd/N: open() gives a fresh offset

 private:
  int fd_;
};

struct InputLine {
  std::string text;
  int64_t number = 0;
  bool too_long = false;
  size_t bytes = 0;
};

// The lines of `text` as batch::LineReader returns them, checked: numbered
// 1, 2, … with nothing lost or added (the lines joined by '\n' give the text
// back, a leading UTF-8 BOM dropped) and the reader's offset at the end.
std::vector<InputLine> read_lines(std::string_view target, MemFile& file, std::string_view text);

// Not a record: only spaces, tabs and '\r' (as file_run.cpp skips them).
bool blank(std::string_view line);

// Customers, readings format and CSV header of a readings run.
struct RunSetup {
  const Engine& engine;
  const batch::CustomerTable& customers;
  batch::InputFormat format;
  const batch::CsvHeader* header;  // CSV only
};

// Bills `records` as bill-run's workers do and checks the run:
// - every record gives exactly one bill or one reject line, in order;
// - the same records give the same bytes again, and in two chunks with two
//   Billers (two threads) the same bytes and, merged, the same totals;
// - JSONL and CSV output agree: the same rejects, and each CSV row has the
//   JSONL bill's line, customer, cycle, region, tariff, dates, kWh and total;
// - a bill line is canonical JSON naming the reading's customer (which
//   record_customer_id, PostgreSQL mode's filing key, gives too), line and
//   period and its customer's cycle, region and tariff, its total the sum
//   of its lines; a reject line is canonical JSON (invalid UTF-8 shown as
//   U+FFFD) with the record, its line and source, and issues with a PD_ code
//   (never PD_INTERNAL), a path "" or naming a field, both messages;
// - the totals count every record and add up the bill lines exactly, per
//   tariff too; rejects_by_code counts first codes; they survive the
//   checkpoint's to_json/from_json;
// - a reading that reaches the core is billed exactly as Engine::bill bills
//   the same request (same total, energy, line amounts, warnings; or the same
//   error codes).
void check_readings_run(std::string_view target, const RunSetup& setup, const std::vector<InputLine>& records);

// The customers every readings target bills against (tests/fuzz/
// batch_customers.csv: the docs example's, plus every tariff of rules/, one
// two-part tariff batch input cannot bill, one unknown tariff and one unknown
// region), read by native/batch's load_customers as bill-run reads them.
const batch::CustomerTable& fuzz_customers(const Engine& engine);

// The records of a readings file: its lines but blank ones (and, for CSV,
// the header: the first line that is not blank, parsed into `header`; false
// when it is refused, with its issues checked). As file_run.cpp reads them.
bool readings_records(std::string_view target, MemFile& file, std::string_view text, batch::InputFormat format,
                      std::optional<batch::CsvHeader>& header, std::vector<InputLine>& records);

// One readings-file target: the bytes as a file of `format`, its records
// billed against fuzz_customers on the real packs and every invariant of
// check_readings_run checked (nothing when a CSV file has no usable header).
void fuzz_readings_file(std::string_view target, batch::InputFormat format, const uint8_t* data, size_t size);

// One reject line of `source` ("readings" or "customers") for `record`.
void check_reject_line(std::string_view target, std::string_view line, std::string_view source,
                       const InputLine& record);

}  // namespace powerdesk::fuzz
