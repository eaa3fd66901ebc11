// Postal codes (邮政编码) and account numbers (户号): digit strings of a
// fixed length. Neither has a public check-digit standard.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "powerdesk/identity.hpp"

namespace powerdesk {
namespace {

bool all_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string lengths_text(const std::vector<int>& lengths, const char* joiner) {
  std::string out;
  for (size_t i = 0; i < lengths.size(); ++i) {
    if (i > 0) out += joiner;
    out += std::to_string(lengths[i]);
  }
  return out;
}

}  // namespace

Checked<std::string> validate_postal_code(std::string_view input, std::string_view path) {
  Checked<std::string> out;
  out.normalized = normalize_identifier_text(input);
  if (out.normalized.size() != 6 || !all_digits(out.normalized)) {
    out.issues.push_back(make_issue(Code::PostalCodeInvalid, std::string(path),
                                    "邮政编码应为 6 位数字", "a postal code is 6 digits"));
    return out;
  }
  out.value = out.normalized;
  return out;
}

Checked<std::string> validate_account_number(std::string_view input, std::string_view path,
                                             const std::vector<int>& allowed_lengths) {
  Checked<std::string> out;
  out.normalized = normalize_identifier_text(input);
  const std::string& n = out.normalized;
  const std::string p(path);
  if (n.empty() || !all_digits(n)) {
    out.issues.push_back(make_issue(Code::AccountInvalid, p, "户号只能由数字组成",
                                    "an account number (户号) consists of digits only"));
    return out;
  }
  const int length = static_cast<int>(n.size());
  if (std::find(allowed_lengths.begin(), allowed_lengths.end(), length) == allowed_lengths.end()) {
    out.issues.push_back(make_issue(Code::AccountInvalid, p,
                                    "户号应为 " + lengths_text(allowed_lengths, " 或 ") +
                                        " 位数字，当前为 " + std::to_string(length) + " 位",
                                    "an account number (户号) here has " +
                                        lengths_text(allowed_lengths, " or ") + " digits, not " +
                                        std::to_string(length)));
    return out;
  }
  out.value = n;
  return out;
}

}  // namespace powerdesk
