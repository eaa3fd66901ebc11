// Fuzzes the customers file of `powerdesk bill-run` (docs/batch-billing.md)
// through native/batch's load_customers, on the real packs (rules/). The
// first byte picks the format ('c' CSV, anything else JSONL), the rest is the
// file. Invariants: a fatal refusal only for a CSV header, with a PD_ code;
// the same file loads the same way twice; every record that is not blank is
// accepted or gives one reject line (checked as in batch_run.hpp), and the
// counts agree; an accepted customer is in the table with the record's
// cycle, region and tariff. Then two readings for each of the first six
// customers are billed and checked like a readings file (check_readings_run),
// so whatever the loader accepts is billed or refused cleanly.
#include <algorithm>
#include <set>

#include "batch_run.hpp"
#include "customers_file.hpp"
#include "fuzz_support.hpp"
#include "powerdesk/batch_render.hpp"

namespace {

using namespace powerdesk;
using namespace powerdesk::batch;
constexpr std::string_view kTarget = "batch_customers";

struct Accepted {
  int64_t line;
  std::string record, cycle;
};

std::optional<LoadedCustomers> load(const fuzz::MemFile& file, InputFormat format, const Engine& engine,
                                    std::string& error, std::vector<Accepted>& accepted) {
  return load_customers(file.path(), format, engine.packs(), error,
                        [&](int64_t line, std::string_view record, const std::string& cycle) {
                          accepted.push_back({line, std::string(record), cycle});
                        });
}

// The customer record of an accepted line, read again, must be in the table as read.
void check_accepted(const LoadedCustomers& c, const Accepted& a, InputFormat format, const CsvHeader* header) {
  std::vector<std::string> cells;
  Json obj;
  RecordIssues issues;
  std::optional<CustomerRecord> rec;
  if (record_object(a.record, format, header, cells, obj, issues)) rec = read_customer(obj, issues);
  if (!rec) fuzz::fail(kTarget, "an accepted customer record cannot be read again", a.record);
  const Customer* in = c.table.find(rec->id);
  if (!in || c.table.cycle_name(*in) != a.cycle || a.cycle != rec->cycle || c.table.region_name(*in) != rec->region ||
      c.table.tariff_code(*in) != rec->tariff)
    fuzz::fail(kTarget, "an accepted customer is not in the table as its record says", a.record);
}

// Two readings (a month of flat kWh; a year of peak/valley with carry-in) for
// each of the first six customers, as a CSV readings file.
void bill_some(const Engine& engine, const LoadedCustomers& c, const std::vector<Accepted>& accepted,
               InputFormat format, const CsvHeader* header) {
  static const std::string kHeader = "customer,start,end,kwh,kwh_peak,kwh_valley,carry_in_kwh";
  RecordIssues issues;
  static const CsvHeader readings_header = *CsvHeader::parse(kHeader, RecordKind::Reading, issues);
  std::vector<fuzz::InputLine> records;
  for (size_t i = 0; i < accepted.size() && i < 6; ++i) {
    std::vector<std::string> cells;
    Json obj;
    record_object(accepted[i].record, format, header, cells, obj, issues);
    const std::string id = obj["customer"].get<std::string>();
    for (const char* rest : {",2025-03-01,2025-03-31,200,,,", ",2025-01-01,2025-12-31,,1500,900,100"}) {
      std::string line;
      append_csv_field(line, id);
      line += rest;
      records.push_back({line, static_cast<int64_t>(records.size()) + 2, false, line.size()});
    }
  }
  fuzz::check_readings_run(kTarget, {engine, c.table, InputFormat::Csv, &readings_header}, records);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const Engine engine = fuzz::real_rules_engine();
  static fuzz::MemFile file;
  if (size == 0) return 0;
  const InputFormat format = data[0] == 'c' ? InputFormat::Csv : InputFormat::Jsonl;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  const std::vector<fuzz::InputLine> lines = fuzz::read_lines(kTarget, file, text);

  std::string error, error2;
  std::vector<Accepted> accepted, accepted2;
  const auto c = load(file, format, engine, error, accepted);
  const auto again = load(file, format, engine, error2, accepted2);
  if (c.has_value() != again.has_value() || error != error2 ||
      (c && (c->rejects != again->rejects || accepted.size() != accepted2.size())))
    fuzz::fail(kTarget, "the same customers file loaded differently twice", error + (c ? c->rejects : ""));
  if (!c) {
    if (format != InputFormat::Csv || error.find("PD_") == std::string::npos)
      fuzz::fail(kTarget, "a customers file was refused whole, not for its CSV header, or without a PD_ code", error);
    return 0;
  }
  if (!error.empty()) fuzz::fail(kTarget, "a customers file loaded with an error message", error);

  std::optional<CsvHeader> header;
  std::vector<fuzz::InputLine> records;
  bool header_seen = format != InputFormat::Csv;
  for (const fuzz::InputLine& l : lines) {
    if (fuzz::blank(l.text)) continue;
    if (!header_seen) {
      RecordIssues issues;
      header = CsvHeader::parse(l.text, RecordKind::Customer, issues);
      if (!header || header_seen) fuzz::fail(kTarget, "a customers file loaded though its header is refused", l.text);
      header_seen = true;
      if (c->header != l.text) fuzz::fail(kTarget, "LoadedCustomers::header is not the header line", c->header);
      continue;
    }
    records.push_back(l);
  }
  if (c->totals.customers_read != static_cast<int64_t>(records.size()) ||
      c->totals.customers_read != static_cast<int64_t>(accepted.size()) + c->totals.customers_rejected ||
      c->table.size() != accepted.size())
    fuzz::fail(kTarget, "the customer counts do not add up", c->totals.to_json().dump());

  std::set<int64_t> accepted_lines;
  for (const Accepted& a : accepted) {
    accepted_lines.insert(a.line);
    check_accepted(*c, a, format, header ? &*header : nullptr);
  }
  size_t at = 0;
  for (const fuzz::InputLine& r : records) {
    if (accepted_lines.count(r.number)) continue;
    const size_t nl = c->rejects.find('\n', at);
    if (nl == std::string::npos) fuzz::fail(kTarget, "a refused customer has no reject line", r.text);
    fuzz::check_reject_line(kTarget, std::string_view(c->rejects).substr(at, nl + 1 - at), "customers", r);
    at = nl + 1;
  }
  if (at != c->rejects.size()) fuzz::fail(kTarget, "more reject lines than refused customers", c->rejects);
  bill_some(engine, *c, accepted, format, header ? &*header : nullptr);
  return 0;
}
