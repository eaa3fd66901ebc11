// The rule packs compiled into the WASM module (generated from rules/).
#pragma once

#include <cstddef>

namespace powerdesk {

struct BundledPack {
  const char* name;  // path below rules/, e.g. zhejiang/zhejiang-2025.json
  const char* json;
};

extern const BundledPack kBundledPacks[];
extern const size_t kBundledPackCount;

}  // namespace powerdesk
