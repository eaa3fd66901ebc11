// Loads one rule pack: top-level fields, TOU schedules, PF/late-payment
// sections and national data. Tariffs are read by tariff_loader.cpp.
// A pack with any error is refused whole.
#include <algorithm>
#include <cstdio>
#include <set>

#include "identity_pack_sections.hpp"
#include "pack_reader.hpp"
#include "quote_pack_sections.hpp"
#include "powerdesk/eligibility.hpp"

namespace powerdesk {
namespace pr = pack_reader;
namespace {

std::string fnv1a_hex(std::string_view bytes) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// "08:00" → 480; "24:00" allowed as an end.
std::optional<int> minute_of_day(const std::string& s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (size_t i : {0u, 1u, 3u, 4u})
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
  const int h = (s[0] - '0') * 10 + (s[1] - '0');
  const int m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<TouSeason> season(FieldReader& r, const Json& node, const std::string& path) {
  r.reject_unknown(node, path, {"months", "windows"});
  TouSeason s;
  auto ms = pr::months(r, node, path);
  const Json* ws = r.array(node, "windows", path, true);
  if (!ms || !ws) return std::nullopt;
  s.months = *ms;
  std::vector<int> cover(1440, 0);
  const std::string wp = pointer_join(path, "windows");
  for (size_t i = 0; i < ws->size(); ++i) {
    const std::string ip = pointer_join(wp, i);
    r.reject_unknown((*ws)[i], ip, {"period", "from", "to"});
    auto code = r.string((*ws)[i], "period", ip, true);
    auto from = r.string((*ws)[i], "from", ip, true);
    auto to = r.string((*ws)[i], "to", ip, true);
    if (!code || !from || !to) return std::nullopt;
    auto per = pr::period(r, *code, pointer_join(ip, "period"));
    auto f = minute_of_day(*from);
    auto t = minute_of_day(*to);
    if (!per) return std::nullopt;
    if (!f || !t || *f == 1440 || *f == *t) {
      pr::invalid(r, ip, "时段起止时间无效（HH:MM，起止不同）", "window times must be HH:MM and differ");
      return std::nullopt;
    }
    // A window that wraps midnight is stored as two.
    if (*t > *f) {
      s.windows.push_back({*per, *f, *t});
    } else {
      s.windows.push_back({*per, *f, 1440});
      if (*t > 0) s.windows.push_back({*per, 0, *t});
    }
  }
  for (const TouWindow& w : s.windows)
    for (int m = w.from_minute; m < w.to_minute; ++m) ++cover[static_cast<size_t>(m)];
  for (int m = 0; m < 1440; ++m) {
    if (cover[static_cast<size_t>(m)] != 1) {
      char at[24];
      std::snprintf(at, sizeof at, "%02d:%02d", m / 60, m % 60);
      pr::invalid(r, wp, std::string(at) + (cover[static_cast<size_t>(m)] ? " 被多个时段覆盖" : " 未被任何时段覆盖"),
                  std::string(at) + (cover[static_cast<size_t>(m)] ? " is in more than one window" : " is in no window"));
      return std::nullopt;
    }
  }
  std::sort(s.windows.begin(), s.windows.end(),
            [](const TouWindow& a, const TouWindow& b) { return a.from_minute < b.from_minute; });
  return s;
}

void schedules(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "tou_schedules", "", false);
  if (!node) return;
  for (auto it = node->begin(); it != node->end(); ++it) {
    const std::string p = pointer_join("/tou_schedules", it.key());
    if (!it->is_object()) {
      pr::invalid(r, p, "分时表须为对象", "a TOU schedule must be an object");
      continue;
    }
    r.reject_unknown(*it, p, {"label", "seasons"});
    TouSchedule sched;
    sched.code = it.key();
    auto label = r.bilingual(*it, "label", p, true);
    const Json* seasons = r.array(*it, "seasons", p, true);
    if (!label || !seasons) continue;
    sched.label = *label;
    std::set<int> months;
    for (size_t i = 0; i < seasons->size(); ++i) {
      auto s = season(r, (*seasons)[i], pointer_join(pointer_join(p, "seasons"), i));
      if (!s) continue;
      for (int m : s->months) {
        if (!months.insert(m).second)
          pr::invalid(r, pointer_join(pointer_join(p, "seasons"), i),
                      "月份 " + std::to_string(m) + " 属于多个季节",
                      "month " + std::to_string(m) + " is in more than one season");
      }
      sched.seasons.push_back(std::move(*s));
    }
    if (months.size() != 12)
      pr::invalid(r, pointer_join(p, "seasons"), "季节须覆盖全部 12 个月", "seasons must cover all 12 months");
    pack.tou_schedules.emplace(sched.code, std::move(sched));
  }
}

void rounding(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "rounding", "", false);
  if (!node) return;
  r.reject_unknown(*node, "/rounding", {"line_amount", "tou_price", "allocation_decimals"});
  auto mode = [&](std::string_view key, Rounding& out) {
    if (auto s = r.string(*node, key, "/rounding", false)) {
      if (auto m = rounding_from_name(*s)) out = *m;
      else pr::invalid(r, pointer_join("/rounding", key), "未知舍入方式 " + *s,
                       "unknown rounding mode " + *s + " (half_up, half_even, down, up)");
    }
  };
  mode("line_amount", pack.rounding.line_amount);
  mode("tou_price", pack.rounding.tou_price);
  pack.rounding.allocation_decimals =
      static_cast<int>(r.integer(*node, "allocation_decimals", "/rounding", false, 0, 3).value_or(0));
}

void power_factor(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "power_factor", "", false);
  if (!node) return;
  const std::string p = "/power_factor";
  r.reject_unknown(*node, p, {"base_components", "penalty_only", "citation"});
  PowerFactorRules rules;
  if (const Json* base = r.array(*node, "base_components", p, true)) {
    for (size_t i = 0; i < base->size(); ++i) {
      if (!(*base)[i].is_string()) {
        pr::invalid(r, pointer_join(pointer_join(p, "base_components"), i), "须为字符串", "must be a string");
        continue;
      }
      rules.base_components.push_back((*base)[i].get<std::string>());
    }
  }
  rules.penalty_only = r.boolean(*node, "penalty_only", p, false).value_or(false);
  auto cit = pr::citation(r, *node, p, true);
  if (cit) rules.citation = *cit;
  pack.power_factor = std::move(rules);
}

