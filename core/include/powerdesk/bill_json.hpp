// The bill in JSON: request parsing and response rendering, with labels and
// explanations in Chinese and English. Money and energy are decimal strings.
#pragma once

#include "powerdesk/bill.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk {

Result<BillRequest> parse_bill_request(const Json& request);
// kWh per TOU period from {"peak": "…", …} (the usage.kwh_by_period of a
// bill or quote) into `out`; unknown periods and bad numbers are reported at
// `path` + "/<period>". False when anything was refused.
bool read_kwh_by_period(FieldReader& r, const Json& node, const std::string& path, Usage& out);
Json render_bill(const Bill& bill, const BillRequest& request);
Json render_issue(const Issue& issue);

}  // namespace powerdesk
