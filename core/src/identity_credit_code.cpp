// Unified social credit codes (统一社会信用代码), GB 32100-2015: character
// set, registration authority and entity type, region code, the embedded
// GB 11714 organisation code check and the MOD 31 check character.
//
// Some legitimately issued codes fail the checks (codes converted from old
// registrations, individual businesses), so a failed check is a warning that
// asks the applicant to compare with the licence, never a refusal. Only a
// code that cannot be one (length, characters) is an error.
#include <string>
#include <string_view>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
constexpr int kOrgWeights[8] = {3, 7, 9, 10, 5, 8, 4, 2};

int alphabet_value(char c) {
  const size_t i = kAlphabet.find(c);
  return i == std::string_view::npos ? -1 : static_cast<int>(i);
}

// Registration authority (position 1) and entity type (position 2).
//
// `standard`: the table of GB 32100-2015 itself (authorities 1, 5, 9, Y) and
// the rows added by the notices that followed and that every implementation
// we compared lists alike (2, 3, 4, 6, 7, 8, A, N). `standard == false`: rows
// found in one third-party implementation only (later additions such as
// village committees and 境外非政府组织代表机构), kept so that such codes do not
// warn, but not verified against the notices themselves. A pair missing here
// is only a warning (PD_USCC_TYPE_UNKNOWN): the table grows by notice; it
// should move into pack data.
struct TypeRow {
  char authority;
  char type;
  bool standard;
  const char* authority_zh;
  const char* authority_en;
  const char* type_zh;
  const char* type_en;
};

constexpr TypeRow kTypes[] = {
    {'1', '1', true, "机构编制", "institutional staffing", "机关", "government organ"},
    {'1', '2', true, "机构编制", "institutional staffing", "事业单位", "public institution"},
    {'1', '3', true, "机构编制", "institutional staffing", "中央编办直接管理机构编制的群众团体",
     "mass organisation staffed by the central staffing office"},
    {'1', '9', true, "机构编制", "institutional staffing", "其他", "other"},
    {'2', '1', true, "外交", "foreign affairs", "外国常驻新闻机构", "resident foreign news agency"},
    {'2', '9', true, "外交", "foreign affairs", "其他", "other"},
    {'3', '1', true, "司法行政", "justice administration", "律师执业机构", "law firm"},
    {'3', '2', true, "司法行政", "justice administration", "公证处", "notary office"},
    {'3', '3', true, "司法行政", "justice administration", "基层法律服务所",
     "grassroots legal service office"},
    {'3', '4', true, "司法行政", "justice administration", "司法鉴定机构",
     "forensic appraisal institution"},
    {'3', '5', true, "司法行政", "justice administration", "仲裁委员会", "arbitration commission"},
    {'3', '6', false, "司法行政", "justice administration", "商事调解组织",
     "commercial mediation organisation"},
    {'3', '9', true, "司法行政", "justice administration", "其他", "other"},
    {'4', '1', true, "文化", "culture", "外国在华文化中心", "foreign cultural centre in China"},
    {'4', '9', true, "文化", "culture", "其他", "other"},
    {'5', '1', true, "民政", "civil affairs", "社会团体", "social organisation"},
    {'5', '2', true, "民政", "civil affairs", "民办非企业单位", "private non-enterprise unit"},
    {'5', '3', true, "民政", "civil affairs", "基金会", "foundation"},
    {'5', '4', false, "民政", "civil affairs", "村民委员会", "villagers' committee"},
    {'5', '5', false, "民政", "civil affairs", "居民委员会", "residents' committee"},
    {'5', '9', true, "民政", "civil affairs", "其他", "other"},
    {'6', '1', true, "旅游", "tourism", "外国旅游部门常驻代表机构",
     "resident office of a foreign tourism authority"},
    {'6', '2', true, "旅游", "tourism", "港澳台地区旅游部门常驻内地（大陆）代表机构",
     "resident office of a Hong Kong, Macao or Taiwan tourism authority"},
    {'6', '9', true, "旅游", "tourism", "其他", "other"},
    {'7', '1', true, "宗教", "religious affairs", "宗教活动场所", "venue for religious activities"},
    {'7', '2', true, "宗教", "religious affairs", "宗教院校", "religious school"},
    {'7', '9', true, "宗教", "religious affairs", "其他", "other"},
    {'8', '1', true, "工会", "trade unions", "基层工会", "grassroots trade union"},
    {'8', '2', false, "工会", "trade unions", "非法人工会组织",
     "trade union without legal personality"},
    {'8', '9', true, "工会", "trade unions", "其他", "other"},
    {'9', '1', true, "工商", "industry and commerce (market regulation)", "企业", "enterprise"},
    {'9', '2', true, "工商", "industry and commerce (market regulation)", "个体工商户",
     "individual business"},
    {'9', '3', true, "工商", "industry and commerce (market regulation)", "农民专业合作社",
     "farmers' specialised cooperative"},
    {'9', '9', false, "工商", "industry and commerce (market regulation)", "其他", "other"},
    {'A', '1', true, "中央军委改革和编制办公室",
     "Central Military Commission reform and staffing office", "军队事业单位",
     "military public institution"},
    {'A', '9', true, "中央军委改革和编制办公室",
     "Central Military Commission reform and staffing office", "其他", "other"},
    {'G', '1', false, "公安", "public security", "境外非政府组织代表机构",
     "representative office of an overseas NGO"},
    {'G', '9', false, "公安", "public security", "其他", "other"},
    {'J', '1', false, "住房城乡建设", "housing and urban-rural development", "业主大会",
     "homeowners' assembly"},
    {'J', '9', false, "住房城乡建设", "housing and urban-rural development", "其他", "other"},
    {'N', '1', true, "农业", "agriculture", "组级集体经济组织",
     "group-level collective economic organisation"},
    {'N', '2', true, "农业", "agriculture", "村级集体经济组织",
     "village-level collective economic organisation"},
    {'N', '3', true, "农业", "agriculture", "乡镇级集体经济组织",
     "township-level collective economic organisation"},
    {'N', '9', true, "农业", "agriculture", "其他", "other"},
    {'Q', '1', false, "侨联", "federation of returned overseas Chinese", "区县级侨联组织",
     "county-level federation"},
    {'Q', '2', false, "侨联", "federation of returned overseas Chinese", "乡镇级侨联组织",
     "township-level federation"},
    {'Q', '3', false, "侨联", "federation of returned overseas Chinese", "村级侨联组织",
     "village-level federation"},
    {'Q', '9', false, "侨联", "federation of returned overseas Chinese", "其他", "other"},
    {'Y', '1', true, "其他", "other", "其他", "other"},
};

