// CSV for batch input: RFC 4180 fields and the header row that names them.
#include <algorithm>

#include "batch_fields.hpp"
#include "powerdesk/batch_records.hpp"

namespace powerdesk::batch {

bool split_csv(std::string_view line, std::vector<std::string>& fields) {
  fields.clear();
  size_t i = 0;
  for (;;) {
    std::string& f = fields.emplace_back();
    if (i < line.size() && line[i] == '"') {
      ++i;
      for (;;) {
        const size_t q = line.find('"', i);
        if (q == std::string_view::npos) return false;  // unterminated quote
        f.append(line, i, q - i);
        if (q + 1 < line.size() && line[q + 1] == '"') {  // "" is one quote
          f.push_back('"');
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      if (i == line.size()) return true;
      if (line[i] != ',') return false;  // text after a closing quote
      ++i;
      continue;
    }
    const size_t c = line.find(',', i);
    const std::string_view cell = line.substr(i, c == std::string_view::npos ? line.size() - i : c - i);
    if (cell.find('"') != std::string_view::npos) return false;  // a quote inside a bare field
    f.assign(cell);
    if (c == std::string_view::npos) return true;
    i = c + 1;
  }
}

std::optional<CsvHeader> CsvHeader::parse(std::string_view line, RecordKind kind, RecordIssues& issues) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::vector<std::string> cells;
  if (!split_csv(line, cells)) {
    issues.push_back(record_issue(kCsvMalformed, "", "CSV 表头的引号不成对", "The CSV header's quoting is broken"));
    return std::nullopt;
  }
  const FieldSpec* specs = kind == RecordKind::Reading ? kReadingFields.data() : kCustomerFields.data();
  const size_t count = kind == RecordKind::Reading ? kReadingFields.size() : kCustomerFields.size();
  CsvHeader h;
  bool ok = true;
  for (const std::string& c : cells) {
    const FieldSpec* s = std::find_if(specs, specs + count, [&](const FieldSpec& f) { return f.name == c; });
    if (s == specs + count) {
      issues.push_back(record_issue("PD_FIELD_UNKNOWN", pointer_join("", c), "CSV 表头含未知列：" + c, "Unknown CSV column: " + c));
      ok = false;
    } else if (std::find(h.names_.begin(), h.names_.end(), c) != h.names_.end()) {
      issues.push_back(record_issue("PD_DUPLICATE_KEY", pointer_join("", c), "CSV 表头重复列：" + c, "Repeated CSV column: " + c));
      ok = false;
    }
    h.names_.push_back(c);
    h.types_.push_back(s == specs + count ? 's' : s->type);
  }
  for (size_t i = 0; i < count; ++i) {
    const std::string name(specs[i].name);
    if (specs[i].required && std::find(h.names_.begin(), h.names_.end(), name) == h.names_.end()) {
      issues.push_back(record_issue("PD_FIELD_MISSING", "/" + name, "CSV 表头缺少必需列：" + name,
                                    "The CSV header lacks the required column: " + name));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return h;
}

}  // namespace powerdesk::batch
