// Small POSIX file helpers for the batch shell: whole writes, durable renames.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace powerdesk::batch {

bool write_all(int fd, std::string_view data);
// Writes `data` to `path` durably: a temporary file, fsync, rename, fsync of the directory.
bool write_file_durably(const std::string& path, std::string_view data);
std::optional<std::string> read_small_file(const std::string& path);

struct FileIdentity {
  int64_t size = 0;
  int64_t mtime_ns = 0;
};
std::optional<FileIdentity> file_identity(const std::string& path);

}  // namespace powerdesk::batch
