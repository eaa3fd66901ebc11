// One reading record → one bill line or one reject line.
#include <string>

#include "powerdesk/batch.hpp"
#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {
namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// compute_bill() reports paths into a bill request; a batch user needs the
// field of the reading or customer record that caused it.
std::string record_path(const std::string& bill_path) {
  if (starts_with(bill_path, "/usage/kwh_by_period/")) return "/kwh_" + bill_path.substr(21);
  if (starts_with(bill_path, "/usage")) return "/kwh";
  if (starts_with(bill_path, "/residential/")) return bill_path.substr(12);
  if (bill_path == "/period/end") return "/end";
  if (starts_with(bill_path, "/period")) return "/start";
  if (bill_path.empty() || bill_path == "/region") return bill_path;
  // Request data no record has (a two-part tariff's /capacity_kva, /demand …):
  // the customer's tariff asks for what batch input cannot give.
  return "/tariff";
}

}  // namespace

Biller::Biller(const PackRegistry& packs, const CustomerTable& customers, InputFormat input, const CsvHeader* header,
               OutputFormat output)
    : packs_(packs), customers_(customers), input_(input), header_(header), output_(output) {}

bool Biller::bill(std::string_view record, int64_t line, std::string& bills, std::string& rejects, RunTotals& totals) {
  issues_.clear();
  const auto reject = [&] {
    append_reject(rejects, "readings", line, record, issues_);
    totals.add_reject(issues_);
    return false;
  };
  if (!record_object(record, input_, header_, cells_, object_, issues_)) return reject();
  auto reading = read_reading(object_, issues_);
  if (!reading) return reject();
  const Customer* c = customers_.find(reading->customer);
  if (!c) {
    issues_.push_back(record_issue(kCustomerUnknown, "/customer", "客户 " + reading->customer + " 不在客户文件中（或已被拒绝）",
                                   "Customer " + reading->customer + " is not in the customers file (or was rejected)"));
    return reject();
  }
  // Assigning the same short names reuses the request's buffers.
  request_.region = customers_.region_name(*c);
  request_.tariff = customers_.tariff_code(*c);
  request_.period = reading->period;
  request_.usage = reading->usage;
  request_.residential = c->residential;
  request_.residential.carry_in_kwh = reading->carry_in_kwh;
  Result<Bill> bill = compute_bill(request_, packs_);
  if (!bill.ok()) {
    for (const Issue& i : bill.issues()) {
      if (i.severity != Severity::Error) continue;
      RecordIssue r = record_issue(i);
      r.path = record_path(i.path);
      issues_.push_back(std::move(r));
    }
    if (issues_.empty()) issues_.push_back(record_issue("PD_INTERNAL", "", "计费失败但未给出原因", "Billing failed without a reason"));
    return reject();
  }
  const Bill& b = bill.value();
  const BillIdentity who{reading->customer, customers_.cycle_name(*c), request_.tariff, line};
  if (output_ == OutputFormat::Jsonl) append_bill_jsonl(bills, b, who);
  else append_bill_csv(bills, b, who);
  totals.add_bill(customers_.tariff_key(*c), b.energy_kwh, b.total);
  return true;
}

void reject_too_long(std::string_view head, int64_t line, size_t bytes, std::string& rejects, RunTotals& totals) {
  const RecordIssues issues{record_issue(kRecordTooLong, "",
                                         "记录长 " + std::to_string(bytes) + " 字节，超过 " + std::to_string(kMaxRecordBytes) + " 字节（只保留开头）",
                                         "The record is " + std::to_string(bytes) + " bytes, over the " +
                                             std::to_string(kMaxRecordBytes) + "-byte limit (its start is kept)")};
  append_reject(rejects, "readings", line, head, issues);
  totals.add_reject(issues);
}

}  // namespace powerdesk::batch
