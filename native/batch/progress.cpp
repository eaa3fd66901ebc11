#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <string>

namespace powerdesk::batch {

bool progress_enabled(const char* option) {
  const std::string o = option;
  if (o == "always") return true;
  if (o == "never") return false;
  return ::isatty(STDERR_FILENO) == 1;
}

Progress::Progress(bool enabled, int64_t total_bytes)
    : enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::update(int64_t done, int64_t billed, int64_t rejected) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  drawn_ = true;
  const double frac = total_ > 0 ? static_cast<double>(done) / static_cast<double>(total_) : 1.0;  // display only
  const double secs = std::chrono::duration<double>(now - start_).count();
  const double rate = secs > 0 ? static_cast<double>(billed + rejected) / secs : 0;
  const double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
  constexpr int kWidth = 30;
  std::string bar(kWidth, '.');
  for (int i = 0; i < static_cast<int>(frac * kWidth) && i < kWidth; ++i) bar[static_cast<size_t>(i)] = '#';
  std::fprintf(stderr, "\r\033[Kbill-run [%s] %5.1f%%  %lld bills  %lld rejects  %.0f/s  ETA %.0fs", bar.c_str(),
               frac * 100, static_cast<long long>(billed), static_cast<long long>(rejected), rate, eta);
  std::fflush(stderr);
}

void Progress::finish() {
  if (enabled_ && drawn_) std::fprintf(stderr, "\r\033[K");
}

}  // namespace powerdesk::batch
