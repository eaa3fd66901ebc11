// main() of the GoogleTest suite compiled to WASM: installs the filtered ICU
// data the module ships (the WASM build links no ICU data library), then
// runs the same tests as the native build.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "powerdesk/icu_data.hpp"

int main(int argc, char** argv) {
  std::ifstream in(POWERDESK_ICU_DATA_FILE, std::ios::binary);
  const std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  if (data.empty() || !powerdesk::install_icu_data(data.data(), data.size(), error)) {
    std::cerr << "cannot install ICU data from " << POWERDESK_ICU_DATA_FILE << ": " << error << "\n";
    return 1;
  }
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
