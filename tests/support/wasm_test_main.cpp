// main() of the GoogleTest suite compiled to WASM: installs both filtered ICU
// data files the module ships (the WASM build links no ICU data library), then
// runs the same tests as the native build.
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "powerdesk/icu_data.hpp"

namespace {

bool install(const char* path) {
  std::ifstream in(path, std::ios::binary);
  const std::vector<uint8_t> data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string error;
  if (data.empty() || !powerdesk::install_icu_data(data.data(), data.size(), error)) {
    std::cerr << "cannot install ICU data from " << path << ": " << error << "\n";
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (!install(POWERDESK_ICU_DATA_FILE) || !install(POWERDESK_ICU_TEXT_DATA_FILE)) return 1;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
