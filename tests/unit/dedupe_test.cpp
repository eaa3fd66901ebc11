// Duplicate detection: normalisation, pinyin, address tuples, field scores,
// explanations, batch behaviour (threads, blocking), the JSON facade, and
// precision / recall on a labelled synthetic set.
#include "powerdesk/dedupe.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dedupe_synthetic.hpp"
#include "powerdesk/api.hpp"

namespace powerdesk::dedupe {
namespace {

using nlohmann::json;

Record rec(std::string id, std::string customer_number, std::string name, std::string address,
           std::string contact, std::string phone) {
  return Record{std::move(id), std::move(customer_number), std::move(name), std::move(address),
                std::move(contact), std::move(phone)};
}

Record named(std::string name) { return rec("x", "", std::move(name), "", "", ""); }
Record phoned(std::string phone) { return rec("x", "", "", "", "", std::move(phone)); }
Record numbered(std::string number) { return rec("x", std::move(number), "", "", "", ""); }
Record addressed(std::string address) { return rec("x", "", "", std::move(address), "", ""); }

FieldScore field(const Record& a, const Record& b, Field f) { return score_pair(a, b)[f]; }

// ───────────────────────────── normalisation ─────────────────────────────

TEST(DedupeNormalise, NfkcCaseFoldAndWhiteSpace) {
  EXPECT_EQ(normalize_text("  Ｚｈａｎｇ　　Ｗｅｉ "), "zhang wei");  // full-width, ideographic spaces
  EXPECT_EQ(normalize_text("ＡＢＣ\t１２３"), "abc 123");
  EXPECT_EQ(normalize_text("张　伟"), "张伟");       // no space between two Han characters
  EXPECT_EQ(normalize_text("张 A  先生"), "张 a 先生");  // but next to Latin it stays (one)
  EXPECT_EQ(normalize_text("Straße"), "strasse");   // full case folding
  EXPECT_EQ(normalize_text(""), "");
  EXPECT_EQ(normalize_text(" \t "), "");
}

TEST(DedupeNormalise, CustomerNumbers) {
  EXPECT_EQ(normalize_customer_number("３３０１ 2345-67890"), "3301234567890");
  EXPECT_EQ(normalize_customer_number(" ab-12 "), "AB12");
  EXPECT_EQ(normalize_customer_number("户号：—"), "");
}

TEST(DedupeNormalise, PhonesIgnoreSeparatorsAndCountryCode) {
  const PhoneKey mobile{PhoneKey::Kind::Mobile, "", "13812345678"};
  for (const char* p : {"13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "0086-13812345678",
                        "8613812345678", "１３８１２３４５６７８", "(+86)138.1234.5678"})
    EXPECT_EQ(normalize_phone(p), mobile) << p;
  const PhoneKey landline{PhoneKey::Kind::Landline, "0571", "87654321"};
  for (const char* p : {"0571-87654321", "0571 8765 4321", "(0571)87654321", "(0571)87654321转801",
                        "0571-87654321-801", "０５７１－８７６５４３２１", "057187654321"})
    EXPECT_EQ(normalize_phone(p), landline) << p;
  EXPECT_EQ(normalize_phone("87654321"), (PhoneKey{PhoneKey::Kind::Local, "", "87654321"}));
  EXPECT_EQ(normalize_phone("95598-1"), (PhoneKey{PhoneKey::Kind::Other, "", "955981"}));
  EXPECT_EQ(normalize_phone(""), PhoneKey{});
  EXPECT_EQ(normalize_phone("无"), PhoneKey{});
}

// ──────────────────────────────── pinyin ────────────────────────────────

TEST(DedupePinyin, TonelessSyllablesPerCharacter) {
  ASSERT_TRUE(pinyin_available());
  EXPECT_EQ(pinyin("张伟", true), "zhang wei");
  EXPECT_EQ(pinyin("章伟", true), "zhang wei");  // a homophone: same pinyin, other characters
  EXPECT_EQ(pinyin("欧阳娜娜", true), "ou yang na na");
  EXPECT_EQ(pinyin("阿依·古丽", true), "a yi gu li");  // the middle dot is not a sound
  EXPECT_EQ(pinyin("吕", true), "lv");                  // ü as v: 吕 lv and 卢 lu stay apart
  EXPECT_EQ(pinyin("卢", true), "lu");
  EXPECT_EQ(pinyin("李A", true), "li a");
  EXPECT_EQ(pinyin("", true), "");
}

TEST(DedupePinyin, PolyphonesTakeTheFamilyNameReadingFirst) {
  // 单 is dān in 简单 but Shàn as a family name; 曾 céng / Zēng; 解 jiě / Xiè.
  EXPECT_EQ(pinyin("单伟", true), "shan wei");
  EXPECT_EQ(pinyin("简单", false), "jian dan");
  EXPECT_EQ(pinyin("伟单", true), "wei dan");  // only the first character is a family name
  EXPECT_EQ(pinyin("曾伟", true), "zeng wei");
  EXPECT_EQ(pinyin("曾经", false), "ceng jing");
  EXPECT_EQ(pinyin("解放", false), "jie fang");
  EXPECT_EQ(pinyin("解放", true), "xie fang");
}

// ─────────────────────────────── addresses ───────────────────────────────

std::string tuple(const Address& a) {
  return a.road + "|" + a.number + "|" + a.building + "|" + a.unit + "|" + a.floor + "|" + a.room + "|" + a.place;
}

std::string divisions(const Address& a) {
  std::string out;
  for (const Address::Division& d : a.divisions)
    out += std::string(out.empty() ? "" : " ") + std::to_string(static_cast<int>(d.level)) + ":" + d.name;
  return out;
}

TEST(DedupeAddress, DivisionsAndTuple) {
  const Address a = parse_address("浙江省杭州市西湖区文三路478号1栋2单元301室");
  EXPECT_EQ(divisions(a), "0:浙江省 1:杭州市 2:西湖区");
  EXPECT_EQ(tuple(a), "文三路|478|1|2||301|");
  EXPECT_EQ(a.body, "文三路478号1栋2单元301室");
}

TEST(DedupeAddress, OrderMarkersAndNumeralsDoNotMatter) {
  for (const char* text : {"1栋2单元301室", "2单元1栋301室", "1幢2单元301", "一栋二单元三〇一室", "第一幢2单元301室",
                           "1-2-301", "1号楼2单元301", "1#楼 2单元 301", "１栋２单元３０１室", "01栋02单元0301室"}) {
    const Address a = parse_address(std::string("文三路478号") + text);
    EXPECT_EQ(tuple(a), "文三路|478|1|2||301|") << text;
  }
  EXPECT_EQ(tuple(parse_address("解放路二十三号十二栋三单元")), "解放路|23|12|3|||");
  EXPECT_EQ(tuple(parse_address("人民路一百零五号")), "人民路|105|||||");
  EXPECT_EQ(tuple(parse_address("五一路8号")), "五一路|8|||||");  // numerals in a name stay text
}

TEST(DedupeAddress, WhatEachHaoIs) {
  EXPECT_EQ(tuple(parse_address("延安西路123弄4号301室")), "延安西路|123|4|||301|");  // lane, building, room
  EXPECT_EQ(tuple(parse_address("文三路478号3号301室")), "文三路|478|3|||301|");
  EXPECT_EQ(tuple(parse_address("阳光花园1栋2单元301号")), "||1|2||301|阳光花园");
  EXPECT_EQ(tuple(parse_address("文三路478号3楼")), "文三路|478|||3||");  // a floor after a house number
}

TEST(DedupeAddress, OfficesAndVillages) {
  const Address office = parse_address("上海市浦东新区世纪大道100号A座12层1201室");
  EXPECT_EQ(divisions(office), "1:上海市 2:浦东新区");
  EXPECT_EQ(tuple(office), "世纪大道|100|a||12|1201|");
  const Address village = parse_address("浙江省湖州市长兴县和平镇城南村三组12号");
  EXPECT_EQ(divisions(village), "0:浙江省 1:湖州市 2:长兴县");
  EXPECT_EQ(tuple(village), "|12|||||和平镇城南村3组");
  // A sub-district before the road is not part of it.
  EXPECT_EQ(parse_address("西湖区北山街道保俶路12号").road, "保俶路");
}

TEST(DedupeAddress, FalseFriendsOfDivisions) {
  EXPECT_EQ(divisions(parse_address("翠苑一区3幢2单元501")), "");  // a compound phase, not a district
  EXPECT_EQ(divisions(parse_address("阳光小区3栋")), "");
  EXPECT_EQ(divisions(parse_address("红旗路12号")), "");           // 旗 before a road
  EXPECT_EQ(divisions(parse_address("山西路5号")), "");            // a province's name as a road
  EXPECT_EQ(divisions(parse_address("北京西路5号")), "");
  EXPECT_EQ(divisions(parse_address("北京朝阳区建国路88号")), "0:北京 2:朝阳区");
  EXPECT_EQ(divisions(parse_address("内蒙古自治区呼和浩特市新城区中山东路8号")),
            "0:内蒙古自治区 1:呼和浩特市 2:新城区");
}

TEST(DedupeAddress, GazetteerHookIsAskedFirst) {
  // Without a gazetteer "杭州" (no 市) cannot be told from a district name.
  EXPECT_EQ(divisions(parse_address("杭州西湖区文三路1号")), "2:杭州西湖区");
  const AdminPrefixMatcher cities = [](std::string_view text) -> std::optional<AdminPrefix> {
    if (text.substr(0, 6) == "杭州") return AdminPrefix{6, AdminLevel::City, "杭州市"};
    return std::nullopt;
  };
  const Address a = parse_address("杭州西湖区文三路1号", cities);
  EXPECT_EQ(divisions(a), "1:杭州 2:西湖区");
  EXPECT_EQ(tuple(a), "文三路|1|||||");
}

// ─────────────────────────────── field scores ───────────────────────────────

TEST(DedupeScore, Names) {
  auto name = [](const char* a, const char* b) { return field(named(a), named(b), Field::Name); };
  EXPECT_EQ(name("张伟", "张伟").how, How::Equal);
  EXPECT_EQ(name("张伟", "张 伟").points, 100);
  EXPECT_EQ(name("张伟", "章伟").how, How::SamePinyin);
  EXPECT_EQ(name("张伟", "章伟").points, 90);
  EXPECT_EQ(name("王小明", "汪晓鸣").points, 90);  // every character a homophone
  EXPECT_EQ(name("王小明", "王大明").how, How::OneEdit);
  EXPECT_EQ(name("王小明", "王大明").points, 60);
  EXPECT_EQ(name("王小明", "王明小").points, 60);  // two neighbours swapped is one edit
  EXPECT_EQ(name("张伟", "张强").points, 30);      // one edit, but of two characters
  EXPECT_EQ(name("杭州华信电器有限公司", "杭州华信电器有限责任公司").how, How::TwoEdits);
  EXPECT_EQ(name("杭州华信电器有限公司", "杭州华信电器有限责任公司").points, 50);
  EXPECT_EQ(name("张伟", "李娜").how, How::Different);
  EXPECT_EQ(name("张伟", "李娜").points, 0);
  EXPECT_EQ(name("张伟", "").how, How::Missing);
}

TEST(DedupeScore, PhonesAndCustomerNumbers) {
  auto phone = [](const char* a, const char* b) { return field(phoned(a), phoned(b), Field::Phone); };
  EXPECT_EQ(phone("138-1234-5678", "+86 13812345678").points, 100);
  EXPECT_EQ(phone("0571-87654321", "87654321").how, How::SameLocalNumber);
  EXPECT_EQ(phone("0571-87654321", "87654321").points, 80);
  EXPECT_EQ(phone("0571-87654321", "0574-87654321").points, 0);  // another city
  EXPECT_EQ(phone("13812345678", "13812345679").how, How::OneEdit);
  EXPECT_EQ(phone("13812345678", "13812345679").points, 50);
  EXPECT_EQ(phone("13812345678", "13912345688").points, 0);
  auto number = [](const char* a, const char* b) { return field(numbered(a), numbered(b), Field::CustomerNumber); };
  EXPECT_EQ(number("3301234567890", "３３０１ 2345 67890").points, 100);
  EXPECT_EQ(number("3301234567890", "3301234567809").how, How::OneEdit);  // two digits swapped
  EXPECT_EQ(number("3301234567890", "3301234567809").points, 60);
  EXPECT_EQ(number("1234", "1243").points, 0);  // too short for a typo to be told from another number
}

TEST(DedupeScore, Addresses) {
  auto address = [](const char* a, const char* b) { return field(addressed(a), addressed(b), Field::Address); };
  const char* full = "浙江省杭州市西湖区文三路478号阳光花园1栋2单元301室";
  EXPECT_EQ(address(full, "文三路478号阳光花园1栋2单元301室").how, How::Equal);  // prefix dropped
  EXPECT_EQ(address(full, "杭州市文三路478号2单元一幢301").how, How::SameAddress);
  EXPECT_EQ(address(full, "杭州市文三路478号2单元一幢301").points, 100);
  EXPECT_EQ(address(full, "文三路478号1栋301室").how, How::SameAddressLessDetail);  // no unit
  EXPECT_EQ(address(full, "文三路478号1栋301室").points, 85);
  EXPECT_EQ(address(full, "文三路478号").points, 60);  // no room on one side
  EXPECT_EQ(address(full, "阳光花园1栋2单元301").points, 85);  // anchored by the compound
  EXPECT_EQ(address(full, "文三路478号1栋2单元302室").how, How::SameBuildingOtherRoom);
  EXPECT_EQ(address(full, "文三路478号1栋2单元302室").points, 0);
  EXPECT_EQ(address(full, "文三路480号1栋2单元301室").how, How::SameRoadOtherNumber);
  EXPECT_EQ(address(full, "杭州市拱墅区文三路478号1栋2单元301室").how, How::OtherDivision);
  EXPECT_EQ(address(full, "教工路478号1栋2单元301室").how, How::Different);
  EXPECT_EQ(address(full, "文叁路478号1栋2单元301室").how, How::SameAddress);  // a homophone road (叁 san)
  EXPECT_EQ(address("城南村", "城南村东头").how, How::Different);
  EXPECT_EQ(address("和平镇城南村东头", "和平镇城南村东").how, How::OneEdit);  // unparsed text
  EXPECT_EQ(address("和平镇城南村东头", "和平镇城南村东").points, 70);
}

TEST(DedupeScore, WeightedTotalInPerMille) {
  const Record a = rec("A", "3301234567890", "张伟", "浙江省杭州市西湖区文三路478号1栋2单元301室", "张伟", "13812345678");
  const Record b = rec("B", "", "章伟", "文三路478号2单元1幢301", "", "138 1234 5678");
  const PairScore s = score_pair(a, b);
  EXPECT_EQ(s[Field::CustomerNumber].how, How::Missing);
  EXPECT_EQ(s[Field::Phone].points, 100);
  EXPECT_EQ(s[Field::Name].points, 90);
  EXPECT_EQ(s[Field::Address].points, 100);
  EXPECT_EQ(s[Field::ContactName].how, How::Missing);
  // 10 × (25·100 + 20·90 + 15·100) / (25 + 20 + 15) = 58000 / 60 = 966 (rounded down).
  EXPECT_EQ(s.total, 966);

  // One field alone: the minimum evidence (35) is the divisor.
  EXPECT_EQ(score_pair(phoned("13812345678"), phoned("13812345678")).total, 714);  // 25000 / 35
  EXPECT_EQ(score_pair(numbered("3301234567890"), numbered("3301234567890")).total, 857);  // 30000 / 35
  // Name and contact equal, nothing else: the contact does not count towards the minimum.
  const Record n1 = rec("n1", "", "张伟", "", "张伟", "");
  EXPECT_EQ(score_pair(n1, n1).total, 666);  // 30000 / 45
  // Everything disagrees, or nothing to compare.
  EXPECT_EQ(score_pair(named("张伟"), named("李娜")).total, 0);
  EXPECT_EQ(score_pair(named("张伟"), phoned("13812345678")).total, 0);
}

TEST(DedupeExplain, NamesFieldsAndHowNeverValues) {
  const Record a = rec("A", "3301234567890", "张伟", "浙江省杭州市西湖区文三路478号1栋2单元301室", "张伟", "13812345678");
  const Record b = rec("B", "", "章伟", "文三路478号2单元1幢301", "", "138 1234 5678");
  const Bilingual e = explain(score_pair(a, b), 800);
  EXPECT_EQ(e.zh,
            "总分 966‰（阈值 800‰，判定为重复）：户号缺失（至少一方未填）；电话一致；姓名同音不同字（拼音相同）；"
            "地址规范化后相同（路名、门牌、楼栋、单元、房号一致）；联系人缺失（至少一方未填）。");
  EXPECT_EQ(e.en,
            "Total 966‰ (threshold 800‰: a duplicate): customer number missing on at least one side; phone equal; "
            "name: same pinyin, different characters; address: the same once normalised (road, number, building, "
            "unit, room); contact name missing on at least one side.");
  const Bilingual below = explain(score_pair(a, b), 970);
  EXPECT_NE(below.zh.find("不判定为重复"), std::string::npos);
  EXPECT_NE(below.en.find("not a duplicate"), std::string::npos);
}

// ──────────────────────────────── batches ────────────────────────────────

std::vector<Record> household() {
  return {
      rec("A1", "3301234567890", "张伟", "浙江省杭州市西湖区文三路478号1栋2单元301室", "张伟", "13812345678"),
      rec("B1", "3301234567001", "张强", "浙江省杭州市西湖区文三路478号1栋2单元302室", "", "13912345600"),  // neighbour
      rec("A2", "", "章伟", "文三路478号2单元1幢301", "", "138 1234 5678"),
      rec("C1", "", "张伟", "江苏省南京市鼓楼区长江路8号", "", "13700001111"),  // namesake
      rec("A3", "３３０１２３４５６７８９０", "张 伟", "", "", ""),
  };
}

TEST(DedupeBatch, ClustersWithTheirStrongestLinks) {
  const std::vector<Record> records = household();
  const DedupeResult r = dedupe(records);
  EXPECT_TRUE(r.pinyin);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].members, (std::vector<size_t>{0, 2, 4}));
  ASSERT_EQ(r.clusters[0].links.size(), 2u);
  // A1–A3: same 户号 and name (10 × (3000 + 2000) / 50 = 1000); A1–A2: 966.
  EXPECT_EQ(r.clusters[0].links[0].a, 0u);
  EXPECT_EQ(r.clusters[0].links[0].b, 4u);
  EXPECT_EQ(r.clusters[0].links[0].score.total, 1000);
  EXPECT_EQ(r.clusters[0].links[1].b, 2u);
  EXPECT_EQ(r.clusters[0].links[1].score.total, 966);
  EXPECT_EQ(r.stats.records, 5u);
  EXPECT_EQ(r.stats.matched_pairs, 2u);  // A2–A3 share only a homophone name: 10 × 1800 / 35 = 514
}

