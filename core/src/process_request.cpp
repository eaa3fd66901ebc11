// JSON → ProcessRequest. Two shapes: {"region", "date"} lists the catalogue;
// {"region", "business", "variant"?, "accepted", "today"?, "completed"?}
// asks for one application's steps and due dates.
#include "process_json.hpp"

namespace powerdesk {

Result<ProcessRequest> parse_process_request(const Json& root) {
  if (!root.is_object())
    return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  Issues issues;
  FieldReader r(issues);
  ProcessRequest req;
  req.region = r.string(root, "region", "", true).value_or("");
  const bool one = root.contains("business") && !root["business"].is_null();
  if (!one) {
    r.reject_unknown(root, "", {"region", "date", "business", "variant", "accepted", "today", "completed"});
    for (const char* key : {"variant", "accepted", "today", "completed"}) {
      if (root.contains(key))
        r.add(make_issue(Code::FieldMissing, "/business",
                         std::string(key) + " 描述一件申请，须同时给出 business（只列业务目录时省略这些字段）",
                         std::string(key) + " describes one application: give business too (or leave it out to list the catalogue)"));
    }
    if (auto d = r.date(root, "date", "", true)) req.date = *d;
    if (has_errors(issues)) return issues;
    return req;
  }
  r.reject_unknown(root, "", {"region", "business", "variant", "accepted", "today", "completed"});
  req.business = r.string(root, "business", "", true).value_or("");
  req.input.variant = r.string(root, "variant", "", false).value_or("");
  if (auto d = r.date(root, "accepted", "", true)) req.date = req.input.accepted = *d;
  req.input.today = r.date(root, "today", "", false);
  if (const Json* c = r.object(root, "completed", "", false)) {
    for (auto it = c->begin(); it != c->end(); ++it) {
      if (auto d = r.date(*c, it.key(), "/completed", true)) req.input.completed.emplace(it.key(), *d);
    }
  }
  if (has_errors(issues)) return issues;
  return req;
}

}  // namespace powerdesk
