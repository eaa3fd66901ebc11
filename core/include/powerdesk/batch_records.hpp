// Batch billing input records (docs/batch-billing.md): one reading or one
// customer per JSONL line or CSV row, read into typed values with every
// problem reported as a stable code, a JSON pointer into the record and a
// message in Chinese and English. Both formats share one set of field names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/bill.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk::batch {

enum class InputFormat { Jsonl, Csv };

// Codes only batch billing gives (every other problem keeps the core's PD_ code).
inline constexpr std::string_view kCsvMalformed = "PD_CSV_MALFORMED";          // quoting, column count
inline constexpr std::string_view kCustomerUnknown = "PD_CUSTOMER_UNKNOWN";    // reading of no (valid) customer
inline constexpr std::string_view kCustomerDuplicate = "PD_CUSTOMER_DUPLICATE";  // customers file repeats an id
inline constexpr std::string_view kCustomerIdInvalid = "PD_CUSTOMER_ID_INVALID";  // empty, > 64 bytes, control chars
inline constexpr std::string_view kRecordTooLong = "PD_RECORD_TOO_LONG";       // a line over kMaxRecordBytes

// Longer lines are refused without being held in memory whole.
inline constexpr size_t kMaxRecordBytes = 64 * 1024;
inline constexpr size_t kMaxCustomerIdBytes = 64;

struct RecordIssue {
  std::string code;  // "PD_…"
  std::string path;  // JSON pointer into the record ("/kwh_peak"); "" for the whole record
  Bilingual message;
};
using RecordIssues = std::vector<RecordIssue>;

RecordIssue record_issue(const Issue& issue);
RecordIssue record_issue(std::string_view code, std::string path, std::string zh, std::string en);

enum class RecordKind { Reading, Customer };

// The columns of a CSV file, from its header row. Columns may come in any
// order and optional ones may be left out; unknown or repeated names are
// refused so that a typo never silently drops a value.
class CsvHeader {
 public:
  static std::optional<CsvHeader> parse(std::string_view line, RecordKind kind, RecordIssues& issues);
  size_t size() const { return names_.size(); }
  const std::string& name(size_t i) const { return names_[i]; }
  char type(size_t i) const { return types_[i]; }  // 's' string, 'd' decimal, 'b' boolean, 'i' integer

 private:
  std::vector<std::string> names_;
  std::vector<char> types_;
};

// Splits one CSV line (RFC 4180 quoting; a quoted field cannot hold a line
// break). False when the quoting is broken.
bool split_csv(std::string_view line, std::vector<std::string>& fields);

// One record as a JSON object: a JSONL line parsed exactly (decimals keep
// their text), or a CSV row named by its header with empty cells left out
// and boolean/integer columns typed. False with issues when unreadable.
bool record_object(std::string_view record, InputFormat format, const CsvHeader* header,
                   std::vector<std::string>& scratch, Json& out, RecordIssues& issues);

struct CustomerRecord {
  std::string id;
  std::string region;
  std::string tariff;
  std::string cycle;  // 抄表段: the billing cycle, the unit of work in PostgreSQL mode
  ResidentialInput residential;  // household_size, low_income, shared_meter, elect_shared_meter_price
};
std::optional<CustomerRecord> read_customer(const Json& record, RecordIssues& issues);

struct ReadingRecord {
  std::string customer;
  Period period;
  Usage usage;
  Energy carry_in_kwh;  // kWh already used this tier year before the period
};
std::optional<ReadingRecord> read_reading(const Json& record, RecordIssues& issues);

// Just the "customer" member, when it can be read (PostgreSQL mode files a
// reading under its customer's cycle before billing it).
std::optional<std::string> record_customer_id(std::string_view record, InputFormat format,
                                              const CsvHeader* header);

}  // namespace powerdesk::batch
