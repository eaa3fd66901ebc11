#include "staff_tokens.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crypto.hpp"

namespace powerdesk::server {
namespace {

bool is_sha256_hex(const std::string& s) {
  if (s.size() != 64) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace

StaffTokens StaffTokens::load(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read staff tokens file " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return from_lines(buf.str(), path);
}

StaffTokens StaffTokens::from_lines(const std::string& text, const std::string& source) {
  StaffTokens tokens;
  std::istringstream lines(text);
  std::string line;
  for (int n = 1; std::getline(lines, line); ++n) {
    std::istringstream fields(line);
    std::string name, hash, extra;
    if (!(fields >> name) || name[0] == '#') continue;
    if (!(fields >> hash) || (fields >> extra) || !is_sha256_hex(hash))
      throw std::runtime_error(source + ":" + std::to_string(n) +
                               ": expected \"name sha256-hex\" (hash with: printf %s TOKEN | sha256sum)");
    tokens.entries_.push_back({name, hash});
  }
  return tokens;
}

std::optional<std::string> StaffTokens::authenticate(const std::string& header) const {
  static const std::string kScheme = "Bearer ";
  if (header.size() <= kScheme.size() || header.compare(0, kScheme.size(), kScheme) != 0) return std::nullopt;
  const std::string presented = sha256_hex(std::string_view(header).substr(kScheme.size()));
  std::optional<std::string> who;
  for (const Entry& e : entries_)  // no early exit: every entry is compared
    if (constant_time_equal(presented, e.hash)) who = e.name;
  return who;
}

}  // namespace powerdesk::server
