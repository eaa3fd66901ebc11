// Rule-pack loading: every shipped and frozen pack loads; a broken pack is
// refused whole with the exact code, JSON pointer and file of its first
// problem; the registry refuses duplicate ids and overlapping dates.
//
// Broken packs are built here from tests/packs/zj-test-2024.json (or
// national.json) by changing one thing, so each case names its single fault.
#include "powerdesk/api.hpp"
#include "powerdesk/rulepack.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace powerdesk {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSource = POWERDESK_SOURCE_DIR;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << p;
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string zj_text() { return read_text(kSource / "tests/packs/zj-test-2024.json"); }
json zj_json() { return json::parse(zj_text()); }
json national_json() { return json::parse(read_text(kSource / "tests/packs/national.json")); }

std::string describe(const Issues& issues) {
  std::string out;
  for (const Issue& i : issues) {
    out += "  " + std::string(code_name(i.code)) + " at '" + i.path + "' in '" + i.file + "': " +
           i.message.en + "\n";
  }
  return out;
}

std::vector<fs::path> json_files_under(const fs::path& dir) {
  std::vector<fs::path> out;
  for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
    if (it->is_directory() && it->path().filename() == "schema") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".json") out.push_back(it->path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::shared_ptr<const RulePack> load_ok(const std::string& text, const std::string& name) {
  auto r = load_pack(text, name);
  EXPECT_TRUE(r.ok()) << name << " was refused:\n" << (r.ok() ? "" : describe(r.issues()));
  return r.ok() ? r.value() : nullptr;
}

// ---- (a) every pack in the tree loads ----------------------------------------

TEST(PackLoader, FrozenTestPacksLoadWithoutIssues) {
  const auto files = json_files_under(kSource / "tests/packs");
  ASSERT_GE(files.size(), 4u);
  PackRegistry registry;
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.string());
    auto pack = load_ok(read_text(f), f.string());
    ASSERT_NE(pack, nullptr);
    EXPECT_EQ(pack->file, f.string());
    EXPECT_EQ(pack->content_hash.size(), 16u);
    const Issues added = registry.add(pack);
    EXPECT_TRUE(added.empty()) << describe(added);
  }
  // zj-test-2024 and zj-test-2025h2 meet at 2025-06-30 / 2025-07-01.
  const RulePack* june = registry.find("zj-test", *Date::parse("2025-06-30"));
  const RulePack* july = registry.find("zj-test", *Date::parse("2025-07-01"));
  ASSERT_NE(june, nullptr);
  ASSERT_NE(july, nullptr);
  EXPECT_EQ(june->id, "zj-test-2024");
  EXPECT_EQ(july->id, "zj-test-2025h2");
  ASSERT_NE(registry.national(*Date::parse("2025-03-01")), nullptr);
  EXPECT_EQ(registry.national(*Date::parse("2025-03-01"))->pf_tables.size(), 3u);
}

TEST(PackLoader, FrozenZjPackHasTheExpectedTariffs) {
  auto pack = load_ok(zj_text(), "zj-test-2024.json");
  ASSERT_NE(pack, nullptr);
  for (const char* code : {"residential", "residential_tou", "commercial_single", "commercial_two_part",
                           "agricultural"}) {
    EXPECT_NE(pack->tariff(code), nullptr) << code;
  }
  EXPECT_EQ(pack->tariff("industrial"), nullptr);
  const Tariff* tou = pack->tariff("residential_tou");
  ASSERT_NE(tou, nullptr);
  EXPECT_EQ(tou->periods(), (std::vector<TouPeriod>{TouPeriod::Peak, TouPeriod::Valley}));
  // floats_with_tou: energy 0.4 × 1.92 = 0.768 in the sharp period.
  const auto& single = std::get<ComponentTariff>(pack->tariff("commercial_single")->rules);
  ASSERT_FALSE(single.components.empty());
  EXPECT_EQ(single.components[0].code, "energy");
  EXPECT_EQ(single.components[0].prices[static_cast<size_t>(TouPeriod::Sharp)], Price::parse("0.768"));
  EXPECT_EQ(single.components[0].prices[static_cast<size_t>(TouPeriod::Valley)], Price::parse("0.16"));
}

