#include "server_setup.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "crypto.hpp"
#include "location.hpp"
#include "pack_dir.hpp"

namespace powerdesk::server {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

void load_packs(ServerContext& ctx) {
  const PackDirReport report = load_pack_dir(ctx.engine, ctx.config.rules_dir);
  if (!report.issues.empty()) {
    const Issue& i = report.issues.front();
    throw std::runtime_error("rule packs in " + ctx.config.rules_dir + " are not valid: " + std::string(code_name(i.code)) +
                             " " + i.file + " " + i.path + ": " + i.message.en);
  }
  // The rules endpoint lists the packs without server paths, each with its URL and ETag.
  nlohmann::json list = nlohmann::json::parse(ctx.engine.rules_list().json);
  for (nlohmann::json& pack : list["result"]["packs"]) {
    const std::string id = pack["id"];
    const std::string etag = "\"" + pack["content_hash"].get<std::string>() + "\"";
    ctx.packs[id] = PackFile{read_file(pack["file"].get<std::string>()), etag};
    pack.erase("file");
    pack["url"] = "/api/v1/rules/" + id;
    pack["etag"] = etag;
  }
  ctx.rules_json = list.dump();
  ctx.rules_etag = "\"" + sha256_hex(ctx.rules_json).substr(0, 16) + "\"";
}

// Several instances must derive the same secrets, so with PostgreSQL the key
// is configuration; with SQLite (one instance) it is created beside the file.
std::string secret_key(const ServerConfig& config, const store::StoreLocation& database) {
  std::string path = config.secret_key_file;
  if (path.empty()) {
    if (database.backend == store::StoreLocation::Backend::Postgres)
      throw std::runtime_error("--secret-key-file is required with PostgreSQL: every instance must use the same key");
    path = database.target + ".key";
  }
  if (!std::filesystem::exists(path)) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << random_hex(32) << "\n";
    out.close();
    if (!out) throw std::runtime_error("cannot write secret key file " + path);
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
  std::string key = read_file(path);
  while (!key.empty() && (key.back() == '\n' || key.back() == '\r')) key.pop_back();
  if (key.size() < 32) throw std::runtime_error("secret key in " + path + " is shorter than 32 characters");
  return key;
}

}  // namespace

std::unique_ptr<ServerContext> make_context(const ServerConfig& config, const std::string& pinned_today) {
  auto ctx = std::make_unique<ServerContext>(config, pinned_today);
  load_packs(*ctx);
  // The store's own reading of --db, so the server and the store never disagree on a prefix.
  const store::StoreLocation database = store::parse_store_location(config.database);
  if (database.backend == store::StoreLocation::Backend::Sqlite) {
    // A folder that cannot be made is the database being unavailable, reported as such.
    const auto dir = std::filesystem::path(database.target).parent_path();
    std::error_code failed;
    if (!dir.empty()) std::filesystem::create_directories(dir, failed);
    if (failed) throw store::StoreError("cannot create the folder '" + dir.string() + "' for the SQLite database: " +
                                       failed.message());
  }
  ctx->store = store::open_store(config.database);
  ctx->secret_key = secret_key(config, database);
  if (!config.staff_tokens_file.empty()) ctx->staff = StaffTokens::load(config.staff_tokens_file);
  return ctx;
}

}  // namespace powerdesk::server
