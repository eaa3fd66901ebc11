// The "substitution" quote: 电能替代 economics of an electric technology
// (electric or electrode boiler, heat pump, electric kiln) against the fuel-
// fired one it replaces, for the same annual useful heat. Formulas, rounding
// and factor sources: docs/quotes-energy.md. Factors come from the national
// pack's "substitution" section (quote_substitution_loader.cpp).
#include <optional>
#include <string>

#include "powerdesk/bill_json.hpp"
#include "powerdesk/quote_substitution.hpp"
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

using Heat = Fixed<3>;      // GJ, to the MJ
using Quantity = Fixed<3>;  // fuel in its unit (kg, m³)
using Tonnes = Fixed<3>;    // tce or t CO2, to the kg
using Years = Fixed<2>;

constexpr Heat kMaxHeat = Heat::from_int(100000000);  // 1e8 GJ a year
// With these bounds (and the loader's LHV ≥ 1 MJ) every product stays inside
// int64 after its rounding: fuel ≤ 2e12 units, costs ≤ 2e16 元.
constexpr Ratio kMinEfficiency = Ratio::from_units(50000);  // 0.05
constexpr Price kMaxFuelPrice = Price::from_int(10000);     // 元 per unit

// kg per unit × quantity → tonnes to the kg (HalfUp).
Tonnes tonnes(Fixed<3> quantity, ConversionFactor kg_per_unit) {
  return Tonnes::from_units(static_cast<int64_t>(
      round_div(static_cast<__int128>(quantity.units()) * kg_per_unit.units(), pow10_i64(9), Rounding::HalfUp)));
}

// kWh = heat (MJ) / (3.6 MJ/kWh × efficiency), to the Wh (HalfUp).
Energy electricity_for(Heat heat, Ratio efficiency) {
  return Energy::from_units(static_cast<int64_t>(round_div(static_cast<__int128>(heat.units()) * pow10_i64(10),
                                                           static_cast<__int128>(36) * efficiency.units(),
                                                           Rounding::HalfUp)));
}

// fuel = heat (MJ) / (LHV × efficiency), to 0.001 unit (HalfUp).
Quantity fuel_for(Heat heat, ConversionFactor lhv, Ratio efficiency) {
  return Quantity::from_units(static_cast<int64_t>(
      round_div(static_cast<__int128>(heat.units()) * pow10_i64(15),
                static_cast<__int128>(lhv.units()) * efficiency.units(), Rounding::HalfUp)));
}

// heat (GJ, to the MJ) = fuel × LHV × efficiency / 1000 (HalfUp).
__int128 heat_units_from_fuel(Quantity q, ConversionFactor lhv, Ratio efficiency) {
  return round_div(static_cast<__int128>(q.units()) * lhv.units() * efficiency.units(), pow10_i64(15),
                   Rounding::HalfUp);
}

struct Tech {
  std::string code;
  const SubstitutionTechnology* data = nullptr;
};

Tech technology(FieldReader& r, const Json& req, std::string_view key, bool electric, const SubstitutionData* data) {
  auto code = r.string(req, key, "", true);
  if (!code || data == nullptr) return {};
  const std::string p = pointer_join("", key);
  auto it = data->technologies.find(*code);
  if (it == data->technologies.end() || it->second.electric != electric) {
    std::string list;
    for (const auto& [c, t] : data->technologies)
      if (t.electric == electric) list += (list.empty() ? "" : ", ") + c;
    r.add(make_issue(Code::EnumInvalid, p,
                     std::string(electric ? "未知电能技术 " : "未知现有技术 ") + *code + "（可选：" + list + "）",
                     std::string(electric ? "Unknown electric technology " : "Unknown incumbent technology ") + *code +
                         " (" + list + ")"));
    return {};
  }
  return {*code, &it->second};
}

// The efficiency (or COP) in force: the request's override or the pack's default.
std::optional<Ratio> efficiency(FieldReader& r, const Json& req, std::string_view key, const Tech& t,
                                QuoteNotes& notes) {
  const std::string p = pointer_join("", key);
  const std::string k(key);
  if (req.contains(k) && !req[k].is_null()) {
    auto e = r.decimal<Ratio::scale>(req, key, "", true, kMinEfficiency, Ratio::from_int(10));
    if (!e || t.data == nullptr) return std::nullopt;
    if (!t.data->heat_pump && *e > Ratio::from_int(1)) {
      r.add(make_issue(Code::NumberOutOfRange, p, p + " 须在 0.05 与 1 之间（只有热泵的性能系数可大于 1）",
                       p + " must be between 0.05 and 1 (only a heat pump's COP may exceed 1)"));
      return std::nullopt;
    }
    return e;
  }
  if (t.data == nullptr) return std::nullopt;
  if (!t.data->efficiency) {
    r.add(make_issue(Code::FieldMissing, p,
                     "缺少 " + p + "：" + t.data->name.zh + " 没有公认的缺省效率，须给出项目的实际效率",
                     "Missing " + p + ": " + t.data->name.en +
                         " has no cited default efficiency; give the project's own"));
    return std::nullopt;
  }
  const std::string what_zh = t.data->heat_pump ? "性能系数 COP " : "效率 ";
  const std::string what_en = t.data->heat_pump ? "COP " : "efficiency ";
  notes.assume(t.data->name.zh + "按典型" + what_zh + t.data->efficiency->str() + " 计算（" + t.data->citation.document +
                   "）",
               t.data->name.en + " at the typical " + what_en + t.data->efficiency->str() + " (" +
                   t.data->citation.document + ")");
  return t.data->efficiency;
}

