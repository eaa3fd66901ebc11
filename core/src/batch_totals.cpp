// Run totals: exact sums, kept per chunk and merged, and saved in checkpoints.
#include <cstdint>

#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

void RunTotals::add_bill(const std::string& tariff_key, Energy e, Money a) {
  ++read;
  ++billed;
  kwh += e;
  amount += a;
  TariffTotals& t = by_tariff[tariff_key];
  ++t.bills;
  t.kwh += e;
  t.amount += a;
}

void RunTotals::add_reject(const RecordIssues& issues) {
  ++read;
  ++rejected;
  ++rejects_by_code[issues.empty() ? "PD_INTERNAL" : issues.front().code];
}

void RunTotals::merge(const RunTotals& o) {
  customers_read += o.customers_read;
  customers_rejected += o.customers_rejected;
  read += o.read;
  billed += o.billed;
  rejected += o.rejected;
  kwh += o.kwh;
  amount += o.amount;
  for (const auto& [k, t] : o.by_tariff) {
    TariffTotals& m = by_tariff[k];
    m.bills += t.bills;
    m.kwh += t.kwh;
    m.amount += t.amount;
  }
  for (const auto& [k, n] : o.rejects_by_code) rejects_by_code[k] += n;
}

Json RunTotals::to_json() const {
  Json tariffs = Json::object();
  for (const auto& [k, t] : by_tariff)
    tariffs[k] = {{"bills", t.bills}, {"kwh", t.kwh.str()}, {"amount", t.amount.str(2)}};
  Json codes = Json::object();
  for (const auto& [k, n] : rejects_by_code) codes[k] = n;
  return Json{{"customers", {{"read", customers_read}, {"rejected", customers_rejected}}},
              {"readings", {{"read", read}, {"billed", billed}, {"rejected", rejected}}},
              {"kwh", kwh.str()},
              {"amount", amount.str(2)},
              {"by_tariff", tariffs},
              {"rejects_by_code", codes}};
}

namespace {

// No exceptions here: the core is also built for WASM without them.
const Json* member(const Json* o, const char* k) {
  if (!o || !o->is_object()) return nullptr;
  auto it = o->find(k);
  return it == o->end() ? nullptr : &*it;
}

bool int_of(const Json* v, int64_t& out) {
  if (!v || !v->is_number_integer()) return false;
  if (v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(INT64_MAX)) return false;  // would wrap negative
  out = v->get<int64_t>();
  return true;
}

template <int S>
bool fixed_of(const Json* v, Fixed<S>& out) {
  if (!v || !v->is_string()) return false;
  auto x = Fixed<S>::parse(v->get_ref<const std::string&>());
  if (!x) return false;
  out = *x;
  return true;
}

}  // namespace

std::optional<RunTotals> RunTotals::from_json(const Json& j) {
  RunTotals t;
  const Json* c = member(&j, "customers");
  const Json* r = member(&j, "readings");
  bool ok = int_of(member(c, "read"), t.customers_read) && int_of(member(c, "rejected"), t.customers_rejected) &&
            int_of(member(r, "read"), t.read) && int_of(member(r, "billed"), t.billed) &&
            int_of(member(r, "rejected"), t.rejected) && fixed_of(member(&j, "kwh"), t.kwh) &&
            fixed_of(member(&j, "amount"), t.amount);
  const Json* tariffs = member(&j, "by_tariff");
  const Json* codes = member(&j, "rejects_by_code");
  if (!ok || !tariffs || !tariffs->is_object() || !codes || !codes->is_object()) return std::nullopt;
  for (auto it = tariffs->begin(); it != tariffs->end(); ++it) {
    TariffTotals x;
    if (!int_of(member(&*it, "bills"), x.bills) || !fixed_of(member(&*it, "kwh"), x.kwh) ||
        !fixed_of(member(&*it, "amount"), x.amount))
      return std::nullopt;
    t.by_tariff[it.key()] = x;
  }
  for (auto it = codes->begin(); it != codes->end(); ++it) {
    int64_t n = 0;
    if (!int_of(&*it, n)) return std::nullopt;
    t.rejects_by_code[it.key()] = n;
  }
  return t;
}

}  // namespace powerdesk::batch
