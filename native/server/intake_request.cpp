#include "intake_request.hpp"

#include <cctype>

#include "crypto.hpp"
#include "powerdesk/json_input.hpp"

namespace powerdesk::server {

Result<IntakeRequest> read_intake_request(std::string_view body) {
  auto parsed = parse_json_exact(body);
  if (!parsed.ok()) return parsed.issues();
  const Json& j = parsed.value();
  if (!j.is_object()) return make_issue(Code::FieldType, "", "请求须为 JSON 对象", "The request must be a JSON object");
  Issues issues;
  for (const auto& [key, value] : j.items()) {
    if (key != "application" && key != "variant")
      issues.push_back(make_issue(Code::FieldUnknown, "/" + key, "未知字段 /" + key, "Unknown field /" + key));
  }
  IntakeRequest out;
  if (!j.contains("application")) {
    issues.push_back(make_issue(Code::FieldMissing, "/application", "缺少申请内容 /application",
                                "Missing field /application"));
  } else if (!j["application"].is_object()) {
    issues.push_back(make_issue(Code::FieldType, "/application", "/application 须为对象", "/application must be an object"));
  } else {
    out.application = j["application"];
  }
  if (j.contains("variant")) {
    if (j["variant"].is_string()) out.variant = j["variant"].get<std::string>();
    else issues.push_back(make_issue(Code::FieldType, "/variant", "/variant 须为字符串", "/variant must be a string"));
  }
  if (!issues.empty()) return issues;
  out.canonical = j.dump();
  return out;
}

bool idempotency_key_valid(const std::string& key) {
  if (key.size() < 8 || key.size() > 128) return false;
  for (unsigned char c : key)
    if (!std::isalnum(c) && c != '-' && c != '_' && c != '.' && c != ':') return false;
  return true;
}

std::string status_secret(const std::string& server_key, const std::string& idempotency_key) {
  const std::string mac = hmac_sha256_hex(server_key, "status-secret:" + idempotency_key);
  std::string out;
  for (size_t i = 0; i < 16; ++i) {
    if (i && i % 4 == 0) out += '-';
    out += static_cast<char>(std::toupper(static_cast<unsigned char>(mac[i])));
  }
  return out;  // e.g. 3F2A-91C0-7D44-E1B8: 64 bits, easy to read out on the phone
}

std::string normalize_secret(const std::string& typed) {
  std::string out;
  for (unsigned char c : typed)
    if (c != '-' && c != ' ') out += static_cast<char>(std::toupper(c));
  return out;
}

}  // namespace powerdesk::server
