// JSON → BillRequest. Every field is checked for presence, type, precision and
// range; all problems are reported together, each with its JSON pointer.
#include "powerdesk/bill_json.hpp"

namespace powerdesk {
namespace {

// More bounds (kMaxKwh, kMaxPower: json_input.hpp) that reject absurd input.
const Energy kMaxReading = Energy::from_int(1'000'000'000'000);
const Money kMaxAmount = Money::from_int(100'000'000'000);
constexpr int kMaxPeriodDays = 366;

std::optional<Energy> kwh(FieldReader& r, const Json& o, std::string_view key, const std::string& path,
                          bool required, bool allow_negative = false) {
  return r.decimal<Energy::scale>(o, key, path, required, allow_negative ? -kMaxKwh : Energy{}, kMaxKwh);
}

std::optional<RegisterReading> reading(FieldReader& r, const Json& o, std::string_view key,
                                       const std::string& path, bool required) {
  const Json* node = r.object(o, key, path, required);
  if (!node) return std::nullopt;
  const std::string p = pointer_join(path, key);
  r.reject_unknown(*node, p, {"start", "end"});
  auto s = r.decimal<Energy::scale>(*node, "start", p, true, Energy{}, kMaxReading);
  auto e = r.decimal<Energy::scale>(*node, "end", p, true, Energy{}, kMaxReading);
  if (!s || !e) return std::nullopt;
  return RegisterReading{*s, *e};
}

std::optional<Period> period(FieldReader& r, const Json& o, const std::string& path,
                             std::string_view from_key, std::string_view to_key) {
  auto s = r.date(o, from_key, path, true);
  auto e = r.date(o, to_key, path, true);
  if (!s || !e) return std::nullopt;
  if (*e < *s) {
    r.add(make_issue(Code::PeriodEndBeforeStart, pointer_join(path, to_key),
                     "结束日期 " + e->iso() + " 早于开始日期 " + s->iso(),
                     "End date " + e->iso() + " is before start date " + s->iso()));
    return std::nullopt;
  }
  return Period{*s, *e};
}

void usage(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* u = r.object(root, "usage", "", false);
  if (!u) return;
  r.reject_unknown(*u, "/usage", {"kwh", "kwh_by_period", "kvarh"});
  Usage out;
  const Json* by = r.object(*u, "kwh_by_period", "/usage", false);
  auto total = kwh(r, *u, "kwh", "/usage", false);
  if (by && total) {
    r.add(make_issue(Code::UsageConflict, "/usage", "kwh 与 kwh_by_period 只能给出一个",
                     "Give kwh or kwh_by_period, not both"));
  } else if (by) {
    read_kwh_by_period(r, *by, "/usage/kwh_by_period", out);
  } else if (total) {
    out.kwh[static_cast<size_t>(TouPeriod::Flat)] = *total;
  } else if (!u->contains("kwh")) {  // a kwh that failed to parse is already reported
    r.add(make_issue(Code::UsageMissing, "/usage", "usage 需要 kwh 或 kwh_by_period",
                     "usage needs kwh or kwh_by_period"));
  }
  out.kvarh = kwh(r, *u, "kvarh", "/usage", false);
  req.usage = out;
}

void meters(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* ms = r.array(root, "meters", "", false);
  if (!ms) return;
  if (ms->empty()) {
    r.add(make_issue(Code::UsageMissing, "/meters", "meters 为空", "meters is empty"));
  }
  bool has_main = false;
  for (size_t i = 0; i < ms->size(); ++i) {
    const Json& m = (*ms)[i];
    const std::string p = pointer_join("/meters", i);
    if (!m.is_object()) {
      r.add(make_issue(Code::FieldType, p, "电能表须为对象", "A meter must be an object"));
      continue;
    }
    r.reject_unknown(m, p, {"id", "role", "tariff", "multiplier", "digits", "registers", "reactive",
                            "reactive_export", "transformer_loss"});
    Meter meter;
    meter.path = p;
    meter.id = r.string(m, "id", p, false).value_or(std::to_string(i + 1));
    const std::string role = r.string(m, "role", p, false).value_or("main");
    if (role == "sub") {
      meter.is_sub = true;
      meter.sub_tariff = r.string(m, "tariff", p, true).value_or("");
    } else if (role != "main") {
      r.add(make_issue(Code::EnumInvalid, pointer_join(p, "role"), "role 应为 main 或 sub",
                       "role must be main or sub"));
    }
    has_main = has_main || !meter.is_sub;
    meter.multiplier = r.decimal<Multiplier::scale>(m, "multiplier", p, false, Multiplier::from_units(1),
                                                    Multiplier::from_int(1'000'000))
                           .value_or(Multiplier::from_int(1));
    meter.digits = static_cast<int>(r.integer(m, "digits", p, false, 1, 12).value_or(0));
    // A separate reactive meter (无功表) has no active registers.
    const bool reactive_only = !m.contains("registers") && (m.contains("reactive") || m.contains("reactive_export"));
    if (const Json* regs = r.object(m, "registers", p, !reactive_only)) {
      const std::string rp = pointer_join(p, "registers");
      for (auto it = regs->begin(); it != regs->end(); ++it) {
        auto per = tou_period_from_code(it.key());
        if (!per) {
          r.add(make_issue(Code::TouPeriodUnknown, pointer_join(rp, it.key()), "未知时段 " + it.key(),
                           "Unknown TOU period " + it.key()));
          continue;
        }
        meter.registers[static_cast<size_t>(*per)] = reading(r, *regs, it.key(), rp, true);
      }
    }
    meter.reactive = reading(r, m, "reactive", p, false);
    meter.reactive_export = reading(r, m, "reactive_export", p, false);
    if (const Json* loss = r.object(m, "transformer_loss", p, false)) {
      const std::string lp = pointer_join(p, "transformer_loss");
      r.reject_unknown(*loss, lp, {"kwh", "kvarh"});
      meter.loss_kwh = kwh(r, *loss, "kwh", lp, false).value_or(Energy{});
      meter.loss_kvarh = kwh(r, *loss, "kvarh", lp, false).value_or(Energy{});
    }
    req.meters.push_back(std::move(meter));
  }
  if (!ms->empty() && !has_main) {
    r.add(make_issue(Code::UsageMissing, "/meters", "至少需要一块总表（role 为 main）",
                     "At least one main meter (role main) is required"));
  }
}

void residential(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* o = r.object(root, "residential", "", false);
  if (!o) return;
  const std::string p = "/residential";
  r.reject_unknown(*o, p, {"carry_in_kwh", "household_size", "low_income", "shared_meter",
                           "elect_shared_meter_price"});
  ResidentialInput& in = req.residential;
  in.carry_in_kwh = kwh(r, *o, "carry_in_kwh", p, false).value_or(Energy{});
  in.household_size = static_cast<int>(r.integer(*o, "household_size", p, false, 1, 50).value_or(0));
  in.low_income = r.boolean(*o, "low_income", p, false).value_or(false);
  in.shared_meter = r.boolean(*o, "shared_meter", p, false).value_or(false);
  in.elect_shared_meter_price = r.boolean(*o, "elect_shared_meter_price", p, false).value_or(false);
}

void demand(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* o = r.object(root, "demand", "", false);
  if (!o) return;
  const std::string p = "/demand";
  r.reject_unknown(*o, p, {"basis", "contract_kw", "max_demand_kw", "suspensions"});
  DemandInput d;
  if (auto basis = r.string(*o, "basis", p, true)) {
    if (auto b = demand_basis_from_code(*basis)) d.basis = *b;
    else r.add(make_issue(Code::EnumInvalid, p + "/basis", "basis 应为 capacity、contract_demand 或 actual_demand",
                          "basis must be capacity, contract_demand or actual_demand"));
  }
  d.contract_kw = r.decimal<Power::scale>(*o, "contract_kw", p, false, Power{}, kMaxPower);
  d.max_demand_kw = r.decimal<Power::scale>(*o, "max_demand_kw", p, false, Power{}, kMaxPower);
  if (const Json* ss = r.array(*o, "suspensions", p, false)) {
    for (size_t i = 0; i < ss->size(); ++i) {
      const std::string sp = pointer_join(p + "/suspensions", i);
      r.reject_unknown((*ss)[i], sp, {"kva", "from", "to"});
      auto kva = r.decimal<Power::scale>((*ss)[i], "kva", sp, true, Power::from_units(1), kMaxPower);
      auto per = period(r, (*ss)[i], sp, "from", "to");
      if (kva && per) d.suspensions.push_back({*kva, *per});
    }
    if (!ss->empty() && d.basis != DemandBasis::Capacity) {
      r.add(make_issue(Code::UsageConflict, p + "/suspensions",
                       "暂停/减容减免按容量计收基本电费时适用；按需量计费请直接申报合同需量",
                       "Suspension exemptions apply to capacity billing; on demand billing declare the contract demand instead"));
    }
  }
  req.demand = d;
}

void splits(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* ss = r.array(root, "splits", "", false);
  if (!ss) return;
  for (size_t i = 0; i < ss->size(); ++i) {
    const std::string p = pointer_join("/splits", i);
    r.reject_unknown((*ss)[i], p, {"tariff", "ratio", "kwh"});
    Split s;
    s.path = p;
    s.tariff = r.string((*ss)[i], "tariff", p, true).value_or("");
    s.ratio = r.decimal<Ratio::scale>((*ss)[i], "ratio", p, false, Ratio::from_units(1), Ratio::from_int(1));
    s.kwh = kwh(r, (*ss)[i], "kwh", p, false);
    if (s.ratio.has_value() == s.kwh.has_value()) {
      r.add(make_issue(Code::UsageConflict, p, "定比/定量须给出 ratio 或 kwh 之一",
                       "A split needs exactly one of ratio or kwh"));
      continue;
    }
    req.splits.push_back(std::move(s));
  }
}

void adjustments(FieldReader& r, const Json& root, BillRequest& req) {
  const Json* as = r.array(root, "adjustments", "", false);
  if (!as) return;
  for (size_t i = 0; i < as->size(); ++i) {
    const std::string p = pointer_join("/adjustments", i);
    const Json& a = (*as)[i];
    r.reject_unknown(a, p, {"amount", "kwh", "period", "reason"});
    AdjustmentInput adj;
    adj.path = p;
    adj.amount = r.decimal<Money::scale>(a, "amount", p, false, -kMaxAmount, kMaxAmount);
    adj.kwh = kwh(r, a, "kwh", p, false, /*allow_negative=*/true);
    adj.reason = r.string(a, "reason", p, true).value_or("");
    if (auto per = r.string(a, "period", p, false)) {
      if (auto tp = tou_period_from_code(*per)) adj.period = *tp;
      else r.add(make_issue(Code::TouPeriodUnknown, p + "/period", "未知时段 " + *per, "Unknown TOU period " + *per));
    }
    if (adj.amount.has_value() == adj.kwh.has_value()) {
      r.add(make_issue(Code::UsageConflict, p, "退补须给出 amount 或 kwh 之一",
                       "An adjustment needs exactly one of amount or kwh"));
      continue;
    }
    req.adjustments.push_back(std::move(adj));
  }
}

}  // namespace

bool read_kwh_by_period(FieldReader& r, const Json& node, const std::string& path, Usage& out) {
  bool ok = true;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string p = pointer_join(path, it.key());
    auto per = tou_period_from_code(it.key());
    if (!per) {
      r.add(make_issue(Code::TouPeriodUnknown, p, "未知时段 " + it.key(),
                       "Unknown TOU period " + it.key() + " (sharp, peak, flat, valley, deep_valley)"));
      ok = false;
      continue;
    }
    if (auto e = r.decimal_value<Energy::scale>(*it, p, Energy{}, kMaxKwh)) out.kwh[static_cast<size_t>(*per)] = *e;
    else ok = false;
  }
  return ok;
}

Result<BillRequest> parse_bill_request(const Json& root) {
  Issues issues;
  FieldReader r(issues);
  if (!root.is_object()) {
    return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  }
  r.reject_unknown(root, "", {"region", "tariff", "period", "usage", "meters", "capacity_kva",
                              "residential", "demand", "power_factor", "splits", "adjustments"});
  BillRequest req;
  req.region = r.string(root, "region", "", true).value_or("");
  req.tariff = r.string(root, "tariff", "", true).value_or("");
  if (const Json* p = r.object(root, "period", "", true)) {
    r.reject_unknown(*p, "/period", {"start", "end"});
    if (auto per = period(r, *p, "/period", "start", "end")) {
      req.period = *per;
      if (per->days() > kMaxPeriodDays) {
        r.add(make_issue(Code::PeriodTooLong, "/period",
                         "计费周期 " + std::to_string(per->days()) + " 天，超过 " + std::to_string(kMaxPeriodDays) + " 天",
                         "Billing period of " + std::to_string(per->days()) + " days exceeds " + std::to_string(kMaxPeriodDays)));
      }
    }
  }
  const bool has_usage = root.is_object() && root.contains("usage");
  const bool has_meters = root.is_object() && root.contains("meters");
  if (has_usage && has_meters) {
    r.add(make_issue(Code::UsageConflict, "/usage", "usage 与 meters 只能给出一个",
                     "Give usage or meters, not both"));
  } else if (!has_usage && !has_meters) {
    r.add(make_issue(Code::UsageMissing, "/usage", "缺少用电量：需要 usage 或 meters",
                     "No consumption: give usage or meters"));
  }
  usage(r, root, req);
  meters(r, root, req);
  req.capacity_kva = r.decimal<Power::scale>(root, "capacity_kva", "", false, Power{}, kMaxPower);
  residential(r, root, req);
  demand(r, root, req);
  if (const Json* pf = r.object(root, "power_factor", "", false)) {
    r.reject_unknown(*pf, "/power_factor", {"standard"});
    req.pf_standard = r.string(*pf, "standard", "/power_factor", true);
  }
  splits(r, root, req);
  adjustments(r, root, req);
  if (has_errors(issues)) return issues;
  return req;
}

}  // namespace powerdesk
