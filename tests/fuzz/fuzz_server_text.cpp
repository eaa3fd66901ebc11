// Fuzzes the small parsers of the native shells that take outside text and
// need no server, database or network (pure functions, cheap to build):
// the first byte picks one, the rest is its input (table below).
//   i  server: read_intake_request (POST /api/v1/applications body): issues
//      well formed (check_issue); an accepted body has an object
//      application and a canonical form that reads back to itself
//   m  server: mask_personal_data (every log line): only digits turn into
//      '*', the length is kept, masking twice changes nothing, and no
//      mobile number (11 digits from 1), 18-character ID or other run of
//      12+ digits shows whole unless it follows a letter (identifiers)
//   a  server: mask_client_address: the last '.'/':' part is hidden
//   s  server: StaffTokens::from_lines (the staff token file): loads or
//      throws std::runtime_error naming "<source>:<line>"; one entry per
//      line that is not blank or a comment; a token never authenticates
//      unless its hash is in the file
//   k  server: idempotency_key_valid and normalize_secret (idempotent,
//      no '-' or ' ' left)
//   l  store: parse_store_location (--store / POWERDESK_STORE): only
//      StoreError; a PostgreSQL display shows no password= value
// The JSON request parsers of the facade and the batch files have targets
// of their own; docs/reliability.md §1 lists which target reaches which parser.
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "application_store.hpp"
#include "crypto.hpp"
#include "fuzz_support.hpp"
#include "intake_request.hpp"
#include "location.hpp"
#include "log_mask.hpp"
#include "staff_tokens.hpp"

namespace {

using namespace powerdesk;
constexpr std::string_view kTarget = "server_text";

bool digit(char c) { return c >= '0' && c <= '9'; }
bool letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void intake(std::string_view body) {
  const auto r = server::read_intake_request(body);
  if (!r.ok()) {
    if (r.issues().empty()) fuzz::fail(kTarget, "an intake body refused without issues", body);
    for (const Issue& i : r.issues()) fuzz::check_issue(kTarget, i);
    return;
  }
  const server::IntakeRequest& q = r.value();
  if (!q.application.is_object()) fuzz::fail(kTarget, "an accepted intake body's application is not an object", body);
  const auto again = server::read_intake_request(q.canonical);
  if (!again.ok() || again.value().canonical != q.canonical || again.value().variant != q.variant)
    fuzz::fail(kTarget, "an intake body's canonical form does not read back to itself", q.canonical);
}

void mask(std::string_view text) {
  const std::string m = server::mask_personal_data(text);
  if (m.size() != text.size()) fuzz::fail(kTarget, "mask_personal_data changed the length", m);
  for (size_t i = 0; i < m.size(); ++i)
    if (m[i] != text[i] && !(m[i] == '*' && digit(text[i])))
      fuzz::fail(kTarget, "mask_personal_data changed something other than a digit", m);
  if (server::mask_personal_data(m) != m) fuzz::fail(kTarget, "masking a masked text changed it", m);
  for (size_t i = 0; i < m.size();) {
    if (!digit(m[i])) { ++i; continue; }
    size_t j = i;
    while (j < m.size() && digit(m[j])) ++j;
    const size_t n = j - i;
    const bool identifier = i > 0 && letter(m[i - 1]);
    if (!identifier && (n >= 12 || (n == 11 && m[i] == '1')))
      fuzz::fail(kTarget, "a mobile number, resident ID or long number shows whole in a log line", m);
    i = j;
  }
}

void client_address(std::string_view a) {
  const std::string m = server::mask_client_address(a);
  if (m != "*" && !(m.size() >= 2 && (m.substr(m.size() - 2) == ".*" || m.substr(m.size() - 2) == ":*")))
    fuzz::fail(kTarget, "a masked client address does not end with .* or :*", m);
  if (m.size() > a.size() + 2) fuzz::fail(kTarget, "a masked client address shows more than the address", m);
}

void staff_tokens(std::string_view text) {
  size_t lines = 0, comments = 0;
  std::string t(text);
  try {
    const auto tokens = server::StaffTokens::from_lines(t, "tokens");
    std::istringstream in(t);
    std::string line, name;
    while (std::getline(in, line)) {
      std::istringstream f(line);
      if (!(f >> name)) continue;
      (name[0] == '#' ? comments : lines)++;
    }
    if (tokens.size() != lines) fuzz::fail(kTarget, "the staff token file gave another number of entries than lines", text);
    // A token whose hash is not in the file never authenticates.
    const std::string token = "fuzz-" + std::to_string(text.size());
    if (t.find(server::sha256_hex(token)) == std::string::npos && tokens.authenticate("Bearer " + token))
      fuzz::fail(kTarget, "a token not in the staff file authenticated", text);
  } catch (const std::runtime_error& e) {
    if (std::string_view(e.what()).substr(0, 7) != "tokens:") fuzz::fail(kTarget, "a staff token file error does not name the file and line", e.what());
  }
}

void keys(std::string_view text) {
  (void)server::idempotency_key_valid(std::string(text));
  const std::string n = server::normalize_secret(std::string(text));
  if (n.find_first_of("- ") != std::string::npos || server::normalize_secret(n) != n)
    fuzz::fail(kTarget, "normalize_secret is not idempotent or leaves '-' or ' '", n);
}

void store_location(std::string_view text) {
  try {
    const auto l = store::parse_store_location(std::string(text));
    if (l.backend != store::StoreLocation::Backend::Postgres) return;
    for (size_t at = l.display.find("password="); at != std::string::npos; at = l.display.find("password=", at + 1)) {
      // A query parameter: right after the first '?' or after a '&' past it
      // (libpq reads "?a=b?password=c" as parameter a, not a password).
      const size_t query = l.display.find('?');
      const bool item_start = query != std::string::npos && at > query &&
                              (at == query + 1 || l.display[at - 1] == '&');
      if (item_start && l.display.compare(at + 9, 3, "***") != 0)
        fuzz::fail(kTarget, "a PostgreSQL location's display shows a password= value", l.display);
      if (item_start && at + 12 < l.display.size() && l.display[at + 12] != '&')
        fuzz::fail(kTarget, "a PostgreSQL location's display shows a password= value", l.display);
    }
  } catch (const store::StoreError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text = fuzz::as_text(data + 1, size - 1);
  switch (data[0]) {
    case 'i': intake(text); break;
    case 'm': mask(text); break;
    case 'a': client_address(text); break;
    case 's': staff_tokens(text); break;
    case 'k': keys(text); break;
    case 'l': store_location(text); break;
    default: break;
  }
  return 0;
}
