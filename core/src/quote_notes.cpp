// What every quote says about itself: that it is an estimate, the packs it
// used with their versions and effective dates, and its assumptions.
#include <algorithm>

#include "quote_internal.hpp"

namespace powerdesk::quote_detail {

void QuoteNotes::use(const RulePack* pack) {
  if (pack && std::find(packs_.begin(), packs_.end(), pack) == packs_.end()) packs_.push_back(pack);
}

void QuoteNotes::assume(std::string zh, std::string en) {
  assume(Bilingual{std::move(zh), std::move(en)});
}

void QuoteNotes::assume(const Bilingual& text) {
  const bool seen = std::any_of(assumptions_.begin(), assumptions_.end(),
                                [&](const Bilingual& a) { return a.zh == text.zh && a.en == text.en; });
  if (!seen) assumptions_.push_back(text);
}

Json QuoteNotes::render() const {
  Json packs = Json::array();
  for (const RulePack* p : packs_)
    packs.push_back({{"id", p->id},
                     {"region", p->region},
                     {"version", p->version},
                     {"effective", {{"from", p->effective.start.iso()}, {"to", p->effective.end.iso()}}},
                     {"content_hash", p->content_hash}});
  Json assumptions = Json::array();
  for (const Bilingual& a : assumptions_) assumptions.push_back(bilingual_json(a));
  return Json{{"estimate", true},
              {"notice", {{"zh", "本结果为估算，依据所列规则包及假设；实际电费以供电企业出具的账单为准。"},
                          {"en", "This is an estimate from the listed rule packs and assumptions; the bill "
                                 "issued by the utility is what you pay."}}},
              {"packs", packs},
              {"assumptions", assumptions}};
}

}  // namespace powerdesk::quote_detail
