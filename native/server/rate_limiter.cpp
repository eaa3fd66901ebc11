#include "rate_limiter.hpp"

#include <algorithm>

namespace powerdesk::server {

bool RateLimiter::allow(const std::string& client, Clock::time_point now) {
  if (per_minute_ <= 0) return true;  // limits off
  std::lock_guard lock(mutex_);
  // Forget idle clients now and then so the map cannot grow without bound.
  if (buckets_.size() > 100'000) {
    std::erase_if(buckets_, [&](const auto& kv) { return now - kv.second.last > std::chrono::minutes(1); });
  }
  auto [it, fresh] = buckets_.try_emplace(client, Bucket{static_cast<double>(per_minute_), now});
  Bucket& b = it->second;
  if (!fresh) {
    const double minutes = std::chrono::duration<double, std::ratio<60>>(now - b.last).count();
    b.tokens = std::min<double>(per_minute_, b.tokens + minutes * per_minute_);
    b.last = now;
  }
  if (b.tokens < 1.0) return false;
  b.tokens -= 1.0;
  return true;
}

}  // namespace powerdesk::server
