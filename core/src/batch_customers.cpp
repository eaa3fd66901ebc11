// The customers of a batch run, held once and looked up by id for each reading.
#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

uint32_t CustomerTable::intern(std::vector<std::string>& names, std::unordered_map<std::string, uint32_t>& index,
                               const std::string& name) {
  auto [it, added] = index.try_emplace(name, static_cast<uint32_t>(names.size()));
  if (added) names.push_back(name);
  return it->second;
}

bool CustomerTable::add(const Json& record, const PackRegistry& packs, RecordIssues& issues) {
  auto c = read_customer(record, issues);
  if (!c) return false;
  if (!packs.knows_region(c->region)) {
    issues.push_back(record_issue("PD_REGION_UNKNOWN", "/region", "未知地区 " + c->region,
                                  "Unknown region " + c->region));
    return false;
  }
  if (index_.count(c->id)) {
    issues.push_back(record_issue(kCustomerDuplicate, "/customer", "客户 " + c->id + " 在客户文件中重复出现",
                                  "Customer " + c->id + " appears twice in the customers file"));
    return false;
  }
  Customer out;
  out.region = intern(regions_, region_index_, c->region);
  out.tariff = intern(keys_, key_index_, c->region + "/" + c->tariff);
  if (out.tariff == tariffs_.size()) tariffs_.emplace_back(out.region, c->tariff);
  out.cycle = intern(cycles_, cycle_index_, c->cycle);
  out.residential = c->residential;
  const std::string& id = ids_.emplace_back(std::move(c->id));
  index_.emplace(std::string_view(id), static_cast<uint32_t>(customers_.size()));
  customers_.push_back(out);
  return true;
}

const Customer* CustomerTable::find(std::string_view id) const {
  auto it = index_.find(id);
  return it == index_.end() ? nullptr : &customers_[it->second];
}

const std::string* CustomerTable::cycle_of(std::string_view id) const {
  const Customer* c = find(id);
  return c ? &cycles_[c->cycle] : nullptr;
}

}  // namespace powerdesk::batch
