// STUB (being written): the pv quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> pv(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
