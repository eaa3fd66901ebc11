// Synthetic labelled customer records for duplicate detection: the unit test
// checks precision and recall on them, the benchmark times 10k–1M of them.
//
// Deterministic for a seed on every platform (its own generator, no
// std::*_distribution). Customers (persons and organisations) get realistic
// Chinese names, addresses (province / city / district, road, 号, compound,
// 栋, 单元, 室; villages with 镇 / 村 / 组), phones and 户号. Each customer
// appears one to four times, the copies damaged as channel data is: typos,
// homophone names (the pinyin input method's wrong pick), full-width
// characters, separators in phones, +86, dropped or reordered address parts,
// Chinese numerals, 1-2-301, missing fields. Near non-duplicates are made on
// purpose: neighbours in the same building (often the same family name),
// household members at the same address, namesakes, the same road.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "powerdesk/dedupe.hpp"

namespace powerdesk::dedupe::synthetic {

struct Dataset {
  std::vector<Record> records;  // ids "R0000001" …, in shuffled order
  std::vector<uint32_t> entity;  // the true customer behind each record
};

Dataset generate(size_t records, uint64_t seed);

// Pairwise quality of clusters against the labels: a pair of records is
// predicted when both are in one cluster, true when both are one customer.
struct Quality {
  uint64_t true_pairs = 0;
  uint64_t predicted_pairs = 0;
  uint64_t correct_pairs = 0;
  double precision() const { return predicted_pairs ? double(correct_pairs) / double(predicted_pairs) : 1.0; }
  double recall() const { return true_pairs ? double(correct_pairs) / double(true_pairs) : 1.0; }
};

Quality evaluate(const DedupeResult& result, const std::vector<uint32_t>& entity);

}  // namespace powerdesk::dedupe::synthetic
