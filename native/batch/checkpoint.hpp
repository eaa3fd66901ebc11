// The checkpoint of a file-mode run (<output>.checkpoint): how far the input
// has been billed and how long the outputs were then, written only after
// those outputs were fsync'd, so --resume can cut them back and go on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "io.hpp"
#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

struct Checkpoint {
  // What the run reads and writes: a resume with other inputs or formats is refused.
  FileIdentity readings, customers;
  std::string input_format, customers_format, output_format, packs;
  // Progress.
  int64_t input_offset = 0;  // the next record starts here
  int64_t next_line = 1;
  int64_t output_bytes = 0;
  int64_t rejects_bytes = 0;
  int64_t elapsed_ms = 0;    // billing time before this session
  RunTotals totals;

  std::string to_json() const;
  static std::optional<Checkpoint> parse(const std::string& text);
  // Same inputs and formats (progress aside).
  bool same_run(const Checkpoint& other) const;
};

}  // namespace powerdesk::batch
