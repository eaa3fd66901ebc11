#include "customers_file.hpp"

#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {

std::string describe_issues(const RecordIssues& issues) {
  std::string s;
  for (const RecordIssue& i : issues) {
    if (!s.empty()) s += "; ";
    s += i.code + " " + i.path + " " + i.message.en;
  }
  return s;
}

bool add_customer_record(CustomerTable& table, const PackRegistry& packs, std::string_view record, int64_t line,
                         InputFormat format, const CsvHeader* header, std::string& rejects, RunTotals& totals) {
  RecordIssues issues;
  std::vector<std::string> cells;
  Json obj;
  if (record_object(record, format, header, cells, obj, issues) && table.add(obj, packs, issues)) return true;
  append_reject(rejects, "customers", line, record, issues);
  ++totals.customers_rejected;
  return false;
}

std::optional<LoadedCustomers> load_customers(const std::string& path, InputFormat format, const PackRegistry& packs,
                                              std::string& error) {
  return load_customers(path, format, packs, error, [](int64_t, std::string_view, const std::string&) {});
}

}  // namespace powerdesk::batch