TEST(DedupeBatch, SameOutputForAnyThreadCount) {
  const synthetic::Dataset data = synthetic::generate(3000, 99);
  Options one;
  one.threads = 1;
  const DedupeResult base = dedupe(data.records, one);
  ASSERT_GT(base.clusters.size(), 100u);
  for (unsigned threads : {2u, 3u, 8u}) {
    Options o;
    o.threads = threads;
    const DedupeResult r = dedupe(data.records, o);
    ASSERT_EQ(r.clusters.size(), base.clusters.size()) << threads;
    EXPECT_EQ(r.stats.compared_pairs, base.stats.compared_pairs);
    for (size_t c = 0; c < r.clusters.size(); ++c) {
      EXPECT_EQ(r.clusters[c].members, base.clusters[c].members);
      ASSERT_EQ(r.clusters[c].links.size(), base.clusters[c].links.size());
      for (size_t l = 0; l < r.clusters[c].links.size(); ++l) {
        EXPECT_EQ(r.clusters[c].links[l].a, base.clusters[c].links[l].a);
        EXPECT_EQ(r.clusters[c].links[l].b, base.clusters[c].links[l].b);
        EXPECT_EQ(r.clusters[c].links[l].score.total, base.clusters[c].links[l].score.total);
      }
    }
  }
}

