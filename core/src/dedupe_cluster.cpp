// The entry points: dedupe() joins matched pairs into clusters, match()
// ranks a shortlist against one record.
//
// Clusters are the connected components of the matched pairs (union-find).
// Pairs are taken strongest first (ties by input order), so the links kept —
// those that joined two components — form a maximum spanning tree: each
// record is shown with its strongest reason for being in the cluster. Like
// any transitive closure this can chain (A~B and B~C put A with C even if
// A≁C); the links show where.
#include <algorithm>
#include <numeric>
#include <vector>

#include "dedupe_internal.hpp"

namespace powerdesk::dedupe {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n), size_(n, 1) { std::iota(parent_.begin(), parent_.end(), 0); }

  uint32_t find(uint32_t x) {
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];  // path halving
      x = parent_[x];
    }
    return x;
  }

  // False when already together.
  bool unite(uint32_t a, uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (size_[a] < size_[b]) std::swap(a, b);
    parent_[b] = a;
    size_[a] += size_[b];
    return true;
  }

  uint32_t size_of(uint32_t x) { return size_[find(x)]; }

 private:
  std::vector<uint32_t> parent_;
  std::vector<uint32_t> size_;
};

}  // namespace

DedupeResult dedupe(std::span<const Record> records, const Options& options) {
  DedupeResult result;
  result.pinyin = detail::ensure_pinyin();
  const unsigned threads = detail::thread_count(options.threads);
  const std::vector<detail::Prepared> prepared = detail::prepare_all(records, options.gazetteer, threads);
  detail::BlockingOutcome outcome = detail::compare_within_blocks(prepared, options, threads);

  result.stats.records = records.size();
  result.stats.blocks = outcome.blocks;
  result.stats.oversized_blocks = outcome.oversized_blocks;
  result.stats.compared_pairs = outcome.compared;
  result.stats.matched_pairs = outcome.matched.size();

  // Strongest first; the pairs arrive sorted by (a, b), which breaks ties.
  std::vector<detail::CandidatePair>& pairs = outcome.matched;
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const detail::CandidatePair& x, const detail::CandidatePair& y) { return x.total > y.total; });
  UnionFind sets(records.size());
  std::vector<detail::CandidatePair> tree;
  for (const detail::CandidatePair& p : pairs)
    if (sets.unite(p.a, p.b)) tree.push_back(p);

  // Clusters in order of their first member; members in input order.
  std::vector<int64_t> cluster_of_root(records.size(), -1);
  for (size_t i = 0; i < records.size(); ++i) {
    const auto r = static_cast<uint32_t>(i);
    if (sets.size_of(r) < 2) continue;
    const uint32_t root = sets.find(r);
    if (cluster_of_root[root] < 0) {
      cluster_of_root[root] = static_cast<int64_t>(result.clusters.size());
      result.clusters.emplace_back();
    }
    result.clusters[static_cast<size_t>(cluster_of_root[root])].members.push_back(i);
  }
  for (const detail::CandidatePair& p : tree) {
    Cluster& c = result.clusters[static_cast<size_t>(cluster_of_root[sets.find(p.a)])];
    c.links.push_back({p.a, p.b, detail::score(prepared[p.a], prepared[p.b])});
  }
  return result;
}

MatchResult match(const Record& record, std::span<const Record> candidates, size_t limit, int min_score,
                  const Options& options) {
  MatchResult result;
  result.pinyin = detail::ensure_pinyin();
  const unsigned threads = detail::thread_count(options.threads);
  const detail::Prepared probe = detail::prepare(record, options.gazetteer);
  const std::vector<detail::Prepared> prepared = detail::prepare_all(candidates, options.gazetteer, threads);
  std::vector<PairScore> scores(prepared.size());
  detail::parallel_chunks(prepared.size(), 1024, threads, [&](size_t, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) scores[i] = detail::score(probe, prepared[i]);
  });
  result.compared = prepared.size();
  for (size_t i = 0; i < scores.size(); ++i)
    if (scores[i].total >= min_score) result.candidates.push_back({i, scores[i]});
  std::stable_sort(result.candidates.begin(), result.candidates.end(),
                   [](const Candidate& x, const Candidate& y) { return x.score.total > y.score.total; });
  if (result.candidates.size() > limit) result.candidates.resize(limit);
  return result;
}

}  // namespace powerdesk::dedupe
