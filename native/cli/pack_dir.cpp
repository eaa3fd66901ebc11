#include "pack_dir.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace powerdesk {

PackDirReport load_pack_dir(Engine& engine, const std::string& dir) {
  namespace fs = std::filesystem;
  PackDirReport report;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    report.issues.push_back(make_issue(Code::FileUnreadable, "", "规则目录不存在或不可读：" + dir,
                                       "Rules directory missing or unreadable: " + dir));
    return report;
  }
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory() && it->path().filename() == "schema") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    ++report.files;
    std::ifstream in(f, std::ios::binary);
    std::stringstream buf;
    buf << in.rdbuf();
    if (!in) {
      report.issues.push_back(make_issue(Code::FileUnreadable, "", "无法读取 " + f.string(), "Cannot read " + f.string()));
      continue;
    }
    Issues found = engine.add_pack(buf.str(), f.string());
    report.issues.insert(report.issues.end(), found.begin(), found.end());
  }
  if (report.files == 0) {
    report.issues.push_back(make_issue(Code::FileUnreadable, "", "目录中没有规则包：" + dir, "No rule packs in " + dir));
  }
  return report;
}

}  // namespace powerdesk
