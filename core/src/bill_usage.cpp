// From what the request says was used to the blocks a bill prices: meter
// readings × multiplier (with register rollover) plus transformer losses,
// minus sub-meters (套减), minus 定比/定量 shares.
#include <algorithm>

#include "bill_internal.hpp"
#include "powerdesk/allocation.hpp"

namespace powerdesk::billing {
namespace {

// The same bound as usage.kwh in a request (10 TWh).
const Energy kMaxMeteredKwh = Energy::from_int(10'000'000'000);

std::optional<Energy> register_energy(const Meter& m, const RegisterReading& r,
                                      const std::string& path, Issues& issues) {
  Energy advance = r.end - r.start;
  if (advance.is_negative()) {
    if (m.digits == 0) {
      issues.push_back(make_issue(
          Code::ReadingBackwards, path,
          "止码 " + r.end.str() + " 小于起码 " + r.start.str() + "，且未给出表位数（digits），无法按翻转处理",
          "End reading " + r.end.str() + " is below start " + r.start.str() +
              " and no register digits were given, so it cannot be a rollover"));
      return std::nullopt;
    }
    // The register passed 10^digits and started again from zero.
    advance += Energy::from_int(pow10_i64(m.digits));
  }
  // Advance × multiplier is bounded before it is formed, so it cannot wrap.
  const __int128 units = static_cast<__int128>(advance.units()) * m.multiplier.units() / Multiplier::one_units;
  if (units > kMaxMeteredKwh.units()) {
    issues.push_back(make_issue(Code::NumberOutOfRange, path,
                                "示数差 × 倍率超过 " + kMaxMeteredKwh.str() + "，请核对示数与倍率",
                                "Reading advance × multiplier exceeds " + kMaxMeteredKwh.str() + "; check the readings and multiplier"));
    return std::nullopt;
  }
  return multiply<Energy::scale>(advance, m.multiplier, Rounding::HalfUp);
}

std::optional<Usage> meter_usage(const Meter& m, Issues& issues) {
  Usage u;
  bool any = false;
  for (TouPeriod p : kAllTouPeriods) {
    const auto& reg = m.registers[static_cast<int>(p)];
    if (!reg) continue;
    auto e = register_energy(m, *reg, m.path + "/registers/" + std::string(tou_period_code(p)), issues);
    if (!e) return std::nullopt;
    u.kwh[static_cast<int>(p)] = *e;
    any = true;
  }
  if (!any && !m.reactive && !m.reactive_export) {
    issues.push_back(make_issue(Code::UsageMissing, m.path + "/registers", "电能表没有示数",
                                "The meter has no registers"));
    return std::nullopt;
  }
  if (u.total() + m.loss_kwh > kMaxMeteredKwh) {
    issues.push_back(make_issue(Code::NumberOutOfRange, m.path, "电能表电量超过 " + kMaxMeteredKwh.str() + " kWh",
                                "The meter's energy exceeds " + kMaxMeteredKwh.str() + " kWh"));
    return std::nullopt;
  }
  // 高供低计: losses are spread over the periods in proportion to their kWh.
  if (!m.loss_kwh.is_zero()) {
    std::vector<int64_t> cols;
    for (const Energy& e : u.kwh) cols.push_back(e.units());
    const int64_t total = u.total().units();
    if (total == 0) {
      u.kwh[static_cast<int>(TouPeriod::Flat)] += m.loss_kwh;
    } else {
      auto cells = split_proportionally({m.loss_kwh.units(), total}, cols, 1);
      for (size_t p = 0; p < cols.size(); ++p) u.kwh[p] += Energy::from_units(cells[0][p]);
    }
  }
  if (m.reactive || m.reactive_export || !m.loss_kvarh.is_zero()) {
    Energy q;
    if (m.reactive) {
      auto e = register_energy(m, *m.reactive, m.path + "/reactive", issues);
      if (!e) return std::nullopt;
      q += *e;
    }
    if (m.reactive_export) {
      auto e = register_energy(m, *m.reactive_export, m.path + "/reactive_export", issues);
      if (!e) return std::nullopt;
      q += *e;
    }
    u.kvarh = q + m.loss_kvarh;
  }
  return u;
}

void add_usage(Usage& into, const Usage& u) {
  for (size_t p = 0; p < into.kwh.size(); ++p) into.kwh[p] += u.kwh[p];
  if (u.kvarh) into.kvarh = into.kvarh.value_or(Energy{}) + *u.kvarh;
}

// Fits a block's usage to its tariff: a non-TOU tariff takes all kWh as flat;
// a TOU tariff must have been given kWh only in its own periods.
bool fit_to_tariff(Usage& u, const Tariff& t, const std::string& path, Issues& issues) {
  if (t.periods().size() == 1 && t.periods()[0] == TouPeriod::Flat) {
    const Energy total = u.total();
    u.kwh = {};
    u.kwh[static_cast<int>(TouPeriod::Flat)] = total;
    return true;
  }
  const bool only_flat = u.total() == u.kwh[static_cast<int>(TouPeriod::Flat)];
  if (only_flat && !u.total().is_zero() && !t.has_period(TouPeriod::Flat)) {
    issues.push_back(make_issue(Code::UsageMissing, path,
                                "分时电价 " + t.code + " 需要按时段给出电量（kwh_by_period 或分时示数）",
                                "TOU tariff " + t.code + " needs kWh by period (kwh_by_period or TOU registers)"));
    return false;
  }
  for (TouPeriod p : kAllTouPeriods) {
    if (!u.kwh[static_cast<int>(p)].is_zero() && !t.has_period(p)) {
      issues.push_back(make_issue(
          Code::TouPeriodUnknown, path,
          "电价 " + t.code + " 没有时段 " + std::string(tou_period_code(p)) + "（" + tou_period_label(p).zh + "）",
          "Tariff " + t.code + " has no period " + std::string(tou_period_code(p))));
      return false;
    }
  }
  return true;
}

const Tariff* block_tariff(const RulePack& pack, const std::string& code, const std::string& path,
                           Issues& issues) {
  const Tariff* t = pack.tariff(code);
  if (!t) {
    issues.push_back(make_issue(Code::TariffUnknown, path,
                                "规则包 " + pack.id + " 中没有电价 " + code,
                                "Tariff " + code + " is not in rule pack " + pack.id));
  }
  return t;
}

}  // namespace

bool resolve_blocks(const BillRequest& req, const RulePack& pack, Bill& bill, Issues& issues) {
  const Tariff* main_tariff = block_tariff(pack, req.tariff, "/tariff", issues);
  if (!main_tariff) return false;
  Usage main;
  std::vector<BillBlock> subs;
  bool some_main_without_reactive = false;
  bool reactive_meter = false;  // a separate 无功表 accounts for the reactive energy
  if (req.usage) {
    main = *req.usage;
  } else {
    for (const Meter& m : req.meters) {
      auto u = meter_usage(m, issues);
      if (!u) return false;
      if (!m.is_sub) {
        const bool has_active = std::any_of(m.registers.begin(), m.registers.end(), [](const auto& r) { return r.has_value(); });
        reactive_meter = reactive_meter || !has_active;
        some_main_without_reactive = some_main_without_reactive || !u->kvarh;
        add_usage(main, *u);
        continue;
      }
      const Tariff* t = block_tariff(pack, m.sub_tariff, m.path + "/tariff", issues);
      if (!t) return false;
      subs.push_back(BillBlock{t, "sub:" + m.id, *u});
    }
  }
  // A power factor from some main meters' reactive energy would be wrong:
  // the adjustment then asks for kvarh as if none were given.
  if (some_main_without_reactive && !reactive_meter) main.kvarh.reset();
  const int64_t unit = pack.rounding.allocation_unit();
  // 套减: the sub-meters' energy was measured by the main meter too. Period by
  // period when the main meter has it; a sub-meter whose periods the main
  // meter does not split the same way (a flat 照明 sub-meter behind a TOU main
  // meter) is taken from the main meter in proportion.
  for (const BillBlock& sub : subs) {
    const std::string id = sub.source.substr(4);
    if (sub.usage.total() > main.total()) {
      issues.push_back(make_issue(Code::SplitExceedsUsage, "/meters",
                                  "分表 " + id + " 的电量 " + sub.usage.total().str() + " kWh 大于总表电量 " + main.total().str() + " kWh",
                                  "Sub-meter " + id + " recorded " + sub.usage.total().str() + " kWh, more than the main meter's " +
                                      main.total().str() + " kWh"));
      return false;
    }
    bool per_period = true;
    for (size_t p = 0; p < main.kwh.size(); ++p) per_period = per_period && sub.usage.kwh[p] <= main.kwh[p];
    if (per_period) {
      for (size_t p = 0; p < main.kwh.size(); ++p) main.kwh[p] -= sub.usage.kwh[p];
      continue;
    }
    std::vector<int64_t> cols;
    for (const Energy& e : main.kwh) cols.push_back(e.units());
    const int64_t taken = sub.usage.total().units();
    auto cells = split_proportionally({taken, main.total().units() - taken}, cols, 1);
    for (size_t p = 0; p < cols.size(); ++p) main.kwh[p] = Energy::from_units(cells[1][p]);
  }
  // 定比 / 定量: shares of the energy after 套减 (so their order does not
  // matter), each split across the periods in proportion.
  std::vector<BillBlock> shares;
  const Energy base = main.total();
  for (size_t i = 0; i < req.splits.size(); ++i) {
    const Split& s = req.splits[i];
    const Tariff* t = block_tariff(pack, s.tariff, s.path + "/tariff", issues);
    if (!t) return false;
    const Energy left = main.total();
    Energy want = s.kwh ? *s.kwh
                        : Energy::from_units(static_cast<int64_t>(round_div(
                              static_cast<__int128>(base.units()) * s.ratio->units(),
                              static_cast<__int128>(Ratio::one_units) * unit, Rounding::HalfUp)) * unit);
    if (want > left) {
      issues.push_back(make_issue(Code::SplitExceedsUsage, s.path,
                                  "定量/定比电量合计超过可分电量：本项 " + want.str() + " kWh，剩余 " + left.str() + " kWh",
                                  "Splits add up to more than the energy: this one is " + want.str() + " kWh, " +
                                      left.str() + " kWh are left"));
      return false;
    }
    std::vector<int64_t> cols;
    for (const Energy& e : main.kwh) cols.push_back(e.units());
    auto cells = split_proportionally({want.units(), left.units() - want.units()}, cols, unit);
    Usage share;
    for (size_t p = 0; p < cols.size(); ++p) {
      share.kwh[p] = Energy::from_units(cells[0][p]);
      main.kwh[p] = Energy::from_units(cells[1][p]);
    }
    shares.push_back(BillBlock{t, "split:" + std::to_string(i), share});
  }
  bill.blocks.push_back(BillBlock{main_tariff, "main", main});
  for (auto& b : subs) bill.blocks.push_back(std::move(b));
  for (auto& b : shares) bill.blocks.push_back(std::move(b));
  for (size_t b = 0; b < bill.blocks.size(); ++b) {
    const std::string path = b == 0 ? (req.usage ? "/usage" : "/meters") : "/splits";
    Usage& u = bill.blocks[b].usage;
    if (!fit_to_tariff(u, *bill.blocks[b].tariff, path, issues)) return false;
  }
  return true;
}

}  // namespace powerdesk::billing
