#include "powerdesk/rulepack.hpp"

#include <algorithm>

namespace powerdesk {

std::string_view line_kind_code(LineKind k) {
  switch (k) {
    case LineKind::Energy: return "energy";
    case LineKind::Basic: return "basic";
    case LineKind::PowerFactor: return "power_factor";
    case LineKind::Funds: return "funds";
    case LineKind::Adjustment: return "adjustment";
  }
  return "energy";
}

std::string_view demand_basis_code(DemandBasis b) {
  switch (b) {
    case DemandBasis::Capacity: return "capacity";
    case DemandBasis::ContractDemand: return "contract_demand";
    case DemandBasis::ActualDemand: return "actual_demand";
  }
  return "capacity";
}

std::optional<DemandBasis> demand_basis_from_code(std::string_view code) {
  for (DemandBasis b : {DemandBasis::Capacity, DemandBasis::ContractDemand, DemandBasis::ActualDemand})
    if (demand_basis_code(b) == code) return b;
  return std::nullopt;
}

const std::vector<TouPeriod>& Tariff::periods() const {
  return std::visit([](const auto& r) -> const std::vector<TouPeriod>& { return r.periods; }, rules);
}

bool Tariff::has_period(TouPeriod p) const {
  const auto& ps = periods();
  return std::find(ps.begin(), ps.end(), p) != ps.end();
}

Ratio PfTable::percent_at(int pf) const {
  for (const PfSegment& s : segments) {
    if (pf >= s.min_pf && pf <= s.max_pf) {
      return s.at_max_percent + Ratio::from_units(s.step_percent.units() * (s.max_pf - pf));
    }
  }
  return Ratio{};
}

const Tariff* RulePack::tariff(const std::string& code) const {
  auto it = tariffs.find(code);
  return it == tariffs.end() ? nullptr : &it->second;
}

Issues PackRegistry::add(std::shared_ptr<const RulePack> pack) {
  for (const auto& [region, list] : by_region_) {
    for (const auto& p : list) {
      if (p->id == pack->id) {
        Issue i = make_issue(Code::PackDuplicate, "/id", "规则包编号重复：" + pack->id + "（已由 " + p->file + " 使用）",
                             "Duplicate pack id " + pack->id + " (already used by " + p->file + ")");
        i.file = pack->file;
        return {i};
      }
    }
  }
  auto& list = by_region_[pack->region];
  for (const auto& p : list) {
    if (intersect(p->effective, pack->effective)) {
      Issue i = make_issue(Code::PackOverlap, "/effective",
                           "生效期与 " + p->id + " 重叠（" + p->effective.start.iso() + "–" + p->effective.end.iso() + "）",
                           "Effective dates overlap pack " + p->id + " (" + p->effective.start.iso() + " to " + p->effective.end.iso() + ")");
      i.file = pack->file;
      return {i};
    }
  }
  list.push_back(std::move(pack));
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a->effective.start < b->effective.start;
  });
  return {};
}

const RulePack* PackRegistry::find(const std::string& region, Date day) const {
  auto it = by_region_.find(region);
  if (it == by_region_.end()) return nullptr;
  for (const auto& p : it->second)
    if (p->effective.contains(day)) return p.get();
  return nullptr;
}

bool PackRegistry::knows_region(const std::string& region) const {
  return by_region_.count(region) > 0;
}

const decision::Table* PackRegistry::table(const std::string& region, Date day,
                                           const std::string& name, const RulePack** from) const {
  for (const RulePack* p : {find(region, day), national(day)}) {
    if (!p) continue;
    auto it = p->decision_tables.find(name);
    if (it == p->decision_tables.end()) continue;
    if (from) *from = p;
    return &it->second;
  }
  return nullptr;
}

std::vector<const RulePack*> PackRegistry::all() const {
  std::vector<const RulePack*> out;
  for (const auto& [region, list] : by_region_)
    for (const auto& p : list) out.push_back(p.get());
  return out;
}

}  // namespace powerdesk
