// Deciding a business request: the facts of the request, the business's
// eligibility table (every matching row is a reason; the gravest decides),
// and the supply decisions whose facts are known.
#include "powerdesk/eligibility.hpp"

#include <algorithm>

#include "pack_reader.hpp"

namespace powerdesk {
namespace {

using decision::Table;

const char* const kDecisionValues[] = {"eligible", "manual_review", "not_eligible"};

std::string eligibility_table_name(const std::string& business) { return "eligibility." + business; }

// Request fields the table's columns need that the request does not give.
std::vector<std::string> missing_for(const Table& t, const BusinessFacts& f) {
  std::vector<std::string> out;
  for (int field : t.inputs) {
    if (f.known[static_cast<size_t>(field)]) continue;
    for (const auto& p : f.missing[static_cast<size_t>(field)])
      if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  }
  return out;
}

}  // namespace

void check_table_contracts(FieldReader& r, const std::map<std::string, Table>& tables, const std::string& path) {
  for (const auto& [name, t] : tables) {
    const std::string p = pointer_join(path, name);
    if (name.rfind("eligibility.", 0) == 0) {
      if (t.schema != &business_facts_schema())
        pack_reader::invalid(r, pointer_join(p, "facts"), "受理条件表须使用 business_facts", "an eligibility table must use facts business_facts");
      if (t.policy != decision::HitPolicy::Max)
        pack_reader::invalid(r, pointer_join(p, "hit_policy"), "受理条件表须为 MAX（最严重的结论生效）", "an eligibility table must be MAX (the gravest decision wins)");
      const int d = t.output_index("decision");
      const int reason = t.output_index("reason");
      const bool decision_ok = d == 0 && t.outputs[0].type == decision::ValueType::Enum &&
                               t.outputs[0].values == std::vector<std::string>(std::begin(kDecisionValues), std::end(kDecisionValues));
      if (!decision_ok)
        pack_reader::invalid(r, pointer_join(p, "outputs"), "第一个输出须为 decision 枚举 [eligible, manual_review, not_eligible]",
                "the first output must be the enum decision [eligible, manual_review, not_eligible]");
      if (reason < 0 || t.outputs[static_cast<size_t>(reason)].type != decision::ValueType::String)
        pack_reader::invalid(r, pointer_join(p, "outputs"), "须有字符串输出 reason（原因代码）", "needs a string output reason (the reason code)");
    }
    if (name == "supply_decisions") {
      const int out = t.output_index("table");
      if (out < 0 || t.outputs[static_cast<size_t>(out)].type != decision::ValueType::String)
        pack_reader::invalid(r, pointer_join(p, "outputs"), "supply_decisions 须有字符串输出 table", "supply_decisions needs a string output table");
    }
    if (name == "supply_voltage") {
      const int v = t.output_index("voltage_kv");
      if (v < 0 || t.outputs[static_cast<size_t>(v)].type != decision::ValueType::Decimal || t.outputs[static_cast<size_t>(v)].scale != 3)
        pack_reader::invalid(r, pointer_join(p, "outputs"), "供电电压表须有 voltage_kv（decimal，scale 3）", "supply_voltage needs output voltage_kv (decimal, scale 3)");
    }
  }
}

namespace {

// PD_FIELD_MISSING for each request field `table` needs that `facts` lack.
Issues missing_issues(const Table& table, const BusinessFacts& facts) {
  Issues issues;
  for (const auto& path : missing_for(table, facts)) {
    issues.push_back(make_issue(Code::FieldMissing, path, "办理此业务需要字段 " + path,
                                "Field " + path + " is needed to decide this business"));
  }
  return issues;
}

}  // namespace

Issues missing_facts(const EligibilityRequest& req, const PackRegistry& packs) {
  const Table* table = packs.table(req.region, req.today, eligibility_table_name(req.business));
  if (!table) return {};
  return missing_issues(*table, business_facts(req, packs.table(req.region, req.today, "supply_voltage")));
}

Result<Eligibility> decide_eligibility(const EligibilityRequest& req, const PackRegistry& packs) {
  if (!packs.knows_region(req.region))
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + req.region, "Unknown region " + req.region);
  const RulePack* pack = nullptr;
  const Table* table = packs.table(req.region, req.today, eligibility_table_name(req.business), &pack);
  if (!table) {
    return make_issue(Code::RuleMissing, "/business",
                      req.today.iso() + " 生效的规则包中没有 " + eligibility_table_name(req.business),
                      "No pack in force on " + req.today.iso() + " defines " + eligibility_table_name(req.business));
  }
  Eligibility e;
  e.pack = pack;
  e.table = table;
  e.facts = business_facts(req, packs.table(req.region, req.today, "supply_voltage"));
  if (Issues missing = missing_issues(*table, e.facts); !missing.empty()) return missing;
  e.evaluation = decision::evaluate(*table, e.facts.values);
  e.decision = static_cast<Decision>(e.evaluation.outputs.empty() ? 0 : e.evaluation.outputs[0]);
  // Which supply decisions this business needs is data too (COLLECT table);
  // without that table, all of them.
  std::vector<std::string> wanted;
  if (const Table* which = packs.table(req.region, req.today, "supply_decisions")) {
    const int out = which->output_index("table");
    for (int row : decision::evaluate(*which, e.facts.values).matched)
      wanted.push_back(which->render_output(out, which->rows[static_cast<size_t>(row)].outputs[static_cast<size_t>(out)]));
  }
  for (const char* name : kSupplyTables) {
    if (packs.table(req.region, req.today, "supply_decisions") &&
        std::find(wanted.begin(), wanted.end(), name) == wanted.end())
      continue;
    SupplyDecision s;
    s.table = packs.table(req.region, req.today, name);
    if (!s.table) continue;
    s.missing = missing_for(*s.table, e.facts);
    if (s.missing.empty()) s.evaluation = decision::evaluate(*s.table, e.facts.values);
    e.supply.push_back(std::move(s));
  }
  return e;
}

