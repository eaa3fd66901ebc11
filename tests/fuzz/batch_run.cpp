#include "batch_run.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include <nlohmann/json.hpp>

#include "customers_file.hpp"
#include "fuzz_support.hpp"
#include "line_reader.hpp"
#include "powerdesk/batch_render.hpp"
#include "powerdesk/tou.hpp"

namespace powerdesk::fuzz {
namespace {

using nlohmann::json;
using namespace powerdesk::batch;

std::vector<std::string_view> split_lines(std::string_view text) {  // each ends with '\n'
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t nl = text.find('\n', at);
    const size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    out.push_back(text.substr(at, end - at));
    at = end;
  }
  return out;
}

// The line with its '\n' (which must be there) and "\ufffd" escapes of
// invalid UTF-8 turned back into U+FFFD, parsed; aborts unless it is
// canonical JSON (what parse-then-dump gives back).
json canonical_line(std::string_view target, std::string_view line, const char* what) {
  if (line.empty() || line.back() != '\n') fail(target, "an output line does not end with a newline", line);
  line.remove_suffix(1);
  std::string text;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      if (line.substr(i, 6) == "\\ufffd") {
        text += "\xEF\xBF\xBD";
        i += 5;
      } else {
        text += line.substr(i, 2);
        ++i;
      }
      continue;
    }
    text += line[i];
  }
  const json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) fail(target, what, line);
  if (j.dump() != text) fail(target, "an output line is not canonical JSON (compact, keys sorted)", line);
  return j;
}

