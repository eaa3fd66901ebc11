// The documents an application must carry. Each requirement of the form that
// applies (to this applicant type, to an agent acting for the applicant) is
// met by any one of its documents. Under 一证办电 (国家电网营销〔2014〕168号)
// the applicant's identity document and a signed commitment (承诺书) are
// enough to accept: every other requirement is collected later or through
// government data sharing, which the result says as information. An agent's
// identity and power of attorney are always needed at acceptance.
#include <set>

#include "application_internal.hpp"

namespace powerdesk::application_detail {
namespace {

constexpr const char* kCommitment = "commitment";

std::string names_of(const Context& c, const std::vector<std::string>& ids, bool zh) {
  std::string out;
  for (const std::string& id : ids) {
    if (!out.empty()) out += zh ? "或" : " or ";
    const DocumentType* d = c.document(id);
    out += d ? (zh ? d->name.zh : d->name.en) : id;
  }
  return out;
}

bool applies(const Context& c, const DocumentRequirement& req) {
  if (req.when_agent && !c.has_agent) return false;
  if (req.applicant && c.applicant != req.applicant) return false;
  return true;
}

bool proves_identity(const Context& c, const DocumentRequirement& req) {
  for (const std::string& id : req.any_of) {
    const DocumentType* d = c.document(id);
    if (d && d->identity) return true;
  }
  return false;
}

// The provided document ids; unknown and repeated ids are issues.
std::set<std::string> provided(Context& c) {
  std::set<std::string> out;
  const Json* list = c.r.array(c.app, "documents", "", false);
  if (!list) return out;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = pointer_join("/documents", i);
    const Json& v = (*list)[i];
    if (!v.is_string()) {
      c.r.add(make_issue(Code::FieldType, p, "应为资料编号（字符串）", "must be a document id (a string)"));
      continue;
    }
    const std::string id = v.get<std::string>();
    // Without a pack in force (bad region or date) the ids cannot be checked.
    if (c.national && !c.document(id)) {
      std::string known;
      if (const ApplicationForms* f = c.forms(false)) {
        for (const auto& entry : f->documents) known += (known.empty() ? "" : ", ") + entry.first;
      }
      c.r.add(make_issue(Code::EnumInvalid, p, "未知资料 " + id + "；可选：" + known,
                         "Unknown document " + id + "; one of: " + known));
      continue;
    }
    if (!out.insert(id).second)
      c.r.add(make_issue(Code::DuplicateKey, p, "资料 " + id + " 重复", "Document " + id + " is listed twice"));
  }
  return out;
}

}  // namespace

std::vector<DocumentStatus> check_documents(Context& c) {
  const std::set<std::string> given = provided(c);
  const bool claimed = c.r.boolean(c.app, "one_certificate", "", false).value_or(false);
  std::vector<DocumentStatus> out;
  if (!c.form) return out;
  const bool one_certificate = claimed && c.form->one_certificate;
  if (claimed && !c.form->one_certificate) {
    c.r.add(make_issue(Code::DocumentMissing, "/one_certificate", "本业务不适用一证办电，须提交全部资料",
                       "One-certificate application (一证办电) does not apply to this business: every document is required",
                       Severity::Warning));
  }
  for (const DocumentRequirement& req : c.form->documents) {
    if (!applies(c, req)) continue;
    DocumentStatus status{&req, DocumentStatus::State::Missing, {}, {}};
    for (const std::string& id : req.any_of) {
      const DocumentType* d = c.document(id);
      status.names.push_back(d ? d->name : Bilingual{id, id});
    }
    for (const std::string& id : req.any_of) {
      if (given.count(id)) {
        status.state = DocumentStatus::State::Provided;
        status.provided = id;
        break;
      }
    }
    if (status.state == DocumentStatus::State::Missing) {
      const std::string zh = names_of(c, req.any_of, true);
      const std::string en = names_of(c, req.any_of, false);
      if (one_certificate && !proves_identity(c, req) && !req.when_agent) {
        status.state = DocumentStatus::State::Later;
        c.r.add(make_issue(Code::DocumentMissing, "/documents", "一证办电：" + zh + "可在受理后补交或经数据共享获取",
                           "One-certificate application: " + en + " may follow after acceptance or come through data sharing",
                           Severity::Info));
      } else {
        c.r.add(make_issue(Code::DocumentMissing, "/documents", "缺少资料：" + zh, "Missing document: " + en));
      }
    }
    out.push_back(status);
  }
  if (one_certificate && !given.count(kCommitment)) {
    const DocumentType* d = c.document(kCommitment);
    c.r.add(make_issue(Code::DocumentMissing, "/documents",
                       "一证办电须提交签署的" + (d ? d->name.zh : std::string("承诺书")),
                       "One-certificate application needs the signed " + (d ? d->name.en : std::string("commitment letter"))));
  }
  return out;
}

}  // namespace powerdesk::application_detail