TEST(PackLoader, BundledPacksLoadAndRegisterWithoutOverlap) {
  const auto files = json_files_under(kSource / "rules");
  ASSERT_FALSE(files.empty());
  PackRegistry registry;
  std::vector<std::string> ids;
  for (const fs::path& f : files) {
    SCOPED_TRACE(f.string());
    EXPECT_EQ(f.parent_path().filename().string().find("schema"), std::string::npos);
    auto pack = load_ok(read_text(f), f.string());
    ASSERT_NE(pack, nullptr);
    ids.push_back(pack->id);
    const Issues added = registry.add(pack);
    EXPECT_TRUE(added.empty()) << describe(added);
  }
  EXPECT_EQ(registry.all().size(), files.size());
  // The national data must be there for power-factor and holiday rules.
  EXPECT_TRUE(registry.knows_region("national"));
  for (const char* region : {"beijing", "shanghai", "zhejiang", "jiangsu", "guangdong"}) {
    EXPECT_TRUE(registry.knows_region(region)) << region;
  }
}

TEST(PackLoader, EngineAddsBundledPacksWithoutIssues) {
  Engine engine;
  for (const fs::path& f : json_files_under(kSource / "rules")) {
    const Issues issues = engine.add_pack(read_text(f), f.string());
    EXPECT_TRUE(issues.empty()) << f << "\n" << describe(issues);
  }
  const json list = json::parse(engine.rules_list().json);
  ASSERT_TRUE(list["ok"].get<bool>());
  EXPECT_FALSE(list["result"]["packs"].empty());
}

// The rules list gives each tariff's periods and, for TOU tariffs, the hours of
// each period (the portal's 24-hour band). Zhejiang residential TOU
// (rules/zhejiang/zhejiang-2025.json, tou_schedules.residential, 浙江居民峰谷时段):
// 峰 08:00–22:00, 谷 22:00–次日 08:00, all year — split at midnight in the list.
TEST(PackLoader, RulesListGivesEachTariffsPeriodsAndTouHours) {
  Engine engine;
  for (const fs::path& f : json_files_under(kSource / "rules")) ASSERT_TRUE(engine.add_pack(read_text(f), f.string()).empty());
  const json list = json::parse(engine.rules_list().json);
  json tou, flat;
  for (const json& p : list["result"]["packs"]) {
    if (p["id"] != "zhejiang-2025") continue;
    for (const json& t : p["tariffs"]) {
      if (t["code"] == "residential_tou") tou = t;
      if (t["code"] == "residential") flat = t;
    }
  }
  EXPECT_EQ(tou["periods"], json::parse(R"(["peak","valley"])"));
  EXPECT_EQ(tou["tou"]["schedule"], "residential");
  EXPECT_EQ(tou["tou"]["label"]["zh"], "浙江居民峰谷时段");
  EXPECT_EQ(tou["tou"]["seasons"], json::parse(R"([{"months":[1,2,3,4,5,6,7,8,9,10,11,12],"windows":[
      {"from":"00:00","period":"valley","to":"08:00"},{"from":"08:00","period":"peak","to":"22:00"},
      {"from":"22:00","period":"valley","to":"24:00"}]}])"));
  EXPECT_EQ(flat["periods"], json::parse(R"(["flat"])"));
  EXPECT_FALSE(flat.contains("tou"));
}

// ---- (b) broken packs ---------------------------------------------------------

struct BrokenPack {
  const char* name;
  std::function<std::string()> text;
  const char* code;
  const char* path;
  const char* en_contains = "";  // optional: a phrase the English reason must contain
};

std::function<std::string()> zj(std::function<void(json&)> mutate) {
  return [mutate] {
    json j = zj_json();
    mutate(j);
    return j.dump();
  };
}

std::function<std::string()> national(std::function<void(json&)> mutate) {
  return [mutate] {
    json j = national_json();
    mutate(j);
    return j.dump();
  };
}

// The text up to and including the first occurrence of `marker`.
std::string truncate_after(const std::string& text, const std::string& marker) {
  const auto at = text.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  return at == std::string::npos ? std::string("{") : text.substr(0, at + marker.size());
}

json& tariff(json& j, const char* code) { return j["tariffs"][code]; }
json& res_windows(json& j) { return j["tou_schedules"]["residential"]["seasons"][0]["windows"]; }

void PrintTo(const BrokenPack& c, std::ostream* os) { *os << c.name; }

std::string case_name(const testing::TestParamInfo<BrokenPack>& info) { return info.param.name; }

class BrokenPackTest : public testing::TestWithParam<BrokenPack> {};