bool valid_utf8(const std::string& s) {
  try {
    (void)json(s).dump();  // nlohmann's strict UTF-8 check
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

std::string without_cr(std::string_view s) {
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return std::string(s);
}

// RFC 4180 fields of one CSV output row (written here, not batch::split_csv,
// so the renderer is not checked by its own parser).
std::optional<std::vector<std::string>> csv_fields(std::string_view row) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < row.size(); ++i) {
    const char c = row[i];
    if (quoted) {
      if (c != '"') out.back() += c;
      else if (i + 1 < row.size() && row[i + 1] == '"') out.back() += c, ++i;
      else quoted = false;
    } else if (c == '"' && out.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else if (c == '"') {
      return std::nullopt;
    } else {
      out.back() += c;
    }
  }
  if (quoted) return std::nullopt;
  return out;
}

// A 2-decimal amount or an energy as units; aborts when it is not one.
template <int S>
__int128 units(std::string_view target, const json& v, bool two_decimals, std::string_view line) {
  if (!v.is_string()) fail(target, "an amount or energy is not a string", line);
  const std::string& s = v.get_ref<const std::string&>();
  const auto x = Fixed<S>::parse(s);
  if (!x || x->str(two_decimals ? 2 : 0) != s) fail(target, "an amount or energy is not a canonical decimal", s + "\n" + std::string(line));
  return x->units();
}

struct Pass {
  std::string bills, rejects;
  RunTotals totals;
  std::vector<bool> billed;
};

Pass bill_all(const RunSetup& s, OutputFormat out, const std::vector<InputLine>& records, size_t from, size_t to) {
  Biller biller(s.engine.packs(), s.customers, s.format, s.header, out);
  Pass p;
  for (size_t i = from; i < to; ++i) {
    const InputLine& r = records[i];
    if (r.too_long) {
      reject_too_long(r.text, r.number, r.bytes, p.rejects, p.totals);
      p.billed.push_back(false);
    } else {
      p.billed.push_back(biller.bill(r.text, r.number, p.bills, p.rejects, p.totals));
    }
  }
  return p;
}

// The reading of a record when it can be read (what reaches compute_bill).
std::optional<ReadingRecord> reading_of(const RunSetup& s, const InputLine& r) {
  if (r.too_long) return std::nullopt;
  std::vector<std::string> cells;
  Json obj;
  RecordIssues ignored;
  if (!record_object(r.text, s.format, s.header, cells, obj, ignored)) return std::nullopt;
  return read_reading(obj, ignored);
}

// The facade request of a reading and its customer.
std::string bill_request(const RunSetup& s, const ReadingRecord& rd, const Customer& c) {
  json by = json::object();
  for (TouPeriod p : kAllTouPeriods)
    if (!rd.usage.kwh[static_cast<size_t>(p)].is_zero())
      by[std::string(tou_period_code(p))] = rd.usage.kwh[static_cast<size_t>(p)].str();
  json usage = by.empty() ? json{{"kwh", "0"}} : json{{"kwh_by_period", by}};
  json residential{{"carry_in_kwh", rd.carry_in_kwh.str()},
                   {"low_income", c.residential.low_income},
                   {"shared_meter", c.residential.shared_meter},
                   {"elect_shared_meter_price", c.residential.elect_shared_meter_price}};
  if (c.residential.household_size > 0) residential["household_size"] = c.residential.household_size;
  const json req{{"region", s.customers.region_name(c)},
                 {"tariff", s.customers.tariff_code(c)},
                 {"period", {{"start", rd.period.start.iso()}, {"end", rd.period.end.iso()}}},
                 {"usage", usage},
                 {"residential", residential}};
  return req.dump(-1, ' ', false, json::error_handler_t::replace);
}

void check_against_facade(std::string_view target, const RunSetup& s, const InputLine& r, bool billed,
                          const json* bill, std::string_view reject) {
  const auto rd = reading_of(s, r);
  if (!rd) {
    if (billed) fail(target, "a record that cannot be read was billed", r.text);
    return;
  }
  const Customer* c = s.customers.find(rd->customer);
  if (!c) return;  // PD_CUSTOMER_UNKNOWN, checked with the reject line
  const std::string request = bill_request(s, *rd, *c);
  const Response f = s.engine.bill(request);
  check_response(target, f);
  const std::string detail = "record: " + r.text + "\nrequest: " + request + "\nfacade: " + f.json +
                             "\nbatch: " + (bill ? bill->dump() : std::string(reject));
  if (f.ok != billed) fail(target, "the batch and Engine::bill disagree on whether a reading can be billed", detail);
  const json answer = json::parse(f.json);
  if (!billed) {
    std::vector<std::string> want, got;
    for (const json& e : answer["errors"])
      if (e["severity"] == "error") want.push_back(e["code"].get<std::string>());
    const json rejected = canonical_line(target, reject, "a reject line is not a JSON object");
    for (const json& e : rejected["errors"])
      got.push_back(e["code"].get<std::string>());
    if (want != got) fail(target, "a reading is refused with other codes than Engine::bill gives", detail);
    return;
  }
  const json& res = answer["result"];
  if (res["total"] != (*bill)["total"] || res["energy_kwh"] != (*bill)["energy_kwh"])
    fail(target, "a batch bill's total or energy differs from Engine::bill's", detail);
  std::vector<json> want, got;
  for (const json& l : res["lines"]) want.push_back(l["amount"]);
  for (const json& l : (*bill)["lines"]) got.push_back(l["amount"]);
  if (want != got) fail(target, "a batch bill's line amounts differ from Engine::bill's", detail);
  std::vector<json> ww, gw;
  if (res.contains("warnings"))
    for (const json& w : res["warnings"]) ww.push_back(w["code"]);
  if (bill->contains("warnings"))
    for (const json& w : (*bill)["warnings"]) gw.push_back(w);
  if (ww != gw) fail(target, "a batch bill's warnings differ from Engine::bill's", detail);
}

// One JSONL bill line of record `r`; returns it parsed.
json check_bill_line(std::string_view target, const RunSetup& s, std::string_view line, const InputLine& r) {
  const json b = canonical_line(target, line, "a bill line is not a JSON object");
  const auto rd = reading_of(s, r);
  if (!rd) fail(target, "a bill for a record that cannot be read", line);
  const Customer* c = s.customers.find(rd->customer);
  if (!c) fail(target, "a bill for a reading of no customer", line);
  const auto is = [&](const char* k, const std::string& v) { return b.contains(k) && b[k] == json(v); };
  if (!is("customer", rd->customer)) fail(target, "a bill does not name its reading's customer exactly", line);
  // PostgreSQL mode files a reading under its customer by this alone.
  if (record_customer_id(r.text, s.format, s.header) != rd->customer)
    fail(target, "record_customer_id does not give the billed reading's customer", line);
  if (!is("cycle", s.customers.cycle_name(*c)) || !is("region", s.customers.region_name(*c)) ||
      !is("tariff", s.customers.tariff_code(*c)))
    fail(target, "a bill's cycle, region or tariff is not its customer's", line);
  if (b["line"] != json(r.number)) fail(target, "a bill's line is not its record's", line);
  const json want_period{{"start", rd->period.start.iso()}, {"end", rd->period.end.iso()}, {"days", rd->period.days()}};
  if (b["period"] != want_period) fail(target, "a bill's period is not its reading's", line);
  for (const auto& [k, v] : b.items()) {
    static const char* const kKeys[] = {"customer", "cycle", "energy_kwh", "line", "lines", "packs", "period",
                                        "region", "tariff", "tier_progress", "total", "warnings"};
    if (std::find(std::begin(kKeys), std::end(kKeys), k) == std::end(kKeys)) fail(target, "a bill has an unknown key", line);
  }
  if (!b["lines"].is_array() || !b["packs"].is_array() || b["packs"].empty()) fail(target, "a bill without lines or packs", line);
  __int128 sum = 0;
  for (const json& l : b["lines"]) {
    sum += units<2>(target, l["amount"], true, line);
    if (!l["code"].is_string() || l["code"].get<std::string>().empty()) fail(target, "a bill line without a code", line);
  }
  if (units<2>(target, b["total"], true, line) != sum) fail(target, "a bill's total is not the sum of its lines", line);
  units<3>(target, b["energy_kwh"], false, line);
  if (b.contains("warnings"))
    for (const json& w : b["warnings"])
      if (!w.is_string() || !is_issue_code(w.get<std::string>())) fail(target, "a bill warning is not a PD_ code", line);
  return b;
}

void check_totals(std::string_view target, const RunTotals& t, const std::vector<InputLine>& records,
                  const std::vector<json>& bills, const std::vector<std::string_view>& rejects) {
  const std::string shown = t.to_json().dump();
  if (t.read != static_cast<int64_t>(records.size()) || t.billed != static_cast<int64_t>(bills.size()) ||
      t.rejected != static_cast<int64_t>(rejects.size()) || t.read != t.billed + t.rejected)
    fail(target, "the totals do not count every record once", shown);
  __int128 kwh = 0, amount = 0;
  std::map<std::string, std::array<__int128, 3>> by;
  for (const json& b : bills) {
    const __int128 e = units<3>(target, b["energy_kwh"], false, shown);
    const __int128 a = units<2>(target, b["total"], true, shown);
    kwh += e;
    amount += a;
    auto& x = by[b["region"].get<std::string>() + "/" + b["tariff"].get<std::string>()];
    x[0] += 1, x[1] += e, x[2] += a;
  }
  if (t.kwh.units() != kwh || t.amount.units() != amount) fail(target, "the totals do not add up the bills", shown);
  if (by.size() != t.by_tariff.size()) fail(target, "by_tariff does not have one entry per billed tariff", shown);
  for (const auto& [k, x] : by) {
    const auto it = t.by_tariff.find(k);
    if (it == t.by_tariff.end() || it->second.bills != x[0] || it->second.kwh.units() != x[1] ||
        it->second.amount.units() != x[2])
      fail(target, "a tariff's totals do not add up its bills", k + "\n" + shown);
  }
  std::map<std::string, int64_t> codes;
  for (std::string_view r : rejects) ++codes[canonical_line(target, r, "a reject line is not a JSON object")["errors"][0]["code"].get<std::string>()];
  if (codes != t.rejects_by_code) fail(target, "rejects_by_code does not count the rejects' first codes", shown);
  const auto back = RunTotals::from_json(json::parse(shown));
  if (!back || back->to_json().dump() != shown) fail(target, "the totals do not survive to_json/from_json", shown);
}

}  // namespace