TEST(DedupeBatch, OversizedBlocksAreComparedWithinAWindow) {
  // 300 customers sharing one switchboard number; two of them are the same.
  std::vector<Record> records;
  for (int i = 0; i < 300; ++i)
    records.push_back(rec("S" + std::to_string(i), "", "客户" + std::to_string(i) + "号",
                          "文三路" + std::to_string(i + 1) + "号", "", "0571-87654321"));
  records.push_back(rec("S-dup", "", "客户7号", "文三路8号", "", "87654321"));
  Options o;
  o.max_block = 64;
  o.window = 4;
  const DedupeResult r = dedupe(records, o);
  EXPECT_GE(r.stats.oversized_blocks, 1u);
  EXPECT_LT(r.stats.compared_pairs, 301u * 8u);  // not 301 · 300 / 2 = 45150
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].members, (std::vector<size_t>{7, 300}));
}

TEST(DedupeBatch, MatchRanksCandidates) {
  const std::vector<Record> records = household();
  const MatchResult m = match(records[0], std::span<const Record>(records).subspan(1), 10);
  EXPECT_EQ(m.compared, 4u);
  ASSERT_EQ(m.candidates.size(), 2u);  // B1 and C1 are under the 500‰ floor
  EXPECT_EQ(m.candidates[0].index, 3u);  // A3
  EXPECT_EQ(m.candidates[0].score.total, 1000);
  EXPECT_EQ(m.candidates[1].index, 1u);  // A2
  EXPECT_EQ(m.candidates[1].score.total, 966);
  EXPECT_EQ(match(records[0], std::span<const Record>(records).subspan(1), 1).candidates.size(), 1u);
  EXPECT_EQ(match(records[0], std::span<const Record>(records).subspan(1), 10, 0).candidates.size(), 4u);
}

