#include "line_reader.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "powerdesk/batch_records.hpp"

namespace powerdesk::batch {
namespace {
constexpr size_t kBufferBytes = 4 * 1024 * 1024;
constexpr size_t kHeadBytes = 256;  // kept of a line that is too long
}  // namespace

LineReader::LineReader(int fd, int64_t offset, int64_t next_line)
    : fd_(fd), offset_(offset), line_(next_line - 1), buf_(kBufferBytes) {
  if (lseek(fd_, offset, SEEK_SET) < 0) failed_ = true;
  if (offset == 0 && fill() && end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) {
    start_ = 3;
    offset_ = 3;
  }
}

// Moves the unread bytes to the front and reads more; false at end of file.
bool LineReader::fill() {
  if (eof_ || failed_) return false;
  if (start_ > 0) {
    std::memmove(buf_.data(), buf_.data() + start_, end_ - start_);
    end_ -= start_;
    start_ = 0;
  }
  while (end_ < buf_.size()) {
    const ssize_t n = ::read(fd_, buf_.data() + end_, buf_.size() - end_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) { failed_ = true; return false; }
    if (n == 0) { eof_ = true; break; }
    end_ += static_cast<size_t>(n);
    break;
  }
  return true;
}

bool LineReader::next(Line& line) {
  for (;;) {
    const char* base = buf_.data() + start_;
    const size_t avail = end_ - start_;
    const void* nl = std::memchr(base, '\n', avail);
    if (nl) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - base);
      if (len > kMaxRecordBytes) break;  // too long, though all in the buffer
      line = Line{std::string_view(base, len), ++line_, false, len};
      start_ += len + 1;
      offset_ += static_cast<int64_t>(len + 1);
      return true;
    }
    if (avail > kMaxRecordBytes) break;
    if (eof_ || failed_) {
      if (avail == 0) return false;
      line = Line{std::string_view(base, avail), ++line_, false, avail};  // a last line without '\n'
      start_ = end_;
      offset_ += static_cast<int64_t>(avail);
      return true;
    }
    fill();
  }
  // Too long: keep its head, skip to the end of the line counting bytes.
  head_.assign(buf_.data() + start_, kHeadBytes);
  size_t bytes = 0;
  for (;;) {
    const char* base = buf_.data() + start_;
    const size_t avail = end_ - start_;
    const void* nl = std::memchr(base, '\n', avail);
    if (nl) {
      const size_t len = static_cast<size_t>(static_cast<const char*>(nl) - base);
      bytes += len;
      start_ += len + 1;
      offset_ += static_cast<int64_t>(len + 1);
      break;
    }
    bytes += avail;
    offset_ += static_cast<int64_t>(avail);
    start_ = end_;
    if (!fill() || end_ == 0) break;
  }
  line = Line{head_, ++line_, true, bytes};
  return true;
}

}  // namespace powerdesk::batch
