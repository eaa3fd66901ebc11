// The star-tier classifier: resolves the three star tables for a region and
// day, checks once that they fit the typed API, then classifies customers
// with the compiled tables (no allocation per customer).
#include <algorithm>

#include "powerdesk/rulepack.hpp"
#include "powerdesk/tier.hpp"

namespace powerdesk {
namespace {

using decision::HitPolicy;
using decision::Table;
using decision::ValueType;

constexpr const char* kTierTable = "star_tier";
constexpr const char* kSupportTable = "star_tier_support";
constexpr const char* kServicesTable = "star_services";

Issue pack_problem(const RulePack* pack, const std::string& table, const std::string& zh, const std::string& en) {
  Issue i = make_issue(Code::PackInvalid, pointer_join("/decision_tables", table),
                       "规则包无效：" + zh, "Invalid rule pack: " + en);
  if (pack) i.file = pack->file;
  return i;
}

// The output `name` of `t` with type `type`, or −1 (with an issue).
int output_of(const Table& t, const RulePack* pack, const std::string& name, ValueType type, Issues& issues) {
  const int i = t.output_index(name);
  if (i < 0 || t.outputs[static_cast<size_t>(i)].type != type) {
    issues.push_back(pack_problem(pack, t.name, t.name + " 须有 " + std::string(decision::value_type_name(type)) + " 类型的输出 " + name,
                                  t.name + " needs a " + std::string(decision::value_type_name(type)) + " output " + name));
    return -1;
  }
  return i;
}

}  // namespace

Result<StarTierClassifier> StarTierClassifier::build(const PackRegistry& packs, const std::string& region, Date day) {
  if (!packs.knows_region(region))
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + region, "Unknown region " + region);
  StarTierClassifier c;
  Issues issues;
  const RulePack* support_pack = nullptr;
  const RulePack* services_pack = nullptr;
  c.tier_ = packs.table(region, day, kTierTable, &c.tier_pack_);
  c.support_ = packs.table(region, day, kSupportTable, &support_pack);
  c.services_ = packs.table(region, day, kServicesTable, &services_pack);
  const struct {
    const Table* t;
    const RulePack* pack;
    const char* name;
  } wanted[] = {{c.tier_, c.tier_pack_, kTierTable},
                {c.support_, support_pack, kSupportTable},
                {c.services_, services_pack, kServicesTable}};
  for (auto [t, pack, name] : wanted) {
    if (!t) {
      issues.push_back(make_issue(Code::NoPackForDate, "/date",
                                  "地区 " + region + " 在 " + day.iso() + " 没有生效的决策表 " + name,
                                  "No decision table " + std::string(name) + " in force for " + region + " on " + day.iso()));
    } else if (t->schema != &star_customer_schema()) {
      issues.push_back(pack_problem(pack, name, std::string(name) + " 须使用 star_customer 事实",
                                    std::string(name) + " must use the star_customer facts"));
    }
  }
  if (has_errors(issues)) return issues;

  // star_tier: one result, an output `tier` with exactly the schema's tiers,
  // and it cannot test its own answer.
  const auto& tiers = star_customer_schema().fields[kTierField];
  const int tier_out = output_of(*c.tier_, c.tier_pack_, "tier", ValueType::Enum, issues);
  if (tier_out >= 0 && c.tier_->outputs[static_cast<size_t>(tier_out)].values != tiers.values)
    issues.push_back(pack_problem(c.tier_pack_, kTierTable, "tier 的取值须为 ordinary, one_star, two_star, three_star",
                                  "tier values must be ordinary, one_star, two_star, three_star"));
  if (std::find(c.tier_->inputs.begin(), c.tier_->inputs.end(), int{kTierField}) != c.tier_->inputs.end())
    issues.push_back(pack_problem(c.tier_pack_, kTierTable, "star_tier 不能以 tier 为输入", "star_tier cannot test tier"));
  if (c.tier_->policy == HitPolicy::Collect)
    issues.push_back(pack_problem(c.tier_pack_, kTierTable, "star_tier 须给出单一结果", "star_tier must give one result"));
  c.manager_out_ = output_of(*c.support_, support_pack, "customer_manager", ValueType::Boolean, issues);
  c.team_out_ = output_of(*c.support_, support_pack, "project_team", ValueType::Boolean, issues);
  if (c.support_->policy == HitPolicy::Collect)
    issues.push_back(pack_problem(support_pack, kSupportTable, "须给出单一结果", "must give one result"));
  c.service_out_ = output_of(*c.services_, services_pack, "service", ValueType::Integer, issues);
  if (c.services_->policy != HitPolicy::Collect)
    issues.push_back(pack_problem(services_pack, kServicesTable, "命中策略须为 COLLECT", "hit policy must be COLLECT"));
  if (has_errors(issues)) return issues;

