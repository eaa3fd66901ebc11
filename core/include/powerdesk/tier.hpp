// Star-tier customers (星级客户): which tier a customer holds, why, and the
// services that tier is owed. The rules are decision tables in the packs
// (star_tier, star_tier_support, star_services); this is the typed side.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/calendar.hpp"
#include "powerdesk/decimal.hpp"
#include "powerdesk/decision_table.hpp"
#include "powerdesk/issue.hpp"
#include "powerdesk/json_input.hpp"
#include "powerdesk/text.hpp"

namespace powerdesk {

class PackRegistry;
struct RulePack;

// One of the value-added services (增值服务) a star tier is owed.
struct StarService {
  int number = 0;  // 1–16 as numbered in the source
  Bilingual name;
  Bilingual description;
  Citation citation;
};

// The facts star-tier tables may test (schema "star_customer"). Its last
// field, `tier`, is the tier star_tier decided: the tables that follow it
// (star_tier_support, star_services) test that field.
const decision::InputSchema& star_customer_schema();

// Enums are in the schema's declared order, so `static_cast<Value>(e)` is the
// enum position the tables compare by.
enum class CreditRating : uint8_t { Excellent, Good, Fair, Poor };  // 优 良 中 差
enum class Level : uint8_t { None, Municipal, Provincial, National };  // 市级 省级 国家级
enum class SpecialCategory : uint8_t {
  None,
  Military,           // 部队
  Airport,            // 机场
  HighRiskOther,      // 其他高危行业
  AffordableHousing,  // 保障房安居工程
  HopeSchool,         // 希望小学
  LivelihoodOther,    // 其他民心工程
  FloodRelief,        // 抗洪救灾工程
};
enum class StarTier : uint8_t { Ordinary, OneStar, TwoStar, ThreeStar };

std::string_view star_tier_code(StarTier t);  // "ordinary" … "three_star"

// Schema field positions (the order of star_customer_schema().fields).
enum StarField : int {
  kExistingCustomer,
  kAnnualKwh,
  kHasArrears,
  kCreditRating,
  kProjectLevel,
  kParkLevel,
  kSupplyVoltageKv,
  kSpecialCategory,
  kTierField,
  kStarFieldCount
};

using KiloVolt = Fixed<3>;

struct StarCustomer {
  bool existing_customer = true;  // 存量客户
  Energy annual_kwh;              // 全年用电总量
  bool has_arrears = false;       // 发生过欠费
  CreditRating credit_rating = CreditRating::Fair;
  Level project_level = Level::None;  // 重点项目
  Level park_level = Level::None;     // 园区
  KiloVolt supply_voltage_kv;         // 供电电压等级; 0 = not given
  SpecialCategory special_category = SpecialCategory::None;
};

using StarFacts = std::array<decision::Value, kStarFieldCount>;
StarFacts star_facts(const StarCustomer& c, StarTier tier = StarTier::Ordinary);

// What one customer's tier means, with everything needed to explain it.
struct StarTierExplanation {
  StarTier tier = StarTier::Ordinary;
  Bilingual label;
  StarFacts facts{};               // as the tables saw them (tier filled in)
  decision::Evaluation tier_eval;  // star_tier: every matching row
  decision::Evaluation support_eval;
  decision::Evaluation services_eval;
  bool customer_manager = false;   // 客户经理
  bool project_team = false;       // 项目管理团队
  std::vector<const StarService*> services;  // in number order
};

// The star-tier tables of one region on one day, resolved once (regional
// pack first, then national) and checked to fit the typed API; then
// classifies any number of customers without allocating.
class StarTierClassifier {
 public:
  static Result<StarTierClassifier> build(const PackRegistry& packs, const std::string& region, Date day);

  StarTier classify(const StarCustomer& c) const;
  // out.size() must be at least in.size().
  void classify(std::span<const StarCustomer> in, std::span<StarTier> out) const;

  StarTierExplanation explain(const StarCustomer& c) const;
  // One trace per table consulted: star_tier, star_tier_support, star_services.
  Json traces(const StarTierExplanation& e) const;

  const RulePack& tier_pack() const { return *tier_pack_; }
  const decision::Table& tier_table() const { return *tier_; }

 private:
  StarTier tier_of_row(int row) const;

  const decision::Table* tier_ = nullptr;
  const decision::Table* support_ = nullptr;
  const decision::Table* services_ = nullptr;
  const RulePack* tier_pack_ = nullptr;
  const std::vector<StarService>* catalogue_ = nullptr;
  std::vector<StarTier> row_tier_;  // star_tier row → tier
  StarTier default_tier_ = StarTier::Ordinary;
  std::array<Bilingual, 4> labels_;  // by StarTier
  int manager_out_ = 0, team_out_ = 0, service_out_ = 0;
};

// The facade request (Engine::star_tier).
struct StarTierRequest {
  std::string region;
  Date date;
  StarCustomer customer;
  std::vector<std::string> defaulted;  // customer fields not given, in schema order
};

Result<StarTierRequest> parse_star_tier_request(const Json& root);

}  // namespace powerdesk
