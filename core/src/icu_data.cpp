#include "powerdesk/icu_data.hpp"

#include <unicode/udata.h>
#include <unicode/utypes.h>

#include <cstdlib>
#include <cstring>

namespace powerdesk {

bool install_icu_data(const uint8_t* data, size_t size, std::string& error) {
  if (!data || size < 16) {
    error = "ICU data is empty";
    return false;
  }
  // ICU reads the common data in place for the rest of the process and wants
  // it aligned, so each file lives in its own never-freed allocation.
  void* copy = std::aligned_alloc(16, (size + 15) / 16 * 16);
  if (!copy) {
    error = "out of memory for ICU data";
    return false;
  }
  std::memcpy(copy, data, size);
  UErrorCode status = U_ZERO_ERROR;
  // Everything ICU needs is in these files: without NO_FILES it would look on
  // the (absent) disk before every data lookup.
  udata_setFileAccess(UDATA_NO_FILES, &status);
  udata_setCommonData(copy, &status);
  // ICU reports a full table of data files as a warning.
  if (U_FAILURE(status) || status == U_USING_DEFAULT_WARNING) {
    std::free(copy);
    error = std::string("udata_setCommonData: ") + u_errorName(status);
    return false;
  }
  return true;
}

}  // namespace powerdesk
