// 电费违约金: a daily rate on overdue arrears from the day after the due date
// to the payment date, by customer class; non-residential arrears pay the
// cross-year rate for the days after the year of the due date ends. Rates and
// the minimum charge are pack data (《供电营业规则》).
#pragma once

#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {

struct Arrear {
  Money amount;
  Date due;
};

struct LateFeeRequest {
  std::string region;
  bool residential = true;
  Date paid;
  std::vector<Arrear> arrears;
};

struct LateFeeLine {
  int arrear = 0;
  Ratio daily_rate;
  int32_t days = 0;
  Date from;  // first day accruing at this rate
  Date to;
  Money amount;
};

struct LateFee {
  const RulePack* pack = nullptr;
  std::vector<LateFeeLine> lines;
  Money computed;  // Σ lines
  Money total;     // after the minimum charge
  bool minimum_applied = false;
};

Result<LateFee> compute_late_fee(const LateFeeRequest& req, const PackRegistry& packs);
Result<LateFeeRequest> parse_late_fee_request(const Json& request);
Json render_late_fee(const LateFee& fee, const LateFeeRequest& req);

}  // namespace powerdesk
