// A structure-aware mutator for the JSON targets (linked into each of them;
// libFuzzer finds LLVMFuzzerCustomMutator by name).
//
// Byte mutations of a JSON request mostly break its syntax, so most inputs
// stop at PD_JSON_MALFORMED and never reach the business rules. Half of the
// time, when the input parses, this mutates the document instead — replaces a
// value by an edge case or by another part of the document, mutates a string's
// or key's bytes, drops a member or repeats an array element — and writes it
// back. Otherwise (or when the input is not JSON) it leaves the bytes to
// libFuzzer's own mutations, which still find what breaks the parser.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

using nlohmann::json;

// Values the parsers must refuse or handle at their edges.
json edge_value(std::minstd_rand& rng) {
  static const char* const kStrings[] = {"",
                                         "0",
                                         "-0",
                                         "-1",
                                         "0.5",
                                         "0.005",
                                         "1e3",
                                         "-0.01",
                                         "1.",
                                         ".5",
                                         "0x10",
                                         "NaN",
                                         "99999999999999999999.99",
                                         "2025-02-29",
                                         "2024-02-29",
                                         "2025-12-31",
                                         "1900-01-01",
                                         "9999-12-31",
                                         "2025-13-01",
                                         "2025-1-1",
                                         "00:00",
                                         "24:00",
                                         "national",
                                         "zhejiang",
                                         "zj-test",
                                         "residential",
                                         "\xe4\xb8\xad\xe6\x96\x87",
                                         "\xef\xbc\x91\xef\xbc\x90"};
  switch (rng() % 12) {
    case 0:
      return nullptr;
    case 1:
      return true;
    case 2:
      return false;
    case 3:
      return 0;
    case 4:
      return -1;
    case 5:
      return static_cast<int64_t>(rng() % 2 ? INT64_MAX : INT64_MIN);
    case 6:
      return static_cast<uint64_t>(UINT64_MAX);
    case 7:
      return 1e300 * (rng() % 2 ? 1 : -1);
    case 8:
      return json::object();
    case 9:
      return json::array();
    case 10:
      return static_cast<int64_t>(rng() % 100000);
    default:
      return kStrings[rng() % (sizeof kStrings / sizeof *kStrings)];
  }
}

// Whether the brackets nest at most 64 deep (the core refuses deeper input,
// and nlohmann's dump recurses), counted outside strings.
bool shallow(const uint8_t* data, size_t size) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < size; ++i) {
    const uint8_t c = data[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > 64) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

void collect(json& j, std::vector<json*>& out) {
  out.push_back(&j);
  if (j.is_object() || j.is_array()) {
    for (auto& child : j) collect(child, out);
  }
}

// libFuzzer's byte mutation of a short text (a string value or a key).
std::string mutate_text(const std::string& s) {
  std::string buf = s;
  const size_t max = s.size() + 16;
  buf.resize(max);
  const size_t n = LLVMFuzzerMutate(reinterpret_cast<uint8_t*>(buf.data()), s.size(), max);
  buf.resize(n);
  return buf;
}

bool mutate_document(json& doc, std::minstd_rand& rng) {
  std::vector<json*> nodes;
  collect(doc, nodes);
  json& node = *nodes[rng() % nodes.size()];
  switch (rng() % 7) {
    case 0:  // an edge value
      node = edge_value(rng);
      return true;
    case 1: {  // another part of the document (a copy: node may contain it)
      json other = *nodes[rng() % nodes.size()];
      node = std::move(other);
      return true;
    }
    case 2:
    case 3:  // the bytes of a string or a number's text
      if (node.is_string()) {
        node = mutate_text(node.get<std::string>());
        return true;
      }
      if (node.is_number()) {
        node = mutate_text(node.dump());  // as a string: the readers take decimals as text too
        return true;
      }
      return false;
    case 4:  // drop a member or an element
      if ((node.is_object() || node.is_array()) && !node.empty()) {
        const size_t i = rng() % node.size();
        if (node.is_array()) {
          node.erase(i);
        } else {
          auto it = node.begin();
          std::advance(it, static_cast<std::ptrdiff_t>(i));
          node.erase(it);
        }
        return true;
      }
      return false;
    case 5:  // repeat an element, or rename a member
      if (node.is_array() && !node.empty() && node.size() < 64) {
        json copy = node[rng() % node.size()];
        node.push_back(std::move(copy));
        return true;
      }
      if (node.is_object() && !node.empty()) {
        auto it = node.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(rng() % node.size()));
        const std::string key = mutate_text(it.key());
        json value = std::move(it.value());
        node.erase(it);
        node[key] = std::move(value);
        return true;
      }
      return false;
    default:  // a new member named like another one of the document
      if (node.is_object()) {
        std::vector<std::string> keys;
        for (json* n : nodes)
          if (n->is_object())
            for (auto it = n->begin(); it != n->end(); ++it) keys.push_back(it.key());
        if (keys.empty()) return false;
        node[keys[rng() % keys.size()]] = edge_value(rng);
        return true;
      }
      return false;
  }
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,
                                          unsigned int seed) {
  std::minstd_rand rng(seed);
  if (rng() % 2 == 0 && shallow(data, size)) {
    json doc = json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (!doc.is_discarded()) {
      bool changed = false;
      for (unsigned i = 0, n = 1 + rng() % 3; i < n; ++i)
        changed = mutate_document(doc, rng) || changed;
      if (changed) {
        const std::string text =
            doc.dump(rng() % 4 == 0 ? 1 : -1, ' ', false, json::error_handler_t::replace);
        if (text.size() <= max_size) {
          std::copy(text.begin(), text.end(), data);
          return text.size();
        }
      }
    }
  }
  return LLVMFuzzerMutate(data, size, max_size);
}
