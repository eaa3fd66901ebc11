// Internal: the process operation's request, answer and JSON rendering.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "powerdesk/json_input.hpp"
#include "powerdesk/process.hpp"
#include "powerdesk/rulepack.hpp"

namespace powerdesk {

// Without "business" the request lists the catalogue in force on "date";
// with it, the steps and due dates of one application accepted on "accepted".
struct ProcessRequest {
  std::string region;
  std::string business;  // empty: list the catalogue
  Date date;             // the pack date: "date" (catalogue) or "accepted"
  ProcessInput input;
};

struct ProcessAnswer {
  const RulePack* regional = nullptr;
  const RulePack* national = nullptr;
  // The catalogue in force: each business with the pack it comes from
  // (the regional pack's entry wins over the national one).
  std::vector<std::pair<const BusinessType*, const RulePack*>> catalogue;
  const BusinessType* business = nullptr;  // set when one was asked for
  const RulePack* business_pack = nullptr;
  ProcessProgress progress;
  Issues warnings;
};

Result<ProcessRequest> parse_process_request(const Json& root);
Result<ProcessAnswer> compute_process(const ProcessRequest& req, const PackRegistry& packs);
Json render_process(const ProcessAnswer& answer, const ProcessRequest& req);

}  // namespace powerdesk
