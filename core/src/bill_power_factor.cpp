// 功率因数调整电费 per 《功率因数调整电费办法》〔83〕水电财字第215号: the
// month's PF from kWh and kvarh, rounded half-up to two decimals, looks up
// a percentage in the standard's table (national pack data), applied to the
// pack's adjustment base (funds excluded).
#include <algorithm>

#include "bill_internal.hpp"
#include "powerdesk/power_factor.hpp"

namespace powerdesk {

int power_factor_hundredths(Energy kwh, Energy kvarh) {
  // PF = P / √(P² + Q²). Rounded half-up to k/100 is the largest k with
  // (k − ½)/100 ≤ PF, i.e. (2k − 1)² (P² + Q²) ≤ 40000 P²: exact, no sqrt.
  const __int128 p = kwh.units();
  const __int128 q = kvarh.units();
  const __int128 p2 = p * p;
  const __int128 s = p2 + q * q;
  if (s == 0) return 100;
  int k = 0;
  for (int c = 1; c <= 100; ++c) {
    const __int128 t = 2 * c - 1;
    if (t * t * s <= 40000 * p2) k = c;
    else break;
  }
  return k;
}

Money power_factor_adjustment(Money base, Ratio percent, Rounding mode) {
  return Money::from_units(static_cast<int64_t>(round_div(
      static_cast<__int128>(base.units()) * percent.units(), static_cast<__int128>(Ratio::one_units) * 100, mode)));
}

}  // namespace powerdesk

namespace powerdesk::billing {
namespace {

bool in_base(const BillLine& l, const PowerFactorRules& rules) {
  const auto& base = rules.base_components;
  if (l.kind == LineKind::Basic) return std::find(base.begin(), base.end(), "basic") != base.end();
  if (l.code != LineCode::ComponentEnergy || l.block != 0) return false;
  return std::find(base.begin(), base.end(), l.component->code) != base.end();
}

}  // namespace

bool price_power_factor(const BillRequest& req, const PackRegistry& packs, Bill& bill, Issues& issues) {
  const auto* tariff = std::get_if<ComponentTariff>(&bill.blocks.front().tariff->rules);
  if (!tariff || !tariff->power_factor_from_kva) return true;
  if (req.pf_standard && *req.pf_standard == "none") return true;
  if (!req.capacity_kva) {
    bill.warnings.push_back(make_issue(Code::PowerFactorDataMissing, "/capacity_kva",
                                       "未给出用电容量，未评估功率因数调整",
                                       "capacity_kva not given, so power-factor adjustment was not assessed",
                                       Severity::Warning));
    return true;
  }
  if (*req.capacity_kva < *tariff->power_factor_from_kva) return true;
  const Usage& main = bill.blocks.front().usage;
  if (!req.pf_standard || !main.kvarh) {
    issues.push_back(make_issue(
        Code::PowerFactorDataMissing,
        !req.pf_standard ? "/power_factor/standard" : (req.usage ? "/usage/kvarh" : "/meters/0/reactive"),
        "容量 " + req.capacity_kva->str() + " kVA 达到 " + tariff->power_factor_from_kva->str() +
            " kVA，须执行功率因数调整：需要考核标准（power_factor.standard）和无功电量（kvarh）",
        "Capacity " + req.capacity_kva->str() + " kVA is at or above " + tariff->power_factor_from_kva->str() +
            " kVA, so power-factor adjustment applies: it needs power_factor.standard and kvarh"));
    return false;
  }
  // PF over all the energy the main meter(s) measured, losses included.
  Energy kwh;
  for (const BillBlock& b : bill.blocks) kwh += b.usage.total();
  if (kwh.is_zero()) {
    bill.warnings.push_back(make_issue(Code::PowerFactorDataMissing, "/usage",
                                       "无有功电量，功率因数无法计算，本期不做功率因数调整",
                                       "No active energy, so no power factor can be computed; no adjustment this period",
                                       Severity::Warning));
    return true;
  }
  const int pf = power_factor_hundredths(kwh, *main.kvarh);
  bill.power_factor = pf;

  for (size_t part = 0; part < bill.parts.size(); ++part) {
    const RulePack& pack = *bill.parts[part].pack;
    const RulePack* national = packs.national(bill.parts[part].period.start);
    if (!national || !pack.power_factor) {
      issues.push_back(make_issue(Code::NoPackForDate, "/power_factor",
                                  "缺少功率因数调整规则（全国规则包或 " + pack.id + " 的 power_factor）",
                                  "No power-factor rules (national pack, or power_factor in " + pack.id + ")"));
      return false;
    }
    auto table = national->pf_tables.find(*req.pf_standard);
    if (table == national->pf_tables.end()) {
      issues.push_back(make_issue(Code::EnumInvalid, "/power_factor/standard",
                                  "未知的功率因数考核标准 " + *req.pf_standard + "（应为 0.90、0.85、0.80 或 none）",
                                  "Unknown power-factor standard " + *req.pf_standard + " (0.90, 0.85, 0.80 or none)"));
      return false;
    }
    Ratio percent = table->second.percent_at(pf);
    Money base;
    for (const BillLine& l : bill.lines)
      if (l.part == static_cast<int>(part) && in_base(l, *pack.power_factor)) base += l.amount;
    BillLine l{};
    l.code = LineCode::PowerFactor;
    l.kind = LineKind::PowerFactor;
    l.part = static_cast<int>(part);
    l.unit = Unit::Yuan;
    l.pf = pf;
    l.base = base;
    l.percent = percent;
    if (percent.is_negative() && pack.power_factor->penalty_only) l.percent = Ratio{};
    l.amount = power_factor_adjustment(base, l.percent, pack.rounding.line_amount);
    bill.lines.push_back(l);
  }
  return true;
}

}  // namespace powerdesk::billing
