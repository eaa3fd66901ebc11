#include "run_summary.hpp"

namespace powerdesk::batch {
namespace {
int64_t per_minute(int64_t n, int64_t ms) { return ms > 0 ? n * 60000 / ms : 0; }
}  // namespace

std::string summary_json(const RunDescription& d, const RunTotals& t, int64_t elapsed_ms) {
  Json j = t.to_json();
  j["complete"] = true;
  j["inputs"] = {{"readings", d.readings}, {"customers", d.customers}};
  j["outputs"] = {{"bills", d.output}, {"rejects", d.rejects}, {"format", d.format}};
  j["threads"] = d.threads;
  j["resumed"] = d.resumed;
  j["elapsed_ms"] = elapsed_ms;
  // Every record read (billed or rejected) per minute of wall time.
  j["records_per_minute"] = per_minute(t.read, elapsed_ms);
  j["bills_per_minute"] = per_minute(t.billed, elapsed_ms);
  j["check"] = t.read == t.billed + t.rejected ? "read = billed + rejected" : "MISMATCH";
  return j.dump(2) + "\n";
}

std::string summary_line(const RunTotals& t, int64_t elapsed_ms, const std::string& output) {
  return "bill-run: " + std::to_string(t.read) + " read, " + std::to_string(t.billed) + " billed, " +
         std::to_string(t.rejected) + " rejected (customers: " + std::to_string(t.customers_read) + " read, " +
         std::to_string(t.customers_rejected) + " rejected); " + t.kwh.str() + " kWh, " + t.amount.str(2) +
         " CNY; " + std::to_string(elapsed_ms) + " ms, " + std::to_string(per_minute(t.billed, elapsed_ms)) +
         " bills/min -> " + output;
}

}  // namespace powerdesk::batch