void late_payment(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "late_payment", "", false);
  if (!node) return;
  const std::string p = "/late_payment";
  r.reject_unknown(*node, p, {"residential_daily", "non_residential_current_year",
                              "non_residential_cross_year", "minimum", "citation"});
  auto daily = [&](std::string_view key) {
    return r.decimal<Ratio::scale>(*node, key, p, true, Ratio::from_int(0), Ratio::from_int(1));
  };
  auto res = daily("residential_daily");
  auto cur = daily("non_residential_current_year");
  auto cross = daily("non_residential_cross_year");
  auto min = r.decimal<Money::scale>(*node, "minimum", p, true, Money::from_int(0), Money::from_int(1000));
  auto cit = pr::citation(r, *node, p, true);
  if (res && cur && cross && min && cit) pack.late_payment = LatePaymentRules{*res, *cur, *cross, *min, *cit};
}

void calendar(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "calendar", "", false);
  if (!node) return;
  const std::string p = "/calendar";
  r.reject_unknown(*node, p, {"holidays", "workdays", "citation"});
  pr::citation(r, *node, p, true);
  auto dates = [&](std::string_view key, bool holiday) {
    const Json* a = r.array(*node, key, p, true);
    if (!a) return;
    for (size_t i = 0; i < a->size(); ++i) {
      const std::string ip = pointer_join(pointer_join(p, key), i);
      auto d = (*a)[i].is_string() ? Date::parse((*a)[i].get<std::string>()) : std::nullopt;
      if (!d) {
        r.add(make_issue(Code::DateInvalid, ip, "日期无效", "invalid date"));
        continue;
      }
      if (holiday) pack.calendar.add_holiday(*d);
      else pack.calendar.add_workday(*d);
    }
  };
  dates("holidays", true);
  dates("workdays", false);
}

