// Reads decision tables and parameters from a pack: columns, typed cells,
// outputs, rows. Every cell becomes a set of half-open ranges over the
// column's integer domain, so all test forms compile to the same index.
#include <algorithm>
#include <set>

#include "decision_internal.hpp"
#include "pack_reader.hpp"

namespace powerdesk::decision {
namespace {

using detail::Ranges;
namespace pr = pack_reader;

bool plain_name(const std::string& v) {
  return !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
  });
}

std::optional<ValueType> type_from_name(std::string_view n) {
  for (ValueType t : {ValueType::Integer, ValueType::Decimal, ValueType::Boolean, ValueType::Enum,
                      ValueType::Date, ValueType::String})
    if (value_type_name(t) == n) return t;
  return std::nullopt;
}

std::optional<HitPolicy> policy_from_name(std::string_view n) {
  for (HitPolicy p : {HitPolicy::Unique, HitPolicy::Any, HitPolicy::First, HitPolicy::Collect,
                      HitPolicy::Max, HitPolicy::Min})
    if (hit_policy_name(p) == n) return p;
  return std::nullopt;
}

int test_rank(const std::string& op) {
  const char* const order[] = {">=", ">", "<=", "<", "=", "!=", "between", "in", "not_in"};
  for (int i = 0; i < 9; ++i)
    if (op == order[i]) return i;
  return 9;
}

class TableReader {
 public:
  TableReader(FieldReader& r, const Parameters& params) : r_(r), params_(params) {}

  // One value of field f's type; "$name" is looked up in the parameters.
  std::optional<Value> literal(const Field& f, const Json& given, const std::string& path) {
    Json v = given;
    if (v.is_string() && !v.get<std::string>().empty() && v.get<std::string>()[0] == '$') {
      const std::string name = v.get<std::string>().substr(1);
      auto it = params_.find(name);
      if (it == params_.end()) {
        pr::invalid(r_, path, "未知参数 $" + name, "unknown parameter $" + name);
        return std::nullopt;
      }
      const std::string& text = it->second.text;
      v = (text == "true" || text == "false") ? Json(text == "true") : Json(text);
    }
    const std::string expected(value_type_name(f.type));
    auto wrong = [&](const std::string& what_zh, const std::string& what_en) -> std::optional<Value> {
      pr::invalid(r_, path, f.name + " 的取值须为" + what_zh, "a value of " + f.name + " must be " + what_en);
      return std::nullopt;
    };
    switch (f.type) {
      case ValueType::Integer:
      case ValueType::Decimal: {
        std::string text;
        if (v.is_number_integer()) text = std::to_string(v.get<int64_t>());
        else if (v.is_string()) text = v.get<std::string>();
        else return wrong("数值", "a number");
        int64_t units = 0;
        if (parse_decimal_units(text, f.scale, units) != DecimalParseError::None)
          return wrong("最多 " + std::to_string(f.scale) + " 位小数的数值",
                       "a number with at most " + std::to_string(f.scale) + " decimals");
        return in_domain(f, units, path);
      }
      case ValueType::Boolean:
        if (!v.is_boolean()) return wrong("true 或 false", "true or false");
        return v.get<bool>() ? 1 : 0;
      case ValueType::Enum: {
        auto idx = v.is_string() ? f.enum_index(v.get<std::string>()) : std::nullopt;
        if (!idx) {
          return wrong("以下之一：" + f.values_text(), "one of: " + f.values_text());
        }
        return *idx;
      }
      case ValueType::Date: {
        auto d = v.is_string() ? Date::parse(v.get<std::string>()) : std::nullopt;
        if (!d) return wrong("日期 YYYY-MM-DD", "a date YYYY-MM-DD");
        return in_domain(f, d->days(), path);
      }
      case ValueType::String:
        return wrong("（字符串不能作输入列）", "(a string column cannot be an input)");
    }
    return std::nullopt;
  }

  // A value outside the field's domain is almost always a unit slip (V for
  // kV, 元 for 万元): refuse it rather than let the test be always true.
  std::optional<Value> in_domain(const Field& f, Value v, const std::string& path) {
    if (v >= f.min && v <= f.max) return v;
    pr::invalid(r_, path, f.name + " 的取值 " + f.render(v) + " 超出其范围 [" + f.render(f.min) + ", " + f.render(f.max) + "]",
                "value " + f.render(v) + " of " + f.name + " is outside its range [" + f.render(f.min) + ", " + f.render(f.max) + "]");
    return std::nullopt;
  }