TEST(DedupeBatch, FieldsAreComparedOnTheirFirst256Bytes) {
  // Long, nearly equal values must not cost length² (or hang a request):
  // everything past 256 bytes is ignored.
  const std::string long_name(200000, 'a');
  EXPECT_EQ(field(named(long_name + "x"), named(long_name + "y"), Field::Name).how, How::Equal);
  const std::string address = "文三路478号" + std::string(300, '1');
  EXPECT_EQ(field(addressed(address), addressed(address + "2"), Field::Address).how, How::Equal);
  std::string cut = std::string(255, 'a') + "张";  // a character across the limit is left out whole
  EXPECT_EQ(field(named(cut), named(std::string(255, 'a')), Field::Name).how, How::Equal);
}

TEST(DedupeBatch, EmptyInput) {
  const DedupeResult r = dedupe(std::vector<Record>{});
  EXPECT_TRUE(r.clusters.empty());
  EXPECT_EQ(r.stats.compared_pairs, 0u);
}

// ───────────────────────────────── facade ─────────────────────────────────

json call(const Response& r) { return json::parse(r.json); }

std::string issues_of(const json& out) {
  std::string s;
  for (const json& i : out["errors"])
    s += std::string(s.empty() ? "" : " ") + i["code"].get<std::string>() + "@" + i["path"].get<std::string>();
  return s;
}

