// Process answer → JSON: each step with its status, due date and why, in
// Chinese and English, and the rule each limit comes from.
#include "powerdesk/bill_json.hpp"  // render_issue
#include "process_json.hpp"

namespace powerdesk {
namespace {

// No content hash: it changes with every edit of a pack, even of another section.
Json pack_json(const RulePack& p) { return Json{{"id", p.id}, {"region", p.region}, {"version", p.version}}; }

void limit_json(const WorkingDayLimit& l, Json& out) {
  if (l.days) out["working_days"] = *l.days;
  if (!l.by_variant.empty()) out["working_days_by_variant"] = l.by_variant;
}

const ProcessStep* step_by_id(const BusinessType& b, const std::string& id) {
  for (const ProcessStep& s : b.steps)
    if (s.id == id) return &s;
  return nullptr;
}

std::string n_zh(int n) { return "第 " + std::to_string(n) + " 个工作日"; }
std::string n_en(int n) {
  const int r = n % 100;
  const char* suffix = (r >= 11 && r <= 13) ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
  return "the " + std::to_string(n) + suffix + " working day";
}

Bilingual explain_step(const StepProgress& p, const BusinessType& b) {
  const ProcessStep* from = p.clock_from.empty() ? nullptr : step_by_id(b, p.clock_from);
  if (p.status == StepStatus::Skipped)
    return {"可选环节，未办理（其后环节已完成）", "Optional step not taken (a later step is completed)"};
  if (p.due && p.limit && p.clock_start && from) {
    Bilingual e;
    if (p.projected || !p.completed) {
      const bool firm = !p.projected;
      e.zh = "“" + from->name.zh + (firm ? "”于 " + p.clock_start->iso() + " 完成，" : "”按 " + p.clock_start->iso() + " 完成计，") +
             "其后" + n_zh(*p.limit) + "为 " + p.due->iso();
      e.en = p.due->iso() + " is " + n_en(*p.limit) + " after \"" + from->name.en + "\"" +
             (firm ? " (completed " : " (assumed completed ") + p.clock_start->iso() + ")";
      if (p.overdue) {
        e.zh += "，已逾期";
        e.en += "; overdue";
      }
      return e;
    }
    e.zh = "时限：“" + from->name.zh + "”（" + p.clock_start->iso() + "）后" + n_zh(*p.limit) + "即 " + p.due->iso() + "；" +
           p.completed->iso() + " 完成，用时 " + std::to_string(*p.took_working_days) + " 个工作日，" + (p.late ? "逾期" : "按时");
    e.en = "Due " + p.due->iso() + ", " + n_en(*p.limit) + " after \"" + from->name.en + "\" (" + p.clock_start->iso() +
           "); completed " + p.completed->iso() + " after " + std::to_string(*p.took_working_days) + " working days, " +
           (p.late ? "late" : "on time");
    return e;
  }
  if (p.completed) return {p.completed->iso() + " 完成", "Completed " + p.completed->iso()};
  const ProcessStep* cause = step_by_id(b, p.reason_step);
  switch (p.reason) {
    case NoDueReason::CustomerStep:
      return {"客户办理的环节，供电企业不计时限；完成前其后环节不计时", "The customer's step: no utility time limit, and later clocks wait for it"};
    case NoDueReason::NoLimit:
      return {"本环节没有单独的时限", "No time limit of its own"};
    case NoDueReason::WaitingForCustomer:
      return {"待客户完成“" + (cause ? cause->name.zh : p.reason_step) + "”后开始计时",
              "The clock starts once the customer completes \"" + (cause ? cause->name.en : p.reason_step) + "\""};
    case NoDueReason::AfterUntimedStep:
      return {"待“" + (cause ? cause->name.zh : p.reason_step) + "”（无单独时限）完成后开始计时",
              "The clock starts once \"" + (cause ? cause->name.en : p.reason_step) + "\" (no limit of its own) is completed"};
    case NoDueReason::None: break;
  }
  return {"", ""};
}

Json step_json(const StepProgress& p, const BusinessType& b) {
  const ProcessStep& s = *p.step;
  Json j{{"id", s.id}, {"name", bilingual_json(s.name)}, {"party", std::string(party_code(s.party))},
         {"status", std::string(step_status_code(p.status))}, {"explanation", bilingual_json(explain_step(p, b))}};
  if (s.optional) j["optional"] = true;
  if (p.completed) j["completed"] = p.completed->iso();
  if (p.limit) {
    j["limit_working_days"] = *p.limit;
    j["clock_from"] = p.clock_from;
  }
  if (p.due) {
    j["due"] = p.due->iso();
    j["projected"] = p.projected;
    if (p.completed) j["late"] = p.late;
    else j["overdue"] = p.overdue;
  }
  if (p.took_working_days) j["took_working_days"] = *p.took_working_days;
  if (p.reason != NoDueReason::None) {
    Json reason{{"code", std::string(no_due_reason_code(p.reason))}};
    if (!p.reason_step.empty()) reason["step"] = p.reason_step;
    j["no_due_reason"] = reason;
  }
  if (s.citation) j["citation"] = citation_json(*s.citation);
  return j;
}

Json overall_json(const OverallProgress& o, const BusinessType& b) {
  const Commitment& c = *o.commitment;
  Json j{{"name", bilingual_json(c.name)}, {"to", c.to}, {"working_days", o.working_days},
         {"citation", citation_json(c.citation)}};
  const ProcessStep* cause = step_by_id(b, o.reason_step);
  if (!o.due) {
    j["no_due_reason"] = Json{{"code", std::string(no_due_reason_code(o.reason))}, {"step", o.reason_step}};
    j["explanation"] = bilingual_json({"待客户完成“" + (cause ? cause->name.zh : o.reason_step) + "”后才能确定（客户办理的时间不计）",
                                  "Known once the customer completes \"" + (cause ? cause->name.en : o.reason_step) +
                                      "\" (customer time does not count)"});
    return j;
  }
  j["due"] = o.due->iso();
  j["paused_working_days"] = o.paused_working_days;
  if (o.completed) {
    j["completed"] = o.completed->iso();
    j["late"] = o.late;
  } else {
    j["overdue"] = o.overdue;
  }
  const std::string paused_zh = o.paused_working_days ? "（不计客户办理的 " + std::to_string(o.paused_working_days) + " 个工作日）" : "";
  const std::string paused_en = o.paused_working_days ? " (not counting " + std::to_string(o.paused_working_days) +
                                                            " working days of the customer's steps)" : "";
  j["explanation"] = bilingual_json({"受理后" + n_zh(o.working_days) + paused_zh + "为 " + o.due->iso(),
                                o.due->iso() + " is " + n_en(o.working_days) + " after acceptance" + paused_en});
  return j;
}

Json business_json(const BusinessType& b, const RulePack& from) {
  Json variants = Json::array();
  for (const auto& [id, name] : b.variants) variants.push_back({{"id", id}, {"name", bilingual_json(name)}});
  Json steps = Json::array();
  for (const ProcessStep& s : b.steps) {
    Json j{{"id", s.id}, {"name", bilingual_json(s.name)}, {"party", std::string(party_code(s.party))}};
    if (s.optional) j["optional"] = true;
    if (!s.variants.empty()) j["variants"] = s.variants;
    if (!s.clock_from.empty()) j["clock_from"] = s.clock_from;
    limit_json(s.limit, j);
    if (s.citation) j["citation"] = citation_json(*s.citation);
    steps.push_back(j);
  }
  Json j{{"id", b.id}, {"name", bilingual_json(b.name)}, {"category", std::string(business_category_code(b.category))},
         {"variants", variants}, {"steps", steps}, {"pack", from.id}};
  if (b.citation) j["citation"] = citation_json(*b.citation);
  if (b.commitment) {
    Json c{{"name", bilingual_json(b.commitment->name)}, {"to", b.commitment->to},
           {"citation", citation_json(b.commitment->citation)}};
    limit_json(b.commitment->limit, c);
    j["commitment"] = c;
  }
  return j;
}

}  // namespace

Json render_process(const ProcessAnswer& a, const ProcessRequest& req) {
  Json packs = Json::array({pack_json(*a.national)});
  if (a.regional != a.national) packs.push_back(pack_json(*a.regional));
  Json warnings = Json::array();
  for (const Issue& w : a.warnings) warnings.push_back(render_issue(w));
  if (!a.business) {
    Json list = Json::array();
    for (const auto& [b, from] : a.catalogue) list.push_back(business_json(*b, *from));
    return Json{{"region", req.region}, {"date", req.date.iso()}, {"businesses", list}, {"packs", packs},
                {"warnings", warnings}};
  }
  const BusinessType& b = *a.business;
  Json business{{"id", b.id}, {"name", bilingual_json(b.name)}, {"category", std::string(business_category_code(b.category))},
                {"pack", a.business_pack->id}};
  if (b.citation) business["citation"] = citation_json(*b.citation);
  Json steps = Json::array();
  for (const StepProgress& p : a.progress.steps) steps.push_back(step_json(p, b));
  Json out{{"region", req.region}, {"business", business}, {"accepted", req.input.accepted.iso()},
           {"steps", steps}, {"packs", packs}, {"warnings", warnings}};
  if (auto v = b.variants.find(req.input.variant); v != b.variants.end())
    out["variant"] = Json{{"id", v->first}, {"name", bilingual_json(v->second)}};
  if (req.input.today) out["today"] = req.input.today->iso();
  if (a.progress.overall) out["overall"] = overall_json(*a.progress.overall, b);
  return out;
}

}  // namespace powerdesk
