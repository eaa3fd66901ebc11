// The power_factor quote (功率因数提升): the month's bill as it is and with
// the reactive energy cut to what a target power factor implies, the saving
// in the power-factor adjustment (力调电费), and the reactive compensation
// (kvar) that cut needs. Both bills come from compute_bill; only kvarh differs.
// Integer arithmetic throughout (docs/quotes-demand.md).
#include <algorithm>

#include "quote_demand_optimizer.hpp"
#include "quote_internal.hpp"
#include "powerdesk/bill_json.hpp"
#include "powerdesk/power_factor.hpp"

namespace powerdesk::quote_detail {
namespace {

using Hours = Fixed<3>;

// ⌊√n⌋ for n ≥ 0, exact (Newton's method from above).
__int128 isqrt(__int128 n) {
  if (n < 2) return n;
  __int128 x = n;
  __int128 y = (x + 1) / 2;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2;
  }
  return x;
}

std::string pf_str(int hundredths) { return Fixed<2>::from_units(hundredths).str(2); }

std::optional<Usage> read_pf_usage(FieldReader& r, const Json& req) {
  const Json* u = r.object(req, "usage", "", true);
  if (!u) return std::nullopt;
  r.reject_unknown(*u, "/usage", {"kwh", "kwh_by_period", "kvarh"});
  Usage out;
  bool ok = true;
  const Json* by = r.object(*u, "kwh_by_period", "/usage", false);
  auto total = r.decimal<Energy::scale>(*u, "kwh", "/usage", false, Energy{}, kMaxKwh);
  if (by && total) {
    r.add(make_issue(Code::UsageConflict, "/usage", "kwh 与 kwh_by_period 只能给出一个", "Give kwh or kwh_by_period, not both"));
    ok = false;
  } else if (by) {
    ok = read_kwh_by_period(r, *by, "/usage/kwh_by_period", out);
  } else if (total) {
    out.kwh[static_cast<size_t>(TouPeriod::Flat)] = *total;
  } else {
    if (!u->contains("kwh"))
      r.add(make_issue(Code::UsageMissing, "/usage", "usage 需要 kwh 或 kwh_by_period", "usage needs kwh or kwh_by_period"));
    ok = false;
  }
  out.kvarh = r.decimal<Energy::scale>(*u, "kvarh", "/usage", true, Energy{}, kMaxKwh);
  if (!out.kvarh || !ok) return std::nullopt;
  return out;
}

struct PfFigures {
  int pf = 0;
  Ratio percent;
  Money base;
  Money adjustment;
  Money total;
};

PfFigures figures(const Bill& bill) {
  PfFigures f;
  f.pf = bill.power_factor.value_or(0);
  f.total = bill.total;
  bool first = true;
  for (const BillLine& l : bill.lines) {
    if (l.code != LineCode::PowerFactor) continue;
    if (first) f.percent = l.percent;
    first = false;
    f.base += l.base;
    f.adjustment += l.amount;
  }
  return f;
}

Json figures_json(const PfFigures& f, Energy kvarh) {
  return {{"power_factor", pf_str(f.pf)}, {"kvarh", kvarh.str()},     {"percent", f.percent.str()},
          {"base", f.base.str(2)},        {"adjustment", f.adjustment.str(2)}, {"total", f.total.str(2)}};
}

}  // namespace

// kvarh at which kWh has exactly the power factor t/100: Q = P × √(1 − c²) / c,
// rounded down to the watt-hour (so the power factor at Q is never below the target).
Energy kvarh_at_power_factor(Energy kwh, int target_hundredths) {
  const __int128 p = kwh.units();
  const __int128 t = target_hundredths;
  if (t >= 100 || p <= 0) return Energy{};
  return Energy::from_units(static_cast<int64_t>(isqrt(p * p * (10000 - t * t) / (t * t))));
}

