// load_customers(): a template so the PostgreSQL loader can copy each accepted record.
#pragma once

#include <fcntl.h>
#include <unistd.h>

#include "line_reader.hpp"
#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {

std::string describe_issues(const RecordIssues& issues);

template <typename OnAccepted>
std::optional<LoadedCustomers> load_customers(const std::string& path, InputFormat format, const PackRegistry& packs,
                                              std::string& error, OnAccepted on_accepted) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = "PD_FILE_UNREADABLE: cannot read the customers file " + path;
    return std::nullopt;
  }
  LoadedCustomers out;
  LineReader reader(fd, 0, 1);
  std::optional<CsvHeader> header;
  Line line;
  while (reader.next(line)) {
    if (line.text.find_first_not_of(" \t\r") == std::string_view::npos && !line.too_long) continue;  // blank
    if (format == InputFormat::Csv && !header) {
      RecordIssues issues;
      header = CsvHeader::parse(line.text, RecordKind::Customer, issues);
      if (!header) {
        ::close(fd);
        error = "customers file " + path + ": " + describe_issues(issues);
        return std::nullopt;
      }
      out.header = std::string(line.text);
      continue;
    }
    if (line.too_long) {
      const RecordIssues issues{record_issue(kRecordTooLong, "", "客户记录过长", "The customer record is too long")};
      append_reject(out.rejects, "customers", line.number, line.text, issues);
      ++out.totals.customers_read;
      ++out.totals.customers_rejected;
      continue;
    }
    ++out.totals.customers_read;
    if (add_customer_record(out.table, packs, line.text, line.number, format, header ? &*header : nullptr,
                            out.rejects, out.totals)) {
      on_accepted(line.number, line.text, out.table.cycle_name(out.table.last()));
    }
  }
  const bool failed = reader.failed();
  ::close(fd);
  if (failed) {
    error = "PD_FILE_UNREADABLE: error reading " + path;
    return std::nullopt;
  }
  if (format == InputFormat::Csv && !header) {
    error = "customers file " + path + ": PD_FIELD_MISSING: no CSV header row";
    return std::nullopt;
  }
  return out;
}

}  // namespace powerdesk::batch
