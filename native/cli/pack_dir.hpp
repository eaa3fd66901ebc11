// Loading rule packs from a directory: the file I/O the core does not do.
#pragma once

#include <string>

#include "powerdesk/api.hpp"

namespace powerdesk {

struct PackDirReport {
  int files = 0;
  Issues issues;  // every problem in every file; packs with problems are not added
};

// Adds every *.json below `dir` (recursively, skipping schema/) to `engine`,
// in path order so messages are stable.
PackDirReport load_pack_dir(Engine& engine, const std::string& dir);

}  // namespace powerdesk
