// "compare": the plans a customer may choose between, each billed on the
// same usage by the same compute_bill — 居民 TOU or not; 工商业 single-part
// or two-part, and on two-part each demand basis the request has data for —
// with the saving against the current plan and a recommendation.
#include <algorithm>

#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

struct Variant {
  const PlanOption* option = nullptr;
  const Tariff* tariff = nullptr;
  std::optional<DemandBasis> basis;  // two-part only
  Money total;
  Energy energy;
  std::array<Money, 5> subtotals{};
  bool current = false;
};

struct Demand {
  std::optional<DemandBasis> basis;
  std::optional<DemandInput> given;
};

void set_demand(BillRequest& br, const void* p) {
  const Demand& d = *static_cast<const Demand*>(p);
  if (!d.basis) {
    br.demand.reset();
    return;
  }
  DemandInput in = d.given.value_or(DemandInput{});
  in.basis = *d.basis;
  br.demand = in;
}

bool two_part(const Tariff& t) {
  const auto* c = std::get_if<ComponentTariff>(&t.rules);
  return c && c->basic;
}

// "at least 100 kVA and below 315 kVA": a plan option's capacity range.
Bilingual range_text(const PlanOption& o) {
  Bilingual b;
  if (o.min_kva) b = {"不小于 " + o.min_kva->str() + " 千伏安", "at least " + o.min_kva->str() + " kVA"};
  if (o.max_kva) {
    b.zh += (b.zh.empty() ? "" : "且") + std::string("小于 ") + o.max_kva->str() + " 千伏安";
    b.en += (b.en.empty() ? "" : " and ") + std::string("below ") + o.max_kva->str() + " kVA";
  }
  return b;
}

// Usage for a plan: kWh by period only when every period given exists in
// the plan's tariff; otherwise the total, spread by the profile.
QuoteUsage usage_for(const QuoteUsage& u, const Tariff& t, QuoteNotes& notes) {
  if (!u.by_period) return u;
  bool fits = true;
  for (TouPeriod p : kAllTouPeriods)
    if (!u.by_period->kwh[static_cast<size_t>(p)].is_zero() && !t.has_period(p)) fits = false;
  if (fits) return u;
  QuoteUsage out = u;
  out.by_period.reset();
  out.kwh = u.by_period->total();
  out.kvarh = u.by_period->kvarh ? u.by_period->kvarh : u.kvarh;
  notes.assume("所给分时段电量与“" + t.label.zh + "”的时段不同，按总电量与典型负荷曲线重新分配。",
               "The kWh by period do not fit the periods of \"" + t.label.en + "\"; its total is spread by the typical profile.");
  return out;
}

Json variant_json(const Variant& v, const Money& current_total) {
  Json subtotals = Json::object();
  for (LineKind k : {LineKind::Energy, LineKind::Basic, LineKind::PowerFactor, LineKind::Funds, LineKind::Adjustment})
    subtotals[std::string(line_kind_code(k))] = v.subtotals[static_cast<size_t>(k)].str(2);
  Json j{{"tariff", tariff_ref(*v.tariff)},
         {"total", v.total.str(2)},
         {"energy_kwh", v.energy.str()},
         {"subtotals", subtotals},
         {"current", v.current},
         {"saving", (current_total - v.total).str(2)}};
  if (v.basis) j["basis"] = std::string(demand_basis_code(*v.basis));
  if (auto avg = average_price_per_kwh(v.total, v.energy)) j["average_price"] = avg->str(4);
  return j;
}

Bilingual plan_name(const Variant& v) {
  Bilingual n = v.tariff->label;
  if (v.basis) {
    static const Bilingual kBasis[] = {{"按容量", "by capacity"}, {"按合同需量", "by contract demand"}, {"按实际最大需量", "by actual demand"}};
    const Bilingual& b = kBasis[static_cast<int>(*v.basis)];
    n.zh += "（" + b.zh + "）";
    n.en += " (" + b.en + ")";
  }
  return n;
}

}  // namespace

