// Threads for the batch work (preparing records, comparing within blocks).
//
// Work is handed out in fixed chunks through an atomic counter, so a slow
// chunk does not hold a whole thread's share back; each chunk writes only its
// own slots, and callers combine chunk results in chunk order — the output is
// the same for any thread count. The WASM build has no threads (the core is
// built without pthreads): everything runs on the calling thread.
#include <algorithm>
#include <atomic>
#include <functional>
#include <vector>

#include "dedupe_internal.hpp"

#if !defined(__EMSCRIPTEN__)
#include <system_error>
#include <thread>
#endif

namespace powerdesk::dedupe::detail {

unsigned thread_count(unsigned requested) {
#if defined(__EMSCRIPTEN__)
  (void)requested;
  return 1;
#else
  const unsigned n = requested > 0 ? requested : std::thread::hardware_concurrency();
  return std::clamp(n, 1u, kMaxThreads);
#endif
}

void parallel_chunks(size_t n, size_t chunk, unsigned threads,
                     const std::function<void(size_t chunk_index, size_t begin, size_t end)>& body) {
  if (n == 0) return;
  if (chunk == 0) chunk = 1;
  const size_t chunks = (n + chunk - 1) / chunk;
  auto run_chunk = [&](size_t k) { body(k, k * chunk, std::min(n, (k + 1) * chunk)); };
#if defined(__EMSCRIPTEN__)
  (void)threads;
  for (size_t k = 0; k < chunks; ++k) run_chunk(k);
#else
  const size_t workers = std::min<size_t>(thread_count(threads), chunks);
  if (workers <= 1) {
    for (size_t k = 0; k < chunks; ++k) run_chunk(k);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t k = next.fetch_add(1); k < chunks; k = next.fetch_add(1)) run_chunk(k);
  };
  std::vector<std::thread> pool;
  pool.reserve(workers - 1);
  for (size_t t = 1; t < workers; ++t) {
#if defined(__cpp_exceptions)
    try {
      pool.emplace_back(work);
    } catch (const std::system_error&) {
      break;  // no more threads to be had: those running (and this one) do all the chunks
    }
#else
    pool.emplace_back(work);
#endif
  }
  work();  // the calling thread is one of the workers
  for (std::thread& t : pool) t.join();
#endif
}

}  // namespace powerdesk::dedupe::detail