  std::optional<Ranges> value_set(const Field& f, const Json& list, const std::string& path,
                                  std::string& text) {
    if (!list.is_array() || list.empty()) {
      pr::invalid(r_, path, "须为非空数组", "must be a non-empty array");
      return std::nullopt;
    }
    Ranges out;
    text += "[";
    for (size_t i = 0; i < list.size(); ++i) {
      auto v = literal(f, list[i], pointer_join(path, i));
      if (!v) return std::nullopt;
      out.push_back({*v, *v + 1});
      text += (i ? ", " : "") + f.render(*v);
    }
    text += "]";
    std::sort(out.begin(), out.end());
    Ranges merged;
    for (const auto& r : out) {
      if (!merged.empty() && r.first <= merged.back().second) merged.back().second = std::max(merged.back().second, r.second);
      else merged.push_back(r);
    }
    return merged;
  }

  // A cell: null (any), a value (=), a list (in) or an object of tests (all hold).
  std::optional<Condition> cell(const Field& f, const Json& c, const std::string& path) {
    Condition out;
    if (c.is_null()) return out;
    out.any = false;
    const Value lo = f.min, hi = f.max + 1;
    const Ranges domain{{lo, hi}};
    Ranges acc = domain;
    if (c.is_array()) {
      std::string text = "in ";
      auto set = value_set(f, c, path, text);
      if (!set) return std::nullopt;
      acc = detail::intersect(acc, *set);
      out.text = text;
    } else if (c.is_object()) {
      if (c.empty()) {
        pr::invalid(r_, path, "测试为空（匹配任意值请省略或写 null）", "no tests (leave the cell out or null to match anything)");
        return std::nullopt;
      }
      // Tests read lower bound first in traces ("≥ 35 and < 110"), whatever
      // order the JSON object keeps.
      std::vector<Json::const_iterator> tests;
      for (auto it = c.begin(); it != c.end(); ++it) tests.push_back(it);
      std::stable_sort(tests.begin(), tests.end(), [](const auto& a, const auto& b) { return test_rank(a.key()) < test_rank(b.key()); });
      for (const auto& it : tests) {
        const std::string op = it.key();
        const std::string p = pointer_join(path, op);
        std::string text = op + " ";
        Ranges part;
        if (op == "in" || op == "not_in") {
          auto set = value_set(f, *it, p, text);
          if (!set) return std::nullopt;
          part = op == "in" ? *set : detail::complement(*set, lo, hi);
        } else if (op == "between") {
          if (!it->is_array() || it->size() != 2) {
            pr::invalid(r_, p, "between 须为 [下限, 上限]", "between needs [low, high]");
            return std::nullopt;
          }
          auto a = literal(f, (*it)[0], pointer_join(p, 0));
          auto b = literal(f, (*it)[1], pointer_join(p, 1));
          if (!a || !b) return std::nullopt;
          if (*a > *b) {
            pr::invalid(r_, p, "下限大于上限", "the low end is above the high end");
            return std::nullopt;
          }
          part = {{*a, *b + 1}};
          text += "[" + f.render(*a) + ", " + f.render(*b) + "]";
        } else {
          auto v = literal(f, *it, p);
          if (!v) return std::nullopt;
          text += f.render(*v);
          if (op == "=") part = {{*v, *v + 1}};
          else if (op == "!=") part = detail::complement({{*v, *v + 1}}, lo, hi);
          else if (op == "<") part = {{lo, *v}};
          else if (op == "<=") part = {{lo, *v + 1}};
          else if (op == ">") part = {{*v + 1, hi}};
          else if (op == ">=") part = {{*v, hi}};
          else {
            pr::invalid(r_, p, "未知测试 " + op + "（可用 = != < <= > >= in not_in between）",
                        "unknown test " + op + " (use = != < <= > >= in not_in between)");
            return std::nullopt;
          }
        }
        acc = detail::intersect(acc, part);
        out.text += (out.text.empty() ? "" : " and ") + text;
      }
    } else {
      auto v = literal(f, c, path);
      if (!v) return std::nullopt;
      acc = detail::intersect(acc, {{*v, *v + 1}});
      out.text = "= " + f.render(*v);
    }
    if (acc.empty()) {
      pr::invalid(r_, path, "没有任何取值能满足此条件", "no value can satisfy this condition");
      return std::nullopt;
    }
    out.ranges = std::move(acc);
    return out;
  }