MemFile::MemFile() : fd_(memfd_create("powerdesk-fuzz", MFD_CLOEXEC)) {
  if (fd_ < 0) fail("setup", "memfd_create failed");
}

MemFile::~MemFile() { close(fd_); }

void MemFile::set(std::string_view text) {
  if (ftruncate(fd_, 0) != 0 || pwrite(fd_, text.data(), text.size(), 0) != static_cast<ssize_t>(text.size()))
    fail("setup", "cannot write the in-memory file");
}

std::string MemFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

bool blank(std::string_view line) { return line.find_first_not_of(" \t\r") == std::string_view::npos; }

std::vector<InputLine> read_lines(std::string_view target, MemFile& file, std::string_view text) {
  file.set(text);
  LineReader reader(file.fd(), 0, 1);
  std::vector<InputLine> out;
  Line line;
  std::string joined;
  while (reader.next(line)) {
    if (line.number != static_cast<int64_t>(out.size()) + 1) fail(target, "LineReader numbered a line wrongly");
    if (line.too_long) fail(target, "LineReader called a line under 64 KiB too long", line.text);
    if (line.bytes != line.text.size() || line.text.find('\n') != std::string_view::npos)
      fail(target, "LineReader returned a line with a newline or the wrong length", line.text);
    joined.append(line.text).push_back('\n');
    out.push_back(InputLine{std::string(line.text), line.number, line.too_long, line.bytes});
  }
  if (reader.failed()) fail(target, "LineReader failed on a memory file");
  std::string_view want = text;
  if (want.substr(0, 3) == "\xEF\xBB\xBF") want.remove_prefix(3);
  if (!want.empty() && want.back() != '\n') joined.pop_back();  // a last line without '\n'
  if (joined != want) fail(target, "the lines LineReader returned do not give the file back", joined);
  if (reader.offset() != static_cast<int64_t>(text.size())) fail(target, "LineReader's offset is not the end of the file");
  return out;
}

