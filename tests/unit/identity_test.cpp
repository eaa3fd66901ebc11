#include "powerdesk/identity.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "powerdesk/divisions.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {
namespace {

Date d(const char* iso) { return Date::parse(iso).value_or(Date()); }

const Date kToday = d("2025-06-30");

// "PD_X:error,PD_Y:warning" sorted, "-" for none (the reference file's form).
std::string issue_list(const Issues& issues) {
  std::vector<std::string> parts;
  for (const Issue& i : issues)
    parts.push_back(std::string(code_name(i.code)) + ":" + std::string(severity_name(i.severity)));
  std::sort(parts.begin(), parts.end());
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ",") + p;
  return out.empty() ? "-" : out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The shipped national pack: its USCC type table and GB/T 2260 list.
const RulePack& national() {
  static const std::shared_ptr<const RulePack> pack = [] {
    const std::string path =
        std::string(POWERDESK_SOURCE_DIR) + "/rules/national/cn-national-2024.json";
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto r = load_pack(text.str(), path);
    return r.ok() ? r.value() : std::make_shared<const RulePack>();
  }();
  return *pack;
}

const CreditCodeTypes* types() { return national().credit_code_types.get(); }
const Divisions* divisions() { return national().divisions.get(); }

// ───────────────────────────── resident ID ─────────────────────────────

TEST(ResidentId, StandardExample) {
  // GB 11643-1999's example. Σ aᵢwᵢ = 1·7+1·9+0·10+1·5+0·8+5·4+1·2+9·1+4·6+9·3+1·7+2·9+3·10+1·5+0·8
  // +0·4+2·2 = 167; 167 mod 11 = 2 → "10X98765432"[2] = 'X'.
  EXPECT_EQ(resident_id_check_char("11010519491231002"), 'X');
  const auto r = validate_resident_id("11010519491231002X", kToday, "/applicant/id");
  ASSERT_TRUE(r.ok()) << issue_list(r.issues);
  EXPECT_TRUE(r.issues.empty());
  EXPECT_EQ(r.normalized, "11010519491231002X");
  EXPECT_EQ(r.value->value, "11010519491231002X");
  EXPECT_EQ(r.value->region_code, "110105");
  EXPECT_EQ(r.value->birth_date, d("1949-12-31"));
  EXPECT_EQ(r.value->sex, Sex::Female);  // 17th digit 2
  EXPECT_EQ(r.value->age, 75);           // 76 on 2025-12-31
  EXPECT_EQ(validate_resident_id("11010519491231002X", d("2025-12-31"), "").value->age, 76);
  EXPECT_EQ(validate_resident_id("11010519491231002X", d("2025-12-30"), "").value->age, 75);
}

TEST(ResidentId, EveryWrongCheckCharacterNamesTheExpectedOne) {
  for (char c : std::string("0123456789")) {
    const std::string id = std::string("11010519491231002") + c;
    const auto r = validate_resident_id(id, kToday, "/applicant/id");
    EXPECT_FALSE(r.ok()) << id;
    ASSERT_EQ(r.issues.size(), 1u) << id;
    const Issue& i = r.issues[0];
    EXPECT_EQ(i.code, Code::ResidentIdChecksum);
    EXPECT_EQ(code_name(i.code), "PD_RESIDENT_ID_CHECKSUM");
    EXPECT_EQ(i.severity, Severity::Error);
    EXPECT_EQ(i.path, "/applicant/id");
    EXPECT_TRUE(contains(i.message.zh, "应为 'X'")) << i.message.zh;
    EXPECT_TRUE(contains(i.message.en, "should be 'X', not '" + std::string(1, c) + "'"))
        << i.message.en;
  }
  // And the other way round: 440304198001010033 ends in 3, so X is wrong.
  EXPECT_TRUE(validate_resident_id("440304198001010033", kToday, "").ok());
  const auto r = validate_resident_id("44030419800101003X", kToday, "");
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_TRUE(contains(r.issues[0].message.en, "should be '3', not 'X'"));
  EXPECT_EQ(validate_resident_id("440304198001010033", kToday, "").value->sex, Sex::Male);
}

TEST(ResidentId, LowerCaseXIsNormalised) {
  const auto r = validate_resident_id("11010519491231002x", kToday, "");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.normalized, "11010519491231002X");
  EXPECT_EQ(r.value->value, "11010519491231002X");
}

TEST(ResidentId, FullWidthAndSurroundingSpaces) {
  // Full-width digits and X, an ideographic space before and ASCII spaces after.
  const auto r = validate_resident_id("\u3000１１０１０５１９４９１２３１００２Ｘ  ", kToday, "");
  ASSERT_TRUE(r.ok()) << issue_list(r.issues);
  EXPECT_EQ(r.normalized, "11010519491231002X");
  EXPECT_TRUE(validate_resident_id("\t１１０１０５１９４９１２３１００２ｘ\n", kToday, "").ok());
  // A space inside is not trimmed.
  EXPECT_EQ(issue_list(validate_resident_id("110105 19491231002X", kToday, "").issues),
            "PD_RESIDENT_ID_INVALID:error");
}

TEST(ResidentId, FebruaryTwentyNinth) {
  // 2000 is a leap year (divisible by 400); 2001 and 1900 are not.
  const auto leap = validate_resident_id("110105200002290013", kToday, "");
  ASSERT_TRUE(leap.ok()) << issue_list(leap.issues);
  EXPECT_EQ(leap.value->birth_date, d("2000-02-29"));
  EXPECT_EQ(leap.value->age, 25);
  for (const char* id : {"110105200102290010", "110105190002290017"}) {
    const auto r = validate_resident_id(id, kToday, "/id");
    EXPECT_EQ(issue_list(r.issues), "PD_RESIDENT_ID_BIRTH_DATE:error") << id;
    EXPECT_FALSE(r.ok());
  }
  // Born 29 Feb: one year older on 1 March of a common year, not on 28 February.
  EXPECT_EQ(validate_resident_id("110105200002290013", d("2025-02-28"), "").value->age, 24);
  EXPECT_EQ(validate_resident_id("110105200002290013", d("2025-03-01"), "").value->age, 25);
  EXPECT_EQ(validate_resident_id("110105200002290013", d("2024-02-29"), "").value->age, 24);
}