Result<Quote> power_factor(const Json& request, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(request, "", {"kind", "region", "tariff", "capacity_kva", "residential", "demand", "power_factor",
                                 "month", "usage", "target_pf", "operating_hours"});
  auto month_text = r.string(request, "month", "", true);
  std::optional<Period> month;
  if (month_text) {
    month = parse_year_month(*month_text);
    if (!month) r.add(make_issue(Code::DateInvalid, "/month", "月份应为 YYYY-MM：" + *month_text, "Month must be YYYY-MM: " + *month_text));
  }
  auto usage = read_pf_usage(r, request);
  auto target = r.decimal<2>(request, "target_pf", "", true, Fixed<2>::from_units(1), Fixed<2>::from_units(100));
  std::optional<Hours> hours;
  if (month) {
    hours = r.decimal<Hours::scale>(request, "operating_hours", "", false, Hours::from_units(1),
                                    Hours::from_int(static_cast<int64_t>(month->days()) * 24));
  }
  if (!issues.empty()) return issues;

  auto breq = customer_bill_request(request, *month, *usage);
  if (!breq.ok()) return at_quote_paths(breq.issues(), "/month");
  const BillRequest& bill_request = breq.value();
  auto current_bill = compute_bill(bill_request, packs);
  if (!current_bill.ok()) return at_quote_paths(current_bill.issues(), "/month");
  const Bill& now = current_bill.value();

  Quote q;
  for (const BillPart& part : now.parts) q.notes.use(part.pack);

  if (!now.power_factor) {
    // compute_bill assessed no adjustment: say why, at the member that decides it.
    const Tariff* tariff = now.blocks.front().tariff;
    const auto* ct = std::get_if<ComponentTariff>(&tariff->rules);
    if (!ct || !ct->power_factor_from_kva)
      return make_issue(Code::PlanUnavailable, "/tariff",
                        "电价 " + bill_request.tariff + " 不执行功率因数调整电费，提高功率因数不改变电费",
                        "Tariff " + bill_request.tariff + " has no power-factor adjustment, so raising the power factor does not change the bill");
    if (bill_request.pf_standard && *bill_request.pf_standard == "none")
      return make_issue(Code::PlanUnavailable, "/power_factor/standard",
                        "考核标准为 none（不执行功率因数调整），提高功率因数不改变电费",
                        "The standard is none (no power-factor adjustment), so raising the power factor does not change the bill");
    if (!bill_request.capacity_kva)
      return make_issue(Code::PowerFactorDataMissing, "/capacity_kva", "需要用电容量 capacity_kva 才能判断是否执行功率因数调整",
                        "capacity_kva is needed to know whether power-factor adjustment applies");
    if (*bill_request.capacity_kva < *ct->power_factor_from_kva)
      return make_issue(Code::PlanUnavailable, "/capacity_kva",
                        "容量 " + bill_request.capacity_kva->str() + " kVA 低于 " + ct->power_factor_from_kva->str() +
                            " kVA，不执行功率因数调整电费，提高功率因数不改变电费",
                        "Capacity " + bill_request.capacity_kva->str() + " kVA is below " + ct->power_factor_from_kva->str() +
                            " kVA, so there is no power-factor adjustment and raising the power factor does not change the bill");
    return make_issue(Code::PowerFactorDataMissing, "/usage", "无有功电量，无法计算功率因数",
                      "No active energy, so no power factor can be computed");
  }
  q.notes.use(packs.national(month->start));

  const Energy kwh = usage->total();
  const Energy kvarh = *usage->kvarh;
  const int t = static_cast<int>(target->units());
  const PfFigures cur = figures(now);

  Json body = Json::object();
  body["month"] = *month_text;
  body["kwh"] = kwh.str();
  body["standard"] = *bill_request.pf_standard;
  body["target_pf"] = pf_str(t);
  body["current"] = figures_json(cur, kvarh);
  Json warnings = Json::array();
  for (Issue w : at_quote_paths(now.warnings, "/month")) warnings.push_back(render_issue(w));

  if (t <= cur.pf) {
    body["target_above_current"] = false;
    body["saving"] = {{"monthly", "0.00"}, {"annual", "0.00"}};
    body["explanation"] = {
        {"zh", "目标功率因数 " + pf_str(t) + " 不高于当前的 " + pf_str(cur.pf) + "，无需补偿，无节省。"},
        {"en", "The target power factor " + pf_str(t) + " is not above the current " + pf_str(cur.pf) +
                   ", so no compensation is needed and there is nothing to save."}};
    body["warnings"] = warnings;
    q.body = std::move(body);
    return q;
  }

  // The bill at the target: the same request with kvarh cut to the target's.
  const Energy kvarh_t = kvarh_at_power_factor(kwh, t);
  BillRequest at_target = bill_request;
  at_target.usage->kvarh = kvarh_t;
  auto target_bill = compute_bill(at_target, packs);
  if (!target_bill.ok()) return at_quote_paths(target_bill.issues(), "/month");
  const PfFigures tgt = figures(target_bill.value());
  const Money monthly = cur.total - tgt.total;
  const Money annual = Money::from_units(monthly.units() * 12);

  // Compensation: the reactive energy removed over the hours it is removed in.
  const Energy removed = kvarh - kvarh_t;
  const bool hours_given = hours.has_value();
  const Hours h = hours.value_or(Hours::from_int(static_cast<int64_t>(month->days()) * 24));
  const int64_t kvar = static_cast<int64_t>(round_div(removed.units(), h.units(), Rounding::Up));
  const Power avg_kw = Power::from_units(static_cast<int64_t>(
      round_div(static_cast<__int128>(kwh.units()) * Hours::one_units, h.units(), Rounding::HalfUp)));
  Json comp = {{"kvarh_to_remove", removed.str()},
               {"operating_hours", h.str()},
               {"hours_source", hours_given ? "request" : "calendar_month"},
               {"average_kw", avg_kw.str()},
               {"kvar", std::to_string(kvar)}};
  std::string peak_zh, peak_en;
  if (bill_request.demand && bill_request.demand->max_demand_kw) {
    // Qc = Pmax × (tan φ1 − tan φ2) with tan φ = kvarh / kWh of the month.
    const Power pmax = *bill_request.demand->max_demand_kw;
    const int64_t peak = static_cast<int64_t>(round_div(static_cast<__int128>(pmax.units()) * removed.units(),
                                                        static_cast<__int128>(kwh.units()) * Power::one_units, Rounding::Up));
    comp["max_demand_kw"] = pmax.str();
    comp["peak_kvar"] = std::to_string(peak);
    peak_zh = "；按最大需量 " + pmax.str() + " kW 计，Qc = Pmax ×（tanφ1 − tanφ2）= " + std::to_string(peak) + " kvar";
    peak_en = "; at the maximum demand of " + pmax.str() + " kW, Qc = Pmax × (tan φ1 − tan φ2) = " + std::to_string(peak) + " kvar";
  }

  body["target_above_current"] = true;
  body["target"] = figures_json(tgt, kvarh_t);
  body["saving"] = {{"monthly", monthly.str(2)}, {"annual", annual.str(2)}};
  body["compensation"] = comp;
  body["explanation"] = {
      {"zh", "当前功率因数 " + pf_str(cur.pf) + "（考核标准 " + *bill_request.pf_standard + "），调整 " + cur.percent.str() +
                 "% 即 " + cur.adjustment.str(2) + " 元；无功电量降到 " + kvarh_t.str() + " kvarh 后功率因数 " + pf_str(tgt.pf) +
                 "，调整 " + tgt.percent.str() + "% 即 " + tgt.adjustment.str(2) + " 元。每月节省 " + monthly.str(2) +
                 " 元，全年约 " + annual.str(2) + " 元。需减少无功 " + removed.str() + " kvarh，按 " + h.str() +
                 " 小时计约需补偿 " + std::to_string(kvar) + " kvar" + peak_zh + "。"},
      {"en", "Power factor now " + pf_str(cur.pf) + " (standard " + *bill_request.pf_standard + "): adjustment " +
                 cur.percent.str() + "% = " + cur.adjustment.str(2) + " CNY; with reactive energy cut to " + kvarh_t.str() +
                 " kvarh the power factor is " + pf_str(tgt.pf) + ": adjustment " + tgt.percent.str() + "% = " +
                 tgt.adjustment.str(2) + " CNY. Saving " + monthly.str(2) + " CNY a month, about " + annual.str(2) +
                 " CNY a year. Removing " + removed.str() + " kvarh over " + h.str() + " hours needs about " +
                 std::to_string(kvar) + " kvar of compensation" + peak_en + "."}};
  body["warnings"] = warnings;

  q.notes.assume("全年节省 = 本月节省 × 12：假定本月用电与功率因数代表全年各月",
                 "Annual saving = this month's saving × 12: the month is assumed typical of every month of the year");
  q.notes.assume("只改变无功电量：有功电量、需量与电价不变；目标无功电量 = 有功电量 × tanφ（目标），向下取整到 0.001 kvarh",
                 "Only the reactive energy changes (kWh, demand and prices stay): the target kvarh = kWh × tan φ at the "
                 "target, rounded down to 0.001 kvarh so the power factor is not below the target");
  if (!hours_given)
    q.notes.assume("未给出运行小时数：按本月日历小时数（" + h.str() + " 小时，全天连续运行）计算平均补偿容量；实际运行时间更短时所需补偿容量按比例增大",
                   "No operating hours given: the average compensation uses the month's calendar hours (" + h.str() +
                       " h, round-the-clock operation); a plant running fewer hours needs proportionally more kvar");
  q.notes.assume("补偿容量向上取整到整千乏；tanφ1 取本月实际 kvarh/kWh（未四舍五入的功率因数）",
                 "Compensation is rounded up to the whole kvar; tan φ1 is the month's actual kvarh / kWh (not the rounded power factor)");
  q.body = std::move(body);
  return q;
}

}  // namespace powerdesk::quote_detail
