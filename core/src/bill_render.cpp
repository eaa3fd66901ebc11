// Bill → JSON. Each line carries what produced it: price, tier, period,
// quantity, proration and the rule it came from, in Chinese and English.
#include "powerdesk/bill_json.hpp"
#include "powerdesk/money_words.hpp"

namespace powerdesk {
namespace {

Json bilingual(const std::string& zh, const std::string& en) { return Json{{"zh", zh}, {"en", en}}; }

std::string tier_zh(int tier) { return "第" + std::to_string(tier) + "档"; }
std::string tier_en(int tier) { return "tier " + std::to_string(tier); }

std::string unit_price_zh(Unit u) {
  switch (u) {
    case Unit::Kwh: return "元/kWh";
    case Unit::Kva: return "元/kVA·月";
    case Unit::Kw: return "元/kW·月";
    case Unit::Yuan: return "元";
  }
  return "元";
}

std::string unit_price_en(Unit u) {
  switch (u) {
    case Unit::Kwh: return "CNY/kWh";
    case Unit::Kva: return "CNY/kVA-month";
    case Unit::Kw: return "CNY/kW-month";
    case Unit::Yuan: return "CNY";
  }
  return "CNY";
}

std::string proration_zh(const BillLine& l) {
  return l.day_base ? " × " + std::to_string(l.days) + "/" + std::to_string(l.day_base) + " 天" : "";
}
std::string proration_en(const BillLine& l) {
  return l.day_base ? " × " + std::to_string(l.days) + "/" + std::to_string(l.day_base) + " days" : "";
}

// "54 kWh × 0.618 元/kWh = 33.37 元"
Bilingual arithmetic(const BillLine& l) {
  const std::string q = l.quantity.str() + " " + std::string(unit_code(l.unit));
  return Bilingual{q + " × " + l.unit_price.str() + " " + unit_price_zh(l.unit) + proration_zh(l) + " = " + l.amount.str(2) + " 元",
                   q + " × " + l.unit_price.str() + " " + unit_price_en(l.unit) + proration_en(l) + " = " + l.amount.str(2) + " CNY"};
}

struct Described {
  std::string code;
  Json label;
  Json explanation;
  Json rule;
};

Described describe(const BillLine& l, const Bill& bill, const BillRequest& req) {
  const RulePack& pack = *bill.parts[static_cast<size_t>(l.part)].pack;
  const Tariff& tariff = *pack.tariff(bill.blocks[static_cast<size_t>(l.block)].tariff->code);
  const std::string per(tou_period_code(l.period));
  const Bilingual& per_label = tou_period_label(l.period);
  const bool tou = tariff.periods().size() > 1;
  const std::string per_zh = tou ? "（" + per_label.zh + "）" : "";
  const std::string per_en = tou ? " (" + per_label.en + ")" : "";
  const Bilingual calc = arithmetic(l);
  Described d;
  switch (l.code) {
    case LineCode::TierEnergy: {
      d.code = "energy.tier" + std::to_string(l.tier) + "." + per;
      d.label = bilingual("居民电费 " + tier_zh(l.tier) + per_zh, "Residential " + tier_en(l.tier) + per_en);
      const auto& tiers = std::get<ResidentialTariff>(tariff.rules).tiers;
      const std::string basis_zh = tiers.basis == TierBasis::Annual ? "年度阶梯" : "月度阶梯";
      const std::string basis_en = tiers.basis == TierBasis::Annual ? "annual tiers" : "monthly tiers";
      d.explanation = bilingual(calc.zh + "；按" + basis_zh + "累计用电量落入" + tier_zh(l.tier) + "，执行" + tariff.label.zh,
                                calc.en + "; cumulative use on " + basis_en + " falls in " + tier_en(l.tier) + " of " + tariff.label.en);
      d.rule = citation_json(tariff.citation);
      break;
    }
    case LineCode::FreeEnergy:
      d.code = "energy.free." + per;
      d.label = bilingual("低保/五保户免费电量" + per_zh, "Low-income free allowance" + per_en);
      d.explanation = bilingual(l.quantity.str() + " kWh 免费（每户每月 " + std::get<ResidentialTariff>(tariff.rules).tiers.low_income_free_kwh_per_month.str() + " kWh，计入第1档）",
                                l.quantity.str() + " kWh free (" + std::get<ResidentialTariff>(tariff.rules).tiers.low_income_free_kwh_per_month.str() + " kWh per household per month, counted in tier 1)");
      d.rule = citation_json(tariff.citation);
      break;
    case LineCode::SharedMeterEnergy:
      d.code = "energy.shared_meter";
      d.label = bilingual("合表电价电费", "Shared-meter (合表) energy");
      d.explanation = bilingual(calc.zh + "；" + (req.residential.shared_meter ? "合表用户不执行阶梯电价" : "一户多人口用户选择执行合表电价"),
                                calc.en + "; " + (req.residential.shared_meter ? "shared-meter customers are not tiered" : "large household elected the shared-meter price"));
      d.rule = citation_json(tariff.citation);
      break;
    case LineCode::ComponentEnergy:
      d.code = l.component->code + "." + per;
      d.label = bilingual(l.component->label.zh + per_zh, l.component->label.en + per_en);
      d.explanation = bilingual(calc.zh + "；" + tariff.label.zh, calc.en + "; " + tariff.label.en);
      d.rule = citation_json(l.component->citation);
      break;
    case LineCode::BasicCapacity:
    case LineCode::BasicDemand:
    case LineCode::BasicOverrun:
    case LineCode::BasicSuspension: {
      const auto& basic = *std::get<ComponentTariff>(tariff.rules).basic;
      static const char* zh[] = {"基本电费（按容量）", "基本电费（按需量）", "基本电费（超需量部分）", "基本电费（暂停/减容减免）"};
      static const char* en[] = {"Basic charge (capacity)", "Basic charge (demand)", "Basic charge (demand overrun)", "Basic charge (suspension/reduction exemption)"};
      static const char* codes[] = {"basic.capacity", "basic.demand", "basic.overrun", "basic.suspension"};
      const int i = static_cast<int>(l.code) - static_cast<int>(LineCode::BasicCapacity);
      d.code = codes[i];
      d.label = bilingual(zh[i], en[i]);
      std::string note_zh, note_en;
      if (l.code == LineCode::BasicOverrun) {
        note_zh = "；实际最大需量超过合同需量 " + basic.overrun_threshold.str() + " 倍的部分按 " + basic.overrun_multiplier.str() + " 倍电价计收";
        note_en = "; demand above " + basic.overrun_threshold.str() + " × contract is charged at " + basic.overrun_multiplier.str() + " × the price";
      }
      if (l.day_base) {
        note_zh += "；非整月按天折算";
        note_en += "; part month prorated by days";
      }
      d.explanation = bilingual(calc.zh + note_zh, calc.en + note_en);
      d.rule = citation_json(basic.citation);
      break;
    }
    case LineCode::PowerFactor: {
      d.code = "power_factor";
      d.label = bilingual("功率因数调整电费", "Power-factor adjustment");
      const std::string pf = Fixed<2>::from_units(l.pf).str(2);
      const std::string std_pf = req.pf_standard.value_or("");
      d.explanation = bilingual("功率因数 " + pf + "（考核标准 " + std_pf + "），调整比例 " + l.percent.str() + "%，参与调整电费 " + l.base.str(2) + " 元 × " + l.percent.str() + "% = " + l.amount.str(2) + " 元",
                                "Power factor " + pf + " (standard " + std_pf + "), adjustment " + l.percent.str() + "% of the adjustable charges " + l.base.str(2) + " CNY = " + l.amount.str(2) + " CNY");
      d.rule = citation_json(pack.power_factor->citation);
      break;
    }
    case LineCode::AdjustmentAmount:
    case LineCode::AdjustmentEnergy: {
      const AdjustmentInput& a = req.adjustments[static_cast<size_t>(l.adjustment)];
      const bool refund = l.amount.is_negative();
      d.code = l.code == LineCode::AdjustmentAmount ? "adjustment.amount" : "adjustment.energy";
      d.label = bilingual(refund ? "退费" : "补收", refund ? "Refund" : "Recovery");
      if (l.code == LineCode::AdjustmentAmount) {
        d.explanation = bilingual("退补金额 " + l.amount.str(2) + " 元：" + a.reason, "Adjustment of " + l.amount.str(2) + " CNY: " + a.reason);
      } else {
        d.explanation = bilingual(calc.zh + "：" + a.reason, calc.en + ": " + a.reason);
      }
      d.rule = Json{{"document", a.reason}, {"date", ""}};
      break;
    }
  }
  return d;
}

Json render_line(const BillLine& l, const Bill& bill, const BillRequest& req) {
  Described d = describe(l, bill, req);
  Json j{{"code", d.code},
         {"kind", std::string(line_kind_code(l.kind))},
         {"amount", l.amount.str(2)},
         {"part", l.part},
         {"block", bill.blocks[static_cast<size_t>(l.block)].source}};
  j["label"] = std::move(d.label);  // moved: an initializer list copies
  j["explanation"] = std::move(d.explanation);
  j["rule"] = std::move(d.rule);
  if (l.code == LineCode::PowerFactor) {
    j["power_factor"] = Fixed<2>::from_units(l.pf).str(2);
    j["percent"] = l.percent.str();
    j["base"] = l.base.str(2);
  } else if (l.code != LineCode::AdjustmentAmount) {
    j["quantity"] = l.quantity.str();
    j["unit"] = std::string(unit_code(l.unit));
    j["unit_price"] = l.unit_price.str();
  }
  if (l.kind == LineKind::Energy || l.kind == LineKind::Funds) j["period"] = std::string(tou_period_code(l.period));
  if (l.tier) j["tier"] = l.tier;
  if (l.component) j["component"] = l.component->code;
  if (l.day_base) j["proration"] = Json{{"days", l.days}, {"of", l.day_base}};
  return j;
}

}  // namespace

Json render_issue(const Issue& i) {
  Json j{{"code", std::string(code_name(i.code))},
         {"path", i.path},
         {"severity", std::string(severity_name(i.severity))},
         {"message", bilingual(i.message.zh, i.message.en)}};
  if (!i.file.empty()) j["file"] = i.file;
  if (!i.suggestion.empty()) j["suggestion"] = i.suggestion;
  return j;
}

Json render_bill(const Bill& bill, const BillRequest& req) {
  Json lines = Json::array();
  for (const BillLine& l : bill.lines) lines.push_back(render_line(l, bill, req));
  Json parts = Json::array();
  for (const BillPart& p : bill.parts) {
    parts.push_back({{"pack", p.pack->id},
                     {"version", p.pack->version},
                     {"content_hash", p.pack->content_hash},
                     {"start", p.period.start.iso()},
                     {"end", p.period.end.iso()},
                     {"days", p.period.days()}});
  }
  Json subtotals = Json::object();
  for (LineKind k : {LineKind::Energy, LineKind::Basic, LineKind::PowerFactor, LineKind::Funds, LineKind::Adjustment})
    subtotals[std::string(line_kind_code(k))] = bill.subtotals[static_cast<size_t>(k)].str(2);
  const Tariff& main = *bill.blocks.front().tariff;
  Json out{{"region", bill.region},
           {"tariff", {{"code", main.code}, {"label", bilingual(main.label.zh, main.label.en)}}},
           {"period", {{"start", bill.period.start.iso()}, {"end", bill.period.end.iso()}, {"days", bill.period.days()}}},
           {"subtotals", subtotals},
           {"total", bill.total.str(2)},
           {"total_uppercase", money_to_chinese_uppercase(bill.total)},
           {"energy_kwh", bill.energy_kwh.str()},
           {"estimate", false}};
  // Assigned, not listed above: an initializer list would copy every line.
  out["parts"] = std::move(parts);
  out["lines"] = std::move(lines);
  if (auto avg = average_price_per_kwh(bill.total, bill.energy_kwh)) out["average_price"] = avg->str(4);
  if (bill.power_factor) out["power_factor"] = Fixed<2>::from_units(*bill.power_factor).str(2);
  if (bill.tier_progress) {
    const TierProgress& t = *bill.tier_progress;
    Json tp{{"tier", t.tier}, {"used_kwh", t.used_in_year.str()}};
    if (t.remaining_in_tier) tp["remaining_in_tier_kwh"] = t.remaining_in_tier->str();
    out["tier_progress"] = tp;
  }
  Json warnings = Json::array();
  for (const Issue& w : bill.warnings) warnings.push_back(render_issue(w));
  out["warnings"] = warnings;
  return out;
}

}  // namespace powerdesk
