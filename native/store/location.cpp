#include "location.hpp"

#include <cstddef>
#include <string_view>

#include "application_store.hpp"

namespace powerdesk::store {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void remember(std::vector<std::string>& secrets, std::string_view raw) {
  if (raw.empty()) return;
  secrets.emplace_back(raw);
  std::string decoded = percent_decode(raw);
  if (decoded != raw && !decoded.empty()) secrets.push_back(std::move(decoded));
}

// postgresql://user:password@host:port/db?password=...&options=...
// The display form keeps everything but the password values.
StoreLocation postgres_location(const std::string& url) {
  StoreLocation result;
  result.backend = StoreLocation::Backend::Postgres;
  result.target = url;
  std::string display = url;

  std::size_t authority_begin = url.find("://") + 3;
  std::size_t authority_end = url.find_first_of("/?#", authority_begin);
  if (authority_end == std::string::npos) authority_end = url.size();
  std::size_t at = url.rfind('@', authority_end - 1);
  if (at != std::string::npos && at >= authority_begin) {
    std::size_t colon = url.find(':', authority_begin);
    if (colon != std::string::npos && colon < at) {
      remember(result.secrets, std::string_view(url).substr(colon + 1, at - colon - 1));
      display = url.substr(0, colon + 1) + "***" + url.substr(at);
    }
  }

  // password=... among the query parameters.
  std::size_t query = display.find('?');
  if (query != std::string::npos) {
    std::string redacted = display.substr(0, query + 1);
    std::string_view rest = std::string_view(display).substr(query + 1);
    bool first = true;
    while (true) {
      std::size_t amp = rest.find('&');
      std::string_view item = rest.substr(0, amp);
      if (!first) redacted += '&';
      first = false;
      if (starts_with(item, "password=")) {
        remember(result.secrets, item.substr(9));
        redacted += "password=***";
      } else {
        redacted += item;
      }
      if (amp == std::string_view::npos) break;
      rest = rest.substr(amp + 1);
    }
    display = redacted;
  }
  result.display = display;
  return result;
}

}  // namespace

StoreLocation parse_store_location(const std::string& location) {
  if (starts_with(location, "postgresql://") || starts_with(location, "postgres://")) {
    return postgres_location(location);
  }
  StoreLocation result;
  std::string_view path = location;
  if (starts_with(path, "sqlite:")) {
    path.remove_prefix(7);
    if (starts_with(path, "//")) path.remove_prefix(2);  // sqlite:///var/lib/x.db
  }
  if (path.empty()) throw StoreError("no SQLite database path given (expected a file path or postgresql://...)");
  if (path == ":memory:") {
    throw StoreError("an in-memory SQLite database cannot be shared by the server's connections; give a file path");
  }
  result.target = std::string(path);
  result.display = result.target;
  return result;
}

std::string scrub_secrets(std::string message, const std::vector<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.empty()) continue;
    for (std::size_t at = message.find(secret); at != std::string::npos; at = message.find(secret, at + 3)) {
      message.replace(at, secret.size(), "***");
    }
  }
  return message;
}

}  // namespace powerdesk::store