Json render_eligibility_reasons(const Eligibility& e) {
  const Table& t = *e.table;
  const decision::Field& d = t.outputs[0];
  const int reason = t.output_index("reason");
  Json reasons = Json::array();
  for (int row : e.evaluation.matched) {
    const decision::Row& r = t.rows[static_cast<size_t>(row)];
    reasons.push_back({{"code", t.render_output(reason, r.outputs[static_cast<size_t>(reason)])},
                       {"decision", d.render(r.outputs[0])},
                       {"message", bilingual_json(r.explanation)},
                       {"clause", r.citation.document}});
  }
  return reasons;
}

Json render_eligibility(const Eligibility& e, const EligibilityRequest& req) {
  const Table& t = *e.table;
  const decision::Field& d = t.outputs[0];
  const size_t di = static_cast<size_t>(e.decision);
  const Json reasons = render_eligibility_reasons(e);
  Json supply = Json::array();
  Json undecided = Json::array();
  for (const SupplyDecision& s : e.supply) {
    if (!s.missing.empty()) {
      undecided.push_back({{"table", s.table->name}, {"label", bilingual_json(s.table->label)}, {"needs", s.missing}});
      continue;
    }
    supply.push_back({{"table", s.table->name},
                      {"label", bilingual_json(s.table->label)},
                      {"outputs", decision::render_outputs(*s.table, s.evaluation.outputs)},
                      {"trace", decision::render_trace(*s.table, e.facts.values, s.evaluation)}});
  }
  Json out{{"business", req.business},
           {"today", req.today.iso()},
           {"decision", d.render(static_cast<decision::Value>(di))},
           {"decision_label", di < d.labels.size() ? bilingual_json(d.labels[di]) : Json(nullptr)},
           {"reasons", reasons},
           {"trace", decision::render_trace(t, e.facts.values, e.evaluation)},
           {"supply", supply},
           {"undecided", undecided},
           {"pack", {{"id", e.pack->id}, {"version", e.pack->version}, {"region", e.pack->region}}}};
  auto it = e.pack->businesses.find(req.business);
  if (it != e.pack->businesses.end()) out["business_name"] = bilingual_json(it->second.name);
  return out;
}

}  // namespace powerdesk