  // The services catalogue: the region's own, else the national one.
  const RulePack* own = packs.find(region, day);
  const RulePack* national = packs.national(day);
  c.catalogue_ = own && !own->star_services.empty() ? &own->star_services
                 : national ? &national->star_services
                            : nullptr;
  for (size_t i = 0; i < c.services_->rows.size(); ++i) {
    const decision::Value n = c.services_->rows[i].outputs[static_cast<size_t>(c.service_out_)];
    const bool known = c.catalogue_ && n >= 1 && static_cast<size_t>(n) <= c.catalogue_->size();
    if (!known) {
      Issue is = pack_problem(services_pack, kServicesTable,
                              "服务 " + std::to_string(n) + " 不在 star_services 目录中",
                              "service " + std::to_string(n) + " is not in the star_services catalogue");
      is.path = pointer_join(pointer_join(pointer_join("/decision_tables", kServicesTable), "rows"), i);
      issues.push_back(std::move(is));
    }
  }
  if (has_errors(issues)) return issues;

  for (const decision::Row& row : c.tier_->rows)
    c.row_tier_.push_back(static_cast<StarTier>(row.outputs[static_cast<size_t>(tier_out)]));
  if (c.tier_->default_row)
    c.default_tier_ = static_cast<StarTier>(c.tier_->default_row->outputs[static_cast<size_t>(tier_out)]);
  const auto& declared = c.tier_->outputs[static_cast<size_t>(tier_out)].labels;
  for (size_t i = 0; i < c.labels_.size(); ++i)
    c.labels_[i] = i < declared.size() && !declared[i].zh.empty() ? declared[i] : tiers.labels[i];
  return c;
}

StarTier StarTierClassifier::tier_of_row(int row) const {
  return row < 0 ? default_tier_ : row_tier_[static_cast<size_t>(row)];
}

StarTier StarTierClassifier::classify(const StarCustomer& c) const {
  const StarFacts f = star_facts(c);
  return tier_of_row(decision::decide_row(*tier_, f));
}

void StarTierClassifier::classify(std::span<const StarCustomer> in, std::span<StarTier> out) const {
  const size_t n = std::min(in.size(), out.size());
  for (size_t i = 0; i < n; ++i) out[i] = classify(in[i]);
}

StarTierExplanation StarTierClassifier::explain(const StarCustomer& c) const {
  StarTierExplanation e;
  e.facts = star_facts(c);
  e.tier_eval = decision::evaluate(*tier_, e.facts);
  e.tier = tier_of_row(e.tier_eval.chosen);
  e.label = labels_[static_cast<size_t>(e.tier)];
  e.facts[kTierField] = static_cast<decision::Value>(e.tier);
  e.support_eval = decision::evaluate(*support_, e.facts);
  if (!e.support_eval.outputs.empty()) {
    e.customer_manager = e.support_eval.outputs[static_cast<size_t>(manager_out_)] != 0;
    e.project_team = e.support_eval.outputs[static_cast<size_t>(team_out_)] != 0;
  }
  e.services_eval = decision::evaluate(*services_, e.facts);
  for (int row : e.services_eval.matched) {
    const auto n = services_->rows[static_cast<size_t>(row)].outputs[static_cast<size_t>(service_out_)];
    const StarService* s = &(*catalogue_)[static_cast<size_t>(n - 1)];
    if (std::find(e.services.begin(), e.services.end(), s) == e.services.end()) e.services.push_back(s);
  }
  std::sort(e.services.begin(), e.services.end(),
            [](const StarService* a, const StarService* b) { return a->number < b->number; });
  return e;
}

Json StarTierClassifier::traces(const StarTierExplanation& e) const {
  return Json::array({decision::render_trace(*tier_, e.facts, e.tier_eval),
                      decision::render_trace(*support_, e.facts, e.support_eval),
                      decision::render_trace(*services_, e.facts, e.services_eval)});
}

}  // namespace powerdesk