TEST_P(BrokenPackTest, IsRefusedWithCodeAndPointer) {
  const BrokenPack& c = GetParam();
  const std::string text = c.text();
  auto r = load_pack(text, "broken.json");
  ASSERT_FALSE(r.ok()) << c.name << ": the broken pack was accepted";
  const Issues& issues = r.issues();
  ASSERT_FALSE(issues.empty());
  const Issue& first = issues.front();
  EXPECT_EQ(code_name(first.code), c.code) << describe(issues);
  EXPECT_EQ(first.path, c.path) << describe(issues);
  EXPECT_EQ(first.severity, Severity::Error);
  EXPECT_NE(first.message.en.find(c.en_contains), std::string::npos) << first.message.en;
  for (const Issue& i : issues) {
    EXPECT_EQ(i.file, "broken.json") << describe(issues);
    EXPECT_FALSE(i.message.zh.empty()) << describe(issues);
    EXPECT_FALSE(i.message.en.empty()) << describe(issues);
  }
  // Refused whole: the engine holds nothing afterwards.
  Engine engine;
  EXPECT_FALSE(engine.add_pack(text, "broken.json").empty());
  EXPECT_TRUE(engine.packs().all().empty());
}

const BrokenPack kBrokenPacks[] = {
    {"MalformedJsonInString", [] { return truncate_after(zj_json().dump(), "\"id\":\"zj-te"); },
     "PD_JSON_MALFORMED", "/id"},
    // Array elements count from 0 (see BadInput.MalformedJsonPointerIndexesArrayElementsFromZero).
    {"MalformedJsonInArrayElement",
     [] { return truncate_after(zj_json().dump(), "\"components\":[{\"citation\":{\"date\":\"2025-"); },
     "PD_JSON_MALFORMED", "/tariffs/agricultural/components/0/citation/date"},
    {"IdWithSpaces", zj([](json& j) { j["id"] = "zj test"; }), "PD_PACK_INVALID", "/id", "id must be"},
    {"IdEmpty", zj([](json& j) { j["id"] = ""; }), "PD_PACK_INVALID", "/id", "id must be"},
    {"RegionUpperCase", zj([](json& j) { j["region"] = "ZJ"; }), "PD_PACK_INVALID", "/region", "region must be"},
    {"RegionalPackWithCalendar",
     zj([](json& j) { j["calendar"] = national_json()["calendar"]; }), "PD_PACK_INVALID", "/calendar",
     "belong in the national pack"},
    {"RegionalPackWithPowerFactorTables",
     zj([](json& j) { j["power_factor_tables"] = national_json()["power_factor_tables"]; }), "PD_PACK_INVALID",
     "/power_factor_tables", "belong in the national pack"},
    {"MalformedJsonBadKeyword",
     [] {
       std::string t = zj_json().dump();
       const std::string from = "\"penalty_only\":false";
       t.replace(t.find(from), from.size(), "\"penalty_only\":nope");
       return t;
     },
     "PD_JSON_MALFORMED", "/power_factor/penalty_only"},
    {"TrailingGarbage", [] { return zj_text() + "\n}"; }, "PD_JSON_MALFORMED", ""},
    {"TopLevelNotObject", [] { return std::string("[1, 2]"); }, "PD_PACK_INVALID", ""},
    {"UnknownTopLevelField", zj([](json& j) { j["tarrifs"] = json::object(); }), "PD_FIELD_UNKNOWN",
     "/tarrifs"},
    {"UnknownNestedField",
     zj([](json& j) { tariff(j, "residential_tou")["tier_markup"] = json::array({"0", "0.05", "0.3"}); }),
     "PD_FIELD_UNKNOWN", "/tariffs/residential_tou/tier_markup"},
    {"UnknownFieldInTiers", zj([](json& j) { tariff(j, "residential")["tiers"]["basess"] = 1; }),
     "PD_FIELD_UNKNOWN", "/tariffs/residential/tiers/basess"},
    {"UnknownFieldInWindow", zj([](json& j) { res_windows(j)[1]["until"] = "08:00"; }),
     "PD_FIELD_UNKNOWN", "/tou_schedules/residential/seasons/0/windows/1/until"},
    {"MissingId", zj([](json& j) { j.erase("id"); }), "PD_FIELD_MISSING", "/id"},
    {"IdNotString", zj([](json& j) { j["id"] = 2024; }), "PD_FIELD_TYPE", "/id"},
    {"MissingEffectiveFrom", zj([](json& j) { j["effective"].erase("from"); }), "PD_FIELD_MISSING",
     "/effective/from"},
    {"EffectiveToBeforeFrom", zj([](json& j) { j["effective"]["to"] = "2023-12-31"; }),
     "PD_PERIOD_END_BEFORE_START", "/effective/to"},
    {"EffectiveDateInvalid", zj([](json& j) { j["effective"]["from"] = "2024-02-30"; }),
     "PD_DATE_INVALID", "/effective/from"},
    {"EffectiveDateWrongFormat", zj([](json& j) { j["effective"]["to"] = "2025/06/30"; }),
     "PD_DATE_INVALID", "/effective/to"},
    {"TouWindowGap", zj([](json& j) { res_windows(j)[1]["to"] = "07:00"; }), "PD_PACK_INVALID",
     "/tou_schedules/residential/seasons/0/windows", "07:00 is in no window"},
    {"TouWindowOverlap", zj([](json& j) { res_windows(j)[1]["to"] = "09:00"; }), "PD_PACK_INVALID",
     "/tou_schedules/residential/seasons/0/windows", "08:00 is in more than one window"},
    {"TouWindowEmpty",
     zj([](json& j) { res_windows(j).push_back({{"period", "peak"}, {"from", "08:00"}, {"to", "08:00"}}); }),
     "PD_PACK_INVALID", "/tou_schedules/residential/seasons/0/windows/2"},
    {"TouWindowBadTime", zj([](json& j) { res_windows(j)[0]["from"] = "8:00"; }), "PD_PACK_INVALID",
     "/tou_schedules/residential/seasons/0/windows/0"},
    {"TouWindow2400AsStart", zj([](json& j) { res_windows(j)[0]["from"] = "24:00"; }),
     "PD_PACK_INVALID", "/tou_schedules/residential/seasons/0/windows/0"},
    {"MonthInTwoSeasons",
     zj([](json& j) { j["tou_schedules"]["commercial"]["seasons"][1]["months"].push_back(7); }),
     "PD_PACK_INVALID", "/tou_schedules/commercial/seasons/1", "month 7 is in more than one season"},
    {"MonthsNotCovering12",
     zj([](json& j) {
       auto& months = j["tou_schedules"]["commercial"]["seasons"][1]["months"];
       months.erase(months.size() - 1);  // drops December
     }),
     "PD_PACK_INVALID", "/tou_schedules/commercial/seasons", "cover all 12 months"},
    {"MonthOutOfRange", zj([](json& j) { j["tou_schedules"]["commercial"]["seasons"][0]["months"][0] = 13; }),
     "PD_PACK_INVALID", "/tou_schedules/commercial/seasons/0/months/0"},
    {"UnknownPeriodInWindow", zj([](json& j) { res_windows(j)[0]["period"] = "noon"; }),
     "PD_TOU_PERIOD_UNKNOWN", "/tou_schedules/residential/seasons/0/windows/0/period"},
    {"TierBasesNotIncreasing",
     zj([](json& j) { tariff(j, "residential")["tiers"]["bases"] = json::array({"4800", "2760"}); }),
     "PD_PACK_INVALID", "/tariffs/residential/tiers/bases/1", "tier bases must increase"},
    {"TierBasesEqual",
     zj([](json& j) { tariff(j, "residential")["tiers"]["bases"] = json::array({"2760", "2760"}); }),
     "PD_PACK_INVALID", "/tariffs/residential/tiers/bases/1"},
    {"TierBasisUnknown", zj([](json& j) { tariff(j, "residential")["tiers"]["basis"] = "weekly"; }),
     "PD_PACK_INVALID", "/tariffs/residential/tiers/basis"},
    {"PricesWrongCount",
     zj([](json& j) { tariff(j, "residential")["prices"]["flat"] = json::array({"0.538", "0.588"}); }),
     "PD_PACK_INVALID", "/tariffs/residential/prices/flat", "3 tier prices"},
    {"PricesForPeriodNotInSchedule",
     zj([](json& j) { tariff(j, "residential_tou")["prices"]["flat"] = json::array({"1", "2", "3"}); }),
     "PD_PACK_INVALID", "/tariffs/residential_tou/prices/flat"},
    {"TouPriceMissingForPeriod", zj([](json& j) { tariff(j, "residential_tou")["prices"].erase("valley"); }),
     "PD_PACK_INVALID", "/tariffs/residential_tou", "no prices for period valley"},
    {"ResidentialBothPricesAndTouPrices",
     zj([](json& j) {
       tariff(j, "residential_tou")["tou_prices"] = {{"peak", "0.568"}, {"valley", "0.288"}};
       tariff(j, "residential_tou")["tier_markups"] = json::array({"0", "0.05", "0.3"});
     }),
     "PD_PACK_INVALID", "/tariffs/residential_tou", "exactly one of prices or tou_prices"},
    {"ResidentialNeitherPricesNorTouPrices", zj([](json& j) { tariff(j, "residential").erase("prices"); }),
     "PD_PACK_INVALID", "/tariffs/residential"},
    {"TierMarkupsWrongCount",
     zj([](json& j) {
       auto& t = tariff(j, "residential_tou");
       t.erase("prices");
       t["tou_prices"] = {{"peak", "0.568"}, {"valley", "0.288"}};
       t["tier_markups"] = json::array({"0", "0.05"});
     }),
     "PD_PACK_INVALID", "/tariffs/residential_tou/tier_markups"},
    {"TouTariffUndefinedSchedule", zj([](json& j) { tariff(j, "residential_tou")["tou_schedule"] = "nope"; }),
     "PD_PACK_INVALID", "/tariffs/residential_tou/tou_schedule", "nope"},
    {"TariffKindUnknown", zj([](json& j) { tariff(j, "agricultural")["kind"] = "industrial"; }),
     "PD_PACK_INVALID", "/tariffs/agricultural/kind"},
    {"TariffCitationMissing", zj([](json& j) { tariff(j, "agricultural").erase("citation"); }),
     "PD_FIELD_MISSING", "/tariffs/agricultural/citation"},
    {"CitationDocumentEmpty", zj([](json& j) { tariff(j, "agricultural")["citation"]["document"] = ""; }),
     "PD_PACK_INVALID", "/tariffs/agricultural/citation/document"},
    {"ComponentWithoutPrice",
     zj([](json& j) { tariff(j, "commercial_single")["components"][1].erase("price"); }), "PD_PACK_INVALID",
     "/tariffs/commercial_single/components/1", "give price or prices"},
    {"ComponentPricesMissingAPeriod",
     zj([](json& j) {
       auto& c = tariff(j, "commercial_single")["components"][1];
       c.erase("price");
       c["prices"] = {{"peak", "0.02"}, {"flat", "0.02"}, {"valley", "0.02"}};
     }),
     "PD_PACK_INVALID", "/tariffs/commercial_single/components/1", "no price for period sharp"},
    {"ComponentPriceAndPrices",
     zj([](json& j) { tariff(j, "agricultural")["components"][0]["prices"] = {{"flat", "0.4783"}}; }),
     "PD_PACK_INVALID", "/tariffs/agricultural/components/0"},
    {"FloatsWithTouWithoutRatio", zj([](json& j) { tariff(j, "commercial_single")["tou_ratios"].erase("sharp"); }),
     "PD_PACK_INVALID", "/tariffs/commercial_single/components/0", "no ratio for period sharp"},
    {"DuplicateComponentCode",
     zj([](json& j) { tariff(j, "commercial_single")["components"][2]["code"] = "line_loss"; }),
     "PD_PACK_INVALID", "/tariffs/commercial_single/components/2/code", "line_loss"},
    {"ComponentCodeBasic", zj([](json& j) { tariff(j, "agricultural")["components"][0]["code"] = "basic"; }),
     "PD_PACK_INVALID", "/tariffs/agricultural/components/0/code", "reserved"},
    {"ComponentKindUnknown", zj([](json& j) { tariff(j, "agricultural")["components"][0]["kind"] = "tax"; }),
     "PD_PACK_INVALID", "/tariffs/agricultural/components/0/kind"},
    {"NoComponents", zj([](json& j) { tariff(j, "agricultural")["components"] = json::array(); }),
     "PD_PACK_INVALID", "/tariffs/agricultural/components"},
    {"BadOverrunFormula",
     zj([](json& j) { tariff(j, "commercial_two_part")["basic_charge"]["overrun_formula"] = "max_base"; }),
     "PD_PACK_INVALID", "/tariffs/commercial_two_part/basic_charge/overrun_formula"},
    {"PriceWithNineDecimals",
     zj([](json& j) { tariff(j, "agricultural")["components"][0]["price"] = "0.478300001"; }),
     "PD_NUMBER_TOO_PRECISE", "/tariffs/agricultural/components/0/price"},
    {"TierPriceWithNineDecimals",
     zj([](json& j) { tariff(j, "residential_tou")["prices"]["peak"][2] = "0.868000001"; }),
     "PD_NUMBER_TOO_PRECISE", "/tariffs/residential_tou/prices/peak/2"},
    {"NegativePrice", zj([](json& j) { tariff(j, "residential")["prices"]["flat"][0] = "-0.538"; }),
     "PD_NUMBER_OUT_OF_RANGE", "/tariffs/residential/prices/flat/0"},
    {"PriceNotANumber", zj([](json& j) { tariff(j, "residential")["prices"]["flat"][1] = "0,588"; }),
     "PD_NUMBER_INVALID", "/tariffs/residential/prices/flat/1"},
    {"PriceAsBoolean", zj([](json& j) { tariff(j, "agricultural")["components"][0]["price"] = true; }),
     "PD_FIELD_TYPE", "/tariffs/agricultural/components/0/price"},
    {"PowerFactorBaseUnknownComponent",
     zj([](json& j) { j["power_factor"]["base_components"].push_back("reactive"); }), "PD_PACK_INVALID",
     "/power_factor/base_components/6", "unknown component reactive"},
    {"LatePaymentRateTooPrecise", zj([](json& j) { j["late_payment"]["residential_daily"] = "0.0010001"; }),
     "PD_NUMBER_TOO_PRECISE", "/late_payment/residential_daily"},
    {"RoundingModeUnknown", zj([](json& j) { j["rounding"] = {{"line_amount", "nearest"}}; }),
     "PD_PACK_INVALID", "/rounding/line_amount", "nearest"},
    {"RoundingAllocationDecimalsOutOfRange", zj([](json& j) { j["rounding"] = {{"allocation_decimals", 4}}; }),
     "PD_NUMBER_OUT_OF_RANGE", "/rounding/allocation_decimals"},
    {"RegionalPackWithoutTariffs", zj([](json& j) { j["tariffs"] = json::object(); j.erase("power_factor"); }),
     "PD_PACK_INVALID", "/tariffs"},
    {"NationalPfTableGap",
     national([](json& j) { j["power_factor_tables"]["0.90"]["segments"][1]["min"] = "0.91"; }),
     "PD_PACK_INVALID", "/power_factor_tables/0.90/segments", "0.90 is not covered"},
    {"NationalPfTableOverlap",
     national([](json& j) { j["power_factor_tables"]["0.90"]["segments"][1]["max"] = "0.95"; }),
     "PD_PACK_INVALID", "/power_factor_tables/0.90/segments", "0.95 is covered twice"},
    {"NationalPfSegmentMinAboveMax",
     national([](json& j) {
       j["power_factor_tables"]["0.85"]["segments"][0]["min"] = "1.00";
       j["power_factor_tables"]["0.85"]["segments"][0]["max"] = "0.94";
     }),
     "PD_PACK_INVALID", "/power_factor_tables/0.85/segments/0"},
    {"NationalHolidayInvalid", national([](json& j) { j["calendar"]["holidays"][3] = "2024-02-30"; }),
     "PD_DATE_INVALID", "/calendar/holidays/3"},
    {"NationalWithTariff",
     national([](json& j) { j["tariffs"] = {{"agricultural", zj_json()["tariffs"]["agricultural"]}}; }),
     "PD_PACK_INVALID", "/tariffs", "national pack holds no tariffs"},
};

