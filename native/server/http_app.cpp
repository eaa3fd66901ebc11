#include "http_app.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>

#include <nlohmann/json.hpp>

#include "http_reply.hpp"
#include "log_mask.hpp"
#include "routes.hpp"

namespace powerdesk::server {
namespace {

thread_local std::chrono::steady_clock::time_point request_start;

// The portal is served from this origin only; WASM needs 'wasm-unsafe-eval'.
constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self' blob:; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Runs before httplib reads the body, so it only starts the clock: the JSON
// content type and depth checks are made on the body by the router (router.cpp).
httplib::Server::HandlerResponse pre_routing(const httplib::Request&, httplib::Response&) {
  request_start = std::chrono::steady_clock::now();
  return httplib::Server::HandlerResponse::Unhandled;
}

void write_access_log(FILE* out, ServerContext& ctx, const httplib::Request& req, const httplib::Response& res,
                      const std::string& route, double seconds) {
  static std::mutex mutex;
  const nlohmann::json line = {{"t", ctx.clock.now_utc()},
                               {"client", mask_client_address(req.remote_addr)},
                               {"method", req.method},
                               {"path", mask_personal_data(req.path)},
                               {"route", route},
                               {"status", res.status},
                               {"bytes", res.body.size()},
                               {"ms", static_cast<double>(static_cast<long>(seconds * 100000)) / 100}};
  const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard lock(mutex);
  std::fwrite(text.data(), 1, text.size(), out);
  std::fflush(out);
}

}  // namespace

HttpApp make_http_app(ServerContext& ctx) {
  HttpApp app{std::make_unique<httplib::Server>(), nullptr};
  httplib::Server& s = *app.server;
  const int threads = ctx.config.threads > 0 ? ctx.config.threads : 64;
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  s.set_payload_max_length(ctx.config.max_body_bytes);
  s.set_read_timeout(10, 0);
  s.set_write_timeout(10, 0);
  s.set_keep_alive_timeout(5);
  s.set_keep_alive_max_count(10000);
  s.set_tcp_nodelay(true);  // headers and body go in two writes: without it, Nagle + delayed ACK add 40 ms
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                         {"X-Frame-Options", "DENY"},
                         {"Content-Security-Policy", kContentSecurityPolicy},
                         {"Referrer-Policy", "no-referrer"},
                         {"Cross-Origin-Opener-Policy", "same-origin"}});
  s.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
  s.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");
  s.set_file_extension_and_mimetype_mapping("webmanifest", "application/manifest+json");
  s.set_pre_routing_handler(pre_routing);
  s.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (starts_with(req.path, "/api/") && !res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  });
  // Errors raised inside httplib (413, 400) get the API's envelope; ours already have a body.
  s.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    if (res.status == 413) reply_error(res, HttpError::PayloadTooLarge);
    else if (res.status == 404) reply_error(res, HttpError::NotFound, "", req.path);
    else return httplib::Server::HandlerResponse::Unhandled;
    return httplib::Server::HandlerResponse::Handled;
  }));
  s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    try {
      std::rethrow_exception(ep);
    } catch (const store::StoreOutcomeUnknown& e) {
      std::fprintf(stderr, "powerdesk: database error: %s\n", mask_personal_data(e.what()).c_str());
      reply_error(res, HttpError::StoreOutcomeUnknown);
    } catch (const store::StoreError& e) {
      std::fprintf(stderr, "powerdesk: database error: %s\n", mask_personal_data(e.what()).c_str());
      reply_error(res, HttpError::StoreUnavailable);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "powerdesk: internal error: %s\n", mask_personal_data(e.what()).c_str());
      reply_error(res, HttpError::Internal);
    }
  });
  FILE* log = ctx.config.access_log.empty() ? nullptr
              : ctx.config.access_log == "-" ? stderr
                                              : std::fopen(ctx.config.access_log.c_str(), "a");
  if (!ctx.config.access_log.empty() && !log)
    throw std::runtime_error("cannot open access log " + ctx.config.access_log);
  s.set_logger([&ctx, log](const httplib::Request& req, const httplib::Response& res) {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - request_start).count();
    const std::string route = Router::take_label();
    ctx.metrics.observe(req.method, route, res.status, seconds);
    if (log) write_access_log(log, ctx, req, res, route, seconds);
  });

  app.router = std::make_unique<Router>(s);
  Router& r = *app.router;
  add_ops_routes(r, ctx);
  add_rules_routes(r, ctx);
  add_facade_routes(r, ctx);
  add_intake_routes(r, ctx);
  add_staff_routes(r, ctx);
  r.add_fallbacks();
  if (!ctx.config.portal_dir.empty() && !s.set_mount_point("/", ctx.config.portal_dir))
    throw std::runtime_error("portal directory not found: " + ctx.config.portal_dir);
  return app;
}

}  // namespace powerdesk::server
