// Batch output lines: a bill as one compact JSON line or CSV summary row, a
// rejected record as one JSON line. Keys are sorted and amounts are decimal
// strings, so every line is canonical JSON (the same as a DOM dump).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "powerdesk/batch_records.hpp"
#include "powerdesk/bill.hpp"

namespace powerdesk::batch {

// A JSON string literal (quotes and escapes) appended to `out`.
void append_json_string(std::string& out, std::string_view s);
// A CSV field, quoted only when it must be.
void append_csv_field(std::string& out, std::string_view s);

struct BillIdentity {
  std::string_view customer;
  std::string_view cycle;
  std::string_view tariff;
  int64_t line = 0;  // input line of the reading
};

// {"customer","cycle","energy_kwh","line","lines":[{"amount","code","quantity","unit","unit_price"…}],
//  "packs":["id@version"],"period":{"days","end","start"},"region","tariff","tier_progress"?,"total","warnings"?}
void append_bill_jsonl(std::string& out, const Bill& bill, const BillIdentity& who);

inline constexpr std::string_view kBillCsvHeader = "line,customer,cycle,region,tariff,start,end,kwh,total\n";
void append_bill_csv(std::string& out, const Bill& bill, const BillIdentity& who);

// {"errors":[{"code","message":{"en","zh"},"path"}],"line","record","source"}
void append_reject(std::string& out, std::string_view source, int64_t line, std::string_view record,
                   const RecordIssues& issues);

// The code of a bill line as the full bill names it ("energy.tier1.peak").
std::string bill_line_code(const BillLine& line);

}  // namespace powerdesk::batch
