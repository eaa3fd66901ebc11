#include "checkpoint.hpp"

namespace powerdesk::batch {

std::string Checkpoint::to_json() const {
  const Json j{{"version", 1},
               {"readings", {{"size", readings.size}, {"mtime_ns", readings.mtime_ns}}},
               {"customers", {{"size", customers.size}, {"mtime_ns", customers.mtime_ns}}},
               {"input_format", input_format},
               {"customers_format", customers_format},
               {"output_format", output_format},
               {"packs", packs},
               {"input_offset", input_offset},
               {"next_line", next_line},
               {"output_bytes", output_bytes},
               {"rejects_bytes", rejects_bytes},
               {"elapsed_ms", elapsed_ms},
               {"totals", totals.to_json()}};
  return j.dump() + "\n";
}

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("version", 0) != 1) return std::nullopt;
  try {
    Checkpoint c;
    c.readings = {j.at("readings").at("size").get<int64_t>(), j.at("readings").at("mtime_ns").get<int64_t>()};
    c.customers = {j.at("customers").at("size").get<int64_t>(), j.at("customers").at("mtime_ns").get<int64_t>()};
    c.input_format = j.at("input_format").get<std::string>();
    c.customers_format = j.at("customers_format").get<std::string>();
    c.output_format = j.at("output_format").get<std::string>();
    c.packs = j.at("packs").get<std::string>();
    c.input_offset = j.at("input_offset").get<int64_t>();
    c.next_line = j.at("next_line").get<int64_t>();
    c.output_bytes = j.at("output_bytes").get<int64_t>();
    c.rejects_bytes = j.at("rejects_bytes").get<int64_t>();
    c.elapsed_ms = j.at("elapsed_ms").get<int64_t>();
    auto t = RunTotals::from_json(j.at("totals"));
    if (!t) return std::nullopt;
    c.totals = *t;
    return c;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

bool Checkpoint::same_run(const Checkpoint& o) const {
  return readings.size == o.readings.size && readings.mtime_ns == o.readings.mtime_ns &&
         customers.size == o.customers.size && customers.mtime_ns == o.customers.mtime_ns &&
         input_format == o.input_format && customers_format == o.customers_format &&
         output_format == o.output_format && packs == o.packs;
}

}  // namespace powerdesk::batch
