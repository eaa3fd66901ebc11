// Validating an application: read what can be read, find the packs and the
// business's form, run every check, and order the issues as the form is laid
// out. A bad field never hides the problems of another.
#include <algorithm>
#include <array>

#include "application_internal.hpp"

namespace powerdesk {

std::string_view applicant_type_code(ApplicantType t) {
  return t == ApplicantType::Person ? "person" : "organization";
}

namespace application_detail {

const ApplicationForms* Context::forms(bool regional_first) const {
  if (regional_first && regional && regional->application_forms) return &*regional->application_forms;
  if (national && national->application_forms) return &*national->application_forms;
  return nullptr;
}

const DocumentType* Context::document(const std::string& id) const {
  for (const RulePack* p : {regional, national}) {
    if (!p || !p->application_forms) continue;
    auto it = p->application_forms->documents.find(id);
    if (it != p->application_forms->documents.end()) return &it->second;
  }
  return nullptr;
}

namespace {

// A section value of the regional pack when it sets one (non-empty, non-zero),
// else the national pack's.
template <typename T>
T first_set(const Context& c, T ApplicationForms::*member) {
  for (const RulePack* p : {c.regional, c.national}) {
    if (p && p->application_forms && (*p->application_forms).*member != T{}) return (*p->application_forms).*member;
  }
  return T{};
}

}  // namespace

std::vector<int> Context::account_number_lengths() const {
  return first_set(*this, &ApplicationForms::account_number_lengths);
}
int Context::full_capacity_age() const { return first_set(*this, &ApplicationForms::full_capacity_age); }
int Context::own_income_age() const { return first_set(*this, &ApplicationForms::own_income_age); }

namespace {

// The members an application may have, in the order a form shows them.
constexpr std::array<const char*, 12> kSections = {"region",  "today",          "business", "applicant",
                                                   "agent",   "contact",        "address",  "account_number",
                                                   "customer", "request",       "documents", "one_certificate"};

size_t section_rank(const std::string& path) {
  const size_t end = path.find('/', 1);
  const std::string first = path.empty() ? "" : path.substr(1, end == std::string::npos ? end : end - 1);
  for (size_t i = 0; i < kSections.size(); ++i) {
    if (first == kSections[i]) return i + 1;
  }
  return 0;  // the whole document
}

// The part of an application the eligibility reader understands (same paths).
Json eligibility_part(const Json& app) {
  Json part = Json::object();
  for (const char* key : {"region", "today", "business", "customer", "request"}) {
    if (app.contains(key)) part[key] = app[key];
  }
  return part;
}

void find_packs(Context& c, const EligibilityRequest& req, const PackRegistry& packs, Issues& issues) {
  if (req.region.empty() || req.today.days() == 0) return;
  if (!packs.knows_region(req.region)) {
    issues.push_back(make_issue(Code::RegionUnknown, "/region", "未知地区 " + req.region, "Unknown region " + req.region));
    return;
  }
  c.regional = packs.find(req.region, req.today);
  c.national = packs.national(req.today);
  if (!c.regional || !c.national) {
    issues.push_back(make_issue(Code::NoPackForDate, "/today", "该日期没有生效的规则包：" + req.today.iso(),
                                "No rule pack in force on " + req.today.iso()));
    return;
  }
  if (req.business.empty()) return;
  for (const RulePack* p : {c.regional, c.national}) {
    if (!p->application_forms) continue;
    auto it = p->application_forms->forms.find(req.business);
    if (it != p->application_forms->forms.end()) {
      c.form = &it->second;
      return;
    }
  }
  issues.push_back(make_issue(Code::RuleMissing, "/business", "生效的规则包未定义业务 " + req.business + " 的申请表",
                              "No pack in force defines the application form of " + req.business));
}

}  // namespace
}  // namespace application_detail

Result<ApplicationReport> validate_application(const Json& app, const PackRegistry& packs) {
  using namespace application_detail;
  if (!app.is_object())
    return make_issue(Code::FieldType, "", "申请应为 JSON 对象", "The application must be a JSON object");
  ApplicationReport report;
  Issues& issues = report.issues;
  FieldReader r(issues);
  r.reject_unknown(app, "", {"region", "today", "business", "applicant", "agent", "contact", "address",
                             "account_number", "customer", "request", "documents", "one_certificate"});

  EligibilityRequest req = read_eligibility_request(eligibility_part(app), issues);
  report.business = req.business;
  Context c{app, req.today, nullptr, nullptr, nullptr, std::nullopt, false, r, report.normalized};
  find_packs(c, req, packs, issues);
  report.pack = c.regional;
  report.national = c.national;
  report.form = c.form;

  check_parties(c);
  check_place(c);
  report.documents = check_documents(c);
  check_rules(c, req, packs, report);

  std::stable_sort(issues.begin(), issues.end(),
                   [](const Issue& a, const Issue& b) { return section_rank(a.path) < section_rank(b.path); });
  return report;
}

}  // namespace powerdesk
