// The run summary: a JSON file (counts, exact totals, per-tariff figures,
// time) and one line on stderr.
#pragma once

#include <cstdint>
#include <string>

#include "powerdesk/batch.hpp"

namespace powerdesk::batch {

struct RunDescription {
  std::string readings, customers, output, rejects, format;
  unsigned threads = 0;
  bool resumed = false;
};

std::string summary_json(const RunDescription& d, const RunTotals& t, int64_t elapsed_ms);
std::string summary_line(const RunTotals& t, int64_t elapsed_ms, const std::string& output);

}  // namespace powerdesk::batch