  std::optional<Field> output_field(const Json& node, const std::string& path) {
    r_.reject_unknown(node, path, {"name", "type", "scale", "values", "labels", "label"});
    auto name = r_.string(node, "name", path, true);
    auto type_name = r_.string(node, "type", path, true);
    if (!name || !type_name) return std::nullopt;
    auto type = type_from_name(*type_name);
    if (!type) {
      pr::invalid(r_, pointer_join(path, "type"), "未知类型 " + *type_name, "unknown type " + *type_name);
      return std::nullopt;
    }
    Field f;
    f.name = *name;
    f.type = *type;
    if (auto label = r_.bilingual(node, "label", path, false)) f.label = *label;
    if (f.type == ValueType::Decimal) f.scale = static_cast<int>(r_.integer(node, "scale", path, true, 0, 8).value_or(0));
    if (f.type == ValueType::Enum) {
      const Json* values = r_.array(node, "values", path, true);
      if (!values) return std::nullopt;
      std::set<std::string> seen;
      for (size_t i = 0; i < values->size(); ++i) {
        if (!(*values)[i].is_string() || !seen.insert((*values)[i].get<std::string>()).second) {
          pr::invalid(r_, pointer_join(pointer_join(path, "values"), i), "须为不重复的字符串", "must be a string not listed before");
          return std::nullopt;
        }
        f.values.push_back((*values)[i].get<std::string>());
      }
      if (f.values.empty()) pr::invalid(r_, pointer_join(path, "values"), "枚举值为空", "no enum values");
      f.labels.assign(f.values.size(), Bilingual{});
      if (const Json* labels = r_.object(node, "labels", path, false)) {
        for (auto it = labels->begin(); it != labels->end(); ++it) {
          auto idx = f.enum_index(it.key());
          auto b = r_.bilingual(*labels, it.key(), pointer_join(path, "labels"), true);
          if (!idx) pr::invalid(r_, pointer_join(pointer_join(path, "labels"), it.key()), "不是声明的枚举值", "not a declared value");
          else if (b) f.labels[static_cast<size_t>(*idx)] = *b;
        }
      }
    }
    return f;
  }

  std::optional<Value> output_value(Table& t, const Field& f, const Json& v, const std::string& path) {
    if (f.type != ValueType::String) return literal(f, v, path);
    if (!v.is_string()) {
      pr::invalid(r_, path, f.name + " 的取值须为字符串", "a value of " + f.name + " must be a string");
      return std::nullopt;
    }
    auto it = std::find(t.output_strings.begin(), t.output_strings.end(), v.get<std::string>());
    if (it != t.output_strings.end()) return static_cast<Value>(it - t.output_strings.begin());
    t.output_strings.push_back(v.get<std::string>());
    return static_cast<Value>(t.output_strings.size() - 1);
  }

  // The shared part of a row and the default: then, explanation, citation.
  bool row_body(Table& t, const Json& node, const std::string& path, Row& row) {
    const Json* then = r_.object(node, "then", path, true);
    auto explanation = r_.bilingual(node, "explanation", path, true);
    auto citation = pr::citation(r_, node, path, true);
    if (!then || !explanation || !citation) return false;
    row.explanation = *explanation;
    row.citation = *citation;
    const std::string tp = pointer_join(path, "then");
    bool ok = true;
    for (auto it = then->begin(); it != then->end(); ++it) {
      if (t.output_index(it.key()) < 0) {
        pr::invalid(r_, pointer_join(tp, it.key()), "未声明的输出 " + it.key(), "undeclared output " + it.key());
        ok = false;
      }
    }
    for (const Field& f : t.outputs) {
      if (!then->contains(f.name)) {
        pr::invalid(r_, tp, "缺少输出 " + f.name, "missing output " + f.name);
        ok = false;
        continue;
      }
      auto v = output_value(t, f, (*then)[f.name], pointer_join(tp, f.name));
      if (!v) ok = false;
      else row.outputs.push_back(*v);
    }
    return ok;
  }