void check_reject_line(std::string_view target, std::string_view line, std::string_view source, const InputLine& r) {
  const json j = canonical_line(target, line, "a reject line is not a JSON object");
  if (j.size() != 4 || j["source"] != json(std::string(source)) || j["line"] != json(r.number))
    fail(target, "a reject line's keys, source or line are wrong", line);
  const std::string record = without_cr(r.text);
  if (!j["record"].is_string() || (valid_utf8(record) && j["record"] != json(record)))
    fail(target, "a reject line does not hold its record", line);
  if (!j["errors"].is_array() || j["errors"].empty()) fail(target, "a reject line without errors", line);
  // A path names a field of either record kind, or a key of the record itself.
  std::vector<std::string> fields = {"customer", "start", "end", "kwh", "kwh_sharp", "kwh_peak", "kwh_flat", "kwh_valley",
                                     "kwh_deep_valley", "carry_in_kwh", "region", "tariff", "cycle", "household_size",
                                     "low_income", "shared_meter", "elect_shared_meter_price"};
  const json parsed = json::parse(record, nullptr, false);
  if (parsed.is_object())
    for (const auto& [k, v] : parsed.items()) fields.push_back(k);
  for (const json& e : j["errors"]) {
    if (!e.is_object() || e.size() != 3 || !e["code"].is_string() || !e["path"].is_string() ||
        !e["message"].is_object() || e["message"].size() != 2)
      fail(target, "a reject issue is not {code, message: {en, zh}, path}", line);
    const std::string code = e["code"].get<std::string>();
    if (!is_issue_code(code) || code == "PD_INTERNAL") fail(target, "a reject issue's code is not a PD_ code (or is PD_INTERNAL)", line);
    for (const char* lang : {"en", "zh"})
      if (!e["message"][lang].is_string() || e["message"][lang].get<std::string>().empty())
        fail(target, "a reject issue's message.en or message.zh is missing or empty", line);
    const std::string path = e["path"].get<std::string>();
    if (path.empty()) continue;
    if (path.front() != '/' || parsed.is_discarded()) {
      if (path.front() != '/') fail(target, "a reject issue's path is neither \"\" nor a JSON pointer", line);
      continue;
    }
    std::string first = path.substr(1, path.find('/', 1) - 1), name;
    if (parsed.is_array()) {  // a record that is an array: the pointer is where our exact parser stopped in it
      if (first.empty() || first.find_first_not_of("0123456789") != std::string::npos || std::stoull(first) >= parsed.size())
        fail(target, "a reject issue's path is no element of the record", line);
      continue;
    }
    for (size_t i = 0; i < first.size(); ++i) {  // ~1 is '/', ~0 is '~'
      if (first[i] == '~' && i + 1 < first.size() && (first[i + 1] == '0' || first[i + 1] == '1'))
        name += first[++i] == '0' ? '~' : '/';
      else name += first[i];
    }
    if (std::find(fields.begin(), fields.end(), name) == fields.end())
      fail(target, "a reject issue's path names no field of the record", line);
  }
}

const CustomerTable& fuzz_customers(const Engine& engine) {
  static const LoadedCustomers loaded = [&] {
    std::string error;
    auto c = load_customers(POWERDESK_SOURCE_DIR "/tests/fuzz/batch_customers.csv", InputFormat::Csv, engine.packs(), error);
    if (!c || c->table.size() != 19) fail("setup", "tests/fuzz/batch_customers.csv did not load 19 customers", error);
    return std::move(*c);
  }();
  return loaded.table;
}

