// Answers in the facade's envelope, with the server's own stable codes for
// what happens before a request reaches the core (docs/server.md, "Errors").
#pragma once

#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "powerdesk/api.hpp"

namespace powerdesk::server {

// Transport and intake errors; each has a fixed HTTP status and message.
enum class HttpError {
  NotFound,              // PD_HTTP_NOT_FOUND 404
  MethodNotAllowed,      // PD_HTTP_METHOD_NOT_ALLOWED 405
  UnsupportedMediaType,  // PD_HTTP_UNSUPPORTED_MEDIA_TYPE 415
  PayloadTooLarge,       // PD_HTTP_PAYLOAD_TOO_LARGE 413
  RateLimited,           // PD_HTTP_RATE_LIMITED 429
  Unauthorized,          // PD_HTTP_UNAUTHORIZED 401
  IdempotencyKeyInvalid, // PD_IDEMPOTENCY_KEY_INVALID 400
  IdempotencyConflict,   // PD_IDEMPOTENCY_CONFLICT 409
  ApplicationNotFound,   // PD_APPLICATION_NOT_FOUND 404
  StoreUnavailable,      // PD_STORE_UNAVAILABLE 503
  StoreOutcomeUnknown,   // PD_STORE_UNAVAILABLE 503, connection lost during COMMIT: saved or not is unknown
  Internal,              // PD_INTERNAL 500
};

int http_status(HttpError e);
std::string_view http_error_code(HttpError e);

void reply_json(httplib::Response& res, int status, const std::string& body);
void reply_result(httplib::Response& res, int status, nlohmann::json result);
// `detail` is appended to the English message (a path, a limit); `path` is the field's JSON pointer.
void reply_error(httplib::Response& res, HttpError e, const std::string& path = "", const std::string& detail = "");
// A facade response: 200 when ok, 422 for bad input, 500 for a defect.
void reply_facade(httplib::Response& res, const Response& r);
// The facade's error envelope for issues found by the server (e.g. an intake body).
void reply_issues(httplib::Response& res, int status, const Issues& issues);

}  // namespace powerdesk::server
