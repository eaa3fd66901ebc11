// Batch output lines, built by appending to one buffer per chunk (no DOM):
// the batch path writes millions of them.
#include "powerdesk/batch_render.hpp"

#include <algorithm>

namespace powerdesk::batch {
namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 (overlong, surrogate, truncated).
size_t utf8_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t n = 0;
  uint32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  return n;
}

void key(std::string& out, std::string_view k) {
  out.push_back('"');
  out.append(k);
  out.append("\":");
}

void str_member(std::string& out, std::string_view k, std::string_view v) {
  key(out, k);
  append_json_string(out, v);
  out.push_back(',');
}

void num_member(std::string& out, std::string_view k, int64_t v) {
  key(out, k);
  out.append(std::to_string(v));
  out.push_back(',');
}

void close(std::string& out, char c) {  // replaces the trailing comma
  if (out.back() == ',') out.back() = c;
  else out.push_back(c);
}

void append_line(std::string& out, const BillLine& l) {
  out.push_back('{');
  str_member(out, "amount", l.amount.str(2));
  if (l.code == LineCode::PowerFactor) str_member(out, "base", l.base.str(2));
  str_member(out, "code", bill_line_code(l));
  if (l.code == LineCode::PowerFactor) {
    str_member(out, "percent", l.percent.str());
    str_member(out, "power_factor", Fixed<2>::from_units(l.pf).str(2));
  }
  if (l.day_base) {
    key(out, "proration");
    out.append("{\"days\":" + std::to_string(l.days) + ",\"of\":" + std::to_string(l.day_base) + "},");
  }
  if (l.code != LineCode::PowerFactor && l.code != LineCode::AdjustmentAmount) {
    str_member(out, "quantity", l.quantity.str());
    str_member(out, "unit", unit_code(l.unit));
    str_member(out, "unit_price", l.unit_price.str());
  }
  close(out, '}');
}

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t n = utf8_length(s, i);
      if (n == 0) {
        out.append("\\ufffd");  // not UTF-8: shown as the replacement character
        ++i;
      } else {
        out.append(s, i, n);
        i += n;
      }
      continue;
    }
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\b': out.append("\\b"); break;
      case '\f': out.append("\\f"); break;
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        if (c < 0x20) {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out.push_back('"');
}

void append_csv_field(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(s);
    return;
  }
  out.push_back('"');
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

std::string bill_line_code(const BillLine& l) {
  const std::string per(tou_period_code(l.period));
  switch (l.code) {
    case LineCode::TierEnergy: return "energy.tier" + std::to_string(l.tier) + "." + per;
    case LineCode::FreeEnergy: return "energy.free." + per;
    case LineCode::SharedMeterEnergy: return "energy.shared_meter";
    case LineCode::ComponentEnergy: return l.component->code + "." + per;
    case LineCode::BasicCapacity: return "basic.capacity";
    case LineCode::BasicDemand: return "basic.demand";
    case LineCode::BasicOverrun: return "basic.overrun";
    case LineCode::BasicSuspension: return "basic.suspension";
    case LineCode::PowerFactor: return "power_factor";
    case LineCode::AdjustmentAmount: return "adjustment.amount";
    case LineCode::AdjustmentEnergy: return "adjustment.energy";
  }
  return "unknown";
}

void append_bill_jsonl(std::string& out, const Bill& bill, const BillIdentity& who) {
  out.push_back('{');
  str_member(out, "customer", who.customer);
  str_member(out, "cycle", who.cycle);
  str_member(out, "energy_kwh", bill.energy_kwh.str());
  num_member(out, "line", who.line);
  key(out, "lines");
  out.push_back('[');
  for (const BillLine& l : bill.lines) {
    append_line(out, l);
    out.push_back(',');
  }
  close(out, ']');
  out.push_back(',');
  key(out, "packs");
  out.push_back('[');
  for (size_t i = 0; i < bill.parts.size(); ++i) {
    const RulePack* p = bill.parts[i].pack;
    const bool seen = std::any_of(bill.parts.begin(), bill.parts.begin() + static_cast<std::ptrdiff_t>(i),
                                  [&](const BillPart& q) { return q.pack == p; });
    if (seen) continue;
    append_json_string(out, p->id + "@" + p->version);
    out.push_back(',');
  }
  close(out, ']');
  out.push_back(',');
  key(out, "period");
  out.append("{\"days\":" + std::to_string(bill.period.days()) + ",\"end\":\"" + bill.period.end.iso() +
             "\",\"start\":\"" + bill.period.start.iso() + "\"},");
  str_member(out, "region", bill.region);
  str_member(out, "tariff", who.tariff);
  if (bill.tier_progress) {
    const TierProgress& t = *bill.tier_progress;
    key(out, "tier_progress");
    out.push_back('{');
    if (t.remaining_in_tier) str_member(out, "remaining_in_tier_kwh", t.remaining_in_tier->str());
    num_member(out, "tier", t.tier);
    str_member(out, "used_kwh", t.used_in_year.str());
    close(out, '}');
    out.push_back(',');
  }
  str_member(out, "total", bill.total.str(2));
  if (!bill.warnings.empty()) {
    key(out, "warnings");
    out.push_back('[');
    for (const Issue& w : bill.warnings) {
      append_json_string(out, code_name(w.code));
      out.push_back(',');
    }
    close(out, ']');
  }
  close(out, '}');
  out.push_back('\n');
}

void append_bill_csv(std::string& out, const Bill& bill, const BillIdentity& who) {
  out.append(std::to_string(who.line));
  out.push_back(',');
  append_csv_field(out, who.customer);
  out.push_back(',');
  append_csv_field(out, who.cycle);
  out.push_back(',');
  append_csv_field(out, bill.region);
  out.push_back(',');
  append_csv_field(out, who.tariff);
  // Appended piece by piece: `"," + std::string` trips GCC 12's -Wrestrict at -O3.
  for (const std::string& f : {bill.period.start.iso(), bill.period.end.iso(), bill.energy_kwh.str(), bill.total.str(2)}) {
    out.push_back(',');
    out.append(f);
  }
  out.push_back('\n');
}

void append_reject(std::string& out, std::string_view source, int64_t line, std::string_view record,
                   const RecordIssues& issues) {
  if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  out.append("{\"errors\":[");
  for (const RecordIssue& i : issues) {
    out.push_back('{');
    str_member(out, "code", i.code);
    key(out, "message");
    out.push_back('{');
    str_member(out, "en", i.message.en);
    str_member(out, "zh", i.message.zh);
    close(out, '}');
    out.push_back(',');
    str_member(out, "path", i.path);
    close(out, '}');
    out.push_back(',');
  }
  close(out, ']');
  out.push_back(',');
  num_member(out, "line", line);
  str_member(out, "record", record);
  str_member(out, "source", source);
  close(out, '}');
  out.push_back('\n');
}

}  // namespace powerdesk::batch