TEST(DedupeFacade, DedupeAnswerNamesRecordsByIdAndMasksValues) {
  const Engine engine;
  json req = {{"records", json::array()}};
  for (const Record& r : household())
    req["records"].push_back({{"id", r.id}, {"customer_number", r.customer_number}, {"name", r.name},
                              {"address", r.address}, {"contact_name", r.contact_name}, {"phone", r.phone}});
  const Response resp = engine.dedupe(req.dump());
  ASSERT_TRUE(resp.ok) << resp.json;
  const json out = call(resp)["result"];
  EXPECT_EQ(out["clusters"][0]["records"], json({"A1", "A2", "A3"}));
  EXPECT_EQ(out["duplicates"], 2);
  EXPECT_EQ(out["threshold"], 800);
  EXPECT_EQ(out["pinyin"], true);
  const json& link = out["clusters"][0]["links"][1];
  EXPECT_EQ(link["records"], json({"A1", "A2"}));
  EXPECT_EQ(link["score"], 966);
  EXPECT_EQ(link["duplicate"], true);
  EXPECT_EQ(link["fields"]["name"]["how"], "same_pinyin");
  EXPECT_EQ(link["fields"]["name"]["points"], 90);
  EXPECT_EQ(link["fields"]["name"]["weight"], 20);
  EXPECT_EQ(link["fields"]["name"]["masked"], json({"张*", "章*"}));
  EXPECT_EQ(link["fields"]["phone"]["masked"], json({"138****5678", "138****5678"}));
  EXPECT_EQ(link["fields"]["address"]["how"], "same_address");
  EXPECT_FALSE(link["fields"]["address"].contains("masked"));
  EXPECT_EQ(link["fields"]["customer_number"]["compared"], false);
  EXPECT_EQ(out["clusters"][0]["links"][0]["fields"]["customer_number"]["masked"],
            json({"*********7890", "*********7890"}));
  // No raw personal data anywhere in the answer.
  for (const Record& r : household())
    for (const std::string* v : {&r.name, &r.phone, &r.address, &r.customer_number})
      if (v->size() > 3) {
        EXPECT_EQ(resp.json.find(*v), std::string::npos) << *v;
      }
  EXPECT_EQ(resp.json.find("13812345678"), std::string::npos);
}