bool readings_records(std::string_view target, MemFile& file, std::string_view text, InputFormat format,
                      std::optional<CsvHeader>& header, std::vector<InputLine>& records) {
  const std::vector<InputLine> lines = read_lines(target, file, text);
  size_t i = 0;
  if (format == InputFormat::Csv) {
    while (i < lines.size() && blank(lines[i].text)) ++i;
    if (i == lines.size()) return false;  // no header row: bill-run stops before billing
    RecordIssues issues;
    header = CsvHeader::parse(lines[i].text, RecordKind::Reading, issues);
    if (header.has_value() != issues.empty()) fail(target, "a CSV header is refused without issues, or accepted with some");
    std::string shown;
    for (const RecordIssue& r : issues) {
      Issue as_issue = make_issue(Code::FieldType, r.path, r.message.zh, r.message.en);
      if (!is_issue_code(r.code) || r.code == "PD_INTERNAL") fail(target, "a CSV header issue's code is not a PD_ code", r.code);
      check_issue(target, as_issue);
    }
    if (!header) return false;
    ++i;
  }
  for (; i < lines.size(); ++i)
    if (!blank(lines[i].text)) records.push_back(lines[i]);
  return true;
}

void fuzz_readings_file(std::string_view target, InputFormat format, const uint8_t* data, size_t size) {
  static const Engine engine = real_rules_engine();
  static const CustomerTable& customers = fuzz_customers(engine);
  static MemFile file;
  std::optional<CsvHeader> header;
  std::vector<InputLine> records;
  if (!readings_records(target, file, as_text(data, size), format, header, records)) return;
  check_readings_run(target, {engine, customers, format, header ? &*header : nullptr}, records);
}

void check_readings_run(std::string_view target, const RunSetup& s, const std::vector<InputLine>& records) {
  const Pass p = bill_all(s, OutputFormat::Jsonl, records, 0, records.size());
  const Pass again = bill_all(s, OutputFormat::Jsonl, records, 0, records.size());
  if (again.bills != p.bills || again.rejects != p.rejects) fail(target, "the same records gave other bytes", p.bills + p.rejects);
  // Two threads, each with its Biller, each a chunk: the same bytes and totals.
  const size_t half = records.size() / 2;
  Pass a = bill_all(s, OutputFormat::Jsonl, records, 0, half);
  const Pass b = bill_all(s, OutputFormat::Jsonl, records, half, records.size());
  a.totals.merge(b.totals);
  if (a.bills + b.bills != p.bills || a.rejects + b.rejects != p.rejects ||
      a.totals.to_json() != p.totals.to_json())
    fail(target, "billing in two chunks gave other bytes or totals", p.bills + p.rejects);

  const auto bill_lines = split_lines(p.bills);
  const auto reject_lines = split_lines(p.rejects);
  const Pass csv = bill_all(s, OutputFormat::Csv, records, 0, records.size());
  const auto csv_rows = split_lines(csv.bills);
  if (csv.rejects != p.rejects || csv.billed != p.billed) fail(target, "CSV output rejects other records than JSONL", csv.rejects);
  const auto billed = static_cast<size_t>(std::count(p.billed.begin(), p.billed.end(), true));
  if (bill_lines.size() != billed || csv_rows.size() != billed || reject_lines.size() != records.size() - billed)
    fail(target, "not exactly one bill or one reject line per record", p.bills + p.rejects);

  std::vector<json> bills;
  size_t bi = 0, ri = 0;
  for (size_t i = 0; i < records.size(); ++i) {
    const InputLine& r = records[i];
    if (p.billed[i]) {
      const json b = check_bill_line(target, s, bill_lines[bi], r);
      const auto row = csv_fields(csv_rows[bi].substr(0, csv_rows[bi].size() - 1));
      const std::vector<std::string> want = {std::to_string(r.number), b["customer"], b["cycle"], b["region"], b["tariff"],
                                             b["period"]["start"], b["period"]["end"], b["energy_kwh"], b["total"]};
      if (!row || *row != want) fail(target, "a CSV bill row differs from the JSONL bill", std::string(csv_rows[bi]) + std::string(bill_lines[bi]));
      check_against_facade(target, s, r, true, &b, {});
      bills.push_back(b);
      ++bi;
    } else {
      check_reject_line(target, reject_lines[ri], "readings", r);
      check_against_facade(target, s, r, false, nullptr, reject_lines[ri]);
      ++ri;
    }
  }
  check_totals(target, p.totals, records, bills, reject_lines);
}

}  // namespace powerdesk::fuzz
