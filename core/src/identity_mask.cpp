// Personal-data masks: the only way resident IDs, phone numbers, names and
// account numbers may reach logs or outputs other than the applicant's form.
//
// Characters are Unicode code points, stepped with ICU's U8_NEXT (the same
// macro in both builds, no data needed). Code points rather than grapheme
// clusters: Chinese names are one code point per character, and a mask that
// shows one '*' too many for a name with a combining mark leaks nothing.
#include <unicode/utf8.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

struct CodePoint {
  std::string_view bytes;
  bool well_formed;
};

std::vector<CodePoint> code_points(std::string_view text) {
  std::vector<CodePoint> out;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    // U+FFFD is what normalisation made of ill-formed input: hidden like it.
    out.push_back({text.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)),
                   c >= 0 && c != 0xFFFD});
  }
  return out;
}

void append(std::string& out, const CodePoint& cp) {
  if (cp.well_formed) {
    out += cp.bytes;
  } else {
    out += '*';  // never copy ill-formed bytes into a log
  }
}

// Keeps `head` code points at the start and `tail` at the end, one '*' for
// each in between; if fewer than 4 would be hidden, masks everything.
std::string mask_middle(std::string_view text, size_t head, size_t tail) {
  const std::vector<CodePoint> cps = code_points(text);
  const size_t n = cps.size();
  std::string out;
  if (n < head + tail + 4) return std::string(n, '*');
  for (size_t i = 0; i < n; ++i) {
    if (i < head || i >= n - tail) {
      append(out, cps[i]);
    } else {
      out += '*';
    }
  }
  return out;
}

// 复姓 from the 百家姓 and in common use today.
constexpr std::string_view kCompoundSurnames[] = {
    "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛",
    "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政", "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容",
    "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "闾丘", "子车", "亓官", "司寇", "巫马",
    "公西", "颛孙", "壤驷", "公良", "漆雕", "乐正", "宰父", "谷梁", "拓跋", "夹谷", "轩辕", "令狐",
    "段干", "百里", "呼延", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "西门", "第五", "南荣",
    "东里", "东宫", "仲长", "子书", "子桑", "即墨", "达奚", "褚师",
};

}  // namespace

std::string mask_resident_id(std::string_view id) {
  std::string text = normalize_identifier_text(id);
  if (!text.empty() && text.back() == 'x') text.back() = 'X';
  return mask_middle(text, 6, 4);
}

std::string mask_phone(std::string_view phone) {
  const Checked<PhoneNumber> checked = validate_phone(phone, "");
  if (!checked.ok()) return mask_middle(checked.normalized, 3, 4);
  const PhoneNumber& n = *checked.value;
  if (n.kind == PhoneKind::Mobile) return n.number.substr(0, 3) + "****" + n.number.substr(7);
  return n.area_code + "-" + std::string(n.number.size() - 4, '*') +
         n.number.substr(n.number.size() - 4);
}

std::string mask_name(std::string_view name) {
  const std::string text = normalize_identifier_text(name);
  const std::vector<CodePoint> cps = code_points(text);
  const size_t n = cps.size();
  if (n <= 1) return std::string(n, '*');  // a one-character name would be shown whole
  size_t keep = 1;
  if (n >= 3 && cps[0].well_formed && cps[1].well_formed) {
    const std::string first_two = std::string(cps[0].bytes) + std::string(cps[1].bytes);
    for (std::string_view s : kCompoundSurnames)
      if (s == first_two) keep = 2;
  }
  std::string out;
  for (size_t i = 0; i < keep; ++i) append(out, cps[i]);
  out.append(n - keep, '*');
  return out;
}

std::string mask_account(std::string_view account) {
  return mask_middle(normalize_identifier_text(account), 0, 4);
}

}  // namespace powerdesk
