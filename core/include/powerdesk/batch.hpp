// Batch billing (docs/batch-billing.md): customers held once, each reading
// record billed through the typed compute_bill() and written as one compact
// line. The native shell (native/batch) does files, threads, checkpoints and
// PostgreSQL; everything that decides what a bill or a reject says is here.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "powerdesk/batch_records.hpp"
#include "powerdesk/bill.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::batch {

// A customer as billing needs it: names interned as small indices.
struct Customer {
  uint32_t region = 0;
  uint32_t tariff = 0;  // index of the region/tariff pair (totals are kept per pair)
  uint32_t cycle = 0;
  ResidentialInput residential;
};

// Every customer of a run, by id. Memory grows with customers, never with readings.
class CustomerTable {
 public:
  // Reads one customer record; false with issues (unreadable, invalid, unknown
  // region, repeated id) when it is refused.
  bool add(const Json& record, const PackRegistry& packs, RecordIssues& issues);
  const Customer* find(std::string_view id) const;
  size_t size() const { return customers_.size(); }
  const Customer& last() const { return customers_.back(); }  // the one added last

  const std::string& region_name(const Customer& c) const { return regions_[c.region]; }
  const std::string& tariff_code(const Customer& c) const { return tariffs_[c.tariff].second; }
  const std::string& tariff_key(const Customer& c) const { return keys_[c.tariff]; }  // "zhejiang/residential_tou"
  const std::string& cycle_name(const Customer& c) const { return cycles_[c.cycle]; }
  // The cycle (抄表段) of a customer id; nullptr when unknown.
  const std::string* cycle_of(std::string_view id) const;

 private:
  static uint32_t intern(std::vector<std::string>& names, std::unordered_map<std::string, uint32_t>& index,
                         const std::string& name);

  std::deque<std::string> ids_;  // a deque never moves its strings: index_ keys are views into them
  std::unordered_map<std::string_view, uint32_t> index_;
  std::vector<Customer> customers_;
  std::vector<std::string> regions_, cycles_, keys_;
  std::vector<std::pair<uint32_t, std::string>> tariffs_;
  std::unordered_map<std::string, uint32_t> region_index_, cycle_index_, key_index_;
};

// Counts and exact totals of a run; sums, so any order of merging gives the same.
struct TariffTotals {
  int64_t bills = 0;
  Energy kwh;
  Money amount;
};

struct RunTotals {
  int64_t customers_read = 0;
  int64_t customers_rejected = 0;
  int64_t read = 0;  // reading records (not blank lines, not the CSV header)
  int64_t billed = 0;
  int64_t rejected = 0;
  Energy kwh;
  Money amount;
  std::map<std::string, TariffTotals> by_tariff;      // "region/tariff"
  std::map<std::string, int64_t> rejects_by_code;     // first code of each rejected record

  void add_bill(const std::string& tariff_key, Energy kwh, Money amount);
  void add_reject(const RecordIssues& issues);
  void merge(const RunTotals& other);
  Json to_json() const;  // exact decimals as strings
  static std::optional<RunTotals> from_json(const Json& j);
};

enum class OutputFormat { Jsonl, Csv };

// Bills reading records one at a time. One per thread: it keeps its request,
// JSON and scratch buffers between records so the steady state barely allocates.
class Biller {
 public:
  Biller(const PackRegistry& packs, const CustomerTable& customers, InputFormat input,
         const CsvHeader* header, OutputFormat output);

  // Bills one record found on input line `line` (1-based). Appends one bill
  // to `bills`, or one reject to `rejects`; counts it in `totals`.
  bool bill(std::string_view record, int64_t line, std::string& bills, std::string& rejects, RunTotals& totals);

 private:
  const PackRegistry& packs_;
  const CustomerTable& customers_;
  InputFormat input_;
  const CsvHeader* header_;
  OutputFormat output_;
  BillRequest request_;
  Json object_;
  std::vector<std::string> cells_;
  RecordIssues issues_;
};

// Rejects a record without looking at it (a line over kMaxRecordBytes):
// the reject keeps its first bytes only.
void reject_too_long(std::string_view head, int64_t line, size_t bytes, std::string& rejects, RunTotals& totals);

}  // namespace powerdesk::batch
