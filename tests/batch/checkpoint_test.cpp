// The file-mode checkpoint (native/batch/checkpoint.cpp): what --resume reads
// back must be exactly what was written, and anything else is refused (the
// run then starts afresh or stops), never a crash or a silently changed number.
#include "checkpoint.hpp"

#include <gtest/gtest.h>

#include <string>

namespace powerdesk::batch {
namespace {

Checkpoint sample() {
  Checkpoint c;
  c.readings = {4096, 1700000000123456789};
  c.customers = {512, 1700000000000000000};
  c.input_format = "jsonl";
  c.customers_format = "csv";
  c.output_format = "jsonl";
  c.packs = "zhejiang-2025@2025.1";
  c.input_offset = 2048;
  c.next_line = 17;
  c.output_bytes = 9000;
  c.rejects_bytes = 300;
  c.elapsed_ms = 42;
  c.totals.add_bill("zhejiang/residential", *Energy::parse("200"), *Money::parse("107.60"));
  return c;
}

// The sample's JSON with one member replaced by raw JSON text.
std::string with(const std::string& key, const std::string& raw) {
  Json j = Json::parse(sample().to_json());
  j[key] = "@";
  std::string text = j.dump();
  text.replace(text.find("\"@\""), 3, raw);
  return text;
}

TEST(Checkpoint, RoundTripsExactly) {
  const auto back = Checkpoint::parse(sample().to_json());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->to_json(), sample().to_json());
  EXPECT_EQ(back->readings.mtime_ns, 1700000000123456789);
  EXPECT_EQ(back->next_line, 17);
  EXPECT_TRUE(back->same_run(sample()));
}

// Fuzzing found it (tests/fuzz/regressions/checkpoint/version-not-a-number):
// j.value("version", 0) threw on a string, outside the try, and the run died.
TEST(Checkpoint, VersionThatIsNotTheNumberOneIsRefused) {
  EXPECT_FALSE(Checkpoint::parse(R"({"version":"1"})"));
  EXPECT_FALSE(Checkpoint::parse(with("version", "\"1\"")));
  EXPECT_FALSE(Checkpoint::parse(with("version", "2")));
  EXPECT_FALSE(Checkpoint::parse(with("version", "null")));
}

// Fuzzing found it (tests/fuzz/regressions/checkpoint/mtime-float-out-of-range):
// get<int64_t>() on 1e300 is undefined behaviour, 1.5 became 1 and a large
// unsigned number wrapped negative.
TEST(Checkpoint, NumbersThatAreNot64BitIntegersAreRefused) {
  for (const std::string raw : {"1e300", "1.5", "18446744073709551615", "-1e300", "\"2048\""}) {
    SCOPED_TRACE(raw);
    EXPECT_FALSE(Checkpoint::parse(with("input_offset", raw)));
  }
  EXPECT_TRUE(Checkpoint::parse(with("input_offset", "9223372036854775807")));  // INT64_MAX still fits
}

TEST(Checkpoint, NotJsonOrIncompleteIsRefused) {
  EXPECT_FALSE(Checkpoint::parse(""));
  EXPECT_FALSE(Checkpoint::parse("[]"));
  const std::string text = sample().to_json();
  EXPECT_FALSE(Checkpoint::parse(text.substr(0, text.size() / 2)));
  Json j = Json::parse(text);
  j.erase("packs");
  EXPECT_FALSE(Checkpoint::parse(j.dump()));
}

}  // namespace
}  // namespace powerdesk::batch