void pf_tables(FieldReader& r, const Json& root, RulePack& pack) {
  const Json* node = r.object(root, "power_factor_tables", "", false);
  if (!node) return;
  for (auto it = node->begin(); it != node->end(); ++it) {
    const std::string p = pointer_join("/power_factor_tables", it.key());
    const Json* segs = it->is_object() ? r.array(*it, "segments", p, true) : nullptr;
    if (!segs) {
      pr::invalid(r, p, "须包含 segments 数组", "needs a segments array");
      continue;
    }
    r.reject_unknown(*it, p, {"segments", "citation"});
    pr::citation(r, *it, p, true);
    PfTable table;
    table.standard = it.key();
    std::vector<int> cover(101, 0);
    for (size_t i = 0; i < segs->size(); ++i) {
      const std::string sp = pointer_join(pointer_join(p, "segments"), i);
      const Json& s = (*segs)[i];
      r.reject_unknown(s, sp, {"min", "max", "at_max_percent", "step_percent"});
      auto pf = [&](std::string_view key) {
        return r.decimal<2>(s, key, sp, true, Fixed<2>::from_int(0), Fixed<2>::from_int(1));
      };
      auto lo = pf("min");
      auto hi = pf("max");
      auto at = pr::ratio(r, s, "at_max_percent", sp, true);
      auto step = pr::ratio(r, s, "step_percent", sp, true);
      if (!lo || !hi || !at || !step) continue;
      if (*lo > *hi) {
        pr::invalid(r, sp, "min 大于 max", "min is above max");
        continue;
      }
      for (int64_t v = lo->units(); v <= hi->units(); ++v) ++cover[static_cast<size_t>(v)];
      table.segments.push_back({static_cast<int>(lo->units()), static_cast<int>(hi->units()), *at, *step});
    }
    for (int v = 0; v <= 100; ++v) {
      if (cover[static_cast<size_t>(v)] != 1) {
        pr::invalid(r, pointer_join(p, "segments"),
                    "功率因数 " + Fixed<2>::from_units(v).str(2) + (cover[static_cast<size_t>(v)] ? " 重复" : " 缺失"),
                    "power factor " + Fixed<2>::from_units(v).str(2) + (cover[static_cast<size_t>(v)] ? " is covered twice" : " is not covered"));
        break;
      }
    }
    pack.pf_tables.emplace(table.standard, std::move(table));
  }
}

}  // namespace

