#include "powerdesk/late_fee.hpp"

#include <algorithm>

#include "powerdesk/bill_json.hpp"
#include "powerdesk/money_words.hpp"

namespace powerdesk {

Result<LateFee> compute_late_fee(const LateFeeRequest& req, const PackRegistry& packs) {
  if (!packs.knows_region(req.region)) {
    return make_issue(Code::RegionUnknown, "/region", "未知地区 " + req.region, "Unknown region " + req.region);
  }
  const RulePack* pack = packs.find(req.region, req.paid);
  if (!pack || !pack->late_payment) {
    return make_issue(Code::NoPackForDate, "/paid_date",
                      "没有覆盖 " + req.paid.iso() + " 且含违约金规则的 " + req.region + " 规则包",
                      "No " + req.region + " rule pack with late-payment rules covers " + req.paid.iso());
  }
  const LatePaymentRules& rules = *pack->late_payment;
  LateFee fee;
  fee.pack = pack;
  for (size_t i = 0; i < req.arrears.size(); ++i) {
    const Arrear& a = req.arrears[i];
    if (req.paid <= a.due) continue;  // paid on time: nothing accrues
    const Date first = a.due.plus_days(1);
    auto add = [&](Ratio rate, Date from, Date to) {
      if (to < from) return;
      LateFeeLine l;
      l.arrear = static_cast<int>(i);
      l.daily_rate = rate;
      l.from = from;
      l.to = to;
      l.days = to.days() - from.days() + 1;
      // amount × rate × days, rounded half-up to the fen per line.
      l.amount = Money::from_units(static_cast<int64_t>(round_div(
          static_cast<__int128>(a.amount.units()) * rate.units() * l.days, Ratio::one_units, Rounding::HalfUp)));
      fee.lines.push_back(l);
      fee.computed += l.amount;
    };
    if (req.residential) {
      add(rules.residential_daily, first, req.paid);
    } else {
      const Date year_end = *Date::from_ymd(a.due.year(), 12, 31);
      add(rules.non_residential_current_year, first, std::min(year_end, req.paid));
      add(rules.non_residential_cross_year, std::max(first, year_end.plus_days(1)), req.paid);
    }
  }
  fee.total = fee.computed;
  if (fee.computed.units() > 0 && fee.computed < rules.minimum) {
    fee.total = rules.minimum;
    fee.minimum_applied = true;
  }
  return fee;
}

Result<LateFeeRequest> parse_late_fee_request(const Json& root) {
  Issues issues;
  FieldReader r(issues);
  if (!root.is_object()) return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  r.reject_unknown(root, "", {"region", "customer_class", "paid_date", "arrears"});
  LateFeeRequest req;
  req.region = r.string(root, "region", "", true).value_or("");
  if (auto cls = r.string(root, "customer_class", "", true)) {
    if (*cls == "residential") req.residential = true;
    else if (*cls == "non_residential") req.residential = false;
    else r.add(make_issue(Code::EnumInvalid, "/customer_class", "customer_class 应为 residential 或 non_residential",
                          "customer_class must be residential or non_residential"));
  }
  if (auto d = r.date(root, "paid_date", "", true)) req.paid = *d;
  if (const Json* as = r.array(root, "arrears", "", true)) {
    if (as->empty()) r.add(make_issue(Code::FieldMissing, "/arrears", "arrears 为空", "arrears is empty"));
    for (size_t i = 0; i < as->size(); ++i) {
      const std::string p = pointer_join("/arrears", i);
      r.reject_unknown((*as)[i], p, {"amount", "due_date"});
      auto amount = r.decimal<Money::scale>((*as)[i], "amount", p, true, Money::from_units(1), Money::from_int(100'000'000'000));
      auto due = r.date((*as)[i], "due_date", p, true);
      if (amount && due) {
        if (due->days() + 3660 < req.paid.days()) {
          r.add(make_issue(Code::NumberOutOfRange, p + "/due_date", "欠费超过 10 年，请人工核算",
                           "Arrears older than 10 years; compute by hand"));
        }
        req.arrears.push_back({*amount, *due});
      }
    }
  }
  if (has_errors(issues)) return issues;
  return req;
}

Json render_late_fee(const LateFee& fee, const LateFeeRequest& req) {
  Json lines = Json::array();
  for (const LateFeeLine& l : fee.lines) {
    const Arrear& a = req.arrears[static_cast<size_t>(l.arrear)];
    const std::string permille = multiply<3>(l.daily_rate, Fixed<0>::from_int(1000), Rounding::HalfUp).str();
    lines.push_back({{"arrear", l.arrear},
                     {"principal", a.amount.str(2)},
                     {"daily_rate", l.daily_rate.str()},
                     {"from", l.from.iso()},
                     {"to", l.to.iso()},
                     {"days", l.days},
                     {"amount", l.amount.str(2)},
                     {"explanation", {{"zh", a.amount.str(2) + " 元 × 每日千分之" + permille + " × " + std::to_string(l.days) + " 天 = " + l.amount.str(2) + " 元"},
                                      {"en", a.amount.str(2) + " CNY × " + permille + "‰ per day × " + std::to_string(l.days) + " days = " + l.amount.str(2) + " CNY"}}}});
  }
  Json out{{"region", req.region},
           {"pack", {{"id", fee.pack->id}, {"version", fee.pack->version}}},
           {"lines", lines},
           {"computed", fee.computed.str(2)},
           {"total", fee.total.str(2)},
           {"total_uppercase", money_to_chinese_uppercase(fee.total)},
           {"minimum_applied", fee.minimum_applied},
           {"rule", {{"document", fee.pack->late_payment->citation.document}, {"date", fee.pack->late_payment->citation.date}}}};
  return out;
}

}  // namespace powerdesk
