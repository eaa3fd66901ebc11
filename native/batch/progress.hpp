// A one-line progress bar on stderr, drawn only when stderr is a terminal
// (or --progress always); a log or pipe gets just the final summary line.
#pragma once

#include <chrono>
#include <cstdint>

namespace powerdesk::batch {

class Progress {
 public:
  Progress(bool enabled, int64_t total_bytes);
  // At most a few redraws a second, whatever the call rate.
  void update(int64_t bytes_done, int64_t billed, int64_t rejected);
  void finish();  // clears the bar before the summary line

 private:
  bool enabled_;
  int64_t total_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

bool progress_enabled(const char* option);  // "auto", "always", "never"

}  // namespace powerdesk::batch
