// Dedupe and match results as JSON. Records appear by their `id` only; a
// field's values appear only masked (identity.hpp: 张* / 章*, 138****5678,
// ******2345), and addresses not at all — the `how` says what agreed.
#include <string>

#include "dedupe_json.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

using dedupe::Field;

const std::string& value_of(const dedupe::Record& r, Field f) {
  switch (f) {
    case Field::CustomerNumber: return r.customer_number;
    case Field::Phone: return r.phone;
    case Field::Name: return r.name;
    case Field::Address: return r.address;
    case Field::ContactName: return r.contact_name;
  }
  return r.name;
}

// Masked, or empty for a field that is never shown (the address).
std::string masked(const std::string& value, Field f) {
  switch (f) {
    case Field::CustomerNumber: return mask_account(value);
    case Field::Phone: return mask_phone(value);
    case Field::Name:
    case Field::ContactName: return mask_name(value);
    case Field::Address: return "";
  }
  return "";
}

Json bilingual(const Bilingual& b) { return Json{{"zh", b.zh}, {"en", b.en}}; }

Json render_fields(const dedupe::PairScore& s, const dedupe::Record& a, const dedupe::Record& b) {
  Json fields = Json::object();
  for (Field f : dedupe::kFields) {
    const dedupe::FieldScore& fs = s[f];
    Json j{{"how", std::string(dedupe::how_name(fs.how))},
           {"points", fs.points},
           {"weight", dedupe::field_weight(f)},
           {"compared", fs.compared()}};
    if (fs.compared() && f != Field::Address)
      j["masked"] = Json::array({masked(value_of(a, f), f), masked(value_of(b, f), f)});
    fields[std::string(dedupe::field_name(f))] = std::move(j);
  }
  return fields;
}

Json render_pair(const dedupe::PairScore& s, const dedupe::Record& a, const dedupe::Record& b, int threshold) {
  return Json{{"records", Json::array({a.id, b.id})},
              {"score", s.total},
              {"duplicate", s.total >= threshold},
              {"fields", render_fields(s, a, b)},
              {"explanation", bilingual(dedupe::explain(s, threshold))}};
}

}  // namespace

Json render_dedupe(const dedupe::DedupeResult& result, const DedupeRequest& req) {
  Json clusters = Json::array();
  size_t merged_away = 0;
  for (const dedupe::Cluster& c : result.clusters) {
    Json ids = Json::array();
    for (size_t i : c.members) ids.push_back(req.records[i].id);
    Json links = Json::array();
    for (const dedupe::Link& l : c.links)
      links.push_back(render_pair(l.score, req.records[l.a], req.records[l.b], req.threshold));
    clusters.push_back(Json{{"records", std::move(ids)}, {"links", std::move(links)}});
    merged_away += c.members.size() - 1;
  }
  const dedupe::DedupeStats& s = result.stats;
  return Json{{"clusters", std::move(clusters)},
              {"duplicates", merged_away},
              {"pinyin", result.pinyin},
              {"threshold", req.threshold},
              {"stats", Json{{"records", s.records},
                             {"blocks", s.blocks},
                             {"oversized_blocks", s.oversized_blocks},
                             {"compared_pairs", s.compared_pairs},
                             {"matched_pairs", s.matched_pairs}}}};
}

Json render_match(const dedupe::MatchResult& result, const MatchRequest& req) {
  Json matches = Json::array();
  for (const dedupe::Candidate& c : result.candidates) {
    const dedupe::Record& cand = req.candidates[c.index];
    matches.push_back(Json{{"id", cand.id},
                           {"score", c.score.total},
                           {"duplicate", c.score.total >= req.threshold},
                           {"fields", render_fields(c.score, req.record, cand)},
                           {"explanation", bilingual(dedupe::explain(c.score, req.threshold))}});
  }
  return Json{{"matches", std::move(matches)},
              {"pinyin", result.pinyin},
              {"threshold", req.threshold},
              {"min_score", req.min_score},
              {"limit", req.limit},
              {"compared", result.compared}};
}

}  // namespace powerdesk
