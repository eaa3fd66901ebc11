// Unified social credit codes (统一社会信用代码), GB 32100-2015: character
// set, registration authority and entity type, region code, the embedded
// GB 11714 organisation code check and the MOD 31 check character. The
// authority and entity-type table is pack data (CreditCodeTypes, the national
// pack's credit_code_types section).
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

std::string quoted(char c) { return std::string("'") + c + "'"; }

// A check character that does not match: a warning, because some legitimately
// issued codes fail their checks. `zh`/`en` end where the expected character goes.
Issue checksum_warning(const std::string& path, std::string zh, std::string en, char expected, char given) {
  zh += quoted(expected) + "，而不是 " + quoted(given) + "。部分合法发放的代码也不符合此校验，请与证照逐位核对";
  en += quoted(expected) + ", not " + quoted(given) +
        ". Some legitimately issued codes fail this check: please compare every character with the certificate";
  return make_issue(Code::UsccChecksum, path, std::move(zh), std::move(en), Severity::Warning);
}

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
                                         const CreditCodeTypes* types,
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
      // Appended piece by piece: GCC 12 -O3 warns (-Wrestrict, a false
      // positive) on the one-expression form.
      std::string zh = "统一社会信用代码第 " + pos + " 位";
      std::string en = "character " + pos + " of the unified social credit code";
      if (ascii) {
        zh.append(" ").append(quoted(c)).append(" ");
        en.append(" (").append(quoted(c)).append(")");
      }
      zh += "不是允许的字符（数字 0–9 和除 I、O、S、V、Z 以外的大写字母）";
      en += " is not allowed (digits 0-9 and capital letters except I, O, S, V, Z)";
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
  const CreditCodeTypes::Authority* authority_row =
      types != nullptr ? types->authority(authority) : nullptr;
  const CreditCodeTypes::EntityType* row =
      types != nullptr ? types->entity_type(authority, type) : nullptr;
  if (types != nullptr && authority_row == nullptr) {
    out.issues.push_back(
        make_issue(Code::UsccTypeUnknown, p,
                   "统一社会信用代码第 1 位（登记管理部门代码）" + quoted(authority) +
                       " 不在已知的登记管理部门之列，请与证照核对",
                   "character 1 of the unified social credit code (registration authority) " +
                       quoted(authority) +
                       " is not a known registration authority: please compare with "
                       "the certificate",
                   Severity::Warning));
  } else if (authority_row != nullptr && row == nullptr) {
    out.issues.push_back(
        make_issue(Code::UsccTypeUnknown, p,
                   "统一社会信用代码第 2 位（机构类别代码）" + quoted(type) + " 不是登记管理部门“" +
                       authority_row->name.zh + "”已知的机构类别，请与证照核对",
                   "character 2 of the unified social credit code (entity type) " + quoted(type) +
                       " is not a known entity type of the registration authority '" +
                       authority_row->name.en + "': please compare with the certificate",
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
    out.issues.push_back(checksum_warning(
        p, "统一社会信用代码中组织机构代码（第 9–17 位）的校验码不符：第 17 位按 GB 11714 应为 ",
        "the organisation code inside the unified social credit code (characters 9-17) fails "
        "its GB 11714 check: character 17 should be ",
        org_expected, code[16]));
  }
  const char expected = credit_code_check_char(std::string_view(code).substr(0, 17));
  if (expected != code[17]) {
    out.issues.push_back(checksum_warning(
        p, "统一社会信用代码校验码不符：按前 17 位计算（GB 32100 MOD 31），第 18 位应为 ",
        "the unified social credit code's check character does not match: from the first 17 "
        "characters (GB 32100, MOD 31) character 18 should be ",
        expected, code[17]));
  }

  CreditCode c;
  c.value = code;
  c.authority = authority;
  c.entity_type = type;
  c.region_code = std::string(region);
  c.organization_code = code.substr(8, 9);
  if (authority_row != nullptr) c.authority_name = authority_row->name;
  if (row != nullptr) c.entity_type_name = row->name;
  out.value = std::move(c);
  return out;
}

}  // namespace powerdesk
