// PostgreSQL mode, --export: a finished run's bills and rejects in input
// order and its summary — the same bytes a file-mode run writes.
#include <fcntl.h>
#include <unistd.h>

#include <iostream>

#include "io.hpp"
#include "pg_connection.hpp"
#include "run_options.hpp"
#include "run_summary.hpp"
#include "powerdesk/batch_render.hpp"

namespace powerdesk::batch {
namespace {

// Streams one column of a query to `fd`, a line per row, through a cursor.
void stream(Pg& pg, const std::string& query, const std::vector<std::string>& params, int fd) {
  pg.exec("DECLARE export_cursor NO SCROLL CURSOR FOR " + query, params);
  std::string buf;
  for (;;) {
    auto rows = pg.exec("FETCH 10000 FROM export_cursor");
    const int n = PQntuples(rows.get());
    if (n == 0) break;
    buf.clear();
    for (int i = 0; i < n; ++i) {
      buf.append(PQgetvalue(rows.get(), i, 0));
      buf.push_back('\n');
    }
    if (!write_all(fd, buf)) throw PgError("cannot write the export");
  }
  pg.exec("CLOSE export_cursor");
}

}  // namespace

int pg_export(const RunOptions& o) {
  if (!valid_schema(o.schema) || o.output.empty()) {
    std::cerr << "powerdesk bill-run: --export needs --output (and a lower-case --schema)\n";
    return 2;
  }
  const std::string& s = o.schema;
  const std::string rejects_path = o.rejects.empty() ? o.output + ".rejects.jsonl" : o.rejects;
  const std::string summary_path = o.summary.empty() ? o.output + ".summary.json" : o.summary;
  try {
    Pg pg(o.pg_url);
    pg.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");  // one consistent snapshot of the run
    auto run = pg.exec("SELECT output_format, load_totals, (extract(epoch FROM now() - created_at) * 1000)::bigint FROM " +
                           s + ".runs WHERE run = $1", {o.run});
    if (PQntuples(run.get()) != 1) {
      std::cerr << "powerdesk bill-run: no run " << o.run << "\n";
      return 2;
    }
    auto left = pg.exec("SELECT count(*) FROM " + s + ".partitions WHERE run = $1 AND status <> 'done'", {o.run});
    if (std::string(PQgetvalue(left.get(), 0, 0)) != "0") {
      std::cerr << "powerdesk bill-run: run " << o.run << " is not finished: " << PQgetvalue(left.get(), 0, 0)
                << " partitions not done\n";
      return 2;
    }
    const std::string format = PQgetvalue(run.get(), 0, 0);
    auto totals = RunTotals::from_json(Json::parse(PQgetvalue(run.get(), 0, 1)));
    auto parts = pg.exec("SELECT totals FROM " + s + ".partitions WHERE run = $1 ORDER BY part", {o.run});
    for (int i = 0; i < PQntuples(parts.get()); ++i) {
      auto t = RunTotals::from_json(Json::parse(PQgetvalue(parts.get(), i, 0)));
      if (!t || !totals) throw PgError("damaged partition totals");
      totals->merge(*t);
    }
    const int out = ::open(o.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    const int rej = ::open(rejects_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0 || rej < 0) throw PgError("cannot write " + (out < 0 ? o.output : rejects_path));
    if (format == "csv" && !write_all(out, kBillCsvHeader)) throw PgError("cannot write the export");
    stream(pg, "SELECT bill FROM " + s + ".bills WHERE run = $1 ORDER BY line", {o.run}, out);
    // As in file mode: refused customers first, then readings in input order.
    stream(pg, "SELECT reject FROM " + s + ".rejects WHERE run = $1 ORDER BY source = 'readings', line", {o.run}, rej);
    pg.exec("COMMIT");
    const bool synced = ::fsync(out) == 0 && ::fsync(rej) == 0;
    ::close(out);
    ::close(rej);
    const int64_t elapsed = std::stoll(PQgetvalue(run.get(), 0, 2));
    RunDescription d{"postgresql run " + o.run, "postgresql run " + o.run, o.output, rejects_path, format, 0, false};
    if (!synced || !write_file_durably(summary_path, summary_json(d, *totals, elapsed))) throw PgError("cannot write the summary");
    std::cerr << summary_line(*totals, elapsed, o.output) << "\n";
    return 0;
  } catch (const PgError& e) {
    std::cerr << "powerdesk bill-run: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace powerdesk::batch