INSTANTIATE_TEST_SUITE_P(PackLoader, BrokenPackTest, testing::ValuesIn(kBrokenPacks), case_name);

// All problems of a pack are reported, not only the first.
TEST(PackLoader, ReportsEveryProblemOfAPack) {
  json j = zj_json();
  j.erase("id");
  tariff(j, "agricultural")["components"][0]["price"] = "0.478300001";
  j["effective"]["to"] = "2023-12-31";
  auto r = load_pack(j.dump(), "broken.json");
  ASSERT_FALSE(r.ok());
  std::vector<std::pair<std::string, std::string>> got;
  for (const Issue& i : r.issues()) got.emplace_back(code_name(i.code), i.path);
  using P = std::pair<std::string, std::string>;
  EXPECT_NE(std::find(got.begin(), got.end(), P{"PD_FIELD_MISSING", "/id"}), got.end()) << describe(r.issues());
  EXPECT_NE(std::find(got.begin(), got.end(), P{"PD_PERIOD_END_BEFORE_START", "/effective/to"}), got.end())
      << describe(r.issues());
  EXPECT_NE(std::find(got.begin(), got.end(),
                      P{"PD_NUMBER_TOO_PRECISE", "/tariffs/agricultural/components/0/price"}),
            got.end())
      << describe(r.issues());
}

