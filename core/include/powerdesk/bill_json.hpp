// The bill in JSON: request parsing and response rendering, with labels and
// explanations in Chinese and English. Money and energy are decimal strings.
#pragma once

#include "powerdesk/bill.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk {

Result<BillRequest> parse_bill_request(const Json& request);
Json render_bill(const Bill& bill, const BillRequest& request);
Json render_issue(const Issue& issue);

}  // namespace powerdesk
