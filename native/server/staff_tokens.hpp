// Staff authentication: the server holds only SHA-256 hashes of the tokens
// (a file of "name hash" lines), so a leaked configuration reveals no token.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace powerdesk::server {

class StaffTokens {
 public:
  // Reads "name sha256-hex" lines ('#' comments and blank lines allowed).
  // Throws std::runtime_error naming the line for a malformed file.
  static StaffTokens load(const std::string& path);
  static StaffTokens from_lines(const std::string& text, const std::string& source);

  // The staff member an "Authorization: Bearer <token>" header belongs to.
  std::optional<std::string> authenticate(const std::string& authorization_header) const;
  bool empty() const { return entries_.empty(); }
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    std::string hash;
  };
  std::vector<Entry> entries_;
};

}  // namespace powerdesk::server