// ---- exact decimals ------------------------------------------------------------

// A price written as a JSON number (not a string) is kept as its source text,
// never through a double: 0.56328575 has no exact binary form.
std::optional<Price> agricultural_price_from_number(const std::string& number_text) {
  json j = zj_json();
  tariff(j, "agricultural")["components"][0]["price"] = "@PRICE@";
  std::string text = j.dump();
  const std::string placeholder = "\"@PRICE@\"";
  const auto at = text.find(placeholder);
  EXPECT_NE(at, std::string::npos);
  text.replace(at, placeholder.size(), number_text);
  auto r = load_pack(text, "float.json");
  EXPECT_TRUE(r.ok()) << number_text << "\n" << (r.ok() ? "" : describe(r.issues()));
  if (!r.ok()) return std::nullopt;
  const Tariff* t = r.value()->tariff("agricultural");
  if (!t) return std::nullopt;
  return std::get<ComponentTariff>(t->rules).components.at(0).prices[static_cast<size_t>(TouPeriod::Flat)];
}

TEST(PackLoader, JsonNumberPriceIsReadExactly) {
  auto p = agricultural_price_from_number("0.56328575");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->units(), 56328575);
  EXPECT_EQ(p->str(), "0.56328575");
}

TEST(PackLoader, JsonNumberPriceEdgeFormsAreReadExactly) {
  // Values whose nearest double is below/above the decimal.
  auto a = agricultural_price_from_number("0.29999999");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->units(), 29999999);
  auto b = agricultural_price_from_number("5.6328575e-1");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->units(), 56328575);
  auto c = agricultural_price_from_number("12345.12345678");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->units(), 1234512345678);
  auto d = agricultural_price_from_number("1");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->units(), 100000000);
}

