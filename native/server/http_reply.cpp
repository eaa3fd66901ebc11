#include "http_reply.hpp"

#include <array>

namespace powerdesk::server {
namespace {

struct ErrorInfo {
  int status;
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<ErrorInfo, 12> kErrors{{
    {404, "PD_HTTP_NOT_FOUND", "没有这个地址", "No such resource"},
    {405, "PD_HTTP_METHOD_NOT_ALLOWED", "该地址不支持此请求方法", "Method not allowed on this resource"},
    {415, "PD_HTTP_UNSUPPORTED_MEDIA_TYPE", "请求体须为 JSON（Content-Type: application/json）",
     "The request body must be JSON (Content-Type: application/json)"},
    {413, "PD_HTTP_PAYLOAD_TOO_LARGE", "请求体过大", "Request body too large"},
    {429, "PD_HTTP_RATE_LIMITED", "请求过于频繁，请稍后再试", "Too many requests; try again later"},
    {401, "PD_HTTP_UNAUTHORIZED", "需要有效的工作人员令牌", "A valid staff token is required"},
    {400, "PD_IDEMPOTENCY_KEY_INVALID", "缺少或无效的 Idempotency-Key 请求头（8–128 个字母、数字、-、_、.、:）",
     "Missing or invalid Idempotency-Key header (8–128 letters, digits, - _ . :)"},
    {409, "PD_IDEMPOTENCY_CONFLICT", "该 Idempotency-Key 已用于另一份申请",
     "This Idempotency-Key was already used for a different application"},
    {404, "PD_APPLICATION_NOT_FOUND", "没有找到申请，或申请编号与凭证不符",
     "No application found, or the number and credential do not match"},
    {503, "PD_STORE_UNAVAILABLE", "数据库暂时不可用，未保存任何内容，请稍后重试",
     "The database is unavailable; nothing was saved, try again later"},
    {503, "PD_STORE_UNAVAILABLE", "保存时与数据库的连接中断，无法确认是否已保存；请重试（提交申请请用同一 Idempotency-Key）",
     "The database connection was lost while saving, so whether it was saved is unknown; retry "
     "(a submission with the same Idempotency-Key)"},
    {500, "PD_INTERNAL", "服务器内部错误", "Internal server error"},
}};

const ErrorInfo& info(HttpError e) { return kErrors[static_cast<size_t>(e)]; }

}  // namespace

int http_status(HttpError e) { return info(e).status; }
std::string_view http_error_code(HttpError e) { return info(e).code; }

void reply_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void reply_result(httplib::Response& res, int status, nlohmann::json result) {
  nlohmann::json envelope = {{"api_version", std::string(kApiVersion)}, {"ok", true}};
  envelope["result"] = std::move(result);
  reply_json(res, status, envelope.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void reply_error(httplib::Response& res, HttpError e, const std::string& path, const std::string& detail) {
  const ErrorInfo& i = info(e);
  const std::string suffix = detail.empty() ? "" : ": " + detail;
  nlohmann::json issue = {{"code", i.code},
                          {"path", path},
                          {"severity", "error"},
                          {"message", {{"zh", std::string(i.zh) + suffix}, {"en", std::string(i.en) + suffix}}}};
  nlohmann::json envelope = {{"api_version", std::string(kApiVersion)}, {"ok", false}};
  envelope["errors"] = nlohmann::json::array({std::move(issue)});
  reply_json(res, i.status, envelope.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void reply_facade(httplib::Response& res, const Response& r) {
  reply_json(res, r.ok ? 200 : (r.internal_error ? 500 : 422), r.json);
}

void reply_issues(httplib::Response& res, int status, const Issues& issues) {
  reply_json(res, status, error_response(issues).json);
}

}  // namespace powerdesk::server
