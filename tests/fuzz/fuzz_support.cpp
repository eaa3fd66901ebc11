#include "fuzz_support.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "powerdesk/calendar.hpp"
#include "powerdesk/identity.hpp"

namespace powerdesk::fuzz {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail("setup", "cannot read a rule pack", path.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Engine engine_of(const std::vector<fs::path>& files) {
  Engine engine;
  for (const fs::path& f : files) {
    const Issues issues = engine.add_pack(read_file(f), f.filename().string());
    if (!issues.empty())
      fail("setup", "a rule pack failed to load", f.string() + ": " + issues.front().message.en);
  }
  return engine;
}

std::string shorten(std::string_view s, size_t max = 4000) {
  if (s.size() <= max) return std::string(s);
  return std::string(s.substr(0, max)) + "… (" + std::to_string(s.size()) + " bytes)";
}

using nlohmann::json;

void check_issue_json(std::string_view target, const json& item, const std::string& response) {
  auto bad = [&](const char* what) { fail(target, what, response); };
  if (!item.is_object()) bad("an item of `errors` is not an object");
  const auto code = item.find("code");
  if (code == item.end() || !code->is_string() ||
      !is_issue_code(code->get_ref<const std::string&>()))
    bad("an issue's `code` is not a string matching ^PD_[A-Z_]+$");
  if (code->get_ref<const std::string&>() == "PD_INTERNAL")
    bad("PD_INTERNAL: an internal error (a defect)");
  const auto path = item.find("path");
  if (path == item.end() || !path->is_string()) bad("an issue's `path` is not a string");
  const std::string& p = path->get_ref<const std::string&>();
  if (!p.empty() && p.front() != '/')
    bad("an issue's `path` is neither \"\" nor a JSON pointer starting with '/'");
  const auto severity = item.find("severity");
  if (severity == item.end() || !severity->is_string())
    bad("an issue's `severity` is not a string");
  const std::string& s = severity->get_ref<const std::string&>();
  if (s != "error" && s != "warning" && s != "info")
    bad("an issue's `severity` is not error, warning or info");
  const auto message = item.find("message");
  if (message == item.end() || !message->is_object()) bad("an issue's `message` is not an object");
  for (const char* lang : {"zh", "en"}) {
    const auto m = message->find(lang);
    if (m == message->end() || !m->is_string() || m->get_ref<const std::string&>().empty())
      bad("an issue's message.zh or message.en is missing or empty");
  }
  for (const char* optional : {"file", "suggestion"}) {
    if (const auto it = item.find(optional); it != item.end() && !it->is_string())
      bad("an issue's `file` or `suggestion` is not a string");
  }
}

// An amount "-?[0-9]+.[0-9][0-9]" in fen (cents).
__int128 fen(std::string_view target, const json& v, const std::string& response) {
  if (!v.is_string()) fail(target, "an amount is not a string", response);
  const std::string& s = v.get_ref<const std::string&>();
  const size_t start = !s.empty() && s[0] == '-' ? 1 : 0;
  const size_t dot = s.find('.');
  const auto digits = [&](size_t from, size_t to) {
    return to > from && std::all_of(s.begin() + static_cast<std::ptrdiff_t>(from),
                                    s.begin() + static_cast<std::ptrdiff_t>(to),
                                    [](char c) { return c >= '0' && c <= '9'; });
  };
  if (dot == std::string::npos || dot + 3 != s.size() || !digits(start, dot) ||
      !digits(dot + 1, s.size()) || dot - start > 30)
    fail(target, "an amount is not a decimal string with 2 decimals", s + "\n" + response);
  __int128 x = 0;
  for (char c : s)
    if (c != '-' && c != '.') x = x * 10 + (c - '0');
  return start ? -x : x;
}

// Days from `from` to `to`, both included, of two ISO dates.
int64_t days_between(std::string_view target, const json& from, const json& to,
                     const std::string& response) {
  const auto a = from.is_string() ? Date::parse(from.get_ref<const std::string&>()) : std::nullopt;
  const auto b = to.is_string() ? Date::parse(to.get_ref<const std::string&>()) : std::nullopt;
  if (!a || !b) fail(target, "a date is not an ISO date string", response);
  return static_cast<int64_t>(b->days()) - a->days() + 1;
}

json result_of(const Response& r) { return json::parse(r.json)["result"]; }

}  // namespace

void check_bill_result(std::string_view target, const Response& r) {
  if (!r.ok) return;
  const json b = result_of(r);
  const std::string& text = r.json;
  const auto bad = [&](const char* what) { fail(target, what, text); };
  if (!b["lines"].is_array() || !b["subtotals"].is_object() || !b["parts"].is_array())
    bad("a bill without lines, subtotals or parts");
  __int128 lines = 0;
  std::map<std::string, __int128> by_kind;
  for (const json& l : b["lines"]) {
    const __int128 a = fen(target, l["amount"], text);
    lines += a;
    if (!l["kind"].is_string()) bad("a bill line's kind is not a string");
    by_kind[l["kind"].get<std::string>()] += a;
  }
  __int128 subtotals = 0;
  for (const auto& [kind, amount] : b["subtotals"].items()) {
    const __int128 a = fen(target, amount, text);
    subtotals += a;
    const auto it = by_kind.find(kind);
    if (a != (it == by_kind.end() ? 0 : it->second))
      bad("a subtotal is not the sum of its kind's lines");
  }
  for (const auto& [kind, amount] : by_kind)
    if (!b["subtotals"].contains(kind)) bad("a line's kind has no subtotal");
  const __int128 total = fen(target, b["total"], text);
  if (total != lines) bad("the total is not the sum of the lines");
  if (total != subtotals) bad("the total is not the sum of the subtotals");
  if (!b["total_uppercase"].is_string() || b["total_uppercase"].get<std::string>().empty())
    bad("total_uppercase is missing or empty");
  const json& period = b["period"];
  const int64_t days = days_between(target, period["start"], period["end"], text);
  if (!period["days"].is_number_integer() || period["days"].get<int64_t>() != days || days < 1)
    bad("the period's days are not its dates'");
  int64_t part_days = 0;
  for (const json& p : b["parts"]) {
    const int64_t d = days_between(target, p["start"], p["end"], text);
    if (!p["days"].is_number_integer() || p["days"].get<int64_t>() != d || d < 1)
      bad("a part's days are not its dates'");
    part_days += d;
  }
  if (part_days != days) bad("the parts' days do not add up to the period's");
}

void check_late_fee_result(std::string_view target, const Response& r) {
  if (!r.ok) return;
  const json f = result_of(r);
  const std::string& text = r.json;
  const auto bad = [&](const char* what) { fail(target, what, text); };
  if (!f["lines"].is_array()) bad("a late fee without lines");
  __int128 lines = 0;
  for (const json& l : f["lines"]) {
    const __int128 a = fen(target, l["amount"], text);
    if (a < 0) bad("a late-fee line is negative");
    lines += a;
    const int64_t d = days_between(target, l["from"], l["to"], text);
    if (!l["days"].is_number_integer() || l["days"].get<int64_t>() != d || d < 1)
      bad("a late-fee line's days are not its dates'");
  }
  const __int128 computed = fen(target, f["computed"], text);
  const __int128 total = fen(target, f["total"], text);
  if (computed != lines) bad("`computed` is not the sum of the lines");
  if (!f["minimum_applied"].is_boolean()) bad("minimum_applied is not a boolean");
  if (f["minimum_applied"].get<bool>() ? !(computed > 0 && total > computed) : total != computed)
    bad("the total is neither `computed` nor, with minimum_applied, a larger minimum");
}

void check_no_personal_digits(std::string_view target, std::string_view request,
                              const Response& r) {
  if (!r.ok) return;
  const json q = json::parse(request, nullptr, /*allow_exceptions=*/false);
  if (q.is_discarded()) return;  // answered ok, so only nlohmann's stricter UTF-8 refused it
  // The digits of a text, normalised first (full-width digits count).
  const auto digits_of = [](const std::string& text) {
    std::string d;
    for (char c : normalize_identifier_text(text))
      if (c >= '0' && c <= '9') d += c;
    return d;
  };
  std::vector<const json*> records;
  for (const char* list : {"records", "candidates"})
    if (q.contains(list) && q[list].is_array())
      for (const json& rec : q[list]) records.push_back(&rec);
  if (q.contains("record")) records.push_back(&q["record"]);
  std::string ids;
  for (const json* rec : records) {
    if (rec->is_object() && rec->contains("id") && (*rec)["id"].is_string()) {
      const std::string id = (*rec)["id"].get<std::string>();
      ids += id + "\n" + digits_of(id) + "\n";
    }
  }
  // Every string of the answer (keys too); numbers (scores, counts) are not data.
  std::string shown;
  const json answer = json::parse(r.json);
  std::vector<const json*> todo = {&answer};
  while (!todo.empty()) {
    const json* j = todo.back();
    todo.pop_back();
    if (j->is_string()) shown += j->get<std::string>() + "\n";
    if (j->is_object())
      for (auto it = j->begin(); it != j->end(); ++it) shown += it.key() + "\n";
    if (j->is_structured())
      for (const json& child : *j) todo.push_back(&child);
  }
  for (const json* rec : records) {
    if (!rec->is_object()) continue;
    for (const char* field : {"phone", "customer_number"}) {
      if (!rec->contains(field) || !(*rec)[field].is_string()) continue;
      const std::string digits = digits_of((*rec)[field].get<std::string>());
      for (size_t i = 0; i + 7 <= digits.size(); ++i) {
        const std::string_view run = std::string_view(digits).substr(i, 7);
        if (ids.find(run) == std::string::npos && shown.find(run) != std::string::npos)
          fail(target, "the answer shows 7 digits of a record's phone or customer number",
               std::string(field) + " digits " + std::string(run) + "\n" + r.json);
      }
    }
  }
}

[[noreturn]] void fail(std::string_view target, std::string_view what, std::string_view detail) {
  std::fprintf(stderr, "\n==== PowerDesk fuzz invariant violated (target %.*s): %.*s\n",
               static_cast<int>(target.size()), target.data(), static_cast<int>(what.size()),
               what.data());
  if (!detail.empty()) {
    const std::string d = shorten(detail);
    std::fprintf(stderr, "%s\n", d.c_str());
  }
  std::fflush(stderr);
  std::abort();
}

bool is_issue_code(std::string_view code) {
  if (code.size() <= 3 || code.substr(0, 3) != "PD_") return false;
  return std::all_of(code.begin() + 3, code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; });
}

