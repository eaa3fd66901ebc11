// The server's dates. The core reads no clock: the server tells it "today",
// in China Standard Time (UTC+8, no daylight saving), unless pinned with
// --today for training systems and tests.
#pragma once

#include <string>

namespace powerdesk::server {

class ServerClock {
 public:
  explicit ServerClock(std::string pinned_today = {}) : pinned_(std::move(pinned_today)) {}
  std::string today() const;    // YYYY-MM-DD in UTC+8
  std::string now_utc() const;  // ISO-8601, e.g. 2025-06-02T08:15:00Z

 private:
  std::string pinned_;
};

}  // namespace powerdesk::server
