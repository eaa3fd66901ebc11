// The "substitution" quote (电能替代) on the real packs in rules/. Expected
// figures are worked by hand from the national pack's factors and checked
// against the facts file's worked example (docs: /work/shared/domain
// tariff-and-rules-facts.md §10.3: 1 GJ useful heat → electric boiler η 0.97
// 286.4 kWh, heat pump COP 3 92.6 kWh, gas η 0.90 at 35.588 MJ/m³ 31.2 m³,
// coal η 0.70 at 20.908 MJ/kg 68.3 kg; break-even vs gas 0.382 元/kWh).
#include <gtest/gtest.h>

#include <string>

#include "../support/quote_support.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk::testing {
namespace {

Json quote(const std::string& body) {
  const std::string req = R"({"kind": "substitution", "date": "2025-07-01", )" + body + "}";
  return quote_envelope(req);
}

Json ok(const std::string& body) { return result_of(quote(body)); }

// "CODE@/path" of the first error.
std::string first_issue(const std::string& body) { return first_error(quote(body)); }

bool has_issue(const std::string& body, const std::string& code, const std::string& path) {
  Json j = quote(body);
  for (const Json& i : j.value("errors", Json::array()))
    if (i["code"] == code && i["path"] == path) return true;
  ADD_FAILURE() << j.dump();
  return false;
}

// Facts §10.3, electric boiler vs gas boiler, 1 GJ.
//   kWh = 1000 MJ / (3.6 × 0.97) = 286.3688… → 286.369 kWh; × 0.35 = 100.229… → 100.23 元
//   m³  = 1000 MJ / (35.588 × 0.90) = 31.2215… → 31.222 m³; × 3.5 = 109.277 → 109.28 元
//   saving 109.28 − 100.23 = 9.05 元; break-even 109.28 / 286.369 = 0.38161 → 0.3816 元/kWh (facts: 0.382)
//   tce: 286.369 × 0.1229 = 35.195 kgce → 0.035 t; 31.222 × 1.2143 = 37.913 → 0.038 t
//   CO2: 286.369 × 0.5703 = 163.316 kg → 0.163 t (facts: 163 kg); 31.222 × 1.996 = 62.319 → 0.062 t
TEST(QuoteSubstitution, FactsExampleElectricBoilerVsGas) {
  Json r = ok(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "useful_heat_gj": "1",
                 "fuel_price": "3.5", "electricity_price": "0.35", "investment": "0")");
  EXPECT_EQ(r["useful_heat_gj"], "1");
  EXPECT_EQ(r["useful_heat_from"], "given");
  EXPECT_EQ(r["electric"]["efficiency"], "0.97");
  EXPECT_EQ(r["electric"]["electricity_kwh"], "286.369");
  EXPECT_EQ(r["electric"]["annual_cost"], "100.23");
  EXPECT_EQ(r["electric"]["tce"], "0.035");
  EXPECT_EQ(r["electric"]["co2_t"], "0.163");
  EXPECT_EQ(r["incumbent"]["fuel"], "natural_gas");
  EXPECT_EQ(r["incumbent"]["unit"], "m3");
  EXPECT_EQ(r["incumbent"]["fuel_quantity"], "31.222");
  EXPECT_EQ(r["incumbent"]["annual_cost"], "109.28");
  EXPECT_EQ(r["incumbent"]["tce"], "0.038");
  EXPECT_EQ(r["incumbent"]["co2_t"], "0.062");
  EXPECT_EQ(r["annual_saving"], "9.05");
  EXPECT_EQ(r["simple_payback_years"], "0.00");
  EXPECT_EQ(r["break_even_electricity_price"], "0.3816");
  EXPECT_EQ(r["co2_saving_t"], "-0.101");
  EXPECT_EQ(r["tce_saving"], "0.003");
  // Facts §10.3: a direct electric boiler emits more CO2 than gas at the grid average.
  ASSERT_TRUE(r.contains("co2_statement"));
  EXPECT_NE(r["co2_statement"]["en"].get<std::string>().find("MORE"), std::string::npos);
  EXPECT_EQ(r["factors"]["grid_co2_kg_per_kwh"]["value"], "0.5703");
  EXPECT_EQ(r["factors"]["electricity_kgce_per_kwh"]["value"], "0.1229");
  EXPECT_EQ(r["estimate"], true);
  EXPECT_EQ(r["kind"], "substitution");
  EXPECT_EQ(r["packs"][0]["region"], "national");
}

// Facts §10.3, air-source heat pump (COP 3) vs coal boiler, 1 GJ, coal 1 元/kg (1,000 元/t).
//   kWh = 1000 / (3.6 × 3) = 92.5925… → 92.593; × 0.50 = 46.2965 → 46.30 元 (facts 46.3)
//   kg  = 1000 / (20.908 × 0.70) = 68.3265… → 68.327 kg; × 1 = 68.33 元 (facts 68.3)
//   saving 22.03; payback 100 / 22.03 = 4.539… → 4.54 years; break-even 68.33 / 92.593 = 0.73796 → 0.7380
//   CO2 92.593 × 0.5703 = 52.806 kg → 0.053 t (facts 52.8 kg); 68.327 × 1.978 = 135.151 → 0.135 t (facts ≈135)
//   tce 92.593 × 0.1229 = 11.380 → 0.011; 68.327 × 0.7143 = 48.806 → 0.049 (facts 48.7 kgce at 0.7134)
TEST(QuoteSubstitution, FactsExampleHeatPumpVsCoal) {
  Json r = ok(R"("electric": "air_source_heat_pump", "incumbent": "coal_boiler", "useful_heat_gj": "1",
                 "fuel_price": "1", "electricity_price": "0.5", "investment": "100")");
  EXPECT_EQ(r["electric"]["heat_pump"], true);
  EXPECT_EQ(r["electric"]["efficiency"], "3");
  EXPECT_EQ(r["electric"]["electricity_kwh"], "92.593");
  EXPECT_EQ(r["electric"]["annual_cost"], "46.30");
  EXPECT_EQ(r["incumbent"]["fuel_quantity"], "68.327");
  EXPECT_EQ(r["incumbent"]["annual_cost"], "68.33");
  EXPECT_EQ(r["annual_saving"], "22.03");
  EXPECT_EQ(r["simple_payback_years"], "4.54");
  EXPECT_EQ(r["break_even_electricity_price"], "0.738");
  EXPECT_EQ(r["electric"]["co2_t"], "0.053");
  EXPECT_EQ(r["incumbent"]["co2_t"], "0.135");
  EXPECT_EQ(r["electric"]["tce"], "0.011");
  EXPECT_EQ(r["incumbent"]["tce"], "0.049");
  EXPECT_FALSE(r.contains("co2_statement"));
}

// No saving: the payback is "never" (null with a statement).
//   286.369 × 0.65 = 186.13985 → 186.14 元 against 68.33 元 of coal: saving −117.81
TEST(QuoteSubstitution, NoSavingNeverPaysBack) {
  Json r = ok(R"("electric": "electric_boiler", "incumbent": "coal_boiler", "useful_heat_gj": "1",
                 "fuel_price": "1", "electricity_price": "0.65", "investment": "100")");
  EXPECT_EQ(r["electric"]["annual_cost"], "186.14");
  EXPECT_EQ(r["annual_saving"], "-117.81");
  EXPECT_TRUE(r["simple_payback_years"].is_null());
  EXPECT_TRUE(r.contains("payback_statement"));
  // 68.33 / 286.369 = 0.23861 → 0.2386
  EXPECT_EQ(r["break_even_electricity_price"], "0.2386");
}

// The incumbent's fuel instead of the heat, and an O&M saving.
//   heat = 100000 m³ × 35.588 × 0.90 / 1000 = 3202.92 GJ
//   kWh = 3202920 MJ / (3.6 × 0.99) = 898686.868… → 898686.869 kWh; × 0.4 = 359474.7476 → 359474.75 元
//   gas 100000 × 3.2 = 320000.00 元; saving 320000 − 359474.75 + 50000 = 10525.25 元
//   payback 200000 / 10525.25 = 19.0019 → 19.00; break-even (320000 + 50000) / 898686.869 = 0.41171… → 0.4117
TEST(QuoteSubstitution, FromFuelQuantityWithOmSaving) {
  Json r = ok(R"("electric": "electrode_boiler", "incumbent": "gas_boiler", "fuel_quantity": "100000",
                 "fuel_price": "3.2", "electricity_price": "0.4", "investment": "200000", "om_saving": "50000")");
  EXPECT_EQ(r["useful_heat_gj"], "3202.92");
  EXPECT_EQ(r["useful_heat_from"], "fuel_quantity");
  EXPECT_EQ(r["incumbent"]["fuel_quantity"], "100000.000");
  EXPECT_EQ(r["electric"]["electricity_kwh"], "898686.869");
  EXPECT_EQ(r["electric"]["annual_cost"], "359474.75");
  EXPECT_EQ(r["incumbent"]["annual_cost"], "320000.00");
  EXPECT_EQ(r["om_saving"], "50000.00");
  EXPECT_EQ(r["annual_saving"], "10525.25");
  EXPECT_EQ(r["simple_payback_years"], "19.00");
  EXPECT_EQ(r["break_even_electricity_price"], "0.4117");
}

// Overrides: a kiln has no cited default efficiency, so the request gives both.
//   heat 10 GJ; electric kiln 0.8: 10000 / (3.6 × 0.8) = 3472.222… → 3472.222 kWh
//   gas kiln 0.4: 10000 / (35.588 × 0.4) = 702.4840… → 702.484 m³
TEST(QuoteSubstitution, KilnWithOverrides) {
  Json r = ok(R"("electric": "electric_kiln", "incumbent": "gas_kiln", "useful_heat_gj": "10",
                 "electric_efficiency": "0.8", "incumbent_efficiency": "0.4",
                 "fuel_price": "3.5", "electricity_price": "0.6", "investment": "0")");
  EXPECT_EQ(r["electric"]["electricity_kwh"], "3472.222");
  EXPECT_EQ(r["incumbent"]["fuel_quantity"], "702.484");
}

TEST(QuoteSubstitution, Errors) {
  const std::string base = R"("incumbent": "gas_boiler", "useful_heat_gj": "1", "fuel_price": "3.5",
                              "electricity_price": "0.35", "investment": "0", )";
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "colour": "red")"), "PD_FIELD_UNKNOWN@/colour");
  EXPECT_EQ(first_issue(base + R"("electric": "steam_engine")"), "PD_ENUM_INVALID@/electric");
  EXPECT_EQ(first_issue(base + R"("electric": "gas_boiler")"), "PD_ENUM_INVALID@/electric");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_kiln", "electric_efficiency": "0.8")"),
            "PD_ENUM_INVALID@/incumbent");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "electric_efficiency": "1.2")"),
            "PD_NUMBER_OUT_OF_RANGE@/electric_efficiency");
  EXPECT_EQ(first_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "incumbent_efficiency": "0.04",
                           "useful_heat_gj": "1", "fuel_price": "3.5", "electricity_price": "0.35", "investment": "0")"),
            "PD_NUMBER_OUT_OF_RANGE@/incumbent_efficiency");
  EXPECT_EQ(first_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "fuel_price": "20000",
                           "useful_heat_gj": "1", "electricity_price": "0.35", "investment": "0")"),
            "PD_NUMBER_OUT_OF_RANGE@/fuel_price");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "fuel_quantity": "10")"),
            "PD_USAGE_CONFLICT@/fuel_quantity");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "tariff": "commercial")"), "PD_USAGE_CONFLICT@/tariff");
  EXPECT_EQ(first_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "useful_heat_gj": "0",
                           "fuel_price": "3.5", "electricity_price": "0.35", "investment": "0")"),
            "PD_NUMBER_OUT_OF_RANGE@/useful_heat_gj");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "region": "atlantis")"), "PD_REGION_UNKNOWN@/region");
  EXPECT_EQ(first_issue(base + R"("electric": "electric_boiler", "profile": "office")"), "PD_FIELD_UNKNOWN@/profile");
  EXPECT_TRUE(has_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "fuel_price": "3.5",
                           "investment": "0")",
                        "PD_USAGE_MISSING", "/useful_heat_gj"));
  EXPECT_TRUE(has_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "fuel_price": "3.5",
                           "useful_heat_gj": "1")",
                        "PD_FIELD_MISSING", "/electricity_price"));
  EXPECT_TRUE(has_issue(R"("electric": "electric_boiler", "incumbent": "gas_boiler", "electricity_price": "0.3",
                           "useful_heat_gj": "1")",
                        "PD_FIELD_MISSING", "/investment"));
  // A kiln without the efficiencies the pack does not default.
  EXPECT_TRUE(has_issue(R"("electric": "electric_kiln", "incumbent": "coal_kiln", "useful_heat_gj": "1",
                           "fuel_price": "1", "electricity_price": "0.5", "investment": "0")",
                        "PD_FIELD_MISSING", "/electric_efficiency"));
  EXPECT_TRUE(has_issue(R"("electric": "electric_kiln", "incumbent": "coal_kiln", "useful_heat_gj": "1",
                           "fuel_price": "1", "electricity_price": "0.5", "investment": "0")",
                        "PD_FIELD_MISSING", "/incumbent_efficiency"));
  // No national pack covers 2030: no factors.
  Response r = rules_engine().quote(R"({"kind": "substitution", "date": "2030-01-01", "electric": "electric_boiler",
      "incumbent": "gas_boiler", "useful_heat_gj": "1", "fuel_price": "3.5", "electricity_price": "0.35",
      "investment": "0"})");
  EXPECT_NE(r.json.find("PD_QUOTE_DATA_MISSING"), std::string::npos) << r.json;
  r = rules_engine().quote(R"({"kind": "substitution", "electric": "electric_boiler"})");
  EXPECT_NE(r.json.find(R"("path":"/date")"), std::string::npos) << r.json;
}

