#include "pack_reader.hpp"

#include <set>

namespace powerdesk::pack_reader {

void invalid(FieldReader& r, const std::string& path, const std::string& zh,
             const std::string& en) {
  r.add(make_issue(Code::PackInvalid, path, "规则包无效：" + zh, "Invalid rule pack: " + en));
}

std::optional<Citation> citation(FieldReader& r, const Json& parent, const std::string& path,
                                 bool required) {
  const Json* c = r.object(parent, "citation", path, required);
  if (!c) return std::nullopt;
  const std::string p = pointer_join(path, "citation");
  r.reject_unknown(*c, p, {"document", "date", "note"});
  auto doc = r.string(*c, "document", p, true);
  auto date = r.string(*c, "date", p, true);
  auto note = r.string(*c, "note", p, false);
  if (!doc || !date) return std::nullopt;
  if (doc->empty()) invalid(r, pointer_join(p, "document"), "引用文件不能为空", "citation document is empty");
  return Citation{*doc, *date, note.value_or("")};
}

std::optional<Price> price(FieldReader& r, const Json& parent, std::string_view key,
                           const std::string& path, bool required) {
  return r.decimal<Price::scale>(parent, key, path, required, Price::from_int(0),
                                 Price::from_int(100000));
}

std::optional<Price> price_value(FieldReader& r, const Json& v, const std::string& path) {
  return r.decimal_value<Price::scale>(v, path, Price::from_int(0), Price::from_int(100000));
}

std::optional<Ratio> ratio(FieldReader& r, const Json& parent, std::string_view key,
                           const std::string& path, bool required) {
  return r.decimal<Ratio::scale>(parent, key, path, required, Ratio::from_int(-1000),
                                 Ratio::from_int(1000));
}

std::optional<std::vector<int>> months(FieldReader& r, const Json& parent,
                                       const std::string& path) {
  const Json* a = r.array(parent, "months", path, true);
  if (!a) return std::nullopt;
  std::vector<int> out;
  std::set<int> seen;
  const std::string p = pointer_join(path, "months");
  for (size_t i = 0; i < a->size(); ++i) {
    const Json& m = (*a)[i];
    if (!m.is_number_integer() || m.get<int64_t>() < 1 || m.get<int64_t>() > 12) {
      invalid(r, pointer_join(p, i), "月份应为 1–12 的整数", "a month must be an integer 1-12");
      return std::nullopt;
    }
    const int month = m.get<int>();
    if (!seen.insert(month).second) {
      invalid(r, pointer_join(p, i), "月份重复", "month listed twice");
      return std::nullopt;
    }
    out.push_back(month);
  }
  if (out.empty()) invalid(r, p, "月份列表为空", "month list is empty");
  return out;
}

std::optional<TouPeriod> period(FieldReader& r, const std::string& code, const std::string& path) {
  auto p = tou_period_from_code(code);
  if (!p) {
    r.add(make_issue(Code::TouPeriodUnknown, path, "未知分时时段：" + code,
                     "Unknown TOU period: " + code +
                         " (expected sharp, peak, flat, valley or deep_valley)"));
  }
  return p;
}

}  // namespace powerdesk::pack_reader
