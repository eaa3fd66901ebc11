// Facade: star tier (星级客户) of one customer, with the services it is owed
// and the trace of every table consulted.
#include "powerdesk/api.hpp"
#include "powerdesk/tier.hpp"
#include "api_internal.hpp"

namespace powerdesk {
using namespace api_detail;
namespace {

struct Classified {
  StarTierClassifier classifier;
  StarTierExplanation explanation;
};

Result<Classified> classify(const StarTierRequest& req, const PackRegistry& packs) {
  auto c = StarTierClassifier::build(packs, req.region, req.date);
  if (!c.ok()) return c.issues();
  StarTierExplanation e = c.value().explain(req.customer);
  return Classified{std::move(c.value()), std::move(e)};
}

Json render(const Classified& c, const StarTierRequest& req) {
  const StarTierExplanation& e = c.explanation;
  Json services = Json::array();
  for (const StarService* s : e.services)
    services.push_back({{"number", s->number}, {"name", bilingual_json(s->name)},
                        {"description", bilingual_json(s->description)}});
  const RulePack& pack = c.classifier.tier_pack();
  return Json{{"region", req.region},
              {"date", req.date.iso()},
              {"tier", std::string(star_tier_code(e.tier))},
              {"label", bilingual_json(e.label)},
              {"customer_manager", e.customer_manager},
              {"project_team", e.project_team},
              {"services", services},
              {"defaulted", req.defaulted},
              {"trace", c.classifier.traces(e)},
              {"pack", {{"id", pack.id}, {"version", pack.version}, {"region", pack.region}}}};
}

}  // namespace

Response Engine::star_tier(std::string_view text) const {
  return run(text, parse_star_tier_request,
             [&](const StarTierRequest& r) { return classify(r, packs_); },
             [](const Classified& c, const StarTierRequest& r) { return render(c, r); });
}

}  // namespace powerdesk