Json money(Money m) { return m.str(2); }

}  // namespace

Result<Quote> substitution(const Json& req, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(req, "",
                   {"kind", "region", "date", "electric", "incumbent", "useful_heat_gj", "fuel_quantity",
                    "fuel_price", "electricity_price", "tariff", "profile", "year", "electric_efficiency",
                    "incumbent_efficiency", "investment", "om_saving"});
  Quote q;
  auto date = r.date(req, "date", "", true);
  auto region = r.string(req, "region", "", false);
  const RulePack* national = date ? packs.national(*date) : nullptr;
  const SubstitutionData* data = national ? national->substitution.get() : nullptr;
  if (date && !data) {
    r.add(make_issue(Code::QuoteDataMissing, "/date", "没有覆盖 " + date->iso() + " 且含电能替代系数的全国规则包",
                     "No national rule pack with substitution factors covers " + date->iso()));
  }
  Tech electric = technology(r, req, "electric", true, data);
  Tech incumbent = technology(r, req, "incumbent", false, data);
  if (electric.data && incumbent.data && electric.data->use != incumbent.data->use) {
    r.add(make_issue(Code::EnumInvalid, "/incumbent",
                     electric.data->name.zh + "不能替代" + incumbent.data->name.zh + "（用途不同：" +
                         electric.data->use + " / " + incumbent.data->use + "）",
                     "The " + electric.data->name.en + " cannot replace the " + incumbent.data->name.en +
                         " (different uses: " + electric.data->use + " / " + incumbent.data->use + ")"));
    incumbent = {};
  }
  auto eta_e = efficiency(r, req, "electric_efficiency", electric, q.notes);
  auto eta_i = efficiency(r, req, "incumbent_efficiency", incumbent, q.notes);

  // The heat: given, or derived from the incumbent's fuel.
  const bool has_heat = req.contains("useful_heat_gj") && !req["useful_heat_gj"].is_null();
  const bool has_fuel = req.contains("fuel_quantity") && !req["fuel_quantity"].is_null();
  std::optional<Heat> heat;
  std::optional<Quantity> fuel_given;
  if (has_heat && has_fuel) {
    r.add(make_issue(Code::UsageConflict, "/fuel_quantity", "useful_heat_gj 与 fuel_quantity 只能给出其一",
                     "Give useful_heat_gj or fuel_quantity, not both"));
  } else if (has_heat) {
    heat = r.decimal<Heat::scale>(req, "useful_heat_gj", "", true, Heat::from_units(1), kMaxHeat);
  } else if (has_fuel) {
    fuel_given = r.decimal<Quantity::scale>(req, "fuel_quantity", "", true, Quantity::from_units(1),
                                            Quantity::from_int(10000000000));
  } else {
    r.add(make_issue(Code::UsageMissing, "/useful_heat_gj",
                     "须给出年有效供热量 useful_heat_gj（GJ）或现有设备年燃料量 fuel_quantity",
                     "Give the annual useful heat useful_heat_gj (GJ) or the incumbent's annual fuel_quantity"));
  }
  auto fuel_price = r.decimal<Price::scale>(req, "fuel_price", "", true, Price::from_int(0), kMaxFuelPrice);
  auto investment = r.decimal<Money::scale>(req, "investment", "", true, Money::from_int(0),
                                            Money::from_int(1000000000000));
  auto om = r.decimal<Money::scale>(req, "om_saving", "", false, Money::from_int(-1000000000000),
                                    Money::from_int(1000000000000));

  // The electricity price: given, or the average of a tariff.
  const bool has_price = req.contains("electricity_price") && !req["electricity_price"].is_null();
  const bool has_tariff = req.contains("tariff") && !req["tariff"].is_null();
  std::optional<Price> e_price;
  std::optional<std::string> tariff, profile;
  std::optional<int64_t> year;
  if (has_price && has_tariff) {
    r.add(make_issue(Code::UsageConflict, "/tariff", "electricity_price 与 tariff 只能给出其一",
                     "Give electricity_price or tariff, not both"));
  } else if (has_price) {
    e_price = r.decimal<Price::scale>(req, "electricity_price", "", true, Price::from_int(0), Price::from_int(100));
  } else if (has_tariff) {
    tariff = r.string(req, "tariff", "", true);
    if (!region) r.string(req, "region", "", true);  // a tariff needs its region
  } else {
    r.add(make_issue(Code::FieldMissing, "/electricity_price",
                     "须给出电价 electricity_price（元/kWh）或电价类别 tariff",
                     "Give electricity_price (元/kWh) or a tariff"));
  }
  if (has_price && (req.contains("profile") || req.contains("year"))) {
    r.add(make_issue(Code::FieldUnknown, req.contains("profile") ? "/profile" : "/year",
                     "profile 与 year 只与 tariff 一起使用", "profile and year go with tariff only"));
  }
  profile = r.string(req, "profile", "", false);
  year = r.integer(req, "year", "", false, 2000, 2100);
  if (region && date) {
    auto pack = regional_pack(packs, *region, *date, "/date");
    if (!pack.ok()) {
      for (auto& i : pack.issues()) r.add(i);
    }
  }
  if (!issues.empty() || !data || !electric.data || !incumbent.data || !eta_e || !eta_i || !fuel_price ||
      !investment || (!heat && !fuel_given))
    return issues;

  q.notes.use(national);
  const SubstitutionFuel& fuel = data->fuels.at(incumbent.data->fuel);

  Quantity fuel_qty;
  std::string heat_source = "given";
  if (fuel_given) {
    const __int128 h = heat_units_from_fuel(*fuel_given, fuel.lhv_mj, *eta_i);
    if (h < 1 || h > kMaxHeat.units())
      return make_issue(Code::NumberOutOfRange, "/fuel_quantity", "由燃料量折算的有效供热量须在 0.001 与 1亿 GJ 之间",
                        "The useful heat from fuel_quantity must be between 0.001 and 100,000,000 GJ");
    heat = Heat::from_units(static_cast<int64_t>(h));
    fuel_qty = *fuel_given;
    heat_source = "fuel_quantity";
  } else {
    fuel_qty = fuel_for(*heat, fuel.lhv_mj, *eta_i);
  }
  const Energy kwh = electricity_for(*heat, *eta_e);

  if (tariff) {
    const int y = static_cast<int>(year.value_or(date->year()));
    auto avg = average_price(packs, *region, *tariff, profile.value_or(""), y, kwh, q.notes, "/tariff");
    if (!avg.ok()) return avg.issues();
    e_price = avg.value().rescale<Price::scale>();
    // average_price notes the tariff, profile and resulting price itself.
  }

  const Money e_cost = multiply<Money::scale>(kwh, *e_price, Rounding::HalfUp);
  const Money f_cost = multiply<Money::scale>(fuel_qty, *fuel_price, Rounding::HalfUp);
  const Money om_saving = om.value_or(Money{});
  const Money saving = f_cost - e_cost + om_saving;

  const Tonnes e_tce = tonnes(kwh, data->electricity_kgce_per_kwh);
  const Tonnes f_tce = tonnes(fuel_qty, fuel.kgce);
  const Tonnes e_co2 = tonnes(kwh, data->grid_co2_kg_per_kwh);
  const Tonnes f_co2 = tonnes(fuel_qty, fuel.co2_kg);

  Json body;
  body["useful_heat_gj"] = heat->str();
  body["useful_heat_from"] = heat_source;
  body["electric"] = {{"technology", electric.code},
                      {"name", bilingual_json(electric.data->name)},
                      {"heat_pump", electric.data->heat_pump},
                      {"efficiency", eta_e->str()},
                      {"electricity_kwh", kwh.str(3)},
                      {"electricity_price", e_price->str()},
                      {"annual_cost", money(e_cost)},
                      {"tce", e_tce.str(3)},
                      {"co2_t", e_co2.str(3)}};
  body["incumbent"] = {{"technology", incumbent.code},
                       {"name", bilingual_json(incumbent.data->name)},
                       {"fuel", incumbent.data->fuel},
                       {"fuel_name", bilingual_json(fuel.name)},
                       {"unit", fuel.unit},
                       {"unit_name", bilingual_json(fuel.unit_name)},
                       {"efficiency", eta_i->str()},
                       {"fuel_quantity", fuel_qty.str(3)},
                       {"fuel_price", fuel_price->str()},
                       {"annual_cost", money(f_cost)},
                       {"tce", f_tce.str(3)},
                       {"co2_t", f_co2.str(3)}};
  body["om_saving"] = money(om_saving);
  body["annual_saving"] = money(saving);
  body["investment"] = money(*investment);
  if (saving.units() > 0) {
    body["simple_payback_years"] =
        Years::from_units(static_cast<int64_t>(round_div(static_cast<__int128>(investment->units()) * 100,
                                                         saving.units(), Rounding::HalfUp)))
            .str(2);
  } else {
    body["simple_payback_years"] = nullptr;
    body["payback_statement"] = {
        {"zh", "电能替代方案每年不节省费用（年节省 " + saving.str(2) + " 元），投资不能收回"},
        {"en", "The electric option saves nothing a year (annual saving " + saving.str(2) +
                   " 元), so the investment is never paid back"}};
  }
  // The electricity price at which the annual saving is zero: (fuel cost + O&M saving) / kWh.
  const Money be_cost = f_cost + om_saving;
  if (be_cost > Money{} && kwh > Energy{}) {
    body["break_even_electricity_price"] = average_price_per_kwh(be_cost, kwh)->str();
  } else {
    body["break_even_electricity_price"] = nullptr;
  }
  body["tce_saving"] = (f_tce - e_tce).str(3);
  body["co2_saving_t"] = (f_co2 - e_co2).str(3);
  if (e_co2 > f_co2) {
    body["co2_statement"] = {
        {"zh", "按全国电网平均排放因子 " + data->grid_co2_kg_per_kwh.str() + " tCO₂/MWh 计算，" +
                   electric.data->name.zh + "年排放 " + e_co2.str(3) + " tCO₂，高于" + incumbent.data->name.zh + "的 " +
                   f_co2.str(3) + " tCO₂：此替代不减少二氧化碳排放；减排须依靠热泵、低谷或绿色电力。"},
        {"en", "At the grid-average factor of " + data->grid_co2_kg_per_kwh.str() + " tCO₂/MWh the " +
                   electric.data->name.en + " emits " + e_co2.str(3) + " tCO₂ a year, MORE than the " +
                   incumbent.data->name.en + "'s " + f_co2.str(3) +
                   " tCO₂: this substitution does not cut CO₂; cuts come from heat pumps, valley or green power."}};
  }
  body["factors"] = {
      {"electricity_kgce_per_kwh", {{"value", data->electricity_kgce_per_kwh.str()}, {"citation", citation_json(data->electricity_kgce_citation)}}},
      {"grid_co2_kg_per_kwh", {{"value", data->grid_co2_kg_per_kwh.str()}, {"citation", citation_json(data->grid_co2_citation)}}},
      {"fuel", {{"lhv_mj_per_unit", fuel.lhv_mj.str()},
                {"kgce_per_unit", fuel.kgce.str()},
                {"co2_kg_per_unit", fuel.co2_kg.str()},
                {"citation", citation_json(fuel.citation)}}},
      {"electric_efficiency", {{"value", eta_e->str()}, {"citation", citation_json(electric.data->citation)}}},
      {"incumbent_efficiency", {{"value", eta_i->str()}, {"citation", citation_json(incumbent.data->citation)}}}};

  q.notes.assume("标准煤折算：电力按当量值 " + data->electricity_kgce_per_kwh.str() + " kgce/kWh（3.6 MJ/kWh），不按发电煤耗等价值；" +
                     fuel.name.zh + "按 " + fuel.kgce.str() + " kgce/" + fuel.unit_name.zh + "（GB/T 2589-2020）",
                 "Standard coal: electricity at the calorific equivalent " + data->electricity_kgce_per_kwh.str() +
                     " kgce/kWh (3.6 MJ/kWh), not the generation equivalent; " + fuel.name.en + " at " +
                     fuel.kgce.str() + " kgce/" + fuel.unit_name.en + " (GB/T 2589-2020)");
  q.notes.assume("电力二氧化碳按全国电网平均排放因子 " + data->grid_co2_kg_per_kwh.str() +
                     " tCO₂/MWh（全年平均，不反映低谷或绿电）；燃料排放因子按 IPCC 缺省碳含量折算",
                 "Electricity CO₂ at the national grid-average factor " + data->grid_co2_kg_per_kwh.str() +
                     " tCO₂/MWh (an annual average: it does not reflect valley or green power); fuel CO₂ from IPCC "
                     "default carbon contents");
  q.notes.assume("两种方案提供相同的年有效供热量；设备寿命、残值、资金成本与价格变化不计（静态回收期）",
                 "Both options deliver the same annual useful heat; equipment life, residual value, cost of "
                 "capital and price changes are ignored (simple payback)");
  if (!om) q.notes.assume("未给出运维费用差额 om_saving，按 0 计", "No O&M difference (om_saving) given: taken as 0");
  q.body = std::move(body);
  return q;
}

}  // namespace powerdesk::quote_detail