TEST(DedupeFacade, MatchAnswer) {
  const Engine engine;
  const Response resp = engine.match(R"({"record": {"id": "Q", "name": "张伟", "phone": "13812345678"},
      "candidates": [{"id": "X", "name": "李娜"}, {"id": "Y", "name": "章伟", "phone": "138-1234-5678"},
                     {"id": "Z", "name": "张伟"}], "limit": 5})");
  ASSERT_TRUE(resp.ok) << resp.json;
  const json out = call(resp)["result"];
  ASSERT_EQ(out["matches"].size(), 2u);
  EXPECT_EQ(out["matches"][0]["id"], "Y");  // 10 × (2500 + 1800) / 45 = 955
  EXPECT_EQ(out["matches"][0]["score"], 955);
  EXPECT_EQ(out["matches"][0]["duplicate"], true);
  EXPECT_EQ(out["matches"][1]["id"], "Z");  // 10 × 2000 / 35 = 571
  EXPECT_EQ(out["matches"][1]["duplicate"], false);
  EXPECT_EQ(out["compared"], 3);
  EXPECT_EQ(out["limit"], 5);
  EXPECT_EQ(out["min_score"], 500);
}

TEST(DedupeFacade, RequestErrorsWithPaths) {
  const Engine engine;
  auto dedupe_errors = [&](const std::string& body) {
    const Response r = engine.dedupe(body);
    EXPECT_FALSE(r.ok) << body;
    EXPECT_FALSE(r.internal_error) << body;
    return issues_of(call(r));
  };
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": "A1"}, {"id": "A2"}, {"id": "A1"}]})"), "PD_DUPLICATE_KEY@/records/2/id");
  EXPECT_EQ(dedupe_errors(R"({"records": [{"name": "x"}]})"), "PD_FIELD_MISSING@/records/0/id");
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": ""}]})"), "PD_FIELD_MISSING@/records/0/id");
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": "A", "phone": 13812345678}]})"), "PD_FIELD_TYPE@/records/0/phone");
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": 7}]})"), "PD_FIELD_TYPE@/records/0/id");
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": "A", "fone": "1"}]})"), "PD_FIELD_UNKNOWN@/records/0/fone");
  EXPECT_EQ(dedupe_errors(R"({"records": [1]})"), "PD_FIELD_TYPE@/records/0");
  EXPECT_EQ(dedupe_errors(R"({"records": {}})"), "PD_FIELD_TYPE@/records");
  EXPECT_EQ(dedupe_errors(R"({})"), "PD_FIELD_MISSING@/records");
  EXPECT_EQ(dedupe_errors(R"([])"), "PD_FIELD_TYPE@");
  EXPECT_EQ(dedupe_errors(R"({"records": [], "threshold": 0})"), "PD_NUMBER_OUT_OF_RANGE@/threshold");
  EXPECT_EQ(dedupe_errors(R"({"records": [], "threshold": "800"})"), "PD_FIELD_TYPE@/threshold");
  // Every problem at once.
  EXPECT_EQ(dedupe_errors(R"({"records": [{"id": "A", "x": 1}, {"id": "A", "name": []}], "extra": true})"),
            "PD_FIELD_UNKNOWN@/extra PD_FIELD_UNKNOWN@/records/0/x PD_DUPLICATE_KEY@/records/1/id "
            "PD_FIELD_TYPE@/records/1/name");
  // The cap.
  json many = {{"records", json::array()}};
  for (size_t i = 0; i <= 10000; ++i) many["records"].push_back({{"id", std::to_string(i)}});
  EXPECT_EQ(dedupe_errors(many.dump()), "PD_NUMBER_OUT_OF_RANGE@/records");

  auto match_errors = [&](const std::string& body) {
    const Response r = engine.match(body);
    EXPECT_FALSE(r.ok) << body;
    return issues_of(call(r));
  };
  EXPECT_EQ(match_errors(R"({"record": {"id": "X"}, "candidates": [{"id": "X"}], "limit": 0})"),
            "PD_DUPLICATE_KEY@/candidates/0/id PD_NUMBER_OUT_OF_RANGE@/limit");
  EXPECT_EQ(match_errors(R"({"candidates": []})"), "PD_FIELD_MISSING@/record");
  EXPECT_EQ(match_errors(R"({"record": {"id": "X"}, "candidates": [], "min_score": 1001})"),
            "PD_NUMBER_OUT_OF_RANGE@/min_score");
  EXPECT_EQ(match_errors(R"({"record": "X", "candidates": []})"), "PD_FIELD_TYPE@/record");
}

