// File mode: reader → chunks → worker threads → ordered writer, with a
// checkpoint after each durable write so an interrupted run can resume.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iostream>
#include <map>
#include <mutex>
#include <thread>

#include "checkpoint.hpp"
#include "customers_file.hpp"
#include "line_reader.hpp"
#include "progress.hpp"
#include "run_options.hpp"
#include "run_summary.hpp"

namespace powerdesk::batch {
namespace {

struct Record {
  size_t at = 0, len = 0;
  int64_t line = 0;
  bool too_long = false;
  size_t bytes = 0;
};

struct Chunk {
  int64_t seq = 0;
  std::string data;  // the records' text, back to back
  std::vector<Record> records;
  int64_t end_offset = 0, next_line = 1;
};

struct ChunkResult {
  std::string bills, rejects;
  RunTotals totals;
  int64_t end_offset = 0, next_line = 1;
};

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r") == std::string_view::npos; }

// Everything the threads share. Bounded: the reader waits while `limit`
// chunks are read but not yet written, so memory does not grow with input.
struct Pipeline {
  std::mutex mu;
  std::condition_variable cv;
  std::deque<Chunk> work;
  std::map<int64_t, ChunkResult> done;
  int64_t in_flight = 0, limit = 8, chunks = -1;  // chunks: total, once the reader has finished
  bool reader_done = false, failed = false;
  std::string error;
};

void fail(Pipeline& p, std::string msg) {
  std::lock_guard<std::mutex> lock(p.mu);
  if (!p.failed) p.error = std::move(msg);
  p.failed = true;
  p.cv.notify_all();
}

void read_chunks(Pipeline& p, int fd, int64_t offset, int64_t next_line, int chunk_records) {
  LineReader reader(fd, offset, next_line);
  int64_t seq = 0;
  Line line;
  for (bool more = true; more;) {
    Chunk c;
    c.seq = seq;
    c.data.reserve(static_cast<size_t>(chunk_records) * 128);
    while (static_cast<int>(c.records.size()) < chunk_records && (more = reader.next(line))) {
      if (!line.too_long && blank(line.text)) continue;  // blank lines are not records
      c.records.push_back(Record{c.data.size(), line.text.size(), line.number, line.too_long, line.bytes});
      c.data.append(line.text);
    }
    if (reader.failed()) return fail(p, "PD_FILE_UNREADABLE: error reading the readings file");
    if (c.records.empty()) break;
    c.end_offset = reader.offset();
    c.next_line = reader.next_line();
    std::unique_lock<std::mutex> lock(p.mu);
    p.cv.wait(lock, [&] { return p.in_flight < p.limit || p.failed; });
    if (p.failed) return;
    ++p.in_flight;
    p.work.push_back(std::move(c));
    ++seq;
    p.cv.notify_all();
  }
  std::lock_guard<std::mutex> lock(p.mu);
  p.reader_done = true;
  p.chunks = seq;
  p.cv.notify_all();
}

void bill_chunks(Pipeline& p, Biller biller) {
  for (;;) {
    Chunk c;
    {
      std::unique_lock<std::mutex> lock(p.mu);
      p.cv.wait(lock, [&] { return !p.work.empty() || p.reader_done || p.failed; });
      if (p.failed || p.work.empty()) return;
      c = std::move(p.work.front());
      p.work.pop_front();
    }
    ChunkResult r;
    r.bills.reserve(c.records.size() * 512);
    r.end_offset = c.end_offset;
    r.next_line = c.next_line;
    for (const Record& rec : c.records) {
      const std::string_view text(c.data.data() + rec.at, rec.len);
      if (rec.too_long) reject_too_long(text, rec.line, rec.bytes, r.rejects, r.totals);
      else biller.bill(text, rec.line, r.bills, r.rejects, r.totals);
    }
    std::lock_guard<std::mutex> lock(p.mu);
    p.done.emplace(c.seq, std::move(r));
    p.cv.notify_all();
  }
}

std::string packs_fingerprint(const PackRegistry& packs) {
  std::string s;
  for (const RulePack* p : packs.all()) s += p->id + ":" + p->content_hash + ";";
  return s;
}

int bad(const std::string& msg) {
  std::cerr << "powerdesk bill-run: " << msg << "\n";
  return 2;
}

}  // namespace

int run_files(const RunOptions& o, const PackRegistry& packs) {
  using Clock = std::chrono::steady_clock;
  const auto started = Clock::now();
  if (o.readings.empty() || o.customers.empty() || o.output.empty())
    return bad("--readings, --customers and --output are required (or --pg)");
  const InputFormat in_format = input_format_for(o.readings, o.input_format);
  const InputFormat cust_format = input_format_for(o.customers, o.customers_format);
  const OutputFormat out_format = output_format_of(o.format);
  const std::string rejects_path = o.rejects.empty() ? o.output + ".rejects.jsonl" : o.rejects;
  const std::string summary_path = o.summary.empty() ? o.output + ".summary.json" : o.summary;
  const std::string checkpoint_path = o.output + ".checkpoint";

  Checkpoint want;
  auto rid = file_identity(o.readings);
  auto cid = file_identity(o.customers);
  if (!rid) return bad("PD_FILE_UNREADABLE: cannot read the readings file " + o.readings);
  if (!cid) return bad("PD_FILE_UNREADABLE: cannot read the customers file " + o.customers);
  want.readings = *rid;
  want.customers = *cid;
  want.input_format = in_format == InputFormat::Csv ? "csv" : "jsonl";
  want.customers_format = cust_format == InputFormat::Csv ? "csv" : "jsonl";
  want.output_format = o.format;
  want.packs = packs_fingerprint(packs);

  std::optional<Checkpoint> resume_from;
  if (o.resume) {
    if (auto text = read_small_file(checkpoint_path)) {
      resume_from = Checkpoint::parse(*text);
      if (!resume_from) return bad("the checkpoint " + checkpoint_path + " is damaged; start again without --resume");
      if (!resume_from->same_run(want))
        return bad("the checkpoint " + checkpoint_path + " belongs to other inputs, formats or packs; start again without --resume");
    } else {
      std::cerr << "powerdesk bill-run: no checkpoint at " << checkpoint_path << ", starting from the beginning\n";
    }
  }

  std::string error;
  auto customers = load_customers(o.customers, cust_format, packs, error);
  if (!customers) return bad(error);

  const int in_fd = ::open(o.readings.c_str(), O_RDONLY | O_CLOEXEC);
  if (in_fd < 0) return bad("PD_FILE_UNREADABLE: cannot read the readings file " + o.readings);
  // The CSV header is read again on resume: the checkpoint offset lies past it.
  std::optional<CsvHeader> header;
  int64_t offset = 0, next_line = 1;
  if (in_format == InputFormat::Csv) {
    LineReader hr(in_fd, 0, 1);
    Line line;
    while (hr.next(line) && !line.too_long && blank(line.text)) {}
    RecordIssues issues;
    if (line.number == 0 || line.too_long || !(header = CsvHeader::parse(line.text, RecordKind::Reading, issues)))
      return bad("readings file " + o.readings + ": " + (issues.empty() ? "no CSV header row" : describe_issues(issues)));
    offset = hr.offset();
    next_line = hr.next_line();
  }

  const int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (resume_from ? 0 : O_TRUNC);
  const int out_fd = ::open(o.output.c_str(), flags, 0644);
  const int rej_fd = ::open(rejects_path.c_str(), flags, 0644);
  if (out_fd < 0 || rej_fd < 0) return bad("PD_FILE_UNREADABLE: cannot write " + (out_fd < 0 ? o.output : rejects_path));

  Checkpoint state = want;
  if (resume_from) {
    struct stat so {}, sr {};
    ::fstat(out_fd, &so);
    ::fstat(rej_fd, &sr);
    if (so.st_size < resume_from->output_bytes || sr.st_size < resume_from->rejects_bytes)
      return bad("the outputs are shorter than the checkpoint says; start again without --resume");
    // Whatever was written after the last checkpoint is written again.
    if (::ftruncate(out_fd, resume_from->output_bytes) != 0 || ::ftruncate(rej_fd, resume_from->rejects_bytes) != 0)
      return bad("cannot truncate the outputs to the checkpoint");
    state = *resume_from;
    offset = state.input_offset;
    next_line = state.next_line;
  } else {
    std::string head(out_format == OutputFormat::Csv ? kBillCsvHeader : "");
    if (!write_all(out_fd, head) || !write_all(rej_fd, customers->rejects)) return bad("cannot write the outputs");
    state.totals = customers->totals;
    state.output_bytes = static_cast<int64_t>(head.size());
    state.rejects_bytes = static_cast<int64_t>(customers->rejects.size());
    state.input_offset = offset;
    state.next_line = next_line;
  }
  ::lseek(out_fd, 0, SEEK_END);
  ::lseek(rej_fd, 0, SEEK_END);

  const int64_t prior_ms = state.elapsed_ms;
  const auto save = [&]() {
    state.elapsed_ms = prior_ms + std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    return ::fdatasync(out_fd) == 0 && ::fdatasync(rej_fd) == 0 && write_file_durably(checkpoint_path, state.to_json());
  };
  if (!save()) return bad("cannot write the checkpoint " + checkpoint_path);

  unsigned threads = o.threads ? o.threads : std::max(1u, std::thread::hardware_concurrency());
  Pipeline p;
  p.limit = static_cast<int64_t>(threads) * 4;
  std::thread reader(read_chunks, std::ref(p), in_fd, offset, next_line, std::max(1, o.chunk_records));
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < threads; ++i)
    workers.emplace_back(bill_chunks, std::ref(p),
                         Biller(packs, customers->table, in_format, header ? &*header : nullptr, out_format));