  std::optional<Row> row(Table& t, const Json& node, const std::string& path) {
    r_.reject_unknown(node, path, {"id", "when", "then", "explanation", "citation"});
    Row row;
    auto id = r_.string(node, "id", path, true);
    if (id) row.id = *id;
    bool ok = id.has_value() && row_body(t, node, path, row);
    const Json* when = r_.object(node, "when", path, false);
    row.when.assign(t.inputs.size(), Condition{});
    if (when) {
      const std::string wp = pointer_join(path, "when");
      for (auto it = when->begin(); it != when->end(); ++it) {
        const std::string cp = pointer_join(wp, it.key());
        int column = -1;
        for (size_t c = 0; c < t.inputs.size(); ++c)
          if (t.schema->fields[static_cast<size_t>(t.inputs[c])].name == it.key()) column = static_cast<int>(c);
        if (column < 0) {
          pr::invalid(r_, cp, "表未声明输入列 " + it.key(), "the table has no input column " + it.key());
          ok = false;
          continue;
        }
        const Field& f = t.schema->fields[static_cast<size_t>(t.inputs[static_cast<size_t>(column)])];
        auto c = cell(f, *it, cp);
        if (!c) ok = false;
        else row.when[static_cast<size_t>(column)] = std::move(*c);
      }
    }
    if (!ok) return std::nullopt;
    return row;
  }

  std::optional<Table> table(const std::string& name, const Json& node, const std::string& path,
                             SchemaLookup schemas) {
    if (!node.is_object()) {
      pr::invalid(r_, path, "决策表须为对象", "a decision table must be an object");
      return std::nullopt;
    }
    r_.reject_unknown(node, path, {"label", "facts", "hit_policy", "inputs", "outputs", "default", "rows"});
    const size_t issues_before = r_.issues().size();
    Table t;
    t.name = name;
    auto label = r_.bilingual(node, "label", path, true);
    auto facts = r_.string(node, "facts", path, true);
    auto policy_name = r_.string(node, "hit_policy", path, true);
    const Json* inputs = r_.array(node, "inputs", path, true);
    const Json* outputs = r_.array(node, "outputs", path, true);
    const Json* rows = r_.array(node, "rows", path, true);
    if (!label || !facts || !policy_name || !inputs || !outputs || !rows) return std::nullopt;
    t.label = *label;
    t.schema = schemas(*facts);
    if (!t.schema) {
      pr::invalid(r_, pointer_join(path, "facts"), "未知事实模式 " + *facts, "unknown facts schema " + *facts);
      return std::nullopt;
    }
    auto policy = policy_from_name(*policy_name);
    if (!policy) {
      pr::invalid(r_, pointer_join(path, "hit_policy"), "未知命中策略 " + *policy_name + "（UNIQUE ANY FIRST COLLECT MAX MIN）",
                  "unknown hit policy " + *policy_name + " (UNIQUE ANY FIRST COLLECT MAX MIN)");
      return std::nullopt;
    }
    t.policy = *policy;
    for (size_t i = 0; i < inputs->size(); ++i) {
      const std::string ip = pointer_join(pointer_join(path, "inputs"), i);
      const int field = (*inputs)[i].is_string() ? t.schema->index_of((*inputs)[i].get<std::string>()) : -1;
      if (field < 0) {
        pr::invalid(r_, ip, "事实模式 " + *facts + " 中没有此输入", "no such input in facts schema " + *facts);
      } else if (std::find(t.inputs.begin(), t.inputs.end(), field) != t.inputs.end()) {
        pr::invalid(r_, ip, "输入列重复", "input listed twice");
      } else {
        t.inputs.push_back(field);
      }
    }
    if (t.inputs.size() > 64) pr::invalid(r_, pointer_join(path, "inputs"), "输入列超过 64 个", "more than 64 inputs");
    for (size_t i = 0; i < outputs->size(); ++i) {
      auto f = output_field((*outputs)[i], pointer_join(pointer_join(path, "outputs"), i));
      if (!f) continue;
      if (t.output_index(f->name) >= 0) pr::invalid(r_, pointer_join(pointer_join(path, "outputs"), i), "输出重复", "output listed twice");
      else t.outputs.push_back(std::move(*f));
    }
    if (t.outputs.empty()) pr::invalid(r_, pointer_join(path, "outputs"), "至少需要一个输出", "needs at least one output");
    if ((t.policy == HitPolicy::Max || t.policy == HitPolicy::Min) && !t.outputs.empty() &&
        t.outputs[0].type == ValueType::String) {
      pr::invalid(r_, pointer_join(pointer_join(path, "outputs"), size_t{0}), "MAX/MIN 的第一个输出须可比较（非字符串）",
                  "the first output of a MAX/MIN table must be ordered (not a string)");
    }
    if (r_.issues().size() != issues_before) return std::nullopt;
    if (const Json* def = r_.object(node, "default", path, false)) {
      const std::string dp = pointer_join(path, "default");
      r_.reject_unknown(*def, dp, {"then", "explanation", "citation"});
      Row d;
      d.id = "default";
      if (row_body(t, *def, dp, d)) t.default_row = std::move(d);
    }
    if (rows->empty()) pr::invalid(r_, pointer_join(path, "rows"), "至少需要一行规则", "needs at least one row");
    std::set<std::string> ids;
    for (size_t i = 0; i < rows->size(); ++i) {
      const std::string rp = pointer_join(pointer_join(path, "rows"), i);
      auto row_value = row(t, (*rows)[i], rp);
      if (!row_value) continue;
      if (!ids.insert(row_value->id).second) pr::invalid(r_, pointer_join(rp, "id"), "规则编号重复 " + row_value->id, "repeated row id " + row_value->id);
      t.rows.push_back(std::move(*row_value));
    }
    if (r_.issues().size() != issues_before) return std::nullopt;
    detail::compile(r_, t, path);
    if (r_.issues().size() != issues_before) return std::nullopt;
    return t;
  }