const TypeRow* find_authority(char authority) {
  for (const TypeRow& r : kTypes)
    if (r.authority == authority) return &r;
  return nullptr;
}

const TypeRow* find_type(char authority, char type) {
  for (const TypeRow& r : kTypes)
    if (r.authority == authority && r.type == type) return &r;
  return nullptr;
}

std::string quoted(char c) { return std::string("'") + c + "'"; }

char to_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// A hint for letters the code never uses and the character usually meant.
const char* lookalike(char c) {
  switch (c) {
    case 'O':
      return "0";
    case 'I':
      return "1";
    case 'Z':
      return "2";
    case 'S':
      return "5";
    case 'V':
      return "U";
    default:
      return nullptr;
  }
}

}  // namespace

char credit_code_check_char(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    const int v = alphabet_value(first17[i]);
    if (v < 0) return '\0';
    sum += v * kWeights[i];
  }
  return kAlphabet[static_cast<size_t>((31 - sum % 31) % 31)];
}

char organization_code_check_char(std::string_view first8) {
  if (first8.size() != 8) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 8; ++i) {
    const char c = first8[i];
    int v = 0;
    if (c >= '0' && c <= '9') {
      v = c - '0';
    } else if (c >= 'A' && c <= 'Z') {
      v = c - 'A' + 10;
    } else {
      return '\0';
    }
    sum += v * kOrgWeights[i];
  }
  const int check = 11 - sum % 11;
  return check == 10 ? 'X' : check == 11 ? '0' : static_cast<char>('0' + check);
}