  Progress progress(progress_enabled(o.progress.c_str()), want.readings.size);
  auto last_save = Clock::now();
  int64_t next = 0;
  for (;;) {
    ChunkResult r;
    {
      std::unique_lock<std::mutex> lock(p.mu);
      p.cv.wait(lock, [&] { return p.done.count(next) || p.failed || (p.reader_done && next == p.chunks); });
      if (p.failed || !p.done.count(next)) break;
      r = std::move(p.done.at(next));
      p.done.erase(next);
    }
    if (!write_all(out_fd, r.bills) || !write_all(rej_fd, r.rejects)) {
      fail(p, "cannot write the outputs");
      break;
    }
    state.output_bytes += static_cast<int64_t>(r.bills.size());
    state.rejects_bytes += static_cast<int64_t>(r.rejects.size());
    state.totals.merge(r.totals);
    state.input_offset = r.end_offset;
    state.next_line = r.next_line;
    {
      std::lock_guard<std::mutex> lock(p.mu);
      --p.in_flight;
      p.cv.notify_all();
    }
    ++next;
    progress.update(state.input_offset, state.totals.billed, state.totals.rejected);
    if (Clock::now() - last_save >= std::chrono::milliseconds(o.checkpoint_ms)) {
      if (!save()) {
        fail(p, "cannot write the checkpoint " + checkpoint_path);
        break;
      }
      last_save = Clock::now();
    }
  }
  reader.join();
  for (auto& w : workers) w.join();
  ::close(in_fd);
  progress.finish();
  if (p.failed) {
    ::close(out_fd);
    ::close(rej_fd);
    std::cerr << "powerdesk bill-run: " << p.error << " (rerun with --resume to continue)\n";
    return 1;
  }
  const bool synced = ::fdatasync(out_fd) == 0 && ::fdatasync(rej_fd) == 0;
  ::close(out_fd);
  ::close(rej_fd);
  state.elapsed_ms = prior_ms + std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
  RunDescription d{o.readings, o.customers, o.output, rejects_path, o.format, threads, resume_from.has_value()};
  if (!synced || !write_file_durably(summary_path, summary_json(d, state.totals, state.elapsed_ms)))
    return bad("cannot write the summary " + summary_path);
  std::remove(checkpoint_path.c_str());  // a checkpoint exists only while a run is unfinished
  std::cerr << summary_line(state.totals, state.elapsed_ms, o.output) << "\n";
  return 0;
}

}  // namespace powerdesk::batch
