// Per-client token buckets: a client may make `per_minute` requests a minute,
// in bursts of up to that many. Used on submissions and status lookups.
#pragma once

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace powerdesk::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

  // Takes one token for `client`; false when its bucket is empty.
  bool allow(const std::string& client, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point last;
  };
  int per_minute_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace powerdesk::server
