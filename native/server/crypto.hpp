// The few cryptographic primitives the server needs, from OpenSSL's libcrypto
// (never hand-written): token and secret hashes, status secrets, comparison.
#pragma once

#include <string>
#include <string_view>

namespace powerdesk::server {

std::string sha256_hex(std::string_view data);
// HMAC-SHA256 of `data` under `key`, as lowercase hex.
std::string hmac_sha256_hex(std::string_view key, std::string_view data);
// `bytes` bytes from the OS's CSPRNG, as lowercase hex.
std::string random_hex(int bytes);
// Equal-length comparison whose time does not depend on where strings differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace powerdesk::server
