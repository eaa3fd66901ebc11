// How a stored application is shown: to its applicant (no staff names, no
// request details) and to staff (everything). Both carry the process's steps
// and due dates as the core computes them today (Engine::process).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "application_store.hpp"
#include "powerdesk/api.hpp"

namespace powerdesk::server {

// The core's process request for an application as of `today`, with
// `extra_step` completed on `extra_date` when given (to check a staff action).
nlohmann::json process_request(const store::Application& a, const std::string& today,
                               const std::string& extra_step = {}, const std::string& extra_date = {});
// The process result, or the facade's error envelope when it refuses.
nlohmann::json process_view(const Engine& engine, const store::Application& a, const std::string& today);

nlohmann::json applicant_view(const Engine& engine, const store::Application& a, const std::string& today);
nlohmann::json staff_summary(const store::Application& a);
nlohmann::json staff_view(const Engine& engine, const store::Application& a, const std::string& today);

}  // namespace powerdesk::server