void check_issue(std::string_view target, const Issue& issue) {
  const std::string code(code_name(issue.code));
  const std::string where = code + " at \"" + issue.path + "\": " + issue.message.en;
  if (!is_issue_code(code)) fail(target, "an issue's code does not match ^PD_[A-Z_]+$", where);
  if (issue.code == Code::Internal)
    fail(target, "PD_INTERNAL: an internal error (a defect)", where);
  if (!issue.path.empty() && issue.path.front() != '/')
    fail(target, "an issue's path is neither \"\" nor a JSON pointer starting with '/'", where);
  if (issue.message.zh.empty() || issue.message.en.empty())
    fail(target, "an issue's message.zh or message.en is empty", where);
}

void check_response(std::string_view target, const Response& r) {
  if (r.internal_error) fail(target, "internal_error is true: PD_INTERNAL is a defect", r.json);
  const json j = json::parse(r.json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) fail(target, "the response is not valid JSON", r.json);
  if (j.dump() != r.json)
    fail(target, "the response is not canonical JSON (compact, keys sorted)", r.json);
  if (!j.is_object()) fail(target, "the response is not a JSON object", r.json);
  const auto version = j.find("api_version");
  if (version == j.end() || *version != json(std::string(kApiVersion)))
    fail(target, "api_version is not \"1\"", r.json);
  const auto ok = j.find("ok");
  if (ok == j.end() || !ok->is_boolean()) fail(target, "`ok` is missing or not a boolean", r.json);
  if (ok->get<bool>() != r.ok) fail(target, "`ok` in the JSON differs from Response::ok", r.json);
  const auto errors = j.find("errors");
  if (r.ok) {
    if (!j.contains("result")) fail(target, "ok is true but there is no `result`", r.json);
    if (errors != j.end()) fail(target, "ok is true but there are `errors`", r.json);
    // A result's warnings (bill, process) are issues too.
    const json& result = j["result"];
    if (result.is_object() && result.contains("warnings")) {
      if (!result["warnings"].is_array()) fail(target, "`warnings` is not an array", r.json);
      for (const json& w : result["warnings"]) check_issue_json(target, w, r.json);
    }
    return;
  }
  if (j.contains("result")) fail(target, "ok is false but there is a `result`", r.json);
  if (errors == j.end() || !errors->is_array() || errors->empty())
    fail(target, "ok is false but `errors` is not a non-empty array", r.json);
  bool any_error = false;
  for (const json& item : *errors) {
    check_issue_json(target, item, r.json);
    any_error = any_error || item["severity"] == "error";
  }
  if (!any_error) fail(target, "ok is false but no issue has severity error", r.json);
}

Engine frozen_packs_engine(bool with_national) {
  const fs::path dir = fs::path(POWERDESK_SOURCE_DIR) / "tests" / "packs";
  std::vector<fs::path> files;
  if (with_national) files.push_back(dir / "national.json");
  for (const char* f : {"zj-test-2024.json", "zj-test-2025h2.json", "gd-test-2024.json"})
    files.push_back(dir / f);
  return engine_of(files);
}

Engine real_rules_engine() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(POWERDESK_SOURCE_DIR) / "rules")) {
    if (e.path().extension() == ".json" && e.path().parent_path().filename() != "schema")
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return engine_of(files);
}

}  // namespace powerdesk::fuzz
