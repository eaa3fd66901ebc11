// PostgreSQL mode, --load: one run from the files, its readings filed under
// their customer's billing cycle (抄表段), one pending partition per cycle.
#include <fcntl.h>
#include <unistd.h>

#include <iostream>

#include "customers_file.hpp"
#include "line_reader.hpp"
#include "pg_connection.hpp"
#include "run_options.hpp"

namespace powerdesk::batch {
namespace {

constexpr size_t kCopyBytes = 8 << 20;  // COPY in pieces: memory stays flat however large the files

// Readings whose customer cannot be found are billed (that is, rejected with
// the file mode's codes) in this partition; cycles are never empty.
const std::string kNoCycle;

void row(std::string& out, std::initializer_list<std::string_view> fields) {
  bool first = true;
  for (std::string_view f : fields) {
    if (!first) out.push_back('\t');
    first = false;
    copy_field(out, f);
  }
  out.push_back('\n');
}

}  // namespace

int pg_load(const RunOptions& o, const PackRegistry& packs) {
  if (!valid_schema(o.schema)) {
    std::cerr << "powerdesk bill-run: --schema must be a lower-case identifier\n";
    return 2;
  }
  if (o.readings.empty() || o.customers.empty()) {
    std::cerr << "powerdesk bill-run: --load needs --readings and --customers\n";
    return 2;
  }
  const std::string& s = o.schema;
  const InputFormat rfmt = input_format_for(o.readings, o.input_format);
  const InputFormat cfmt = input_format_for(o.customers, o.customers_format);
  try {
    Pg pg(o.pg_url);
    ensure_tables(pg, s);
    pg.exec("BEGIN");
    if (PQntuples(pg.exec("SELECT 1 FROM " + s + ".runs WHERE run = $1", {o.run}).get()) > 0) {
      std::cerr << "powerdesk bill-run: run " << o.run << " already exists\n";
      return 2;
    }
    std::string buf;
    const std::string copy_customers = "COPY " + s + ".customers (run, line, cycle, record) FROM STDIN";
    std::string error;
    auto customers = load_customers(o.customers, cfmt, packs, error,
                                    [&](int64_t line, std::string_view record, const std::string& cycle) {
                                      row(buf, {o.run, std::to_string(line), cycle, record});
                                      if (buf.size() > kCopyBytes) {
                                        pg.copy_in(copy_customers, buf);
                                        buf.clear();
                                      }
                                    });
    if (!customers) {
      std::cerr << "powerdesk bill-run: " << error << "\n";
      return 2;
    }
    if (!buf.empty()) pg.copy_in(copy_customers, buf);
    buf.clear();
    RunTotals load_totals = customers->totals;
    std::string rejects;
    // Customer rejects, one row each; their line is in the reject itself.
    for (size_t at = 0; at < customers->rejects.size();) {
      const size_t nl = customers->rejects.find('\n', at);
      const std::string_view r(customers->rejects.data() + at, nl - at);
      const Json j = Json::parse(r);
      row(rejects, {o.run, "customers", std::to_string(j.at("line").get<int64_t>()), kNoCycle, r});
      at = nl + 1;
    }

    const int fd = ::open(o.readings.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      std::cerr << "powerdesk bill-run: PD_FILE_UNREADABLE: cannot read the readings file " << o.readings << "\n";
      return 2;
    }
    LineReader reader(fd, 0, 1);
    std::optional<CsvHeader> header;
    std::string header_text;
    const std::string copy_readings = "COPY " + s + ".readings (run, line, part, record) FROM STDIN";
    int64_t readings = 0;
    Line line;
    while (reader.next(line)) {
      if (!line.too_long && line.text.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      if (rfmt == InputFormat::Csv && !header) {
        RecordIssues issues;
        if (!line.too_long) header = CsvHeader::parse(line.text, RecordKind::Reading, issues);
        if (!header) {
          std::cerr << "powerdesk bill-run: readings file " << o.readings << ": " << describe_issues(issues) << "\n";
          return 2;
        }
        header_text = std::string(line.text);
        continue;
      }
      ++readings;
      if (line.too_long) {  // refused here: it is never stored
        std::string r;
        reject_too_long(line.text, line.number, line.bytes, r, load_totals);
        r.pop_back();
        row(rejects, {o.run, "readings", std::to_string(line.number), kNoCycle, r});
        continue;
      }
      const auto id = record_customer_id(line.text, rfmt, header ? &*header : nullptr);
      const std::string* cycle = id ? customers->table.cycle_of(*id) : nullptr;
      row(buf, {o.run, std::to_string(line.number), cycle ? *cycle : kNoCycle, line.text});
      if (buf.size() > kCopyBytes) {
        pg.copy_in(copy_readings, buf);
        buf.clear();
      }
    }
    const bool failed = reader.failed();
    ::close(fd);
    if (failed) {
      std::cerr << "powerdesk bill-run: PD_FILE_UNREADABLE: error reading " << o.readings << "\n";
      return 2;
    }
    if (rfmt == InputFormat::Csv && !header) {
      std::cerr << "powerdesk bill-run: readings file " << o.readings << ": no CSV header row\n";
      return 2;
    }
    if (!buf.empty()) pg.copy_in(copy_readings, buf);
    if (!rejects.empty())
      pg.copy_in("COPY " + s + ".rejects (run, source, line, part, reject) FROM STDIN", rejects);
    pg.exec("INSERT INTO " + s + ".runs (run, readings_format, readings_header, customers_format, customers_header, "
            "output_format, load_totals) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            {o.run, rfmt == InputFormat::Csv ? "csv" : "jsonl", header_text, cfmt == InputFormat::Csv ? "csv" : "jsonl",
             customers->header, o.format, load_totals.to_json().dump()});
    pg.exec("INSERT INTO " + s + ".partitions (run, part, readings) SELECT run, part, count(*) FROM " + s +
            ".readings WHERE run = $1 GROUP BY run, part", {o.run});
    const auto parts = pg.exec("SELECT count(*) FROM " + s + ".partitions WHERE run = $1", {o.run});
    pg.exec("COMMIT");
    std::cerr << "bill-run: loaded run " << o.run << ": " << customers->table.size() << " customers, " << readings
              << " readings, " << PQgetvalue(parts.get(), 0, 0) << " partitions\n";
    return 0;
  } catch (const PgError& e) {
    std::cerr << "powerdesk bill-run: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace powerdesk::batch
