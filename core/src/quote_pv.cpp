// The "pv" quote: a distributed PV project's first-year generation, how much
// is used on site and how much exported, the bill saving, the feed-in
// revenue and the simple payback; the project category of 国能发新能规〔2025〕
// 7号 is checked against the consumption mode and its size/voltage limits.
// Formulas, rounding and sources: docs/quotes-energy.md. Rules come from the
// national and regional packs' "pv" sections (quote_pv_loader.cpp).
#include <optional>
#include <string>

#include "powerdesk/bill_json.hpp"
#include "powerdesk/quote_pv.hpp"
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
namespace {

using Percent = Fixed<2>;
using Years = Fixed<2>;

struct ModeName {
  std::string_view code, zh, en;
};
constexpr ModeName kModes[] = {{"full_export", "全额上网", "full export"},
                               {"surplus_export", "自发自用、余电上网", "self-use with surplus export"},
                               {"full_self_use", "全部自发自用", "all self-used"}};

const ModeName* mode_named(const std::string& code) {
  for (const auto& m : kModes)
    if (m.code == code) return &m;
  return nullptr;
}

bool given(const Json& req, const char* key) { return req.contains(key) && !req[key].is_null(); }

}  // namespace

Result<Quote> pv(const Json& req, const PackRegistry& packs) {
  Issues issues;
  FieldReader r(issues);
  r.reject_unknown(req, "",
                   {"kind", "region", "date", "category", "mode", "capacity_kw", "self_use_percent",
                    "yield_kwh_per_kw", "feed_in_price", "self_use_price", "tariff", "profile", "year",
                    "investment"});
  Quote q;
  auto date = r.date(req, "date", "", true);
  auto region = r.string(req, "region", "", true);
  const RulePack* national = date ? packs.national(*date) : nullptr;
  const PvRules* rules = national ? national->pv.get() : nullptr;
  if (date && (!rules || rules->categories.empty())) {
    r.add(make_issue(Code::QuoteDataMissing, "/date", "没有覆盖 " + date->iso() + " 且含分布式光伏规则的全国规则包",
                     "No national rule pack with distributed-PV rules covers " + date->iso()));
    rules = nullptr;
  }
  const RulePack* regional = nullptr;
  if (region && date) {
    auto p = regional_pack(packs, *region, *date, "/date");
    if (p.ok()) {
      regional = p.value();
    } else {
      for (auto& i : p.issues()) r.add(i);
    }
  }
  const PvRules* local = regional ? regional->pv.get() : nullptr;

  auto category_code = r.string(req, "category", "", true);
  const PvCategory* category = nullptr;
  if (category_code && rules) {
    auto it = rules->categories.find(*category_code);
    if (it == rules->categories.end()) {
      std::string list;
      for (const auto& [c, _] : rules->categories) list += (list.empty() ? "" : ", ") + c;
      r.add(make_issue(Code::EnumInvalid, "/category", "未知项目类别 " + *category_code + "（可选：" + list + "）",
                       "Unknown project category " + *category_code + " (" + list + ")"));
    } else {
      category = &it->second;
    }
  }
  auto mode_code = r.string(req, "mode", "", true);
  const ModeName* mode = nullptr;
  if (mode_code) {
    mode = mode_named(*mode_code);
    if (!mode)
      r.add(make_issue(Code::EnumInvalid, "/mode", "未知消纳模式 " + *mode_code + "（full_export、surplus_export、full_self_use）",
                       "Unknown consumption mode " + *mode_code + " (full_export, surplus_export, full_self_use)"));
  }
  Issues warnings;
  if (category && mode) {
    const PvMode* allowed = nullptr;
    std::string list;
    for (const auto& m : category->modes) {
      if (m.mode == mode->code) allowed = &m;
      list += (list.empty() ? "" : ", ") + m.mode;
    }
    if (!allowed) {
      r.add(make_issue(Code::ModeNotAllowed, "/mode",
                       category->name.zh + "项目不能采用" + std::string(mode->zh) + "模式（可选：" + list + "；" +
                           category->citation.document + "）",
                       "A " + category->name.en + " project may not use " + std::string(mode->en) + " (allowed: " +
                           list + "; " + category->citation.document + ")"));
    } else if (allowed->condition) {
      warnings.push_back(make_issue(Code::ModeNotAllowed, "/mode",
                                    category->name.zh + "项目采用" + std::string(mode->zh) + "的条件：" +
                                        allowed->condition->zh,
                                    "A " + category->name.en + " project may use " + std::string(mode->en) +
                                        " only as follows: " + allowed->condition->en,
                                    Severity::Warning));
    }
  }

  auto capacity = r.decimal<Power::scale>(req, "capacity_kw", "", true, Power::from_units(1), Power::from_int(1000000));
  const PvVoltageStep* connection = nullptr;
  if (capacity && rules) {
    for (const auto& s : rules->voltages)
      if (*capacity <= s.up_to_kw) {
        connection = &s;
        break;
      }
    if (!connection) {
      const Power top = rules->voltages.empty() ? Power{} : rules->voltages.back().up_to_kw;
      r.add(make_issue(Code::NumberOutOfRange, "/capacity_kw",
                       "装机容量超过分布式光伏接入电压表的上限 " + top.str() + " kW",
                       "The capacity exceeds the largest distributed-PV connection step, " + top.str() + " kW"));
    }
    if (category && category->max_capacity_kw && *capacity > *category->max_capacity_kw) {
      r.add(make_issue(Code::NumberOutOfRange, "/capacity_kw",
                       category->name.zh + "项目总装机不超过 " + category->max_capacity_kw->str() + " kW（" +
                           category->citation.document + "）",
                       "A " + category->name.en + " project is at most " + category->max_capacity_kw->str() +
                           " kW (" + category->citation.document + ")"));
    }
  }
  if (connection && category) {
    const bool above = category->max_voltage_v && connection->voltage_v > *category->max_voltage_v;
    const bool below = category->min_voltage_v && connection->voltage_v < *category->min_voltage_v;
    if (above || below) {
      const int limit = above ? *category->max_voltage_v : *category->min_voltage_v;
      warnings.push_back(make_issue(
          Code::NumberOutOfRange, "/capacity_kw",
          "该容量的典型接入电压为" + connection->name.zh + "，" + (above ? "高于" : "低于") + category->name.zh +
              "项目的接入电压" + (above ? "上限 " : "下限 ") + std::to_string(limit) +
              " V：请核对项目类别，接入电压以电网企业接入系统方案为准",
          "The typical connection for this capacity is " + connection->name.en + ", " +
              (above ? "above the highest" : "below the lowest") + " voltage of a " + category->name.en +
              " project (" + std::to_string(limit) +
              " V): check the category; the grid company's access scheme decides the voltage",
          Severity::Warning));
    }
  }

  // Self-use share by mode.
  std::optional<Percent> share;
  const bool has_share = given(req, "self_use_percent");
  if (has_share) share = r.decimal<Percent::scale>(req, "self_use_percent", "", true, Percent::from_int(0), Percent::from_int(100));
  if (mode && mode->code == "full_export") {
    if (share && !share->is_zero())
      r.add(make_issue(Code::NumberOutOfRange, "/self_use_percent", "全额上网模式的自用比例须为 0",
                       "self_use_percent must be 0 for full export"));
    share = Percent::from_int(0);
  } else if (mode && mode->code == "full_self_use") {
    if (share && *share != Percent::from_int(100))
      r.add(make_issue(Code::NumberOutOfRange, "/self_use_percent", "全部自发自用模式的自用比例须为 100",
                       "self_use_percent must be 100 when all output is self-used"));
    share = Percent::from_int(100);
  } else if (mode && !has_share) {
    r.add(make_issue(Code::FieldMissing, "/self_use_percent", "自发自用余电上网须给出自用比例 self_use_percent（%）",
                     "Self-use with surplus export needs self_use_percent (%)"));
  }

  // Yield and feed-in price: the request's or the region's.
  std::optional<Energy> yield;
  bool yield_from_pack = false;
  if (given(req, "yield_kwh_per_kw")) {
    yield = r.decimal<Energy::scale>(req, "yield_kwh_per_kw", "", true, Energy::from_int(1), Energy::from_int(3000));
  } else if (local && local->yield_kwh_per_kw) {
    yield = local->yield_kwh_per_kw;
    yield_from_pack = true;
  } else if (regional) {
    r.add(make_issue(Code::QuoteDataMissing, "/yield_kwh_per_kw",
                     regional->id + " 没有典型年发电小时数，须给出 yield_kwh_per_kw",
                     regional->id + " has no typical PV yield; give yield_kwh_per_kw"));
  }
  const bool exports = mode && mode->code != "full_self_use";
  const bool self_uses = mode && mode->code != "full_export";
  std::optional<Price> feed_in;
  bool feed_in_from_pack = false;
  if (given(req, "feed_in_price")) {
    feed_in = r.decimal<Price::scale>(req, "feed_in_price", "", true, Price::from_int(0), Price::from_int(100));
  } else if (local && local->feed_in_price) {
    feed_in = local->feed_in_price;
    feed_in_from_pack = true;
  } else if (regional && exports) {
    r.add(make_issue(Code::QuoteDataMissing, "/feed_in_price", regional->id + " 没有上网电价，须给出 feed_in_price",
                     regional->id + " has no feed-in price; give feed_in_price"));
  }

  // Price of a self-used kWh.
  const bool has_price = given(req, "self_use_price");
  const bool has_tariff = given(req, "tariff");
  std::optional<Price> self_price;
  std::optional<std::string> tariff;
  if (has_price && has_tariff) {
    r.add(make_issue(Code::UsageConflict, "/tariff", "self_use_price 与 tariff 只能给出其一",
                     "Give self_use_price or tariff, not both"));
  } else if (has_price) {
    self_price = r.decimal<Price::scale>(req, "self_use_price", "", true, Price::from_int(0), Price::from_int(100));
  } else if (has_tariff) {
    tariff = r.string(req, "tariff", "", true);
  } else if (self_uses) {
    r.add(make_issue(Code::FieldMissing, "/self_use_price",
                     "自发自用须给出自用电量的电价 self_use_price（元/kWh）或电价类别 tariff",
                     "Self-use needs the price of a self-used kWh: self_use_price (元/kWh) or a tariff"));
  }
  if (!has_tariff && (given(req, "profile") || given(req, "year")))
    r.add(make_issue(Code::FieldUnknown, given(req, "profile") ? "/profile" : "/year",
                     "profile 与 year 只与 tariff 一起使用", "profile and year go with tariff only"));
  auto profile = r.string(req, "profile", "", false);
  auto year = r.integer(req, "year", "", false, 2000, 2100);
  auto investment = r.decimal<Money::scale>(req, "investment", "", true, Money::from_int(0),
                                            Money::from_int(1000000000000));

  if (!issues.empty() || !rules || !regional || !category || !mode || !capacity || !connection || !share ||
      !yield || !investment)
    return issues;

  q.notes.use(national);
  if (yield_from_pack || feed_in_from_pack) q.notes.use(regional);

  // Generation, then the self-used share; exported = the rest, so they add up.
  const Energy generation = multiply<Energy::scale>(*capacity, *yield, Rounding::HalfUp);
  const Energy self_kwh = Energy::from_units(static_cast<int64_t>(
      round_div(static_cast<__int128>(generation.units()) * share->units(), 10000, Rounding::HalfUp)));
  const Energy export_kwh = generation - self_kwh;

  if (tariff && self_kwh.units() > 0) {
    const int y = static_cast<int>(year.value_or(date->year()));
    auto avg = average_price(packs, *region, *tariff, profile.value_or(""), y, self_kwh, q.notes, "/tariff");
    if (!avg.ok()) return avg.issues();
    self_price = avg.value().rescale<Price::scale>();
    // average_price notes the tariff, profile and resulting price itself.
  }
  const Money saving = self_price ? multiply<Money::scale>(self_kwh, *self_price, Rounding::HalfUp) : Money{};
  const Money revenue = feed_in ? multiply<Money::scale>(export_kwh, *feed_in, Rounding::HalfUp) : Money{};
  const Money benefit = saving + revenue;

  Json body;
  body["category"] = *category_code;
  body["category_name"] = bilingual_json(category->name);
  body["mode"] = std::string(mode->code);
  body["mode_name"] = {{"zh", std::string(mode->zh)}, {"en", std::string(mode->en)}};
  body["capacity_kw"] = capacity->str();
  body["connection"] = {{"voltage_v", connection->voltage_v},
                        {"name", bilingual_json(connection->name)},
                        {"citation", citation_json(rules->voltages_citation)}};
  body["yield_kwh_per_kw"] = yield->str();
  body["yield_from"] = yield_from_pack ? "pack" : "request";
  body["annual_generation_kwh"] = generation.str(3);
  body["self_use_percent"] = share->str();
  body["self_used_kwh"] = self_kwh.str(3);
  body["exported_kwh"] = export_kwh.str(3);
  body["self_use_price"] = self_price ? Json(self_price->str()) : Json(nullptr);
  body["feed_in_price"] = feed_in ? Json(feed_in->str()) : Json(nullptr);
  body["feed_in_price_from"] = feed_in ? Json(feed_in_from_pack ? "pack" : "request") : Json(nullptr);
  body["annual_saving"] = saving.str(2);
  body["feed_in_revenue"] = revenue.str(2);
  body["annual_benefit"] = benefit.str(2);
  body["investment"] = investment->str(2);
  if (benefit.units() > 0) {
    body["simple_payback_years"] =
        Years::from_units(static_cast<int64_t>(round_div(static_cast<__int128>(investment->units()) * 100,
                                                         benefit.units(), Rounding::HalfUp)))
            .str(2);
  } else {
    body["simple_payback_years"] = nullptr;
    body["payback_statement"] = {{"zh", "项目每年没有收益，投资不能收回"},
                                 {"en", "The project earns nothing a year, so the investment is never paid back"}};
  }
  body["category_citation"] = citation_json(category->citation);
  if (feed_in_from_pack) body["feed_in_citation"] = citation_json(local->feed_in_citation);
  if (yield_from_pack) body["yield_citation"] = citation_json(local->yield_citation);
  Json w = Json::array();
  for (const Issue& i : warnings) w.push_back(render_issue(i));
  body["warnings"] = w;

  if (yield_from_pack)
    q.notes.assume("年发电量按 " + regional->region_name.zh + "典型首年等效利用小时 " + yield->str() +
                       " kWh/kW 估算（假设值，非引用数据；未计组件衰减、遮挡与限电）",
                   "Generation from a typical first-year yield of " + yield->str() + " kWh/kW in " +
                       regional->region_name.en +
                       " (an assumed value, not cited; no module degradation, shading or curtailment)");
  if (exports && feed_in_from_pack)
    q.notes.assume("上网电量按" + regional->region_name.zh + "燃煤发电基准价 " + feed_in->str() +
                       " 元/kWh 计价；按发改价格〔2025〕136号，2025年6月1日起投产的项目上网电量进入市场，机制电价由省级竞价确定，可能明显更低",
                   "Exported kWh at " + regional->region_name.en + "'s coal benchmark price " + feed_in->str() +
                       " 元/kWh; under 发改价格〔2025〕136号 projects in operation from 2025-06-01 sell into the market "
                       "at a mechanism price set by provincial bidding, possibly much lower");
  q.notes.assume("静态回收期：不计运维费、增值税、组件衰减、贷款与电价变化",
                 "Simple payback: O&M, VAT, module degradation, financing and price changes are ignored");
  q.body = std::move(body);
  return q;
}

}  // namespace powerdesk::quote_detail