TEST(ResidentId, BirthDateNotAfterTodayNorBefore1900) {
  const auto tomorrow = validate_resident_id("110105202507010012", kToday, "/id");
  EXPECT_EQ(issue_list(tomorrow.issues), "PD_RESIDENT_ID_BIRTH_DATE:error");
  EXPECT_TRUE(contains(tomorrow.issues[0].message.en, "after today (2025-06-30)"));
  EXPECT_TRUE(validate_resident_id("110105202507010012", d("2025-07-01"), "").ok());
  const auto today = validate_resident_id("110105202506300018", kToday, "");
  ASSERT_TRUE(today.ok());
  EXPECT_EQ(today.value->age, 0);
  // Born 1899-12-31 (check character computed by the reference script: 5).
  const auto r = validate_resident_id("110105189912310015", kToday, "");
  EXPECT_EQ(issue_list(r.issues), "PD_RESIDENT_ID_BIRTH_DATE:error");
  EXPECT_TRUE(contains(r.issues[0].message.en, "before 1900-01-01"));
  // Month 13 and day 32, with a wrong check character too: both reported.
  EXPECT_EQ(issue_list(validate_resident_id("110105194913310020", kToday, "").issues),
            "PD_RESIDENT_ID_BIRTH_DATE:error,PD_RESIDENT_ID_CHECKSUM:error");
}

