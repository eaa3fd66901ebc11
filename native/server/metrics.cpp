#include "metrics.hpp"

#include <sstream>

namespace powerdesk::server {

void Metrics::observe(const std::string& method, const std::string& route, int status, double seconds) {
  const std::string labels = "method=\"" + method + "\",route=\"" + route + "\"";
  std::lock_guard lock(mutex_);
  ++requests_[labels + ",status=\"" + std::to_string(status) + "\""];
  Series& s = latency_[labels];
  ++s.count;
  s.sum += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++s.buckets[i];
}

void Metrics::count_application(const std::string& outcome) {
  std::lock_guard lock(mutex_);
  ++applications_["outcome=\"" + outcome + "\""];
}

std::string Metrics::prometheus_text() const {
  std::ostringstream out;
  std::lock_guard lock(mutex_);
  out << "# HELP powerdesk_http_requests_total HTTP requests by route and status.\n"
         "# TYPE powerdesk_http_requests_total counter\n";
  for (const auto& [labels, n] : requests_) out << "powerdesk_http_requests_total{" << labels << "} " << n << "\n";
  out << "# HELP powerdesk_http_request_duration_seconds Time to answer, by route.\n"
         "# TYPE powerdesk_http_request_duration_seconds histogram\n";
  for (const auto& [labels, s] : latency_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out << "powerdesk_http_request_duration_seconds_bucket{" << labels << ",le=\"" << kBuckets[i] << "\"} "
          << s.buckets[i] << "\n";
    out << "powerdesk_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} " << s.count << "\n";
    out << "powerdesk_http_request_duration_seconds_sum{" << labels << "} " << s.sum << "\n";
    out << "powerdesk_http_request_duration_seconds_count{" << labels << "} " << s.count << "\n";
  }
  out << "# HELP powerdesk_applications_total Application submissions by outcome.\n"
         "# TYPE powerdesk_applications_total counter\n";
  for (const auto& [labels, n] : applications_) out << "powerdesk_applications_total{" << labels << "} " << n << "\n";
  return out.str();
}

}  // namespace powerdesk::server
