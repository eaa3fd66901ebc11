// Traces: the inputs as evaluated, each matched row with the cells that made
// it match, and which row (or the default) decided.
#include "powerdesk/decision_table.hpp"

namespace powerdesk::decision {
namespace {

Json value_json(const Field& f, Value v, const std::string& rendered) {
  switch (f.type) {
    case ValueType::Boolean: return v != 0;
    case ValueType::Integer: return v;
    default: return rendered;  // decimals as exact strings, enums and dates as text
  }
}

Json row_json(const Table& t, std::span<const Value> facts, const Row& row) {
  Json because = Json::array();
  for (size_t c = 0; c < t.inputs.size(); ++c) {
    const Condition& cond = row.when[c];
    if (cond.any) continue;
    const Field& f = t.schema->fields[static_cast<size_t>(t.inputs[c])];
    const Value v = facts[static_cast<size_t>(t.inputs[c])];
    because.push_back({{"input", f.name}, {"value", value_json(f, v, f.render(v))}, {"test", cond.text}});
  }
  return {{"row", row.id},
          {"outputs", render_outputs(t, row.outputs)},
          {"because", because},
          {"explanation", {{"zh", row.explanation.zh}, {"en", row.explanation.en}}},
          {"citation", citation_json(row.citation)}};
}

}  // namespace

Json render_outputs(const Table& t, const std::vector<Value>& outputs) {
  Json out = Json::object();
  for (size_t i = 0; i < outputs.size() && i < t.outputs.size(); ++i) {
    const Field& f = t.outputs[i];
    out[f.name] = value_json(f, outputs[i], t.render_output(static_cast<int>(i), outputs[i]));
  }
  return out;
}

Json render_trace(const Table& t, std::span<const Value> facts, const Evaluation& e) {
  Json inputs = Json::object();
  for (int field : t.inputs) {
    const Field& f = t.schema->fields[static_cast<size_t>(field)];
    const Value v = facts[static_cast<size_t>(field)];
    inputs[f.name] = value_json(f, v, f.render(v));
  }
  Json matched = Json::array();
  for (int row : e.matched) matched.push_back(row_json(t, facts, t.rows[static_cast<size_t>(row)]));
  Json trace{{"table", t.name},
             {"label", {{"zh", t.label.zh}, {"en", t.label.en}}},
             {"hit_policy", std::string(hit_policy_name(t.policy))},
             {"inputs", inputs},
             {"matched", matched}};
  if (t.policy != HitPolicy::Collect) {
    Json result{{"default", e.default_used}};
    result["row"] = e.chosen >= 0 ? Json(t.rows[static_cast<size_t>(e.chosen)].id) : Json(nullptr);
    if (e.default_used) {
      result["explanation"] = {{"zh", t.default_row->explanation.zh}, {"en", t.default_row->explanation.en}};
      result["citation"] = citation_json(t.default_row->citation);
    }
    trace["result"] = result;
  }
  return trace;
}

}  // namespace powerdesk::decision
