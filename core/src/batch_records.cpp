// Batch input records → typed readings and customers, every problem reported.
#include <algorithm>
#include <cstdint>

#include <unicode/utf8.h>

#include "batch_fields.hpp"
#include "powerdesk/batch_records.hpp"

namespace powerdesk::batch {
namespace {

constexpr int kMaxPeriodDays = 366;  // as for a bill request

template <size_t N>
void reject_unknown(FieldReader& r, const Json& obj, const std::array<FieldSpec, N>& specs) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const bool known = std::any_of(specs.begin(), specs.end(), [&](const FieldSpec& f) { return f.name == it.key(); });
    if (!known) {
      const std::string p = pointer_join("", it.key());
      r.add(make_issue(Code::FieldUnknown, p, "未知字段 " + p, "Unknown field " + p));
    }
  }
}

// Well-formed UTF-8 (ICU's U8_NEXT refuses overlong forms, surrogates and
// code points past U+10FFFF). A CSV cell is raw bytes: JSONL input is checked
// by the JSON parser already.
bool utf8(std::string_view s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  const auto length = static_cast<int32_t>(s.size());  // callers check the size first
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

// An identifier (customer id, cycle): 1–64 bytes of UTF-8, no control
// characters, so it can be written to CSV, JSON and SQL unchanged.
bool plain_name(const std::string& s) {
  if (s.empty() || s.size() > kMaxCustomerIdBytes || !utf8(s)) return false;
  return std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

RecordIssues converted(const Issues& issues) {
  RecordIssues out;
  out.reserve(issues.size());
  for (const Issue& i : issues) out.push_back(record_issue(i));
  return out;
}

bool csv_object(std::string_view line, const CsvHeader& header, std::vector<std::string>& cells, Json& out,
                RecordIssues& issues) {
  if (!split_csv(line, cells)) {
    issues.push_back(record_issue(kCsvMalformed, "", "CSV 行的引号不成对或引号后有多余字符",
                                  "The CSV row's quoting is broken"));
    return false;
  }
  if (cells.size() != header.size()) {
    issues.push_back(record_issue(kCsvMalformed, "",
                                  "CSV 行有 " + std::to_string(cells.size()) + " 列，表头有 " + std::to_string(header.size()) + " 列",
                                  "The CSV row has " + std::to_string(cells.size()) + " fields, the header " +
                                      std::to_string(header.size())));
    return false;
  }
  out = Json::object();
  for (size_t i = 0; i < cells.size(); ++i) {
    std::string& c = cells[i];
    if (c.empty()) continue;  // an empty cell is an absent field
    const char t = header.type(i);
    if (t == 'b' && (c == "true" || c == "1")) {
      out[header.name(i)] = true;
    } else if (t == 'b' && (c == "false" || c == "0")) {
      out[header.name(i)] = false;
    } else if (t == 'i' && c.size() <= 9 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      out[header.name(i)] = std::stoi(c);
    } else {
      out[header.name(i)] = std::move(c);  // a bad boolean or integer is refused by the reader with its type
    }
  }
  return true;
}

// An invalid name is reported as PD_FIELD_TYPE; read_customer/read_reading
// give the customer id its own code afterwards.
std::optional<std::string> name_field(FieldReader& r, const Json& obj, std::string_view key) {
  auto s = r.string(obj, key, "", true);
  if (s && !plain_name(*s)) {
    const std::string p = pointer_join("", key);
    r.add(make_issue(Code::FieldType, p,
                     "字段 " + p + " 须为 1–64 字节的 UTF-8 文本且不含控制字符",
                     "Field " + p + " must be 1–64 bytes of UTF-8 text without control characters"));
    return std::nullopt;
  }
  return s;
}

}  // namespace

RecordIssue record_issue(const Issue& issue) {
  return RecordIssue{std::string(code_name(issue.code)), issue.path, issue.message};
}

RecordIssue record_issue(std::string_view code, std::string path, std::string zh, std::string en) {
  return RecordIssue{std::string(code), std::move(path), Bilingual{std::move(zh), std::move(en)}};
}

bool record_object(std::string_view record, InputFormat format, const CsvHeader* header,
                   std::vector<std::string>& scratch, Json& out, RecordIssues& issues) {
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  if (format == InputFormat::Csv) return csv_object(record, *header, scratch, out, issues);
  Result<Json> parsed = parse_json_exact(record);
  if (!parsed.ok()) {
    for (const Issue& i : parsed.issues()) issues.push_back(record_issue(i));
    return false;
  }
  if (!parsed.value().is_object()) {
    issues.push_back(record_issue("PD_FIELD_TYPE", "", "每行须为一个 JSON 对象", "Each line must be one JSON object"));
    return false;
  }
  out = std::move(parsed.value());
  return true;
}

std::optional<CustomerRecord> read_customer(const Json& obj, RecordIssues& issues) {
  Issues core;
  FieldReader r(core);
  reject_unknown(r, obj, kCustomerFields);
  CustomerRecord c;
  auto id = name_field(r, obj, "customer");
  auto region = r.string(obj, "region", "", true);
  auto tariff = r.string(obj, "tariff", "", true);
  auto cycle = name_field(r, obj, "cycle");
  c.residential.household_size = static_cast<int>(r.integer(obj, "household_size", "", false, 1, 50).value_or(0));
  c.residential.low_income = r.boolean(obj, "low_income", "", false).value_or(false);
  c.residential.shared_meter = r.boolean(obj, "shared_meter", "", false).value_or(false);
  c.residential.elect_shared_meter_price = r.boolean(obj, "elect_shared_meter_price", "", false).value_or(false);
  RecordIssues mine = converted(core);
  // The customer id has its own code: an id is what every other record refers to.
  for (RecordIssue& i : mine)
    if (i.path == "/customer" && i.code == "PD_FIELD_TYPE" && id == std::nullopt && obj.contains("customer") &&
        obj["customer"].is_string())
      i.code = std::string(kCustomerIdInvalid);
  if (!mine.empty()) {
    issues.insert(issues.end(), mine.begin(), mine.end());
    return std::nullopt;
  }
  c.id = std::move(*id);
  c.region = std::move(*region);
  c.tariff = std::move(*tariff);
  c.cycle = std::move(*cycle);
  return c;
}

std::optional<ReadingRecord> read_reading(const Json& obj, RecordIssues& issues) {
  Issues core;
  FieldReader r(core);
  reject_unknown(r, obj, kReadingFields);
  ReadingRecord rec;
  auto id = name_field(r, obj, "customer");
  auto start = r.date(obj, "start", "", true);
  auto end = r.date(obj, "end", "", true);
  if (start && end) {
    if (*end < *start) {
      r.add(make_issue(Code::PeriodEndBeforeStart, "/end", "结束日期 " + end->iso() + " 早于开始日期 " + start->iso(),
                       "End date " + end->iso() + " is before start date " + start->iso()));
    } else if (Period{*start, *end}.days() > kMaxPeriodDays) {
      const std::string days = std::to_string(Period{*start, *end}.days());
      r.add(make_issue(Code::PeriodTooLong, "/end", "计费周期 " + days + " 天，超过 366 天",
                       "Billing period of " + days + " days exceeds 366"));
    }
  }
  const auto total = r.decimal<Energy::scale>(obj, "kwh", "", false, Energy{}, kMaxKwh);
  bool by_period = false;
  for (TouPeriod p : kAllTouPeriods) {
    const std::string key = "kwh_" + std::string(tou_period_code(p));
    if (auto v = r.decimal<Energy::scale>(obj, key, "", false, Energy{}, kMaxKwh)) {
      rec.usage.kwh[static_cast<size_t>(p)] = *v;
      by_period = true;
    }
  }
  if (total && by_period) {
    r.add(make_issue(Code::UsageConflict, "/kwh", "kwh 与分时段电量（kwh_peak 等）只能给出一种",
                     "Give kwh or the kWh by period (kwh_peak …), not both"));
  } else if (total) {
    rec.usage.kwh[static_cast<size_t>(TouPeriod::Flat)] = *total;
  } else if (!by_period) {
    const bool any = std::any_of(kReadingFields.begin(), kReadingFields.end(), [&](const FieldSpec& f) {
      return f.name.substr(0, 3) == "kwh" && obj.contains(f.name);
    });
    if (!any)  // a kWh value that failed to parse is already reported
      r.add(make_issue(Code::UsageMissing, "/kwh", "缺少用电量：需要 kwh 或 kwh_peak 等分时段电量",
                       "No consumption: give kwh or the kWh by period (kwh_peak …)"));
  }
  rec.carry_in_kwh = r.decimal<Energy::scale>(obj, "carry_in_kwh", "", false, Energy{}, kMaxKwh).value_or(Energy{});
  RecordIssues mine = converted(core);
  for (RecordIssue& i : mine)
    if (i.path == "/customer" && !id && obj.contains("customer") && obj["customer"].is_string())
      i.code = std::string(kCustomerIdInvalid);
  if (!mine.empty()) {
    issues.insert(issues.end(), mine.begin(), mine.end());
    return std::nullopt;
  }
  rec.customer = std::move(*id);
  rec.period = Period{*start, *end};
  return rec;
}

std::optional<std::string> record_customer_id(std::string_view record, InputFormat format, const CsvHeader* header) {
  std::vector<std::string> cells;
  Json obj;
  RecordIssues ignored;
  if (!record_object(record, format, header, cells, obj, ignored)) return std::nullopt;
  auto it = obj.find("customer");
  if (it == obj.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace powerdesk::batch
