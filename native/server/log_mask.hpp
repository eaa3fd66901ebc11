// Personal data never reaches the logs: mobile numbers, resident IDs and
// client addresses are masked the way Chinese service apps show them
// (138****5678, 110105********002X, 192.168.1.*).
#pragma once

#include <string>
#include <string_view>

namespace powerdesk::server {

std::string mask_personal_data(std::string_view text);
std::string mask_client_address(std::string_view address);

}  // namespace powerdesk::server