 private:
  FieldReader& r_;
  const Parameters& params_;
};

}  // namespace

Parameters read_parameters(FieldReader& r, const Json& node, const std::string& path) {
  Parameters out;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string p = pointer_join(path, it.key());
    if (!plain_name(it.key())) {
      pr::invalid(r, p, "参数名只能含小写字母、数字、_ . -", "a parameter name must be lower-case letters, digits, _ . -");
      continue;
    }
    if (!it->is_object()) {
      pr::invalid(r, p, "参数须为对象 {value, label, citation}", "a parameter must be an object {value, label, citation}");
      continue;
    }
    r.reject_unknown(*it, p, {"value", "label", "citation"});
    Parameter param;
    const Json* v = it->contains("value") ? &(*it)["value"] : nullptr;
    if (!v) {
      r.add(make_issue(Code::FieldMissing, pointer_join(p, "value"), "缺少字段 value", "Missing field value"));
      continue;
    }
    if (v->is_boolean()) param.text = v->get<bool>() ? "true" : "false";
    else if (v->is_number_integer()) param.text = std::to_string(v->get<int64_t>());
    else if (v->is_string()) param.text = v->get<std::string>();
    else {
      pr::invalid(r, pointer_join(p, "value"), "参数值须为数值、字符串或布尔值", "a parameter value must be a number, string or boolean");
      continue;
    }
    auto label = r.bilingual(*it, "label", p, true);
    auto citation = pr::citation(r, *it, p, true);
    if (!label || !citation) continue;
    param.label = *label;
    param.citation = *citation;
    out.emplace(it.key(), std::move(param));
  }
  return out;
}

std::map<std::string, Table> read_tables(FieldReader& r, const Json& node, const std::string& path,
                                         const Parameters& params, SchemaLookup schemas) {
  std::map<std::string, Table> out;
  TableReader reader(r, params);
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string p = pointer_join(path, it.key());
    if (!plain_name(it.key())) {
      pr::invalid(r, p, "表名只能含小写字母、数字、_ . -", "a table name must be lower-case letters, digits, _ . -");
      continue;
    }
    auto t = reader.table(it.key(), *it, p, schemas);
    if (t) out.emplace(it.key(), std::move(*t));
  }
  return out;
}

}  // namespace powerdesk::decision
