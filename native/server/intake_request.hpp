// Reading the body of POST /api/v1/applications: {"application": {...}, "variant"?: "..."}.
// The application is what `validate` takes; the variant is the process
// variant the applicant asks for where a business has several (e.g. new_hv:
// single_source or dual_source).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "powerdesk/issue.hpp"

namespace powerdesk::server {

struct IntakeRequest {
  nlohmann::json application;  // an object
  std::string variant;         // may be empty
  std::string canonical;       // the whole body, canonical: what the Idempotency-Key is bound to
};

Result<IntakeRequest> read_intake_request(std::string_view body);
bool idempotency_key_valid(const std::string& key);
// The applicant's status secret, derived so a retried submission gets it again.
std::string status_secret(const std::string& server_key, const std::string& idempotency_key);
std::string normalize_secret(const std::string& typed);  // drops '-' and spaces, upper case

}  // namespace powerdesk::server
