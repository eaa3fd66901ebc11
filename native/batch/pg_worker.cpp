// PostgreSQL mode, --worker: claim a pending partition with FOR UPDATE SKIP
// LOCKED, bill all its readings, write bills and rejects and mark it done in
// one transaction. A worker that dies rolls back and its partition is free
// again; a finished partition is never billed twice.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>

#include "customers_file.hpp"
#include "pg_connection.hpp"
#include "run_options.hpp"

namespace powerdesk::batch {
namespace {

constexpr int kFetchRows = 2000;

struct RunInfo {
  InputFormat readings_format, customers_format;
  std::optional<CsvHeader> readings_header, customers_header;
  OutputFormat output_format;
};

std::optional<RunInfo> run_info(Pg& pg, const std::string& s, const std::string& run, std::string& error) {
  auto r = pg.exec("SELECT readings_format, readings_header, customers_format, customers_header, output_format FROM " +
                       s + ".runs WHERE run = $1", {run});
  if (PQntuples(r.get()) != 1) {
    error = "no run " + run + " (load it first with --load)";
    return std::nullopt;
  }
  RunInfo info;
  info.readings_format = std::string(PQgetvalue(r.get(), 0, 0)) == "csv" ? InputFormat::Csv : InputFormat::Jsonl;
  info.customers_format = std::string(PQgetvalue(r.get(), 0, 2)) == "csv" ? InputFormat::Csv : InputFormat::Jsonl;
  info.output_format = output_format_of(PQgetvalue(r.get(), 0, 4));
  RecordIssues issues;
  if (info.readings_format == InputFormat::Csv)
    info.readings_header = CsvHeader::parse(PQgetvalue(r.get(), 0, 1), RecordKind::Reading, issues);
  if (info.customers_format == InputFormat::Csv)
    info.customers_header = CsvHeader::parse(PQgetvalue(r.get(), 0, 3), RecordKind::Customer, issues);
  return info;
}

std::string default_worker_name() {
  char host[256] = {};
  ::gethostname(host, sizeof host - 1);
  return std::string(host) + ":" + std::to_string(::getpid());
}

}  // namespace

int pg_worker(const RunOptions& o, const PackRegistry& packs) {
  if (!valid_schema(o.schema)) {
    std::cerr << "powerdesk bill-run: --schema must be a lower-case identifier\n";
    return 2;
  }
  const std::string& s = o.schema;
  const std::string name = o.worker_name.empty() ? default_worker_name() : o.worker_name;
  try {
    Pg pg(o.pg_url);
    std::string error;
    auto info = run_info(pg, s, o.run, error);
    if (!info) {
      std::cerr << "powerdesk bill-run: " << error << "\n";
      return 2;
    }
    int64_t partitions = 0;
    for (;;) {
      pg.exec("BEGIN");
      auto claim = pg.exec("SELECT part FROM " + s + ".partitions WHERE run = $1 AND status = 'pending' "
                           "ORDER BY part LIMIT 1 FOR UPDATE SKIP LOCKED", {o.run});
      if (PQntuples(claim.get()) == 0) {
        pg.exec("COMMIT");
        // Partitions still locked by others may yet be released by a failure: wait for them.
        auto left = pg.exec("SELECT count(*) FROM " + s + ".partitions WHERE run = $1 AND status <> 'done'", {o.run});
        if (std::string(PQgetvalue(left.get(), 0, 0)) == "0") break;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        continue;
      }
      const std::string part = PQgetvalue(claim.get(), 0, 0);
      std::cerr << "bill-run worker " << name << ": claimed partition '" << part << "'\n";
      CustomerTable table;
      {
        auto rows = pg.exec("SELECT line, record FROM " + s + ".customers WHERE run = $1 AND cycle = $2 ORDER BY line",
                            {o.run, part});
        std::string ignored;  // refused customers were recorded by --load
        RunTotals none;
        for (int i = 0; i < PQntuples(rows.get()); ++i)
          add_customer_record(table, packs, PQgetvalue(rows.get(), i, 1), std::stoll(PQgetvalue(rows.get(), i, 0)),
                              info->customers_format, info->customers_header ? &*info->customers_header : nullptr,
                              ignored, none);
      }
      const CsvHeader* rh = info->readings_header ? &*info->readings_header : nullptr;
      Biller biller(packs, table, info->readings_format, rh, info->output_format);
      RunTotals totals;
      pg.exec("DECLARE readings_cursor NO SCROLL CURSOR FOR SELECT line, record FROM " + s +
                  ".readings WHERE run = $1 AND part = $2 ORDER BY line", {o.run, part});
      std::string bill, reject, bill_rows, reject_rows;
      for (;;) {
        auto rows = pg.exec("FETCH " + std::to_string(kFetchRows) + " FROM readings_cursor");
        const int n = PQntuples(rows.get());
        if (n == 0) break;
        bill_rows.clear();
        reject_rows.clear();
        for (int i = 0; i < n; ++i) {
          const std::string line = PQgetvalue(rows.get(), i, 0);
          const std::string_view record = PQgetvalue(rows.get(), i, 1);
          bill.clear();
          reject.clear();
          if (biller.bill(record, std::stoll(line), bill, reject, totals)) {
            bill.pop_back();  // the row holds the line without its '\n'
            const auto id = record_customer_id(record, info->readings_format, rh);
            for (std::string_view f : {std::string_view(o.run), std::string_view(line), std::string_view(part),
                                       std::string_view(*id), std::string_view(bill)}) {
              copy_field(bill_rows, f);
              bill_rows.push_back('\t');
            }
            bill_rows.back() = '\n';
          } else {
            reject.pop_back();
            for (std::string_view f : {std::string_view(o.run), std::string_view("readings"), std::string_view(line),
                                       std::string_view(part), std::string_view(reject)}) {
              copy_field(reject_rows, f);
              reject_rows.push_back('\t');
            }
            reject_rows.back() = '\n';
          }
        }
        if (!bill_rows.empty()) pg.copy_in("COPY " + s + ".bills (run, line, part, customer, bill) FROM STDIN", bill_rows);
        if (!reject_rows.empty())
          pg.copy_in("COPY " + s + ".rejects (run, source, line, part, reject) FROM STDIN", reject_rows);
        if (o.partition_delay_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(o.partition_delay_ms));
      }
      pg.exec("CLOSE readings_cursor");
      pg.exec("UPDATE " + s + ".partitions SET status = 'done', worker = $3, finished_at = now(), totals = $4 "
              "WHERE run = $1 AND part = $2", {o.run, part, name, totals.to_json().dump()});
      pg.exec("COMMIT");
      ++partitions;
      std::cerr << "bill-run worker " << name << ": partition '" << part << "' done: " << totals.billed
                << " billed, " << totals.rejected << " rejected\n";
    }
    std::cerr << "bill-run worker " << name << ": run " << o.run << " complete (" << partitions
              << " partitions billed here)\n";
    return 0;
  } catch (const PgError& e) {
    // The transaction, if any, is rolled back as the connection closes: the partition is free again.
    std::cerr << "powerdesk bill-run worker " << name << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace powerdesk::batch
