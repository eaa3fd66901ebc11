// Request counts and latencies per route, in Prometheus's text format (GET /metrics).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace powerdesk::server {

class Metrics {
 public:
  // `route` is the route's pattern (bounded set), never the raw path.
  void observe(const std::string& method, const std::string& route, int status, double seconds);
  void count_application(const std::string& outcome);  // created, replayed, refused, conflict
  std::string prometheus_text() const;

 private:
  static constexpr std::array<double, 10> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1.0};
  struct Series {
    std::uint64_t count = 0;
    double sum = 0;
    std::array<std::uint64_t, kBuckets.size()> buckets{};
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // label set → count
  std::map<std::string, Series> latency_;          // route label set → histogram
  std::map<std::string, std::uint64_t> applications_;
};

}  // namespace powerdesk::server