TEST(ResidentId, RegionCode) {
  // 99 is no province; the check character is right (990105194912310023).
  const auto r = validate_resident_id("990105194912310023", kToday, "/id");
  EXPECT_EQ(issue_list(r.issues), "PD_DIVISION_CODE_UNKNOWN:error");
  EXPECT_FALSE(r.ok());
  // With a code list, the list decides.
  const DivisionCodePredicate only_110105 = [](std::string_view c) { return c == "110105"; };
  EXPECT_TRUE(validate_resident_id("11010519491231002X", kToday, "", only_110105).ok());
  EXPECT_EQ(issue_list(validate_resident_id("440304198001010033", kToday, "", only_110105).issues),
            "PD_DIVISION_CODE_UNKNOWN:error");
  const DivisionCodePredicate all = [](std::string_view) { return true; };
  EXPECT_TRUE(validate_resident_id("990105194912310023", kToday, "", all).ok());
  // All 34 province prefixes, nothing else.
  int provinces = 0;
  for (int i = 0; i < 100; ++i) {
    const std::string p =
        std::string(1, static_cast<char>('0' + i / 10)) + static_cast<char>('0' + i % 10);
    if (is_province_code(p)) ++provinces;
  }
  EXPECT_EQ(provinces, 34);
  for (const char* p :
       {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82"})
    EXPECT_TRUE(is_province_code(p)) << p;
  for (const char* p : {"10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70",
                        "80", "83", "1", "1a"})
    EXPECT_FALSE(is_province_code(p)) << p;
}

TEST(ResidentId, StructureErrors) {
  for (const char* bad :
       {"", "1101051949123100", "11010519491231002XX", "110105194912310", "1101051949123100A2",
        "11010519491231002Y", "身份证", "11010519491231002\xff"}) {
    const auto r = validate_resident_id(bad, kToday, "/id");
    EXPECT_EQ(issue_list(r.issues), "PD_RESIDENT_ID_INVALID:error") << bad;
    EXPECT_FALSE(r.ok());
  }
  EXPECT_TRUE(contains(validate_resident_id("身份证", kToday, "").issues[0].message.en, "not 3"));
  EXPECT_TRUE(contains(validate_resident_id("110105491231002", kToday, "").issues[0].message.en,
                       "15-digit"));
  EXPECT_EQ(resident_id_check_char("1101051949123100"), '\0');
  EXPECT_EQ(resident_id_check_char("1101051949123100A"), '\0');
}

// ─────────────────────── unified social credit code ───────────────────────

TEST(Uscc, KnownValidCodes) {
  // 91350100M000100Y43, checked by hand: MOD 31 Σ = 9·1+1·3+3·9+5·27+0·19+1·26+0·16+0·17
  // +M(21)·20+0·29+0·25+0·13+1·8+0·24+0·10+Y(30)·30+4·28 = 1640; 1640 mod 31 = 28; 31 − 28
  // = 3 → '3'. Organisation code M000100Y: 22·3+0+0+0+1·5+0+0+34·2 = 139; 139 mod 11 = 7;
  // 11 − 7 = 4 → '4'.
  EXPECT_EQ(credit_code_check_char("91350100M000100Y4"), '3');
  EXPECT_EQ(organization_code_check_char("M000100Y"), '4');
  const auto r = validate_credit_code("91350100M000100Y43", "/applicant/uscc", types());
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r.issues.empty()) << issue_list(r.issues);
  EXPECT_EQ(r.value->value, "91350100M000100Y43");
  EXPECT_EQ(r.value->authority, '9');
  EXPECT_EQ(r.value->entity_type, '1');
  EXPECT_EQ(r.value->region_code, "350100");
  EXPECT_EQ(r.value->organization_code, "M000100Y4");
  EXPECT_EQ(r.value->authority_name.zh, "工商");
  EXPECT_EQ(r.value->entity_type_name.zh, "企业");
  EXPECT_EQ(r.value->entity_type_name.en, "enterprise");
  // Facts sheet §8.2: Σ = 1782 and 831; organisation checks X and 1.
  for (const char* code : {"9144030071526726XG", "914403001922038216"}) {
    const auto c = validate_credit_code(code, "", types());
    EXPECT_TRUE(c.ok() && c.issues.empty()) << code << " " << issue_list(c.issues);
  }
  EXPECT_EQ(organization_code_check_char("71526726"), 'X');
  EXPECT_EQ(organization_code_check_char("19220382"), '1');
  // Lower case and full width are accepted and upper-cased.
  EXPECT_EQ(validate_credit_code("91350100m000100y43", "", types()).value->value,
            "91350100M000100Y43");
  EXPECT_EQ(
      validate_credit_code(" ９１３５０１００Ｍ０００１００Ｙ４３\u3000", "", types()).value->value,
      "91350100M000100Y43");
}

TEST(Uscc, FailingOnlyMod31IsAWarningNamingTheExpectedCharacter) {
  const auto r = validate_credit_code("91350100M000100Y44", "/applicant/uscc", types());
  EXPECT_TRUE(r.ok());  // a warning does not refuse the code
  ASSERT_EQ(r.issues.size(), 1u);
  const Issue& i = r.issues[0];
  EXPECT_EQ(code_name(i.code), "PD_USCC_CHECKSUM");
  EXPECT_EQ(i.severity, Severity::Warning);
  EXPECT_EQ(i.path, "/applicant/uscc");
  EXPECT_TRUE(contains(i.message.zh, "第 18 位应为 '3'，而不是 '4'")) << i.message.zh;
  EXPECT_TRUE(contains(i.message.zh, "部分合法发放的代码也不符合此校验"));
  EXPECT_TRUE(contains(i.message.en, "should be '3', not '4'")) << i.message.en;
  EXPECT_TRUE(contains(i.message.en, "Some legitimately issued codes fail this check"));
  EXPECT_EQ(r.value->value, "91350100M000100Y44");
  EXPECT_FALSE(has_errors(r.issues));
}

TEST(Uscc, FailingOnlyTheOrganisationCodeCheckIsAWarning) {
  // Character 17 changed from 4 to 5, character 18 recomputed (MOD 31 holds).
  EXPECT_EQ(credit_code_check_char("91350100M000100Y5"), '6');
  const auto r = validate_credit_code("91350100M000100Y56", "", types());
  EXPECT_TRUE(r.ok());
  ASSERT_EQ(r.issues.size(), 1u);
  EXPECT_EQ(r.issues[0].code, Code::UsccChecksum);
  EXPECT_EQ(r.issues[0].severity, Severity::Warning);
  EXPECT_TRUE(contains(r.issues[0].message.en, "GB 11714"));
  EXPECT_TRUE(contains(r.issues[0].message.en, "character 17 should be '4', not '5'"));
  // Both wrong: two warnings.
  EXPECT_EQ(issue_list(validate_credit_code("91350100M000100Y55", "", types()).issues),
            "PD_USCC_CHECKSUM:warning,PD_USCC_CHECKSUM:warning");
}

TEST(Uscc, AuthorityAndEntityType) {
  // Checks computed: B1350100M000100Y41, 94350100M000100Y4R.
  const auto b = validate_credit_code("B1350100M000100Y41", "", types());
  EXPECT_TRUE(b.ok());
  EXPECT_EQ(issue_list(b.issues), "PD_USCC_TYPE_UNKNOWN:warning");
  EXPECT_TRUE(contains(b.issues[0].message.en, "(registration authority) 'B'"));
  EXPECT_TRUE(b.value->authority_name.zh.empty());
  const auto t = validate_credit_code("94350100M000100Y4R", "", types());
  EXPECT_EQ(issue_list(t.issues), "PD_USCC_TYPE_UNKNOWN:warning");
  EXPECT_TRUE(contains(t.issues[0].message.zh, "工商"));
  EXPECT_EQ(t.value->authority_name.zh, "工商");
  EXPECT_TRUE(t.value->entity_type_name.zh.empty());
  // Every pair of GB 32100-2015's own table is known.
  for (const char* pair :
       {"11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1"}) {
    std::string first17 = std::string(pair) + "350100M000100Y4";
    const std::string code = first17 + credit_code_check_char(first17);
    const auto c = validate_credit_code(code, "", types());
    EXPECT_TRUE(c.issues.empty()) << code << " " << issue_list(c.issues);
    EXPECT_FALSE(c.value->entity_type_name.zh.empty()) << code;
  }
  EXPECT_EQ(validate_credit_code(
                "52350100M000100Y4" + std::string(1, credit_code_check_char("52350100M000100Y4")),
                "", types())
                .value->entity_type_name.zh,
            "民办非企业单位");
}

TEST(Uscc, RegionCode) {
  // 99 is no province (check computed: 91990100M000100Y4U): a warning.
  const auto r = validate_credit_code("91990100M000100Y4U", "/uscc", types());
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(issue_list(r.issues), "PD_DIVISION_CODE_UNKNOWN:warning");
  // 100000 is the national level: known.
  EXPECT_TRUE(validate_credit_code("11100000M000100Y44", "", types()).issues.empty());
  const DivisionCodePredicate none = [](std::string_view) { return false; };
  EXPECT_EQ(issue_list(validate_credit_code("91350100M000100Y43", "", types(), none).issues),
            "PD_DIVISION_CODE_UNKNOWN:warning");
  EXPECT_TRUE(validate_credit_code("11100000M000100Y44", "", types(), none).issues.empty());
  const DivisionCodePredicate fuzhou = [](std::string_view c) { return c == "350100"; };
  EXPECT_TRUE(validate_credit_code("91350100M000100Y43", "", types(), fuzhou).issues.empty());
}

TEST(Uscc, LengthAndCharacterSetAreErrors) {
  for (const char* bad : {"", "91350100M000100Y4", "91350100M000100Y433", "913501001234567",
                          "91350100M000100O43", "91350100M0001I0Y43", "9135010SM000100Y43",
                          "91A50100M000100Y43", "91350100M000100Y4-", "统一社会信用代码"}) {
    const auto r = validate_credit_code(bad, "/uscc", types());
    EXPECT_EQ(issue_list(r.issues), "PD_USCC_INVALID:error") << bad;
    EXPECT_FALSE(r.ok()) << bad;
  }
  const auto o = validate_credit_code("91350100M000100O43", "", types());
  EXPECT_TRUE(contains(o.issues[0].message.en, "character 16")) << o.issues[0].message.en;
  EXPECT_TRUE(contains(o.issues[0].message.en, "did you mean 0?"));
  EXPECT_TRUE(contains(validate_credit_code("913501001234567", "", types()).issues[0].message.zh,
                       "旧版营业执照注册号"));
  EXPECT_TRUE(contains(validate_credit_code("91A50100M000100Y43", "", types()).issues[0].message.en,
                       "characters 3-8"));
  EXPECT_EQ(credit_code_check_char("91350100M000100O4"), '\0');
  EXPECT_EQ(organization_code_check_char("m000100Y"), '\0');
}

TEST(Uscc, TheTypeTableIsTheNationalPacksAndOptional) {
  ASSERT_NE(types(), nullptr) << "the national pack has no credit_code_types";
  // GB 32100-2015 table 1: 9 工商; table 2 under 9: 1 企业, 2 个体工商户, 3 农民专业合作社.
  const CreditCodeTypes::Authority* aic = types()->authority('9');
  ASSERT_NE(aic, nullptr);
  EXPECT_EQ(aic->name.zh, "工商");
  ASSERT_NE(types()->entity_type('9', '3'), nullptr);
  EXPECT_EQ(types()->entity_type('9', '3')->name.zh, "农民专业合作社");
  EXPECT_EQ(types()->entity_type('9', '3')->source, CreditCodeTypeSource::Gb32100);
  EXPECT_EQ(types()->entity_type('N', '2')->source, CreditCodeTypeSource::Notice);
  EXPECT_EQ(types()->entity_type('G', '1')->source, CreditCodeTypeSource::Unverified);
  EXPECT_EQ(types()->entity_type('9', '4'), nullptr);
  EXPECT_EQ(types()->authority('B'), nullptr);
  // Without a table the type is not checked and has no names.
  for (const char* code : {"94350100M000100Y4R", "B1350100M000100Y41", "91350100M000100Y43"}) {
    const auto r = validate_credit_code(code, "", nullptr);
    EXPECT_TRUE(r.ok()) << code;
    EXPECT_TRUE(r.issues.empty()) << code << " " << issue_list(r.issues);
    EXPECT_TRUE(r.value->authority_name.zh.empty()) << code;
    EXPECT_TRUE(r.value->entity_type_name.zh.empty()) << code;
  }
}

// ─────────────────── GB/T 2260 codes in the identity checks ───────────────────

TEST(IdentityDivisions, AbolishedCodesAreValidInResidentIds) {
  ASSERT_NE(divisions(), nullptr) << "the national pack has no divisions";
  const DivisionCodePredicate known = divisions()->predicate();
  // 110103 北京市崇文区 and 110104 宣武区: abolished (merged into 东城区 and
  // 西城区), still in the IDs they issued. Check characters by GB 11643 MOD 11-2:
  // 11010319800101001 → 3, 11010419800101002 → 8.
  for (const char* id : {"110103198001010013", "110104198001010028", "11010519491231002X"}) {
    const auto r = validate_resident_id(id, kToday, "/id", known);
    EXPECT_TRUE(r.ok()) << id << " " << issue_list(r.issues);
  }
  EXPECT_FALSE(divisions()->find("110103")->current);
  // 110110 was never a code (1101xx runs 01–19 without 03, 04 and 10 today).
  const auto unknown = validate_resident_id("110110198001010017", kToday, "/id", known);
  EXPECT_EQ(issue_list(unknown.issues), "PD_DIVISION_CODE_UNKNOWN:error");
  EXPECT_FALSE(unknown.ok());
  // A credit code's region is checked against the same list (a warning there).
  EXPECT_EQ(issue_list(validate_credit_code(
                           "91110110M000100Y4" +
                               std::string(1, credit_code_check_char("91110110M000100Y4")),
                           "", types(), known)
                           .issues),
            "PD_DIVISION_CODE_UNKNOWN:warning");
  EXPECT_TRUE(validate_credit_code("91350100M000100Y43", "", types(), known).issues.empty());
}

// ─────────────────────────────── addresses ───────────────────────────────

struct AddressCase {
  const char* input;
  const char* region;
  const char* text;  // Address::text
  const char* province;
  const char* prefecture;
  const char* county;
  const char* detail;
};

TEST(Address, RecognisesTheLeadingPlaces) {
  ASSERT_NE(divisions(), nullptr);
  const AddressCase cases[] = {
      // Full names.
      {"浙江省杭州市西湖区文三路90号1栋2单元301室", "330000",
       "浙江省杭州市西湖区文三路90号1栋2单元301室", "330000", "330100", "330106",
       "文三路90号1栋2单元301室"},
      // Customary short forms, confirmed by what follows.
      {"浙江杭州西湖区文三路90号", "330000", "浙江省杭州市西湖区文三路90号", "330000", "330100",
       "330106", "文三路90号"},
      {"浙江杭州文三路90号", "330000", "浙江省杭州市文三路90号", "330000", "330100", "",
       "文三路90号"},
      {"杭州西湖区文三路90号", "330000", "浙江省杭州市西湖区文三路90号", "330000", "330100",
       "330106", "文三路90号"},
      // Municipality: districts directly under it; the grouping 市辖区 is skipped.
      {"北京市朝阳区建国路88号", "110000", "北京市朝阳区建国路88号", "110000", "", "110105",
       "建国路88号"},
      {"北京朝阳区建国路88号", "110000", "北京市朝阳区建国路88号", "110000", "", "110105",
       "建国路88号"},
      {"北京市市辖区朝阳区建国路88号", "110000", "北京市朝阳区建国路88号", "110000", "", "110105",
       "建国路88号"},
      {"朝阳区建国路88号", "110000", "北京市朝阳区建国路88号", "110000", "", "110105",
       "建国路88号"},
      // Autonomous regions, prefectures and banners.
      {"内蒙古自治区呼和浩特市新城区新华大街1号", "", "内蒙古自治区呼和浩特市新城区新华大街1号",
       "150000", "150100", "150102", "新华大街1号"},
      {"广西壮族自治区南宁市青秀区民族大道100号", "", "广西壮族自治区南宁市青秀区民族大道100号",
       "450000", "450100", "450103", "民族大道100号"},
      {"广西南宁市青秀区民族大道100号", "", "广西壮族自治区南宁市青秀区民族大道100号", "450000",
       "450100", "450103", "民族大道100号"},
      {"吉林省延边朝鲜族自治州延吉市人民路1号", "", "吉林省延边朝鲜族自治州延吉市人民路1号",
       "220000", "222400", "222401", "人民路1号"},
      {"延边延吉市人民路1号", "", "吉林省延边朝鲜族自治州延吉市人民路1号", "220000", "222400",
       "222401", "人民路1号"},
      {"内蒙古锡林郭勒盟正蓝旗上都镇1号", "", "内蒙古自治区锡林郭勒盟正蓝旗上都镇1号", "150000",
       "152500", "152530", "上都镇1号"},
      // 吉林市 is a prefecture of 吉林省, not the province's short form.
      {"吉林市昌邑区解放路1号", "220000", "吉林省吉林市昌邑区解放路1号", "220000", "220200",
       "220202", "解放路1号"},
      // A county directly under its province (省直辖县级行政区划).
      {"湖北省仙桃市仙桃大道1号", "420000", "湖北省仙桃市仙桃大道1号", "420000", "", "429004",
       "仙桃大道1号"},
      // Missing levels are filled in.
      {"杭州市西湖区文三路90号", "330000", "浙江省杭州市西湖区文三路90号", "330000", "330100",
       "330106", "文三路90号"},
      {"浙江省西湖区文三路90号", "330000", "浙江省杭州市西湖区文三路90号", "330000", "330100",
       "330106", "文三路90号"},
      {"西湖区文三路90号", "330000", "浙江省杭州市西湖区文三路90号", "330000", "330100", "330106",
       "文三路90号"},
      // Odd white space and full-width digits (NFKC).
      {"  浙江省\u3000杭州市\t西湖区  文三路 ９０ 号 ", "330000", "浙江省杭州市西湖区文三路 90 号",
       "330000", "330100", "330106", "文三路 90 号"},
      // Street names are not places: 北京路 in 广州, 南京西路 in 上海.
      {"广州市越秀区北京路1号", "440000", "广东省广州市越秀区北京路1号", "440000", "440100",
       "440104", "北京路1号"},
      {"上海市静安区南京西路1266号", "310000", "上海市静安区南京西路1266号", "310000", "", "310106",
       "南京西路1266号"},
      // No region and no unique place: the text stands as it is.
      {"西湖区文三路90号", "", "西湖区文三路90号", "", "", "", "西湖区文三路90号"},
  };
  for (const AddressCase& c : cases) {
    const auto r = validate_address(c.input, "/address", divisions(), c.region);
    ASSERT_TRUE(r.ok()) << c.input << " " << issue_list(r.issues);
    EXPECT_TRUE(r.issues.empty()) << c.input;
    const Address& a = *r.value;
    EXPECT_EQ(a.text, c.text) << c.input;
    EXPECT_EQ(r.normalized, c.text) << c.input;
    EXPECT_EQ(a.province_code, c.province) << c.input;
    EXPECT_EQ(a.prefecture_code, c.prefecture) << c.input;
    EXPECT_EQ(a.county_code, c.county) << c.input;
    EXPECT_EQ(a.detail, c.detail) << c.input;
  }
  const Address a = *validate_address("杭州市西湖区文三路90号", "", divisions(), "330000").value;
  EXPECT_EQ(a.province_name, "浙江省");
  EXPECT_EQ(a.prefecture_name, "杭州市");
  EXPECT_EQ(a.county_name, "西湖区");
}

TEST(Address, OutsideTheRegion) {
  ASSERT_NE(divisions(), nullptr);
  for (const char* in : {"北京市朝阳区建国路88号", "北京朝阳区建国路88号",
                         "江苏省南京市鼓楼区中山路1号", "海淀区中关村大街1号"}) {
    const auto r = validate_address(in, "/site/address", divisions(), "330000");
    EXPECT_FALSE(r.ok()) << in;
    ASSERT_EQ(issue_list(r.issues), "PD_ADDRESS_OUTSIDE_REGION:error") << in;
    const Issue& i = r.issues[0];
    EXPECT_EQ(i.path, "/site/address");
    EXPECT_TRUE(contains(i.message.zh, "浙江省（330000）")) << i.message.zh;
    EXPECT_TRUE(contains(i.message.en, "浙江省 (330000)")) << i.message.en;
    EXPECT_TRUE(i.suggestion.empty());
    EXPECT_FALSE(contains(i.message.zh, "北京") || contains(i.message.zh, "南京") ||
                 contains(i.message.zh, "海淀"))
        << "the message repeats the address";
  }
  // Without a region nothing is outside.
  EXPECT_TRUE(validate_address("北京市朝阳区建国路88号", "", divisions(), "").ok());
}

TEST(Address, InvalidAddresses) {
  ASSERT_NE(divisions(), nullptr);
  struct Bad {
    const char* input;
    const char* region;
    const char* en_contains;
  };
  const std::string too_long = "浙江省杭州市西湖区" + [] {
    std::string s;
    for (int i = 0; i < 192; ++i) s += "路";
    return s;
  }();  // 9 + 192 = 201 graphemes
  const Bad cases[] = {
      {"", "330000", "empty"},
      {" \u3000\t", "330000", "empty"},
      {"浙江省杭州市西湖区", "330000", "not detailed enough"},      // nothing after the county
      {"浙江省杭州市西湖区1号", "330000", "not detailed enough"},   // 2 graphemes of detail
      {"南京西路1266号", "310000", "no province, city or county"},  // a street, no place
      {"北京路1号", "440000", "no province, city or county"},
      {"鼓楼区中山路1号", "320000", "no province, city or county"},  // 南京 and 徐州 both have one
      {"浙江省杭州市西湖区文三路90号\U0001F600", "330000", "emoji"},
      {"浙江省杭州市西湖区文三路\x01"
       "90号",
       "330000", "control"},
      {"浙江省杭州市西湖区文三路\xff"
       "90号",
       "330000", "unreadable"},
      {too_long.c_str(), "330000", "at most 200 characters, not 201"},
  };
  for (const Bad& c : cases) {
    const auto r = validate_address(c.input, "/a", divisions(), c.region);
    EXPECT_FALSE(r.ok()) << c.input;
    ASSERT_EQ(issue_list(r.issues), "PD_ADDRESS_INVALID:error") << c.input;
    EXPECT_TRUE(contains(r.issues[0].message.en, c.en_contains))
        << c.input << ": " << r.issues[0].message.en;
    EXPECT_FALSE(contains(r.issues[0].message.zh, "文三路")) << "the message repeats the address";
  }
  // 200 graphemes are allowed.
  EXPECT_TRUE(
      validate_address(too_long.substr(0, too_long.size() - 3), "", divisions(), "330000").ok());
  // Exactly three graphemes of detail are enough.
  EXPECT_TRUE(validate_address("浙江省杭州市西湖区文三路", "", divisions(), "330000").ok());
}

TEST(Address, WithoutTheCodeList) {
  // No list: normalised and length-checked only, no region check possible.
  const auto r = validate_address(" 浙江省杭州市　西湖区文三路90号 ", "/a", nullptr, "330000");
  ASSERT_TRUE(r.ok()) << issue_list(r.issues);
  EXPECT_EQ(r.value->text, "浙江省杭州市 西湖区文三路90号");
  EXPECT_TRUE(r.value->province_code.empty());
  EXPECT_EQ(r.value->detail, "浙江省杭州市 西湖区文三路90号");
  EXPECT_EQ(issue_list(validate_address("1号", "/a", nullptr, "").issues),
            "PD_ADDRESS_INVALID:error");
}

// ───────────────────────────────── names ─────────────────────────────────

TEST(PersonName, ChineseNames) {
  for (const char* name : {"张三", "欧阳娜娜", "阿依古丽·买买提", "李〇"}) {
    const auto r = validate_person_name(name, "/applicant/name");
    ASSERT_TRUE(r.ok()) << name << " " << issue_list(r.issues);
    EXPECT_TRUE(r.issues.empty());
    EXPECT_EQ(*r.value, name);
  }
  // Spaces between Han characters go; full-width spaces too.
  EXPECT_EQ(*validate_person_name(" 张 三\u3000", "").value, "张三");
  EXPECT_EQ(*validate_person_name("欧阳\u3000娜娜", "").value, "欧阳娜娜");
}

TEST(PersonName, EveryLookAlikeOfTheMiddleDotBecomesU00B7) {
  // U+00B7 is the dot of minority names on ID cards; the others are what
  // other input methods and fonts produce.
  for (const char* dot : {"\u00B7", "\u2022", "\u30FB", "\uFF65", "\u2027", "\u2219", "\u22C5",
                          "\uA78F", "\u2E31", "\u0387"}) {
    const std::string name = std::string("阿依古丽") + dot + "买买提";
    const auto r = validate_person_name(name, "");
    ASSERT_TRUE(r.ok()) << name << " " << issue_list(r.issues);
    EXPECT_EQ(*r.value, "阿依古丽·买买提") << name;
    EXPECT_TRUE(r.issues.empty()) << name;
  }
  // Spaces around the dot go.
  EXPECT_EQ(*validate_person_name("阿依古丽 · 买买提", "").value, "阿依古丽·买买提");
}

TEST(PersonName, MisplacedDotsHaveASuggestion) {
  struct Case {
    const char* input;
    const char* en_contains;
    const char* suggestion;
  };
  const Case cases[] = {
      {"阿依古丽.买买提", "not a full stop", "阿依古丽·买买提"},
      {"阿依古丽．买买提", "not a full stop", "阿依古丽·买买提"},  // full-width, NFKC '.'
      {"阿依古丽。买买提", "not a full stop", "阿依古丽·买买提"},
      {"·阿依古丽买买提", "cannot start or end", "阿依古丽买买提"},
      {"阿依古丽·买买提·", "cannot start or end", "阿依古丽·买买提"},
      {"阿依古丽••买买提", "cannot be doubled",
       "阿依古丽·买买提"},  // two look-alikes: a double dot
      {"阿依古丽· ·买买提", "cannot be doubled", "阿依古丽·买买提"},
  };
  for (const Case& c : cases) {
    const auto r = validate_person_name(c.input, "/n");
    EXPECT_FALSE(r.ok()) << c.input;
    ASSERT_EQ(issue_list(r.issues), "PD_NAME_INVALID:error") << c.input;
    const Issue& i = r.issues[0];
    EXPECT_TRUE(contains(i.message.en, c.en_contains)) << c.input << ": " << i.message.en;
    EXPECT_EQ(i.suggestion, c.suggestion) << c.input;
    EXPECT_FALSE(contains(i.message.zh, "阿依古丽") || contains(i.message.en, "阿依古丽"));
  }
  // No suggestion when the fixed name would still be wrong: "·张" → "张" is one character.
  const auto r = validate_person_name("·张", "");
  EXPECT_EQ(issue_list(r.issues), "PD_NAME_INVALID:error");
  EXPECT_TRUE(r.issues[0].suggestion.empty());
}

TEST(PersonName, Refused) {
  struct Case {
    const char* input;
    const char* en_contains;
  };
  const Case cases[] = {
      {"", "empty"},
      {"张3", "digits"},
      {"张三３", "digits"},                           // full-width digit: NFKC 3
      {"张三\U0001F600", "character 3 of the name"},  // emoji
      {"张三!", "character 3 of the name"},
      {"Иван", "character 1 of the name"},    // Cyrillic
      {"さくら", "character 1 of the name"},  // kana
      {"张John", "cannot mix"},
      {"张", "at least 2"},
      {"J", "at least 2"},
      {"John--Smith", "between letters"},
      {"-John", "between letters"},
      {"John.Smith", "no dots"},
      {"张-三", "no spaces, hyphens"},
      {"张\xff三", "cannot be read"},
  };
  for (const Case& c : cases) {
    const auto r = validate_person_name(c.input, "/n");
    EXPECT_FALSE(r.ok()) << c.input;
    ASSERT_FALSE(r.issues.empty()) << c.input;
    for (const Issue& i : r.issues) EXPECT_EQ(i.code, Code::NameInvalid) << c.input;
    bool found = false;
    for (const Issue& i : r.issues) found = found || contains(i.message.en, c.en_contains);
    EXPECT_TRUE(found) << c.input << ": " << r.issues[0].message.en;
    EXPECT_TRUE(r.issues[0].suggestion.empty()) << c.input;
  }
}

TEST(PersonName, LatinNames) {
  for (const char* name : {"John Smith", "Mary-Jane O'Neil", "José Martínez", "Zoë"}) {
    const auto r = validate_person_name(name, "");
    ASSERT_TRUE(r.ok()) << name << " " << issue_list(r.issues);
    EXPECT_EQ(*r.value, name);
  }
  EXPECT_EQ(*validate_person_name("  John   Smith ", "").value, "John Smith");
  EXPECT_EQ(*validate_person_name("O\u2019Neil", "").value, "O'Neil");
  EXPECT_EQ(*validate_person_name("Ｊｏｈｎ Ｓｍｉｔｈ", "").value, "John Smith");  // NFKC
}

TEST(PersonName, LengthIsCountedInGraphemes) {
  std::string han;
  for (int i = 0; i < 30; ++i) han += "娜";
  EXPECT_TRUE(validate_person_name(han, "").ok());  // 30
  for (int i = 0; i < 10; ++i) han += "娜";
  const auto r = validate_person_name(han, "");  // 40
  EXPECT_EQ(issue_list(r.issues), "PD_NAME_INVALID:error");
  EXPECT_TRUE(contains(r.issues[0].message.en, "at most 30 characters, not 40"))
      << r.issues[0].message.en;
  EXPECT_TRUE(contains(r.issues[0].message.zh, "最多 30 个字，当前 40 个"));
  // q + U+0303 (combining tilde) has no precomposed form, so NFKC keeps two
  // code points: one grapheme. 60 graphemes are 119 code points.
  std::string latin = "A";
  for (int i = 0; i < 59; ++i) latin += "q\u0303";
  EXPECT_EQ(detail::count_code_points(latin), 119u);
  EXPECT_EQ(detail::count_graphemes(latin), 60u);
  const auto ok = validate_person_name(latin, "");
  EXPECT_TRUE(ok.ok()) << issue_list(ok.issues);
  const auto over = validate_person_name(latin + "q\u0303", "");
  EXPECT_EQ(issue_list(over.issues), "PD_NAME_INVALID:error");
  EXPECT_TRUE(contains(over.issues[0].message.en, "at most 60 characters, not 61"));
  // A combining mark on a Han character is not part of a name.
  EXPECT_FALSE(validate_person_name("张\u0303三", "").ok());
}

TEST(OrganizationName, AcceptedAndNormalised) {
  struct Case {
    const char* input;
    const char* normalized;
  };
  const Case cases[] = {
      {"阿里巴巴（中国）有限公司", "阿里巴巴（中国）有限公司"},
      {"阿里巴巴(中国)有限公司",
       "阿里巴巴（中国）有限公司"},  // brackets full width, as on licences
      {" 阿里巴巴 （中国） 有限公司 ", "阿里巴巴（中国）有限公司"},
      {"国网浙江省电力有限公司杭州供电公司", "国网浙江省电力有限公司杭州供电公司"},
      {"3M中国有限公司", "3M中国有限公司"},
      {"ABC (Shanghai) Co., Ltd.", "ABC (Shanghai) Co., Ltd."},
      {"Ｐ＆Ｇ", "P&G"},
      {"麦当劳•餐厅", "麦当劳·餐厅"},
      {"杭州市西湖区文新街道、翠苑街道联合工会", "杭州市西湖区文新街道、翠苑街道联合工会"},
  };
  for (const Case& c : cases) {
    const auto r = validate_organization_name(c.input, "/org");
    ASSERT_TRUE(r.ok()) << c.input << " " << issue_list(r.issues);
    EXPECT_EQ(*r.value, c.normalized) << c.input;
  }
}

TEST(OrganizationName, Refused) {
  std::string long_name;
  for (int i = 0; i < 101; ++i) long_name += "电";
  struct Case {
    std::string input;
    const char* en_contains;
  };
  const Case cases[] = {
      {"", "empty"},
      {"阿里巴巴（中国有限公司", "pair up"},
      {"阿里巴巴)中国(有限公司", "pair up"},
      {"A((B))", "pair up"},
      {"杭州供电公司\U0001F600", "character 7"},
      {"杭州#供电公司", "character 3"},
      {"123", "needs Chinese characters or Latin letters"},
      {"公", "at least 2"},
      {long_name, "at most 100 characters, not 101"},
  };
  for (const Case& c : cases) {
    const auto r = validate_organization_name(c.input, "/org");
    EXPECT_FALSE(r.ok()) << c.input;
    ASSERT_FALSE(r.issues.empty()) << c.input;
    EXPECT_EQ(r.issues[0].code, Code::NameInvalid);
    bool found = false;
    for (const Issue& i : r.issues) found = found || contains(i.message.en, c.en_contains);
    EXPECT_TRUE(found) << c.input << ": " << r.issues[0].message.en;
  }
}

// ──────────────────────────── phone numbers ────────────────────────────

TEST(Phone, Mobile) {
  for (const char* in : {"13812345678", "138 1234 5678", "138-1234-5678", " 13812345678 ",
                         "１３８１２３４５６７８", "138\u30001234\u30005678"}) {
    const auto r = validate_phone(in, "/contact/phone");
    ASSERT_TRUE(r.ok()) << in << " " << (r.issues.empty() ? "" : r.issues[0].message.en);
    EXPECT_EQ(r.value->kind, PhoneKind::Mobile);
    EXPECT_EQ(r.value->value, "13812345678") << in;
  }
  for (const char* ok : {"13012345678", "14512345678", "16612345678", "19912345678"})
    EXPECT_TRUE(validate_phone(ok, "").ok()) << ok;
  for (const char* bad : {"12812345678", "11812345678", "10012345678", "1381234567", "138123456789",
                          "13812345678转1", "+8613812345678", "138 1234 567a", "", "电话"}) {
    const auto r = validate_phone(bad, "/contact/phone");
    EXPECT_EQ(issue_list(r.issues), "PD_PHONE_INVALID:error") << bad;
    EXPECT_EQ(r.issues.empty() ? "" : r.issues[0].path, "/contact/phone");
  }
  EXPECT_TRUE(contains(validate_phone("1381234567", "").issues[0].message.en, "11 digits, not 10"));
}

TEST(Phone, Landline) {
  struct Case {
    const char* in;
    const char* value;
    const char* area;
    const char* ext;
  };
  const Case cases[] = {
      {"010-62345678", "010-62345678", "010", ""},
      {"01062345678", "010-62345678", "010", ""},
      {"010 6234 5678", "010-62345678", "010", ""},
      {"021-6234567", "021-6234567", "021", ""},
      {"0571-87654321", "0571-87654321", "0571", ""},
      {"057187654321", "0571-87654321", "0571", ""},
      {"0571 8765 4321", "0571-87654321", "0571", ""},
      {"(0571)87654321", "0571-87654321", "0571", ""},
      {"（０５７１）８７６５４３２１", "0571-87654321", "0571", ""},
      {"０５７１－８７６５４３２１", "0571-87654321", "0571", ""},
      {"0571-87654321-801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321转801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321 转 801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321 ext. 801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321 EXT 801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321x801", "0571-87654321-801", "0571", "801"},
      {"0571-87654321#801", "0571-87654321-801", "0571", "801"},
      {"0755 888 8888", "0755-8888888", "0755", ""},
  };
  for (const Case& c : cases) {
    const auto r = validate_phone(c.in, "");
    ASSERT_TRUE(r.ok()) << c.in << ": " << (r.issues.empty() ? "" : r.issues[0].message.en);
    EXPECT_EQ(r.value->kind, PhoneKind::Landline) << c.in;
    EXPECT_EQ(r.value->value, c.value) << c.in;
    EXPECT_EQ(r.value->area_code, c.area) << c.in;
    EXPECT_EQ(r.value->extension, c.ext) << c.in;
  }
  for (const char* bad :
       {"87654321", "0571-0123456", "0571-1234567", "057-187654321", "0011-87654321",
        "0001-87654321", "011-62345678", "0571-876543210", "0571-876543", "0571-87654321-1234567",
        "0571-87654321转", "0571-87654321-1 转 2", "(0571 87654321", "(05a1)87654321", "0571--",
        "0571-8765-432"}) {
    EXPECT_EQ(issue_list(validate_phone(bad, "").issues), "PD_PHONE_INVALID:error") << bad;
  }
}

// ───────────────────── postal codes and account numbers ─────────────────────

TEST(IdentityNumbers, PostalCode) {
  EXPECT_EQ(validate_postal_code("310000", "").value, "310000");
  EXPECT_EQ(validate_postal_code(" ３１００１２ ", "").value, "310012");
  for (const char* bad : {"31000", "3100000", "31000a", "310 000", ""}) {
    const auto r = validate_postal_code(bad, "/address/postal_code");
    EXPECT_EQ(issue_list(r.issues), "PD_POSTAL_CODE_INVALID:error") << bad;
    EXPECT_EQ(r.issues[0].path, "/address/postal_code");
  }
}

TEST(IdentityNumbers, AccountNumber) {
  const std::vector<int> both = {10, 13};
  EXPECT_EQ(validate_account_number("3302012345", "", both).value, "3302012345");
  EXPECT_EQ(validate_account_number("1603302012345", "", both).value, "1603302012345");
  EXPECT_EQ(validate_account_number("１６０３３０２０１２３４５", "", both).value, "1603302012345");
  for (const char* bad : {"330201234", "33020123456", "330201234a", "", "3302 012345"}) {
    EXPECT_EQ(issue_list(validate_account_number(bad, "/account", both).issues),
              "PD_ACCOUNT_INVALID:error")
        << bad;
  }
  const auto only10 = validate_account_number("1603302012345", "/account", {10});
  EXPECT_FALSE(only10.ok());
  EXPECT_TRUE(contains(only10.issues[0].message.en, "has 10 digits, not 13"));
  EXPECT_TRUE(contains(validate_account_number("33020123", "", both).issues[0].message.zh,
                       "应为 10 或 13 位数字"));
}

// ───────────────────────── masks ─────────────────────────

TEST(Mask, ResidentId) {
  EXPECT_EQ(mask_resident_id("11010519491231002X"), "110105********002X");
  EXPECT_EQ(mask_resident_id("11010519491231002x"), "110105********002X");
  EXPECT_EQ(mask_resident_id(" １１０１０５１９４９１２３１００２Ｘ "), "110105********002X");
  EXPECT_EQ(mask_resident_id("12345"), "*****");  // too short for the pattern: all hidden
  EXPECT_EQ(mask_resident_id(""), "");
}

TEST(Mask, Phone) {
  EXPECT_EQ(mask_phone("13812341234"), "138****1234");
  EXPECT_EQ(mask_phone("138 1234 5678"), "138****5678");
  EXPECT_EQ(mask_phone("0571-87654321"), "0571-****4321");
  EXPECT_EQ(mask_phone("(010)6234567"), "010-***4567");
  EXPECT_EQ(mask_phone("0571-87654321转801"), "0571-****4321");
  EXPECT_EQ(mask_phone("+8613812345678"), "+86*******5678");  // not valid: first 3, last 4
  EXPECT_EQ(mask_phone("12345"), "*****");
  EXPECT_EQ(mask_phone("电话号码"), "****");
}

TEST(Mask, NameCountsCodePoints) {
  EXPECT_EQ(mask_name("张三"), "张*");
  EXPECT_EQ(mask_name("王小明"), "王**");
  EXPECT_EQ(mask_name("欧阳娜娜"), "欧阳**");
  EXPECT_EQ(mask_name("司马光"), "司马*");
  EXPECT_EQ(mask_name("欧阳"), "欧*");  // two characters: the given name is not shown
  EXPECT_EQ(mask_name("张"), "*");
  EXPECT_EQ(mask_name(""), "");
  EXPECT_EQ(mask_name(" 李四\u3000"), "李*");
  EXPECT_EQ(mask_name("阿卜杜·热合曼"), "阿******");    // 7 code points, the middle dot masked too
  EXPECT_EQ(mask_name("\U00020000明"), "\U00020000*");  // 𠀀: 4 bytes in UTF-8, one code point
  EXPECT_EQ(mask_name("Li Na"), "L****");
  EXPECT_EQ(mask_name("\xff张三"), "***");  // an ill-formed byte is one hidden character
  EXPECT_EQ(detail::count_code_points("欧阳娜娜"), 4u);
  EXPECT_EQ(detail::count_code_points("\U00020000a"), 2u);
}

TEST(Mask, Account) {
  EXPECT_EQ(mask_account("3302012345"), "******2345");
  EXPECT_EQ(mask_account("1603302012345"), "*********2345");
  EXPECT_EQ(mask_account("1234567"), "*******");
}

// ───────────────────────── text normalisation ─────────────────────────

TEST(IdentityText, IcuNfkcAndTheFallbackAgree) {
  // ICU's NFKC data is in both builds (natively the system data, in WASM
  // wasm/icu/data/03-nfkc.txt); the fallback must give the same answer for
  // every character the fold covers.
  EXPECT_TRUE(detail::identity_text_uses_icu());
  EXPECT_EQ(normalize_identifier_text("\u3000ＡＢＣ１２３ａｂｃ－（）\u3000 "), "ABC123abc-()");
  for (char32_t c = 0xFF01; c <= 0xFF5E; ++c) {
    std::string s = "1";
    s += static_cast<char>(0xE0 | (c >> 12));
    s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (c & 0x3F));
    s += "2";
    const std::string want = std::string("1") + static_cast<char>(c - 0xFEE0) + "2";
    EXPECT_EQ(normalize_identifier_text(s), want) << static_cast<unsigned>(c);
    EXPECT_EQ(detail::normalize_identifier_text_without_icu(s), want) << static_cast<unsigned>(c);
  }
  for (const char* s : {"\u30001\u3000", " \t12 \r\n", "张三", "\xff", "a\u3000b"}) {
    EXPECT_EQ(normalize_identifier_text(s), detail::normalize_identifier_text_without_icu(s)) << s;
  }
  // What only NFKC does: ① → 1 (the fallback leaves it, and the validator refuses it).
  EXPECT_EQ(normalize_identifier_text("①"), "1");
}