Checked<CreditCode> validate_credit_code(std::string_view input, std::string_view path,
                                         const DivisionCodePredicate& known_division) {
  Checked<CreditCode> out;
  out.normalized = normalize_identifier_text(input);
  std::string& code = out.normalized;
  for (char& c : code) c = to_upper(c);  // after NFKC the code is ASCII; letters are upper case
  const std::string p(path);

  // Errors: a text that cannot be a code.
  const size_t length = detail::count_code_points(code);
  if (length != 18) {
    std::string zh = "统一社会信用代码应为 18 位，当前为 " + std::to_string(length) + " 位";
    std::string en =
        "a unified social credit code has 18 characters, not " + std::to_string(length);
    if (length == 15) {
      zh += "（15 位的是旧版营业执照注册号，请填写新版营业执照上的 18 位代码）";
      en +=
          " (15 characters is an old business registration number: enter the 18-character "
          "code on the current licence)";
    }
    out.issues.push_back(make_issue(Code::UsccInvalid, p, std::move(zh), std::move(en)));
    return out;
  }
  for (size_t i = 0; i < 18; ++i) {
    const char c = code[i];
    const std::string pos = std::to_string(i + 1);
    if (alphabet_value(c) < 0) {
      const bool ascii = static_cast<unsigned char>(c) < 0x80;
      const char* hint = ascii ? lookalike(c) : nullptr;
      std::string zh = "统一社会信用代码第 " + pos + " 位" + (ascii ? " " + quoted(c) + " " : "") +
                       "不是允许的字符（数字 0–9 和除 I、O、S、V、Z 以外的大写字母）";
      std::string en = "character " + pos + " of the unified social credit code" +
                       (ascii ? " (" + quoted(c) + ")" : "") +
                       " is not allowed (digits 0-9 and capital letters except I, O, S, V, Z)";
      if (hint != nullptr) {
        zh += std::string("，是否应为 ") + hint + "？";
        en += std::string("; did you mean ") + hint + "?";
      }
      out.issues.push_back(make_issue(Code::UsccInvalid, p, std::move(zh), std::move(en)));
      return out;
    }
    if (i >= 2 && i <= 7 && (c < '0' || c > '9')) {
      out.issues.push_back(make_issue(
          Code::UsccInvalid, p,
          "统一社会信用代码第 3–8 位是行政区划代码，应为数字，第 " + pos + " 位不是",
          "characters 3-8 of a unified social credit code are a region code of digits; character " +
              pos + " is not a digit"));
      return out;
    }
  }

  // Warnings: checks that some legitimately issued codes fail.
  const char authority = code[0];
  const char type = code[1];
  const TypeRow* row = find_type(authority, type);
  const TypeRow* authority_row = find_authority(authority);
  if (authority_row == nullptr) {
    out.issues.push_back(
        make_issue(Code::UsccTypeUnknown, p,
                   "统一社会信用代码第 1 位（登记管理部门代码）" + quoted(authority) +
                       " 不在已知的登记管理部门之列，请与证照核对",
                   "character 1 of the unified social credit code (registration authority) " +
                       quoted(authority) +
                       " is not a known registration authority: please compare with "
                       "the certificate",
                   Severity::Warning));
  } else if (row == nullptr) {
    out.issues.push_back(
        make_issue(Code::UsccTypeUnknown, p,
                   "统一社会信用代码第 2 位（机构类别代码）" + quoted(type) + " 不是登记管理部门“" +
                       authority_row->authority_zh + "”已知的机构类别，请与证照核对",
                   "character 2 of the unified social credit code (entity type) " + quoted(type) +
                       " is not a known entity type of the registration authority '" +
                       authority_row->authority_en + "': please compare with the certificate",
                   Severity::Warning));
  }

  const std::string_view region = std::string_view(code).substr(2, 6);
  const bool national = region == "100000";  // registered at the national level
  if (!national) {
    if (known_division) {
      if (!known_division(region)) {
        out.issues.push_back(make_issue(
            Code::DivisionCodeUnknown, p,
            "统一社会信用代码第 3–8 位 " + std::string(region) +
                " 不是已知的行政区划代码（GB/T 2260），请与证照核对",
            "characters 3-8 of the unified social credit code, " + std::string(region) +
                ", are not a known administrative division code (GB/T 2260): please compare "
                "with the certificate",
            Severity::Warning));
      }
    } else if (!is_province_code(region.substr(0, 2))) {
      out.issues.push_back(make_issue(
          Code::DivisionCodeUnknown, p,
          "统一社会信用代码第 3–4 位 " + std::string(region.substr(0, 2)) +
              " 不是省级行政区划代码，请与证照核对",
          "characters 3-4 of the unified social credit code, " + std::string(region.substr(0, 2)) +
              ", are not a province code (GB/T 2260): please compare with the certificate",
          Severity::Warning));
    }
  }

  const char org_expected = organization_code_check_char(std::string_view(code).substr(8, 8));
  if (org_expected != code[16]) {
    out.issues.push_back(make_issue(
        Code::UsccChecksum, p,
        "统一社会信用代码中组织机构代码（第 9–17 位）的校验码不符：第 17 位按 GB 11714 应为 " +
            quoted(org_expected) + "，而不是 " + quoted(code[16]) +
            "。部分合法发放的代码也不符合此校验，请与证照逐位核对",
        "the organisation code inside the unified social credit code (characters 9-17) fails "
        "its GB 11714 check: character 17 should be " +
            quoted(org_expected) + ", not " + quoted(code[16]) +
            ". Some legitimately issued codes fail this check: please compare every character "
            "with the certificate",
        Severity::Warning));
  }
  const char expected = credit_code_check_char(std::string_view(code).substr(0, 17));
  if (expected != code[17]) {
    out.issues.push_back(make_issue(
        Code::UsccChecksum, p,
        "统一社会信用代码校验码不符：按前 17 位计算（GB 32100 MOD 31），第 18 位应为 " +
            quoted(expected) + "，而不是 " + quoted(code[17]) +
            "。部分合法发放的代码也不符合此校验，请与证照逐位核对",
        "the unified social credit code's check character does not match: from the first 17 "
        "characters (GB 32100, MOD 31) character 18 should be " +
            quoted(expected) + ", not " + quoted(code[17]) +
            ". Some legitimately issued codes fail this check: please compare every character "
            "with the certificate",
        Severity::Warning));
  }

  CreditCode c;
  c.value = code;
  c.authority = authority;
  c.entity_type = type;
  c.region_code = std::string(region);
  c.organization_code = code.substr(8, 9);
  if (authority_row != nullptr) {
    c.authority_name = Bilingual{authority_row->authority_zh, authority_row->authority_en};
  }
  if (row != nullptr) c.entity_type_name = Bilingual{row->type_zh, row->type_en};
  out.value = std::move(c);
  return out;
}

}  // namespace powerdesk
