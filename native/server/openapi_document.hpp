// docs/openapi.json, compiled in (served at GET /api/v1/openapi.json).
#pragma once

#include <string_view>

namespace powerdesk::server {

std::string_view openapi_document();

}  // namespace powerdesk::server