TEST(IdentityText, FreeTextAndGraphemes) {
  EXPECT_EQ(normalize_free_text(" a\u3000\t b\r\nc\u2028d "), "a b c d");
  EXPECT_EQ(normalize_free_text("\u00A0"), "");
  EXPECT_TRUE(detail::graphemes_use_icu());
  EXPECT_EQ(detail::count_graphemes(""), 0u);
  EXPECT_EQ(detail::count_graphemes("张三"), 2u);
  EXPECT_EQ(detail::count_graphemes("e\u0301"), 1u);  // e + combining acute
  EXPECT_EQ(detail::count_graphemes("\U0001F468\u200D\U0001F469\u200D\U0001F467"),
            1u);                                                   // family: one emoji
  EXPECT_EQ(detail::count_graphemes("\U00020000\U0002A6D6"), 2u);  // CJK Extension B
}

// ─────────────── differential test against the Python reference ───────────────

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream ss(line);
  std::string field;
  while (std::getline(ss, field, '\t')) out.push_back(field);
  return out;
}

TEST(IdentityDifferential, EveryCaseOfTheReferenceFile) {
  // tests/unit/identity_reference.py wrote this file from the standards; the
  // ctest identity_differential keeps it equal to what the script generates.
  const std::string path =
      std::string(POWERDESK_SOURCE_DIR) + "/tests/fixtures/identity-differential.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  const Date today = d("2025-06-30");
  int ids = 0, codes = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> f = split_tabs(line);
    ASSERT_GE(f.size(), 5u) << line;
    if (f[0] == "id") {
      ASSERT_EQ(f.size(), 7u) << line;
      ++ids;
      const auto r = validate_resident_id(f[1], today, "/id");
      EXPECT_EQ(issue_list(r.issues), f[3]) << line;
      if (f[2] != "-") {
        EXPECT_EQ(std::string(1, resident_id_check_char(r.normalized.substr(0, 17))), f[2]) << line;
      }
      if (f[4] == "-") {
        EXPECT_FALSE(r.ok()) << line;
      } else if (r.ok()) {
        EXPECT_EQ(r.value->birth_date.iso(), f[4]) << line;
        EXPECT_EQ(r.value->sex == Sex::Male ? "M" : "F", f[5]) << line;
        EXPECT_EQ(std::to_string(r.value->age), f[6]) << line;
      } else {
        ADD_FAILURE() << "refused: " << line;
      }
    } else {
      ASSERT_EQ(f[0], "uscc") << line;
      ++codes;
      const auto r = validate_credit_code(f[1], "/uscc", types());
      EXPECT_EQ(issue_list(r.issues), f[4]) << line;
      EXPECT_EQ(r.ok(), f[4].find(":error") == std::string::npos) << line;
      if (f[2] != "-") {
        EXPECT_EQ(std::string(1, credit_code_check_char(r.normalized.substr(0, 17))), f[2]) << line;
        EXPECT_EQ(std::string(1, organization_code_check_char(r.normalized.substr(8, 8))), f[3])
            << line;
      }
    }
  }
  EXPECT_EQ(ids, 1000);
  EXPECT_EQ(codes, 1000);
}

}  // namespace
}  // namespace powerdesk
