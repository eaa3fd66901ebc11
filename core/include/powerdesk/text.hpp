// Text shown to people always comes in Chinese and English.
#pragma once

#include <string>

namespace powerdesk {

struct Bilingual {
  std::string zh;
  std::string en;
};

}  // namespace powerdesk