TEST(PackLoader, JsonNumberPriceWithNineDecimalsIsTooPrecise) {
  json j = zj_json();
  tariff(j, "agricultural")["components"][0]["price"] = "@PRICE@";
  std::string text = j.dump();
  const std::string placeholder = "\"@PRICE@\"";
  text.replace(text.find(placeholder), placeholder.size(), "0.563285751");
  auto r = load_pack(text, "broken.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_name(r.issues().front().code), "PD_NUMBER_TOO_PRECISE");
  EXPECT_EQ(r.issues().front().path, "/tariffs/agricultural/components/0/price");
}

// ---- registry ------------------------------------------------------------------

TEST(PackRegistry, SamePackTwiceIsDuplicate) {
  PackRegistry registry;
  auto a = load_ok(zj_text(), "a.json");
  auto b = load_ok(zj_text(), "b.json");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_TRUE(registry.add(a).empty());
  const Issues issues = registry.add(b);
  ASSERT_EQ(issues.size(), 1u) << describe(issues);
  EXPECT_EQ(code_name(issues[0].code), "PD_PACK_DUPLICATE");
  EXPECT_EQ(issues[0].path, "/id");
  EXPECT_EQ(issues[0].file, "b.json");
  EXPECT_NE(issues[0].message.en.find("a.json"), std::string::npos) << issues[0].message.en;
  EXPECT_FALSE(issues[0].message.zh.empty());
  EXPECT_EQ(registry.all().size(), 1u);
  EXPECT_EQ(registry.all()[0]->file, "a.json");
}

TEST(PackRegistry, SameIdInAnotherRegionIsDuplicate) {
  PackRegistry registry;
  json other = zj_json();
  other["region"] = "elsewhere";
  auto a = load_ok(zj_text(), "a.json");
  auto b = load_ok(other.dump(), "b.json");
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(registry.add(a).empty());
  const Issues issues = registry.add(b);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(code_name(issues[0].code), "PD_PACK_DUPLICATE");
  EXPECT_FALSE(registry.knows_region("elsewhere"));
}

TEST(PackRegistry, OverlappingDatesInARegionAreRefused) {
  PackRegistry registry;
  json later = zj_json();
  later["id"] = "zj-test-2025b";
  later["effective"] = {{"from", "2025-06-30"}, {"to", "2025-12-31"}};  // one day of overlap
  auto a = load_ok(zj_text(), "a.json");
  auto b = load_ok(later.dump(), "b.json");
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(registry.add(a).empty());
  const Issues issues = registry.add(b);
  ASSERT_EQ(issues.size(), 1u) << describe(issues);
  EXPECT_EQ(code_name(issues[0].code), "PD_PACK_OVERLAP");
  EXPECT_EQ(issues[0].path, "/effective");
  EXPECT_EQ(issues[0].file, "b.json");
  EXPECT_NE(issues[0].message.en.find("zj-test-2024"), std::string::npos) << issues[0].message.en;
  EXPECT_FALSE(issues[0].message.zh.empty());
  EXPECT_EQ(registry.find("zj-test", *Date::parse("2025-07-01")), nullptr);
  EXPECT_EQ(registry.find("zj-test", *Date::parse("2025-06-30"))->id, "zj-test-2024");
}

TEST(PackRegistry, AdjacentAndOtherRegionPacksAreAccepted) {
  PackRegistry registry;
  json next = zj_json();
  next["id"] = "zj-test-2025b";
  next["effective"] = {{"from", "2025-07-01"}, {"to", "2025-12-31"}};
  json other = zj_json();
  other["id"] = "other-2024";
  other["region"] = "other";
  for (auto& [text, name] : std::vector<std::pair<std::string, std::string>>{
           {zj_text(), "a.json"}, {next.dump(), "b.json"}, {other.dump(), "c.json"}}) {
    auto p = load_ok(text, name);
    ASSERT_NE(p, nullptr);
    const Issues issues = registry.add(p);
    EXPECT_TRUE(issues.empty()) << name << "\n" << describe(issues);
  }
  EXPECT_EQ(registry.find("zj-test", *Date::parse("2025-07-01"))->id, "zj-test-2025b");
  EXPECT_EQ(registry.find("other", *Date::parse("2025-07-01")), nullptr);
  EXPECT_EQ(registry.find("other", *Date::parse("2024-07-01"))->id, "other-2024");
}

TEST(PackRegistry, EngineKeepsFirstPackWhenSecondOverlaps) {
  Engine engine;
  EXPECT_TRUE(engine.add_pack(zj_text(), "a.json").empty());
  json later = zj_json();
  later["id"] = "zj-test-2025b";
  later["effective"] = {{"from", "2025-01-01"}, {"to", "2025-12-31"}};
  const Issues issues = engine.add_pack(later.dump(), "b.json");
  ASSERT_FALSE(issues.empty());
  EXPECT_EQ(code_name(issues[0].code), "PD_PACK_OVERLAP");
  ASSERT_EQ(engine.packs().all().size(), 1u);
  EXPECT_EQ(engine.packs().all()[0]->id, "zj-test-2024");
}

// ---- validation gaps found while writing these tests ---------------------------
// Each of these packs was silently accepted at commit b4b80c1. The fault is in
// the pack, and the loader promises to refuse such a pack whole rather than
// ignore part of it (docs/rule-packs.md §1: "never silently ignored").

// tier_markups only apply with tou_prices; beside `prices` they were dropped,
// so an author who meant markups got bills without them.
TEST(PackLoaderStrict, TierMarkupsBesidePricesAreRefused) {
  json j = zj_json();
  tariff(j, "residential_tou")["tier_markups"] = json::array({"0", "0.05", "0.3"});
  auto r = load_pack(j.dump(), "broken.json");
  EXPECT_FALSE(r.ok()) << "tier_markups next to prices was accepted and ignored";
  if (!r.ok()) {
    EXPECT_EQ(code_name(r.issues().front().code), "PD_PACK_INVALID");
    EXPECT_EQ(r.issues().front().path.rfind("/tariffs/residential_tou", 0), 0u) << describe(r.issues());
  }
}

// `prices` refuses a period its schedule does not use; tou_prices and
// component `prices` accepted it and dropped it.
TEST(PackLoaderStrict, TouPricesForPeriodNotInScheduleAreRefused) {
  json j = zj_json();
  auto& t = tariff(j, "residential_tou");
  t.erase("prices");
  t["tou_prices"] = {{"peak", "0.568"}, {"valley", "0.288"}, {"sharp", "0.9"}};
  t["tier_markups"] = json::array({"0", "0.05", "0.3"});
  auto r = load_pack(j.dump(), "broken.json");
  EXPECT_FALSE(r.ok()) << "tou_prices.sharp on a peak/valley schedule was accepted";
  if (!r.ok()) {
    EXPECT_EQ(r.issues().front().path, "/tariffs/residential_tou/tou_prices/sharp");
  }
}

TEST(PackLoaderStrict, ComponentPricesForPeriodNotInScheduleAreRefused) {
  json j = zj_json();
  auto& c = tariff(j, "agricultural")["components"][0];  // agricultural is not TOU
  c.erase("price");
  c["prices"] = {{"flat", "0.4783"}, {"peak", "0.9"}};
  auto r = load_pack(j.dump(), "broken.json");
  EXPECT_FALSE(r.ok()) << "components[].prices.peak on a non-TOU tariff was accepted";
  if (!r.ok()) {
    EXPECT_EQ(r.issues().front().path, "/tariffs/agricultural/components/0/prices/peak");
  }
}

// Bilingual objects (region_name, labels, assumptions) took unknown members.
TEST(PackLoaderStrict, UnknownFieldInBilingualTextIsRefused) {
  const std::vector<std::pair<std::function<void(json&)>, std::string>> cases = {
      {[](json& j) { j["region_name"]["fr"] = "Province test"; }, "/region_name/fr"},
      {[](json& j) { tariff(j, "residential")["label"]["zh_tw"] = "住宅"; }, "/tariffs/residential/label/zh_tw"},
      {[](json& j) { j["assumptions"][0]["note"] = "x"; }, "/assumptions/0/note"},
  };
  for (const auto& [mutate, path] : cases) {
    json j = zj_json();
    mutate(j);
    auto r = load_pack(j.dump(), "broken.json");
    EXPECT_FALSE(r.ok()) << path << " was accepted";
    if (!r.ok()) {
      EXPECT_EQ(code_name(r.issues().front().code), "PD_FIELD_UNKNOWN");
      EXPECT_EQ(r.issues().front().path, path);
    }
  }
}

}  // namespace
}  // namespace powerdesk