Result<Quote> compare(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"region", "tariff", "month", "year", "usage", "capacity_kva", "residential", "demand",
                                 "power_factor"});
  MonthsSpec spec;
  spec.region = r.string(request, "region", "", true).value_or("");
  spec.tariff = r.string(request, "tariff", "", true).value_or("");
  read_when(r, request, spec);
  auto usage = read_usage(r, request, spec.year.has_value());
  auto capacity = r.decimal<Power::scale>(request, "capacity_kva", "", false, Power{}, kMaxPower);
  Demand given;
  if (const Json* d = r.object(request, "demand", "", false)) {
    DemandInput in;
    in.contract_kw = r.decimal<Power::scale>(*d, "contract_kw", "/demand", false, Power{}, kMaxPower);
    in.max_demand_kw = r.decimal<Power::scale>(*d, "max_demand_kw", "/demand", false, Power{}, kMaxPower);
    if (auto b = r.string(*d, "basis", "/demand", false)) {
      if (auto basis = demand_basis_from_code(*b)) in.basis = *basis;  // a bad code is reported by the bill reader
    }
    given.given = in;
  }
  if (has_errors(issues) || !usage) return issues;
  const Date first = spec.month ? *spec.month : *Date::from_ymd(*spec.year, 1, 1);
  auto pack = regional_pack(packs, spec.region, first, spec.period_path);
  if (!pack.ok()) return pack.issues();
  const PlanGroup* group = plan_group_of(*pack.value(), spec.tariff);
  if (!group) {
    return make_issue(Code::PlanUnavailable, "/tariff",
                      "电价 " + spec.tariff + " 不属于任何可选方案组，无可比较的方案",
                      "Tariff " + spec.tariff + " is in no plan group: there is nothing to compare it with");
  }
  const std::string current_code = spec.tariff;
  // Each plan sets its own demand basis; the bill reader needs one to read the rest.
  Json customer = request;
  if (customer.contains("demand") && customer["demand"].is_object() && !customer["demand"].contains("basis"))
    customer["demand"]["basis"] = "capacity";
  const DemandBasis current_basis = given.given ? given.given->basis : DemandBasis::Capacity;

  Quote q;
  std::vector<Variant> variants;
  Json excluded = Json::array();
  for (const PlanOption& o : group->options) {
    const Tariff* t = pack.value()->tariff(o.tariff);
    if (o.min_kva || o.max_kva) {
      if (!capacity) {
        return make_issue(Code::FieldMissing, "/capacity_kva", "比较" + group->label.zh + "需要报装容量 capacity_kva",
                          "Comparing " + group->label.en + " needs the installed capacity capacity_kva");
      }
      if ((o.min_kva && *capacity < *o.min_kva) || (o.max_kva && !(*capacity < *o.max_kva))) {
        excluded.push_back({{"tariff", tariff_ref(*t)},
                            {"reason", bilingual_json({"报装容量 " + capacity->str() + " 千伏安，该方案须" + range_text(o).zh,
                                                       "Capacity " + capacity->str() + " kVA; this plan needs " + range_text(o).en})}});
        continue;
      }
    }
    std::vector<std::optional<DemandBasis>> bases{std::nullopt};
    if (two_part(*t)) {
      bases = {DemandBasis::Capacity};
      if (given.given && given.given->contract_kw) bases.push_back(DemandBasis::ContractDemand);
      else excluded.push_back({{"tariff", tariff_ref(*t)}, {"basis", "contract_demand"},
                               {"reason", bilingual_json({"未给出合同需量 demand.contract_kw（可用 contract_demand 试算求最优值）",
                                                          "No contract demand demand.contract_kw given (the contract_demand quote finds the best one)"})}});
      if (given.given && given.given->max_demand_kw) bases.push_back(DemandBasis::ActualDemand);
      else excluded.push_back({{"tariff", tariff_ref(*t)}, {"basis", "actual_demand"},
                               {"reason", bilingual_json({"未给出最大需量 demand.max_demand_kw", "No maximum demand demand.max_demand_kw given"})}});
    }
    for (const auto& basis : bases) {
      MonthsSpec s = spec;
      s.tariff = o.tariff;
      s.default_profile = group->default_profile;
      s.usage = usage_for(*usage, *t, q.notes);
      Demand d{basis, given.given};
      auto run = bill_months(customer, s, packs, q.notes, set_demand, &d);
      if (!run.ok()) return run.issues();
      Variant v{&o, t, basis, run.value().total, run.value().energy, {}, false};
      for (const MonthBill& m : run.value().months)
        for (size_t k = 0; k < v.subtotals.size(); ++k) v.subtotals[k] += m.bill.subtotals[k];
      v.current = o.tariff == current_code && (!basis || *basis == current_basis);
      variants.push_back(v);
    }
  }
  if (std::none_of(variants.begin(), variants.end(), [](const Variant& v) { return v.current; })) {
    return make_issue(Code::PlanUnavailable, "/tariff", "当前方案不在该客户可选的方案内（容量或需量数据不符）",
                      "The current plan is not among the plans open to this customer (capacity or demand data)");
  }
  const Variant& cur = *std::find_if(variants.begin(), variants.end(), [](const Variant& v) { return v.current; });
  // The cheapest; on a tie the current plan, then the group's order.
  const Variant* best = &cur;
  for (const Variant& v : variants)
    if (v.total < best->total) best = &v;
  Json plans = Json::array();
  for (const Variant& v : variants) {
    Json j = variant_json(v, cur.total);
    j["recommended"] = &v == best;
    plans.push_back(j);
  }
  const Money saving = cur.total - best->total;
  const Bilingual best_name = plan_name(*best), cur_name = plan_name(cur);
  Bilingual why = best == &cur
                      ? Bilingual{"当前方案“" + cur_name.zh + "”已是可选方案中电费最低的（" + cur.total.str(2) + " 元）。",
                                  "The current plan \"" + cur_name.en + "\" is already the cheapest open to you (" + cur.total.str(2) + " 元)."}
                      : Bilingual{"改为“" + best_name.zh + "”，同样用电的电费为 " + best->total.str(2) + " 元，比当前方案“" + cur_name.zh + "”少 " + saving.str(2) + " 元。",
                                  "Switching to \"" + best_name.en + "\" costs " + best->total.str(2) + " 元 for the same use, " + saving.str(2) +
                                      " 元 less than the current \"" + cur_name.en + "\"."};
  q.notes.assume("各方案按同一用电量计算，未考虑改变方案后用电习惯的变化。",
                 "Every plan is billed on the same usage; habits that change with the plan are not modelled.");
  q.body = Json{{"group", {{"code", group->code}, {"label", bilingual_json(group->label)}}},
                {"plans", plans},
                {"excluded", excluded},
                {"recommendation", {{"tariff", best->tariff->code}, {"saving", saving.str(2)}, {"explanation", bilingual_json(why)}}}};
  if (best->basis) q.body["recommendation"]["basis"] = std::string(demand_basis_code(*best->basis));
  if (spec.year) q.body["year"] = *spec.year;
  else q.body["month"] = spec.month->iso().substr(0, 7);
  return q;
}

}  // namespace powerdesk::quote_detail