Result<std::shared_ptr<const RulePack>> load_pack(std::string_view text, const std::string& file) {
  auto parsed = parse_json_exact(text);
  Issues issues;
  auto finish = [&](Issues list) -> Result<std::shared_ptr<const RulePack>> {
    for (Issue& i : list) i.file = file;
    return list;
  };
  if (!parsed.ok()) return finish(parsed.issues());
  const Json& root = parsed.value();
  FieldReader r(issues);
  if (!root.is_object()) {
    pr::invalid(r, "", "顶层须为对象", "the top level must be an object");
    return finish(issues);
  }
  r.reject_unknown(root, "", {"$schema", "id", "region", "region_name", "version", "effective",
                              "division", "divisions", "credit_code_types",
                              "assumptions", "rounding", "tou_schedules", "tariffs",
                              "power_factor", "late_payment", "calendar", "power_factor_tables",
                              "parameters", "decision_tables", "businesses", "star_services",
                              "application_forms", "load_profiles", "plan_groups", "charging",
                              "charging_tariffs", "substitution", "pv"});
  auto pack = std::make_shared<RulePack>();
  pack->file = file;
  pack->content_hash = fnv1a_hex(text);
  auto id = r.string(root, "id", "", true);
  auto region = r.string(root, "region", "", true);
  auto name = r.bilingual(root, "region_name", "", true);
  auto version = r.string(root, "version", "", true);
  const Json* eff = r.object(root, "effective", "", true);
  if (eff) {
    r.reject_unknown(*eff, "/effective", {"from", "to"});
    auto from = r.date(*eff, "from", "/effective", true);
    auto to = r.date(*eff, "to", "/effective", true);
    if (from && to) {
      if (*to < *from) {
        r.add(make_issue(Code::PeriodEndBeforeStart, "/effective/to", "生效结束日早于开始日",
                         "effective.to is before effective.from"));
      }
      pack->effective = Period{*from, *to};
    }
  }
  // Ids and regions name files and appear in every bill: keep them plain.
  auto plain = [](const std::string& v) {
    return !v.empty() && v.size() <= 64 && std::all_of(v.begin(), v.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    });
  };
  if (id && !plain(*id)) pr::invalid(r, "/id", "编号只能含小写字母、数字、-、_、.", "id must be lower-case letters, digits, - _ or .");
  if (region && !plain(*region)) pr::invalid(r, "/region", "地区代码只能含小写字母、数字、-、_、.", "region must be lower-case letters, digits, - _ or .");
  if (id) pack->id = *id;
  if (region) pack->region = *region;
  if (name) pack->region_name = *name;
  if (version) pack->version = *version;
  if (const Json* as = r.array(root, "assumptions", "", false)) {
    for (size_t i = 0; i < as->size(); ++i) {
      const std::string ap = pointer_join("/assumptions", i);
      r.reject_unknown((*as)[i], ap, {"zh", "en"});
      auto zh = r.string((*as)[i], "zh", ap, true);
      auto en = r.string((*as)[i], "en", ap, true);
      if (zh && en) pack->assumptions.push_back({*zh, *en});
    }
  }
  rounding(r, root, *pack);
  schedules(r, root, *pack);
  if (const Json* tariffs = r.object(root, "tariffs", "", false)) {
    for (auto it = tariffs->begin(); it != tariffs->end(); ++it) {
      auto t = pr::tariff(r, *it, it.key(), pointer_join("/tariffs", it.key()), *pack);
      if (t) pack->tariffs.emplace(it.key(), std::move(*t));
    }
  }
  power_factor(r, root, *pack);
  late_payment(r, root, *pack);
  calendar(r, root, *pack);
  pf_tables(r, root, *pack);
  pr::division(r, root, *pack);
  pr::divisions(r, root, *pack);
  pr::credit_code_types(r, root, *pack);
  if (const Json* params = r.object(root, "parameters", "", false))
    pack->parameters = decision::read_parameters(r, *params, "/parameters");
  if (const Json* tables = r.object(root, "decision_tables", "", false))
    pack->decision_tables = decision::read_tables(r, *tables, "/decision_tables", pack->parameters);
  check_table_contracts(r, pack->decision_tables, "/decision_tables");
  pr::businesses(r, root, *pack);
  pr::star_services(r, root, *pack);
  pr::application_forms(r, root, *pack);
  pr::load_profiles(r, root, *pack);
  pr::plan_groups(r, root, *pack);
  pr::charging(r, root, *pack);
  pr::substitution(r, root, *pack);
  pr::pv(r, root, *pack);
  const bool national = pack->region == "national";
  if (!national && pack->tariffs.empty() && !has_errors(issues)) {
    pr::invalid(r, "/tariffs", "地区规则包至少需要一个电价", "a regional pack needs at least one tariff");
  }
  if (!national && (root.contains("calendar") || root.contains("power_factor_tables"))) {
    pr::invalid(r, root.contains("calendar") ? "/calendar" : "/power_factor_tables",
                "节假日与功率因数表只属于全国规则包", "calendar and power_factor_tables belong in the national pack");
  }
  if (national && !pack->tariffs.empty()) {
    pr::invalid(r, "/tariffs", "全国规则包不含电价", "the national pack holds no tariffs");
  }
  if (pack->power_factor) {
    // Every code in the PF base must be "basic" or a component some tariff prices.
    const auto& base = pack->power_factor->base_components;
    for (size_t i = 0; i < base.size(); ++i) {
      bool known = base[i] == "basic";
      for (const auto& [code, t] : pack->tariffs) {
        if (const auto* c = std::get_if<ComponentTariff>(&t.rules)) {
          for (const auto& comp : c->components) known = known || comp.code == base[i];
        }
      }
      if (!known) {
        pr::invalid(r, pointer_join("/power_factor/base_components", i), "未知电价构成 " + base[i],
                    "unknown component " + base[i]);
      }
    }
  }
  if (has_errors(issues)) return finish(issues);
  return std::shared_ptr<const RulePack>(std::move(pack));
}

}  // namespace powerdesk
