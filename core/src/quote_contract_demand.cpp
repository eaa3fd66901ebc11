// The contract_demand quote (合同最大需量优化): from 12 months of maximum
// demand and kWh, the basic charge on each basis (capacity, contract demand at
// the cheapest integer kW, actual demand), the recommended basis and the
// saving against the customer's current arrangement. Every month is priced by
// the bill's own basic-charge rule (billing::basic_charge_lines).
#include <algorithm>
#include <set>

#include "quote_demand_optimizer.hpp"
#include "quote_internal.hpp"
#include "powerdesk/bill_json.hpp"

namespace powerdesk::quote_detail {
namespace {

// Fewer months than this and the optimum would rest on too little of the
// year (a summer or winter peak may be missing): refused. From this many to
// 11 the quote runs on the months given, with a warning.
constexpr size_t kMinHistoryMonths = 6;

struct Request {
  std::string region;
  std::string tariff;
  Power capacity;
  Date date;
  std::vector<DemandMonth> history;
  std::optional<DemandBasis> current_basis;
  std::optional<Power> current_contract;
};

std::string ym(const DemandMonth& m) {
  return std::to_string(m.year) + "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
}
int month_index(const DemandMonth& m) { return m.year * 12 + m.month - 1; }

Result<Request> read(const Json& req, Issues& warnings) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(req, "", {"kind", "region", "tariff", "capacity_kva", "date", "history", "current"});
  Request out;
  auto region = r.string(req, "region", "", true);
  auto tariff = r.string(req, "tariff", "", true);
  auto capacity = r.decimal<Power::scale>(req, "capacity_kva", "", true, Power::from_int(1), kMaxPower);
  auto date = r.date(req, "date", "", true);
  if (const Json* cur = r.object(req, "current", "", false)) {
    r.reject_unknown(*cur, "/current", {"basis", "contract_kw"});
    if (auto b = r.string(*cur, "basis", "/current", true)) {
      out.current_basis = demand_basis_from_code(*b);
      if (!out.current_basis) {
        r.add(make_issue(Code::EnumInvalid, "/current/basis", "未知计费方式 " + *b + "（capacity、contract_demand 或 actual_demand）",
                         "Unknown basis " + *b + " (capacity, contract_demand or actual_demand)"));
      } else if (*out.current_basis == DemandBasis::ContractDemand) {
        out.current_contract = r.decimal<Power::scale>(*cur, "contract_kw", "/current", true, Power{}, kMaxPower);
      } else if (cur->contains("contract_kw")) {
        r.add(make_issue(Code::FieldUnknown, "/current/contract_kw", "contract_kw 仅用于 basis 为 contract_demand",
                         "contract_kw only goes with basis contract_demand"));
      }
    }
  }
  if (const Json* hist = r.array(req, "history", "", true)) {
    std::set<int> seen;
    for (size_t i = 0; i < hist->size(); ++i) {
      const std::string p = pointer_join("/history", i);
      const Json& item = (*hist)[i];
      if (!item.is_object()) {
        r.add(make_issue(Code::FieldType, p, "应为对象 {month, max_demand_kw, kwh}",
                         "Expected an object {month, max_demand_kw, kwh}"));
        continue;
      }
      r.reject_unknown(item, p, {"month", "max_demand_kw", "kwh"});
      auto month = r.string(item, "month", p, true);
      auto md = r.decimal<Power::scale>(item, "max_demand_kw", p, true, Power{}, kMaxPower);
      auto kwh = r.decimal<Energy::scale>(item, "kwh", p, true, Energy{}, kMaxKwh);
      std::optional<Period> m;
      if (month) {
        m = parse_year_month(*month);
        if (!m) r.add(make_issue(Code::DateInvalid, p + "/month", "月份应为 YYYY-MM：" + *month, "Month must be YYYY-MM: " + *month));
      }
      if (!m || !md || !kwh) continue;
      DemandMonth dm{m->start.year(), m->start.month(), *md, *kwh};
      if (!seen.insert(month_index(dm)).second) {
        r.add(make_issue(Code::DuplicateKey, p + "/month", "月份 " + *month + " 重复", "Month " + *month + " is given twice"));
        continue;
      }
      out.history.push_back(dm);
    }
    if (hist->size() > kDemandHistoryMonths)
      r.add(make_issue(Code::NumberOutOfRange, "/history",
                       "需量历史最多 12 个月，收到 " + std::to_string(hist->size()) + " 个",
                       "Demand history holds at most 12 months; got " + std::to_string(hist->size())));
  }
  if (!issues.empty()) return issues;
  std::sort(out.history.begin(), out.history.end(),
            [](const DemandMonth& a, const DemandMonth& b) { return month_index(a) < month_index(b); });
  const size_t n = out.history.size();
  if (n > 0 && month_index(out.history.back()) - month_index(out.history.front()) >= 12)
    return make_issue(Code::UsageConflict, "/history",
                      "需量历史须在连续 12 个月之内（" + ym(out.history.front()) + " 至 " + ym(out.history.back()) + "）",
                      "The demand history must lie within 12 consecutive months (" + ym(out.history.front()) + " to " +
                          ym(out.history.back()) + ")");
  if (n < kDemandHistoryMonths) {
    std::string missing;
    if (n > 0) {
      const int last = month_index(out.history.back());
      for (int k = last - 11; k <= last; ++k) {
        const bool have = std::any_of(out.history.begin(), out.history.end(),
                                      [&](const DemandMonth& m) { return month_index(m) == k; });
        if (!have) missing += (missing.empty() ? "" : ", ") + ym(DemandMonth{k / 12, k % 12 + 1, {}, {}});
      }
    }
    const std::string got = std::to_string(n);
    if (n < kMinHistoryMonths)
      return make_issue(Code::HistoryIncomplete, "/history",
                        "需量历史只有 " + got + " 个月，至少需要 " + std::to_string(kMinHistoryMonths) + " 个月（建议 12 个月）",
                        "The demand history has " + got + " months; at least " + std::to_string(kMinHistoryMonths) +
                            " are needed (12 recommended)");
    warnings.push_back(make_issue(Code::HistoryIncomplete, "/history",
                                  "需量历史只有 " + got + " 个月（缺 " + missing + "），结果只按给出的月份计算，可能漏掉季节高峰",
                                  "The demand history has " + got + " months (missing " + missing +
                                      "); the figures cover only the months given and may miss a seasonal peak",
                                  Severity::Warning));
  }
  out.region = *region;
  out.tariff = *tariff;
  out.capacity = *capacity;
  out.date = *date;
  return out;
}

Json month_json(const DemandMonth& m, const MonthCharge& c, DemandBasis basis) {
  const auto& base = c.lines.lines[0];
  Json j = {{"month", ym(m)},
            {"max_demand_kw", m.max_demand_kw.str()},
            {"kwh", m.kwh.str()},
            {"billed", base.quantity.str()},
            {"unit", basis == DemandBasis::Capacity ? "kVA" : "kW"},
            {"unit_price", base.unit_price.str()},
            {"overrun_kw", "0"},
            {"discount", c.discounted},
            {"floor_applied", c.lines.floor_applied},
            {"amount", c.amount.str(2)}};
  if (c.lines.count > 1) {
    j["overrun_kw"] = c.lines.lines[1].quantity.str();
    j["overrun_price"] = c.lines.lines[1].unit_price.str();
  }
  return j;
}

Json basis_json(const DemandHistory& h, DemandBasis basis, Power contract, Money& total) {
  Json months = Json::array();
  total = Money{};
  for (size_t i = 0; i < h.size(); ++i) {
    const MonthCharge c = h.month_charge(basis, i, contract);
    total += c.amount;
    months.push_back(month_json(h.month(i), c, basis));
  }
  Json j = {{"basis", std::string(demand_basis_code(basis))}};
  if (basis == DemandBasis::ContractDemand) j["contract_kw"] = contract.str();
  j["total"] = total.str(2);
  j["months"] = months;
  return j;
}

std::string basis_zh(DemandBasis b) {
  switch (b) {
    case DemandBasis::Capacity: return "按容量";
    case DemandBasis::ContractDemand: return "按合同最大需量";
    case DemandBasis::ActualDemand: return "按实际最大需量";
  }
  return "";
}
std::string basis_en(DemandBasis b) {
  switch (b) {
    case DemandBasis::Capacity: return "capacity";
    case DemandBasis::ContractDemand: return "contract demand";
    case DemandBasis::ActualDemand: return "actual demand";
  }
  return "";
}

// Why the optimum is where it is, in both languages.
Bilingual explain_contract(const DemandHistory& h, const BasicChargeRules& rules, int64_t best, Money best_total) {
  const Power c = Power::from_int(best);
  std::string months_zh, months_en, over_zh, over_en;
  Money overrun_charge;
  int overrun_count = 0;
  int64_t cover = h.min_contract_kw();
  size_t decisive = 0;
  for (size_t i = 0; i < h.size(); ++i) {
    const int64_t b = h.no_overrun_kw(i);
    if (b > cover) { cover = b; decisive = i; }
    const MonthCharge m = h.month_charge(DemandBasis::ContractDemand, i, c);
    if (m.lines.count < 2) continue;
    ++overrun_count;
    const auto& o = m.lines.lines[1];
    overrun_charge += billing::line_amount(o.quantity, o.unit_price, h.rounding());
    const std::string mm = ym(h.month(i));
    months_zh += (months_zh.empty() ? "" : "、") + mm;
    months_en += (months_en.empty() ? "" : ", ") + mm;
    over_zh += (over_zh.empty() ? "" : "、") + o.quantity.str() + " kW";
    over_en += (over_en.empty() ? "" : ", ") + o.quantity.str() + " kW";
  }
  const Power limit = multiply<Power::scale>(c, rules.overrun_threshold, Rounding::HalfUp);
  const std::string t = rules.overrun_threshold.str(), k = rules.overrun_multiplier.str();
  if (overrun_count > 0) {
    const int64_t alt = std::min(cover, h.max_contract_kw());
    const Money more = h.total(DemandBasis::ContractDemand, Power::from_int(alt)) - best_total;
    const std::string others = std::to_string(static_cast<int>(h.size()) - overrun_count);
    return Bilingual{
        "合同最大需量 " + c.str() + " kW 全年最省：" + months_zh + " 最大需量超过 " + t + " × " + c.str() + " = " +
            limit.str() + " kW（分别超出 " + over_zh + "），超出部分按 " + k + " 倍电价计收，约 " + overrun_charge.str(2) +
            " 元；若将合同需量提高到 " + std::to_string(alt) + " kW" + (alt < cover ? "（容量上限）" : "以消除超需量") +
            "，其余 " + others + " 个月按更高的合同需量计费，全年反而多 " + more.str(2) + " 元。",
        "A contract demand of " + c.str() + " kW is cheapest over the year: in " + months_en + " the maximum demand exceeds " +
            t + " × " + c.str() + " = " + limit.str() + " kW (by " + over_en + "), and that excess is charged at " + k +
            " × the price, about " + overrun_charge.str(2) + " CNY; raising the contract to " + std::to_string(alt) +
            " kW" + (alt < cover ? " (the capacity ceiling)" : " to avoid any overrun") + " would cost " + more.str(2) +
            " CNY more, since the other " + others + " months would pay for the higher contract."};
  }
  if (best == h.min_contract_kw() && best >= cover) {
    return Bilingual{"各月最大需量均不超过 40% 容量下限 " + c.str() + " kW 的 " + t + " 倍，按下限申报即可，不会超需量。",
                     "No month's maximum demand exceeds " + t + " × the floor of " + c.str() +
                         " kW (floor ratio × capacity), so declaring the floor never overruns."};
  }
  const Money more = best > h.min_contract_kw()
                         ? h.total(DemandBasis::ContractDemand, Power::from_int(best - 1)) - best_total
                         : Money{};
  const std::string md = h.month(decisive).max_demand_kw.str(), dm = ym(h.month(decisive));
  return Bilingual{"合同最大需量 " + c.str() + " kW 是各月都不超需量的最小值（由 " + dm + " 的最大需量 " + md + " kW 决定：" + t +
                       " × " + c.str() + " = " + limit.str() + " kW）；再降 1 kW 全年将多 " + more.str(2) + " 元。",
                   "A contract demand of " + c.str() + " kW is the smallest at which no month overruns (set by " + dm +
                       ": maximum demand " + md + " kW ≤ " + t + " × " + c.str() + " = " + limit.str() +
                       " kW); 1 kW less would cost " + more.str(2) + " CNY more over the year."};
}

}  // namespace

