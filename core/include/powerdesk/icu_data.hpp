// ICU data for builds that do not link ICU's data library (the WASM build
// ships a filtered data file next to the module and hands its bytes here).
// Native builds use the system ICU data and never need to call this.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace powerdesk {

// Copies `data` (one ICU common-data file) into 16-byte-aligned memory kept
// for the life of the process and registers it with ICU
// (udata_setCommonData). Call before the first bill; a further call adds
// another data file (ICU searches them in turn, up to 10); callers install
// each file once (the JS wrapper keeps track). On failure `error` says why.
bool install_icu_data(const uint8_t* data, size_t size, std::string& error);

}  // namespace powerdesk