// The loader refuses bad factors with PD_PACK_INVALID and the pointer.
TEST(QuoteSubstitution, LoaderRefusesBadData) {
  const std::string file = std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json";
  Json pack = Json::parse(read_file(file));
  ASSERT_TRUE(load_pack(pack.dump(), "national").ok());
  auto refused = [&](const Json& p, const std::string& code, const std::string& path) {
    auto r = load_pack(p.dump(), "national");
    if (r.ok()) return false;
    for (const Issue& i : r.issues())
      if (std::string(code_name(i.code)) == code && i.path == path) return true;
    ADD_FAILURE() << r.issues().front().path << " " << r.issues().front().message.en;
    return false;
  };
  Json p = pack;
  p["substitution"]["technologies"]["coal_boiler"]["efficiency"] = "1.5";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/substitution/technologies/coal_boiler/efficiency"));
  p = pack;
  p["substitution"]["technologies"]["gas_boiler"]["fuel"] = "peat";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/substitution/technologies/gas_boiler/fuel"));
  p = pack;
  p["substitution"]["technologies"]["electric_boiler"]["fuel"] = "coal";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/substitution/technologies/electric_boiler/fuel"));
  p = pack;
  p["substitution"]["technologies"]["gas_boiler"]["use"] = "cooking";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/substitution/technologies/gas_boiler/use"));
  p = pack;
  p["substitution"]["fuels"]["coal"]["kgce_per_unit"] = "0";
  EXPECT_TRUE(refused(p, "PD_PACK_INVALID", "/substitution/fuels/coal/kgce_per_unit"));
  p = pack;
  p["substitution"]["electricity"]["co2_kg_per_kwh"].erase("citation");
  EXPECT_TRUE(refused(p, "PD_FIELD_MISSING", "/substitution/electricity/co2_kg_per_kwh/citation"));
  p = pack;
  p["substitution"]["fuels"]["coal"]["colour"] = "black";
  EXPECT_TRUE(refused(p, "PD_FIELD_UNKNOWN", "/substitution/fuels/coal/colour"));
  // Only the national pack holds the factors.
  Json regional = Json::parse(read_file(std::string(POWERDESK_SOURCE_DIR) + "/rules/zhejiang/zhejiang-2025.json"));
  regional["substitution"] = pack["substitution"];
  EXPECT_TRUE(refused(regional, "PD_PACK_INVALID", "/substitution"));
}