Result<Quote> contract_demand(const Json& request, const PackRegistry& packs) {
  Issues warnings;
  auto parsed = read(request, warnings);
  if (!parsed.ok()) return parsed.issues();
  const Request& req = parsed.value();

  auto pack = regional_pack(packs, req.region, req.date, "/date");
  if (!pack.ok()) return pack.issues();
  const RulePack& p = *pack.value();
  const Tariff* tariff = p.tariff(req.tariff);
  if (!tariff)
    return make_issue(Code::TariffUnknown, "/tariff", p.id + " 中没有电价 " + req.tariff,
                      "No tariff " + req.tariff + " in " + p.id);
  const auto* ct = std::get_if<ComponentTariff>(&tariff->rules);
  if (!ct || !ct->basic)
    return make_issue(Code::PlanUnavailable, "/tariff",
                      "电价 " + req.tariff + " 不是两部制（无基本电费），不能优化合同最大需量",
                      "Tariff " + req.tariff + " is not two-part (no basic charge), so there is no contract demand to optimise");
  const BasicChargeRules& rules = *ct->basic;

  Quote q;
  q.notes.use(&p);
  q.notes.assume("每个历史月份都按 " + req.date.iso() + " 有效的规则包 " + p.id + " 计价（“这 12 个月按现行规则要付多少”），不按当月实际执行的电价",
                 "Every history month is priced by the pack in force on " + req.date.iso() + " (" + p.id +
                     "): what these months would cost at today's rules, not at the prices of their own time");
  q.notes.assume("每月按整月计基本电费：不含新装/销户的按日折算和暂停/减容",
                 "Each month is a whole billing month: no day proration (新装/销户) and no 暂停/减容");
  q.notes.assume("合同最大需量取整数千瓦，范围为容量 × 下限比例（向上取整）至容量；各月合同需量相同",
                 "The contract demand is a whole number of kW, from capacity × floor ratio (rounded up) to the capacity, "
                 "and the same in every month");

  const DemandHistory h(rules, p.rounding.line_amount, req.capacity, req.history);
  const int64_t best = h.optimal_contract_kw();
  const Power best_kw = Power::from_int(best);

  std::array<Money, 3> totals{};
  Json bases = Json::object();
  const std::array<DemandBasis, 3> order = {DemandBasis::Capacity, DemandBasis::ContractDemand, DemandBasis::ActualDemand};
  for (size_t i = 0; i < order.size(); ++i)
    bases[std::string(demand_basis_code(order[i]))] = basis_json(h, order[i], best_kw, totals[i]);
  size_t rec = 0;
  for (size_t i = 1; i < order.size(); ++i)
    if (totals[i] < totals[rec]) rec = i;

  Json body = Json::object();
  body["region"] = req.region;
  body["tariff"] = req.tariff;
  body["capacity_kva"] = req.capacity.str();
  body["months"] = static_cast<int>(h.size());
  body["prices"] = {{"capacity", rules.capacity_price.str()},
                    {"demand", rules.demand_price.str()},
                    {"overrun_threshold", rules.overrun_threshold.str()},
                    {"overrun_multiplier", rules.overrun_multiplier.str()},
                    {"overrun_formula", rules.overrun_formula == OverrunFormula::ThresholdBase ? "threshold_base" : "contract_base"},
                    {"floor_ratio", rules.floor_ratio.str()}};
  body["contract_range_kw"] = {{"min", std::to_string(h.min_contract_kw())}, {"max", std::to_string(h.max_contract_kw())}};
  body["optimal_contract_kw"] = best_kw.str();
  body["bases"] = bases;
  body["recommended_basis"] = std::string(demand_basis_code(order[rec]));
  body["recommended_total"] = totals[rec].str(2);

  const Bilingual why = explain_contract(h, rules, best, totals[1]);
  std::string zh = why.zh + " 三种方式全年基本电费：按容量 " + totals[0].str(2) + " 元，按合同最大需量（" + best_kw.str() +
                   " kW）" + totals[1].str(2) + " 元，按实际最大需量 " + totals[2].str(2) + " 元；推荐" + basis_zh(order[rec]) + "。";
  std::string en = why.en + " Basic charge over the months given: capacity " + totals[0].str(2) + " CNY, contract demand (" +
                   best_kw.str() + " kW) " + totals[1].str(2) + " CNY, actual demand " + totals[2].str(2) +
                   " CNY; recommended: " + basis_en(order[rec]) + ".";

  if (req.current_basis) {
    const Power contract = req.current_contract.value_or(Power{});
    const Money current = h.total(*req.current_basis, contract);
    Money saving = current - totals[rec];
    Json cur = {{"basis", std::string(demand_basis_code(*req.current_basis))}};
    if (req.current_contract) cur["contract_kw"] = contract.str();
    cur["total"] = current.str(2);
    if (saving.is_negative()) {
      zh += " 现行方式（" + current.str(2) + " 元）已不高于推荐方式，无需调整。";
      en += " The current arrangement (" + current.str(2) + " CNY) already costs no more than the recommendation.";
      saving = Money{};
    } else {
      zh += " 与现行方式（" + current.str(2) + " 元）相比可节省 " + saving.str(2) + " 元。";
      en += " Against the current arrangement (" + current.str(2) + " CNY) this saves " + saving.str(2) + " CNY.";
    }
    cur["saving"] = saving.str(2);
    body["current"] = cur;
  }
  body["explanation"] = {{"zh", zh}, {"en", en}};
  Json w = Json::array();
  for (const Issue& i : warnings) w.push_back(render_issue(i));
  body["warnings"] = w;
  q.body = std::move(body);
  return q;
}

}  // namespace powerdesk::quote_detail