TEST(DedupeFacade, DuplicateIdMessageSaysWhereItFirstAppeared) {
  const Engine engine;
  const json out = call(engine.dedupe(R"({"records": [{"id": "A1"}, {"id": "A1"}]})"));
  EXPECT_EQ(out["errors"][0]["message"]["zh"], "记录 id “A1” 重复（与 /records/0/id 相同）");
  EXPECT_EQ(out["errors"][0]["message"]["en"], "Record id \"A1\" repeats /records/0/id");
}

// ──────────────────────────────── labelled set ────────────────────────────────

TEST(DedupeSynthetic, DeterministicForASeed) {
  const synthetic::Dataset a = synthetic::generate(500, 3), b = synthetic::generate(500, 3);
  ASSERT_EQ(a.records.size(), 500u);
  for (size_t i = 0; i < a.records.size(); ++i) {
    EXPECT_EQ(a.records[i].id, b.records[i].id);
    EXPECT_EQ(a.records[i].name, b.records[i].name);
    EXPECT_EQ(a.records[i].address, b.records[i].address);
    EXPECT_EQ(a.entity[i], b.entity[i]);
  }
  EXPECT_EQ(a.records[0].id, "R0000001");
}

TEST(DedupeLabelled, PrecisionAndRecallOn20kRecords) {
  const synthetic::Dataset data = synthetic::generate(20000, 7);
  const DedupeResult result = dedupe(data.records);
  const synthetic::Quality q = synthetic::evaluate(result, data.entity);
  std::printf("[ labelled ] 20000 records: precision %.4f (%llu/%llu), recall %.4f (%llu/%llu), %zu clusters, "
              "%zu pairs compared\n",
              q.precision(), static_cast<unsigned long long>(q.correct_pairs),
              static_cast<unsigned long long>(q.predicted_pairs), q.recall(),
              static_cast<unsigned long long>(q.correct_pairs), static_cast<unsigned long long>(q.true_pairs),
              result.clusters.size(), result.stats.compared_pairs);
  EXPECT_GE(q.precision(), 0.95);
  EXPECT_GE(q.recall(), 0.95);
}

}  // namespace
}  // namespace powerdesk::dedupe
