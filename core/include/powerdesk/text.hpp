// Text shown to people always comes in Chinese and English.
#pragma once

#include <string>

namespace powerdesk {

struct Bilingual {
  std::string zh;
  std::string en;
};

// Where a figure or rule comes from: the notice or regulation and its date.
struct Citation {
  std::string document;  // e.g. 浙价资〔2012〕124号
  std::string date;      // issue or effective date as printed
  std::string note;      // what was assumed, verified or derived
};

}  // namespace powerdesk
