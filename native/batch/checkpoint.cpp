#include "checkpoint.hpp"

#include <cstdint>
#include <stdexcept>

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

namespace {

// An integer member as int64_t. Not get<int64_t>(): it converts a float
// (1e300 is undefined behaviour, 1.5 becomes 1) and wraps a large unsigned.
int64_t integer(const Json& v) {
  if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > uint64_t(INT64_MAX)))
    throw std::invalid_argument("not a 64-bit integer");
  return v.get<int64_t>();
}

}  // namespace

std::optional<Checkpoint> Checkpoint::parse(const std::string& text) {
  const Json j = Json::parse(text, nullptr, false);
  // Not j.value("version", 0): it throws when "version" is not a number.
  if (j.is_discarded() || !j.is_object() || !j.contains("version") || j["version"] != 1) return std::nullopt;
  try {
    Checkpoint c;
    c.readings = {integer(j.at("readings").at("size")), integer(j.at("readings").at("mtime_ns"))};
    c.customers = {integer(j.at("customers").at("size")), integer(j.at("customers").at("mtime_ns"))};
    c.input_format = j.at("input_format").get<std::string>();
    c.customers_format = j.at("customers_format").get<std::string>();
    c.output_format = j.at("output_format").get<std::string>();
    c.packs = j.at("packs").get<std::string>();
    c.input_offset = integer(j.at("input_offset"));
    c.next_line = integer(j.at("next_line"));
    c.output_bytes = integer(j.at("output_bytes"));
    c.rejects_bytes = integer(j.at("rejects_bytes"));
    c.elapsed_ms = integer(j.at("elapsed_ms"));
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
