// STUB (being written): the charging quote.
#include "quote_internal.hpp"

namespace powerdesk::quote_detail {
Result<Quote> charging(const Json&, const PackRegistry&) {
  return make_issue(Code::Internal, "/kind", "尚未实现", "not implemented yet");
}
}  // namespace powerdesk::quote_detail
