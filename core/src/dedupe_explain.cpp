// Why two records match, in words: each field and how it compared, then the
// total against the threshold. Values never appear — only field names and
// the kind of agreement — so an explanation may go into any log.
#include <string>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe {
namespace {

Bilingual phrase(Field f, How how) {
  const Bilingual l = field_label(f);
  switch (how) {
    case How::Missing: return {l.zh + "缺失（至少一方未填）", l.en + " missing on at least one side"};
    case How::Equal: return {l.zh + "一致", l.en + " equal"};
    case How::SamePinyin: return {l.zh + "同音不同字（拼音相同）", l.en + ": same pinyin, different characters"};
    case How::OneEdit: return {l.zh + "相差一个字符", l.en + ": one character differs"};
    case How::TwoEdits: return {l.zh + "相差两个字符", l.en + ": two characters differ"};
    case How::SameLocalNumber:
      return {l.zh + "本地号码相同（一方缺区号）", l.en + ": same local number, area code on one side only"};
    case How::SameAddress:
      return {l.zh + "规范化后相同（路名、门牌、楼栋、单元、房号一致）",
              l.en + ": the same once normalised (road, number, building, unit, room)"};
    case How::SameAddressLessDetail:
      return {l.zh + "无矛盾，一方更详细", l.en + ": nothing disagrees, one side gives fewer parts"};
    case How::SameBuildingOtherRoom:
      return {l.zh + "为同一楼栋的不同房间（邻居）", l.en + ": same building, a different room (a neighbour)"};
    case How::SameRoadOtherNumber:
      return {l.zh + "为同一道路的不同门牌", l.en + ": same road, a different house number"};
    case How::OtherDivision:
      return {l.zh + "所属省、市或区县不同", l.en + ": a different province, city or district"};
    case How::Different: return {l.zh + "不同", l.en + " differs"};
  }
  return {l.zh + "不同", l.en + " differs"};
}

}  // namespace

Bilingual explain(const PairScore& score, int threshold) {
  const bool duplicate = score.total >= threshold;
  Bilingual out;
  out.zh = "总分 " + std::to_string(score.total) + "‰（阈值 " + std::to_string(threshold) + "‰，" +
           (duplicate ? "判定为重复" : "不判定为重复") + "）：";
  out.en = "Total " + std::to_string(score.total) + "‰ (threshold " + std::to_string(threshold) + "‰: " +
           (duplicate ? "a duplicate" : "not a duplicate") + "): ";
  for (size_t i = 0; i < kFieldCount; ++i) {
    const Bilingual p = phrase(kFields[i], score.fields[i].how);
    if (i > 0) {
      out.zh += "；";
      out.en += "; ";
    }
    out.zh += p.zh;
    out.en += p.en;
  }
  out.zh += "。";
  out.en += ".";
  return out;
}

}  // namespace powerdesk::dedupe
