// Reading dedupe and match requests: every problem at once, each with its
// JSON pointer. Records are objects with a required, unique string `id` and
// optional string fields; unknown members are errors (a misspelt "phone"
// must not silently drop the phone from matching).
#include <optional>
#include <string>
#include <unordered_map>

#include "dedupe_json.hpp"

namespace powerdesk {
namespace {

void wrong_type(FieldReader& r, const std::string& path, const char* zh, const char* en) {
  r.add(make_issue(Code::FieldType, path, "字段 " + path + " 类型错误，应为" + zh,
                   "Field " + path + " has the wrong type; expected " + en));
}

// Ids must be unique: a repeated one is reported where it repeats.
class IdRegister {
 public:
  explicit IdRegister(FieldReader& r) : r_(r) {}
  void add(const std::string& id, const std::string& record_path) {
    const std::string p = pointer_join(record_path, "id");
    auto [it, fresh] = first_.emplace(id, p);
    if (fresh) return;
    r_.add(make_issue(Code::DuplicateKey, p, "记录 id “" + id + "” 重复（与 " + it->second + " 相同）",
                      "Record id \"" + id + "\" repeats " + it->second));
  }

 private:
  FieldReader& r_;
  std::unordered_map<std::string, std::string> first_;
};

// One record; nullopt when it cannot be used (the issues say why). A valid
// id is registered even then, so a repeated one is reported too.
std::optional<dedupe::Record> read_record(FieldReader& r, const Json& j, const std::string& path,
                                         IdRegister& ids) {
  if (!j.is_object()) {
    wrong_type(r, path, "对象", "an object");
    return std::nullopt;
  }
  r.reject_unknown(j, path, {"id", "customer_number", "name", "address", "contact_name", "phone"});
  dedupe::Record rec;
  const std::optional<std::string> id = r.string(j, "id", path, true);
  bool ok = id.has_value();
  if (id && id->empty()) {
    const std::string p = pointer_join(path, "id");
    r.add(make_issue(Code::FieldMissing, p, "字段 " + p + " 不能为空", "Field " + p + " must not be empty"));
    ok = false;
  }
  if (id && !id->empty()) {
    rec.id = *id;
    ids.add(rec.id, path);
  }
  const size_t before = r.issues().size();
  rec.customer_number = r.string(j, "customer_number", path, false).value_or("");
  rec.name = r.string(j, "name", path, false).value_or("");
  rec.address = r.string(j, "address", path, false).value_or("");
  rec.contact_name = r.string(j, "contact_name", path, false).value_or("");
  rec.phone = r.string(j, "phone", path, false).value_or("");
  if (r.issues().size() != before) ok = false;
  if (!ok) return std::nullopt;
  return rec;
}

// The records of an array member, at most `cap` of them.
std::vector<dedupe::Record> read_records(FieldReader& r, const Json& root, std::string_view key, size_t cap,
                                         IdRegister& ids) {
  std::vector<dedupe::Record> out;
  const Json* list = r.array(root, key, "", true);
  if (!list) return out;
  const std::string path = pointer_join("", key);
  if (list->size() > cap) {
    r.add(make_issue(Code::NumberOutOfRange, path,
                     "字段 " + path + " 最多 " + std::to_string(cap) + " 条记录，收到 " + std::to_string(list->size()) + " 条",
                     "Field " + path + " holds at most " + std::to_string(cap) + " records, not " +
                         std::to_string(list->size())));
    return out;
  }
  out.reserve(list->size());
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = pointer_join(path, i);
    if (std::optional<dedupe::Record> rec = read_record(r, (*list)[i], p, ids)) out.push_back(std::move(*rec));
  }
  return out;
}

bool is_object_request(FieldReader& r, const Json& root) {
  if (root.is_object()) return true;
  r.add(make_issue(Code::FieldType, "", "请求应为 JSON 对象", "The request must be a JSON object"));
  return false;
}

}  // namespace

Result<DedupeRequest> parse_dedupe_request(const Json& root) {
  Issues issues;
  FieldReader r(issues);
  if (!is_object_request(r, root)) return issues;
  r.reject_unknown(root, "", {"records", "threshold"});
  DedupeRequest req;
  IdRegister ids(r);
  req.records = read_records(r, root, "records", kMaxDedupeRecords, ids);
  if (auto t = r.integer(root, "threshold", "", false, 1, 1000)) req.threshold = static_cast<int>(*t);
  if (has_errors(issues)) return issues;
  return req;
}

Result<MatchRequest> parse_match_request(const Json& root) {
  Issues issues;
  FieldReader r(issues);
  if (!is_object_request(r, root)) return issues;
  r.reject_unknown(root, "", {"record", "candidates", "limit", "threshold", "min_score"});
  MatchRequest req;
  IdRegister ids(r);
  if (const Json* rec = r.object(root, "record", "", true)) {
    if (std::optional<dedupe::Record> probe = read_record(r, *rec, "/record", ids)) req.record = std::move(*probe);
  }
  req.candidates = read_records(r, root, "candidates", kMaxMatchCandidates, ids);
  if (auto v = r.integer(root, "limit", "", false, 1, kMaxMatchLimit)) req.limit = static_cast<size_t>(*v);
  if (auto v = r.integer(root, "threshold", "", false, 1, 1000)) req.threshold = static_cast<int>(*v);
  if (auto v = r.integer(root, "min_score", "", false, 0, 1000)) req.min_score = static_cast<int>(*v);
  if (has_errors(issues)) return issues;
  return req;
}

}  // namespace powerdesk
