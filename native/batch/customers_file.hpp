// Reading the customers file (JSONL or CSV) into a CustomerTable; refused
// customers become reject lines with source "customers".
#pragma once

#include <optional>
#include <string>

#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

struct LoadedCustomers {
  CustomerTable table;
  std::string rejects;  // reject lines, in file order
  RunTotals totals;     // customers_read, customers_rejected
  std::string header;   // the CSV header line ("" for JSONL)
};

// Adds one customer record; on refusal appends its reject line and counts it.
bool add_customer_record(CustomerTable& table, const PackRegistry& packs, std::string_view record, int64_t line,
                         InputFormat format, const CsvHeader* header, std::string& rejects, RunTotals& totals);

// Reads the whole file, calling on_accepted(line, record, cycle) for each
// customer accepted (the PostgreSQL loader copies them). On a fatal problem (unreadable, bad CSV header) returns
// nothing and sets `error` to a one-line message.
template <typename OnAccepted>
std::optional<LoadedCustomers> load_customers(const std::string& path, InputFormat format, const PackRegistry& packs,
                                              std::string& error, OnAccepted on_accepted);
std::optional<LoadedCustomers> load_customers(const std::string& path, InputFormat format, const PackRegistry& packs,
                                              std::string& error);

}  // namespace powerdesk::batch

#include "customers_file_impl.hpp"
