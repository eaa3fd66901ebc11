// Loads the national pack's "credit_code_types" section: the registration
// authorities (character 1 of a USCC) and their entity types (character 2),
// GB 32100-2015 and the notices after it.
//
//   "credit_code_types": {"citation": {…}, "authorities": [
//     {"code": "9", "name": {"zh": "工商", "en": "…"}, "types": [
//       {"code": "1", "name": {"zh": "企业", "en": "enterprise"}, "source": "gb32100"}, …]}, …]}
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "identity_pack_sections.hpp"
#include "pack_reader.hpp"

namespace powerdesk::pack_reader {
namespace {

// The GB 32100 alphabet: digits and capitals without I, O, S, V, Z.
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

std::optional<char> code_character(FieldReader& r, const Json& node, const std::string& path) {
  auto code = r.string(node, "code", path, true);
  if (!code) return std::nullopt;
  if (code->size() != 1 || kAlphabet.find((*code)[0]) == std::string_view::npos) {
    invalid(r, pointer_join(path, "code"),
            "代码须为一个统一社会信用代码字符（数字或除 I、O、S、V、Z 外的大写字母）",
            "a code is one character of the credit code alphabet (a digit or a capital letter "
            "other than I, O, S, V, Z)");
    return std::nullopt;
  }
  return (*code)[0];
}

std::optional<CreditCodeTypeSource> source(FieldReader& r, const Json& node,
                                           const std::string& path) {
  auto s = r.string(node, "source", path, true);
  if (!s) return std::nullopt;
  if (*s == "gb32100") return CreditCodeTypeSource::Gb32100;
  if (*s == "notice") return CreditCodeTypeSource::Notice;
  if (*s == "unverified") return CreditCodeTypeSource::Unverified;
  invalid(r, pointer_join(path, "source"), "未知来源 " + *s + "（gb32100、notice、unverified）",
          "unknown source " + *s + " (gb32100, notice, unverified)");
  return std::nullopt;
}

std::optional<CreditCodeTypes::Authority> authority(FieldReader& r, const Json& node,
                                                    const std::string& path) {
  r.reject_unknown(node, path, {"code", "name", "types"});
  auto code = code_character(r, node, path);
  auto name = r.bilingual(node, "name", path, true);
  const Json* types = r.array(node, "types", path, true);
  if (!code || !name || types == nullptr) return std::nullopt;
  CreditCodeTypes::Authority a{*code, *name, {}};
  const std::string tp = pointer_join(path, "types");
  if (types->empty()) invalid(r, tp, "机构类别列表为空", "the list of entity types is empty");
  for (size_t i = 0; i < types->size(); ++i) {
    const std::string ip = pointer_join(tp, i);
    const Json& t = (*types)[i];
    r.reject_unknown(t, ip, {"code", "name", "source"});
    auto type_code = code_character(r, t, ip);
    auto type_name = r.bilingual(t, "name", ip, true);
    auto type_source = source(r, t, ip);
    if (!type_code || !type_name || !type_source) continue;
    for (const auto& known : a.types) {
      if (known.code == *type_code) {
        invalid(r, pointer_join(ip, "code"), std::string("机构类别代码重复：") + *type_code,
                std::string("entity type listed twice: ") + *type_code);
      }
    }
    a.types.push_back({*type_code, *type_name, *type_source});
  }
  return a;
}

}  // namespace

void credit_code_types(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "credit_code_types", "", false);
  if (node == nullptr) return;
  const std::string p = "/credit_code_types";
  if (pack.region != "national") {
    invalid(r, p, "统一社会信用代码类别表只属于全国规则包",
            "credit_code_types belongs in the national pack");
    return;
  }
  const size_t issues_before = r.issues().size();
  r.reject_unknown(*node, p, {"citation", "authorities"});
  auto cit = citation(r, *node, p, true);
  const Json* list = r.array(*node, "authorities", p, true);
  if (list == nullptr) return;
  CreditCodeTypes table;
  const std::string ap = pointer_join(p, "authorities");
  if (list->empty())
    invalid(r, ap, "登记管理部门列表为空", "the list of registration authorities is empty");
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string ip = pointer_join(ap, i);
    auto a = authority(r, (*list)[i], ip);
    if (!a) continue;
    if (table.authority(a->code) != nullptr) {
      invalid(r, pointer_join(ip, "code"), std::string("登记管理部门代码重复：") + a->code,
              std::string("registration authority listed twice: ") + a->code);
    }
    table.authorities.push_back(std::move(*a));
  }
  if (r.issues().size() != issues_before || !cit) return;
  table.citation = std::move(*cit);
  pack.credit_code_types = std::make_shared<const CreditCodeTypes>(std::move(table));
}

}  // namespace powerdesk::pack_reader
