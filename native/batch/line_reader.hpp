// Reads a file line by line from a byte offset with a bounded buffer: a line
// longer than kMaxRecordBytes is reported by its head and length, never held whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace powerdesk::batch {

struct Line {
  std::string_view text;  // without '\n' (a '\r' before it is left); the head when too long
  int64_t number = 0;     // 1-based line number in the file
  bool too_long = false;
  size_t bytes = 0;       // the whole line's length
};

class LineReader {
 public:
  // Starts at `offset` (the start of line `next_line`). Skips a UTF-8 BOM at offset 0.
  LineReader(int fd, int64_t offset, int64_t next_line);
  // The next line; false at the end of the file. `text` stays valid until the next call.
  bool next(Line& line);
  int64_t offset() const { return offset_; }  // just past the last line returned
  int64_t next_line() const { return line_ + 1; }
  bool failed() const { return failed_; }

 private:
  bool fill();

  int fd_;
  int64_t offset_;
  int64_t line_;
  std::vector<char> buf_;
  size_t start_ = 0, end_ = 0;
  bool eof_ = false, failed_ = false;
  std::string head_;
};

}  // namespace powerdesk::batch