// The tariff path: the price of a kWh is the tariff's average over a year of
// that use (quote_detail::average_price, the estimate's monthly bills).
TEST(QuoteSubstitution, TariffAveragePrice) {
  Json j = quote(R"("region": "zhejiang", "tariff": "residential", "electric": "air_source_heat_pump",
                    "incumbent": "gas_boiler", "useful_heat_gj": "20", "fuel_price": "3.5", "investment": "0")");
  ASSERT_TRUE(j["ok"].get<bool>()) << j.dump();
  const Json& r = j["result"];
  // 20000 / (3.6 × 3) = 1851.851… → 1851.852 kWh at the tariff's average price.
  EXPECT_EQ(r["electric"]["electricity_kwh"], "1851.852");
  // All in Zhejiang's residential tier 1 (0.538 元/kWh, rules/zhejiang): 1851.852 × 0.538 = 996.296 → 996.30.
  EXPECT_EQ(r["electric"]["electricity_price"], "0.538");
  EXPECT_EQ(r["electric"]["annual_cost"], "996.30");
  auto price = Price::parse(r["electric"]["electricity_price"].get<std::string>());
  ASSERT_TRUE(price);
  const Money cost = multiply<Money::scale>(Energy::from_units(1851852), *price, Rounding::HalfUp);
  EXPECT_EQ(r["electric"]["annual_cost"], cost.str(2));
  bool regional = false;
  for (const Json& p : r["packs"]) regional = regional || p["region"] == "zhejiang";
  EXPECT_TRUE(regional);
}

}  // namespace
}  // namespace powerdesk::testing
