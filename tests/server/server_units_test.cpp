// The server's own small pieces; the HTTP behaviour is tested against a
// running server (openapi_contract_test.py, crash_test.py, two_instances_test.py).
#include <gtest/gtest.h>

#include "crypto.hpp"
#include "intake_request.hpp"
#include "log_mask.hpp"
#include "rate_limiter.hpp"
#include "staff_tokens.hpp"

namespace powerdesk::server {
namespace {

TEST(Crypto, Sha256OfAbcIsTheFips180Vector) {
  // FIPS 180-2, appendix B.1.
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Crypto, HmacSha256MatchesRfc4231Case2) {
  EXPECT_EQ(hmac_sha256_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(Crypto, RandomHexHasTheAskedLengthAndDiffers) {
  const std::string a = random_hex(32), b = random_hex(32);
  EXPECT_EQ(a.size(), 64u);
  EXPECT_NE(a, b);
}

TEST(LogMask, MobileNumbersKeepThreeAndFourDigits) {
  EXPECT_EQ(mask_personal_data("phone=13812345678&x=1"), "phone=138****5678&x=1");
}

TEST(LogMask, ResidentIdsHideTheBirthDate) {
  EXPECT_EQ(mask_personal_data("/id/11010519491231002X"), "/id/110105********002X");
  EXPECT_EQ(mask_personal_data("id 110105194912310021."), "id 110105********0021.");
}

TEST(LogMask, OtherLongNumbersKeepThreeAndFour) {
  EXPECT_EQ(mask_personal_data("card 6222021234567890123"), "card 622************0123");
}

TEST(LogMask, ShortNumbersAndApplicationNumbersStay) {
  // PD + accepted date + sequence: an identifier support staff need, not personal data.
  EXPECT_EQ(mask_personal_data("/api/v1/applications/PD20250602000001/status"),
            "/api/v1/applications/PD20250602000001/status");
  EXPECT_EQ(mask_personal_data("limit=500&after=42"), "limit=500&after=42");
}

TEST(LogMask, ClientAddressesLoseTheirLastPart) {
  EXPECT_EQ(mask_client_address("192.168.1.23"), "192.168.1.*");
  EXPECT_EQ(mask_client_address("2001:db8::1"), "2001:db8::*");
  EXPECT_EQ(mask_client_address(""), "*");
}

TEST(StaffTokens, AuthenticatesByTheHashOfTheBearerToken) {
  const auto tokens = StaffTokens::from_lines(
      "# staff\nalice " + sha256_hex("alice-secret-token") + "\n\nbob " + sha256_hex("bob-secret-token") + "\n", "t");
  EXPECT_EQ(tokens.size(), 2u);
  EXPECT_EQ(tokens.authenticate("Bearer alice-secret-token").value_or(""), "alice");
  EXPECT_EQ(tokens.authenticate("Bearer bob-secret-token").value_or(""), "bob");
  EXPECT_FALSE(tokens.authenticate("Bearer wrong"));
  EXPECT_FALSE(tokens.authenticate("alice-secret-token"));  // no scheme
  EXPECT_FALSE(tokens.authenticate(""));
}

TEST(StaffTokens, MalformedLinesNameTheLine) {
  try {
    StaffTokens::from_lines("alice " + sha256_hex("x") + "\nbob not-a-hash\n", "tokens.txt");
    FAIL() << "accepted a line without a hash";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).rfind("tokens.txt:2: expected \"name sha256-hex\"", 0), 0u) << e.what();
  }
}

TEST(RateLimiter, AllowsABurstThenRefillsPerMinute) {
  RateLimiter limiter(3);
  const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_TRUE(limiter.allow("a", t0));
  EXPECT_TRUE(limiter.allow("a", t0));
  EXPECT_TRUE(limiter.allow("a", t0));
  EXPECT_FALSE(limiter.allow("a", t0));
  EXPECT_TRUE(limiter.allow("b", t0));  // per client
  EXPECT_TRUE(limiter.allow("a", t0 + std::chrono::seconds(20)));  // 3/min: one token per 20 s
  EXPECT_FALSE(limiter.allow("a", t0 + std::chrono::seconds(21)));
}

TEST(RateLimiter, ZeroTurnsItOff) {
  RateLimiter limiter(0);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(limiter.allow("a"));
}

TEST(IntakeRequest, ReadsTheApplicationAndVariant) {
  auto r = read_intake_request(R"({"variant": "dual_source", "application": {"business": "new_hv"}})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value().variant, "dual_source");
  EXPECT_EQ(r.value().application["business"], "new_hv");
  EXPECT_EQ(r.value().canonical, R"({"application":{"business":"new_hv"},"variant":"dual_source"})");
}

TEST(IntakeRequest, ReportsEveryProblemWithItsPath) {
  auto r = read_intake_request(R"({"applicaton": {}, "variant": 3})");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.issues().size(), 3u);
  EXPECT_EQ(r.issues()[0].path, "/applicaton");
  EXPECT_EQ(code_name(r.issues()[0].code), "PD_FIELD_UNKNOWN");
  EXPECT_EQ(r.issues()[1].path, "/application");
  EXPECT_EQ(code_name(r.issues()[1].code), "PD_FIELD_MISSING");
  EXPECT_EQ(r.issues()[2].path, "/variant");
  EXPECT_EQ(code_name(r.issues()[2].code), "PD_FIELD_TYPE");
}

TEST(IntakeRequest, MalformedJsonIsTheCoresError) {
  auto r = read_intake_request("{\"application\": ");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_name(r.issues()[0].code), "PD_JSON_MALFORMED");
}

TEST(IntakeRequest, IdempotencyKeysAreEightTo128SafeCharacters) {
  EXPECT_TRUE(idempotency_key_valid("3f2a91c0-7d44-4e1b-8a9e-1c2b3d4e5f60"));
  EXPECT_TRUE(idempotency_key_valid("portal:draft.42_x"));
  EXPECT_FALSE(idempotency_key_valid("short"));
  EXPECT_FALSE(idempotency_key_valid(std::string(129, 'a')));
  EXPECT_FALSE(idempotency_key_valid("has space 123"));
  EXPECT_FALSE(idempotency_key_valid("中文中文中文"));
}

TEST(IntakeRequest, StatusSecretsAreStablePerKeyAndReadable) {
  const std::string key = std::string(64, '7');
  const std::string s = status_secret(key, "key-00000001");
  // The first 16 hex digits of HMAC-SHA256(key, "status-secret:key-00000001"), grouped by four.
  const std::string mac = hmac_sha256_hex(key, "status-secret:key-00000001");
  std::string expected;
  for (int i = 0; i < 16; ++i) expected += static_cast<char>(std::toupper(mac[i])) + std::string(i % 4 == 3 && i < 15 ? "-" : "");
  EXPECT_EQ(s, expected);
  EXPECT_EQ(s.size(), 19u);
  EXPECT_EQ(status_secret(key, "key-00000001"), s);
  EXPECT_NE(status_secret(key, "key-00000002"), s);
  EXPECT_EQ(normalize_secret(" " + s.substr(0, 9) + " " + s.substr(10)), normalize_secret(s));
  EXPECT_EQ(normalize_secret("ab12-cd34"), "AB12CD34");
}

}  // namespace
}  // namespace powerdesk::server
