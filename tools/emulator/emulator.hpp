// SPDX-License-Identifier: MIT
#pragma once
// gpt-image-emulator: the three GPT-Image-2 dialects (openai, toapis, aivideoapi) on loopback, for
// tests, the CLI's out-of-the-box mode and anyone who wants to see the library work offline.
//
//   gpt_image_emulator::emulator emu({.task_duration = std::chrono::milliseconds(0)});  // C++20
//   auto ports = emu.start();              // ports.api_port, ports.files_port (0 = pick free)
//   client base URL: emu.base_url(dialect::toapis)  ->  http://127.0.0.1:PORT/toapis
//   emu.inject(fault_spec{fault_kind::lost_response, fault_target::create, 1});
//   emu.count(request_kind::create, dialect::toapis) == 1
//
// Routing (also in `gpt-image-emulator --help`): the first path segment selects the dialect —
// /openai/v1/..., /toapis/v1/..., /aivideoapi/v1/... — so a client's base URL selects it.
// Unprefixed /v1/... paths use the `X-Emulator-Dialect` header, else options::default_dialect, else
// the path (/v1/tasks, /v1/credits: aivideoapi; /v1/uploads, GET /v1/images/generations/{id}:
// toapis; /v1/images/edits: openai) and, for POST /v1/images/generations, the body (an `input`
// object: aivideoapi; a `resolution` or a ratio `size`: toapis; otherwise openai).
//
// Results are real PNG files of exactly the resolved size, served by a second listener on another
// host (127.0.0.2 by default: all of 127/8 is loopback on Linux) so that result URLs point away
// from the API host and a client that forwards its key there is caught (authorization_to_files()).
//
// Linux only (lost_response finds the connection's socket through /proc/self/fd). start() ignores
// SIGPIPE process-wide: a fault that closes a connection must not kill the process.

#include "dialects.hpp"
#include "faults.hpp"
#include "png.hpp"

#include <gpt_image/tables.hpp>
#include <gpt_image/tables/prices.hpp>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace gpt_image_emulator {

struct options {
  std::string host = "127.0.0.1";  // the API listener's bind address
  int port = 0;                    // API listener; 0 = pick a free port
  // The files listener's bind address; empty = 127.0.0.2 when host is 127.0.0.1 (falling back to
  // 127.0.0.1 where 127.0.0.2 cannot be bound), else the same as host.
  std::string files_host;
  int files_port = 0;  // files listener; 0 = pick a free port
  // The accepted key. Empty = any non-empty Bearer token (the header is still required).
  std::string api_key;
  // How long a task takes from create to completed/failed; 0 = finished on the first poll.
  std::chrono::milliseconds task_duration{3000};
  std::vector<fault_spec> faults;                      // standing faults (--fault)
  std::optional<dialect> default_dialect;              // for unprefixed paths; nullopt = infer
  std::chrono::seconds retry_after{1};                 // Retry-After of injected 429s
  std::chrono::milliseconds slow_body_duration{3000};  // how long a slow_body response trickles
  double initial_credits = 10000;                      // aivideoapi balance (credits)
  // Called with one line per request (and per callback). Never contains the key.
  std::function<void(const std::string&)> log_sink;
};

struct ports {
  int api_port = 0;
  int files_port = 0;
  std::string error;  // empty on success
  explicit operator bool() const { return error.empty(); }
};

// One line of the request log.
struct request_record {
  std::string listener;  // "api", "files" or "callback"
  std::string method;
  std::string path;
  std::optional<dialect> which;
  request_kind kind = request_kind::other;
  int status = 0;  // 0 = no response was sent (lost_response, or a callback that failed)
  fault_kind fault = fault_kind::none;
  bool authorization_present = false;
  std::string task_id;  // the task a create made or a query asked about
};

class emulator {
 public:
  explicit emulator(options opts = {}) : options_(std::move(opts)), faults_(options_.faults) {
    balance_tenths_ = static_cast<std::int64_t>(options_.initial_credits * 10 + 0.5);
  }
  emulator(const emulator&) = delete;
  emulator& operator=(const emulator&) = delete;
  ~emulator() { stop(); }

  ports start() {
    if (running_) return ports{api_port_, files_port_, {}};
    std::signal(SIGPIPE, SIG_IGN);
    stopping_ = false;
    api_ = std::make_unique<httplib::Server>();
    files_ = std::make_unique<httplib::Server>();
    for (httplib::Server* server : {api_.get(), files_.get()}) {
      server->set_keep_alive_timeout(1);  // so stop() never waits long on an idle connection
      server->set_payload_max_length(64u << 20);
    }
    auto api_handler = [this](const httplib::Request& req, httplib::Response& res) {
      handle_api(req, res);
    };
    api_->Get(".*", api_handler);
    api_->Post(".*", api_handler);
    api_->Delete(".*", api_handler);
    auto files_handler = [this](const httplib::Request& req, httplib::Response& res) {
      handle_files(req, res);
    };
    files_->Get(".*", files_handler);

    api_port_ = bind(*api_, options_.host, options_.port);
    if (api_port_ <= 0)
      return fail("cannot listen on " + options_.host + ":" + std::to_string(options_.port));
    std::string files_host = options_.files_host;
    if (files_host.empty()) files_host = options_.host == "127.0.0.1" ? "127.0.0.2" : options_.host;
    files_port_ = bind(*files_, files_host, options_.files_port);
    if (files_port_ <= 0 && options_.files_host.empty() && files_host != options_.host) {
      files_host = options_.host;  // no 127.0.0.2 here (e.g. macOS): another port still differs
      files_port_ = bind(*files_, files_host, options_.files_port);
    }
    if (files_port_ <= 0) {
      api_.reset();
      return fail("cannot listen on " + files_host + ":" + std::to_string(options_.files_port));
    }
    api_host_ = url_host(options_.host);
    files_host_ = url_host(files_host);

    api_thread_ = std::thread([this] { api_->listen_after_bind(); });
    files_thread_ = std::thread([this] { files_->listen_after_bind(); });
    callback_thread_ = std::thread([this] { callback_loop(); });
    // stop() only reaches a server that has entered its accept loop.
    for (int i = 0; i < 5000 && !(api_->is_running() && files_->is_running()); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    running_ = true;
    return ports{api_port_, files_port_, {}};
  }

  void stop() {
    if (!running_) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    api_->stop();
    files_->stop();
    if (api_thread_.joinable()) api_thread_.join();
    if (files_thread_.joinable()) files_thread_.join();
    if (callback_thread_.joinable()) callback_thread_.join();
    api_.reset();
    files_.reset();
    running_ = false;
  }

  bool running() const { return running_; }
  int api_port() const { return api_port_; }
  int files_port() const { return files_port_; }
  // "http://127.0.0.1:PORT" and "http://127.0.0.1:PORT/toapis" (a client's base URL).
  std::string base_url() const { return "http://" + api_host_ + ":" + std::to_string(api_port_); }
  std::string base_url(dialect d) const { return base_url() + "/" + std::string(to_string(d)); }
  std::string files_url() const {
    return "http://" + files_host_ + ":" + std::to_string(files_port_);
  }

  // Queue a fault for the next `spec.count` (>= 1) requests matching its target.
  void inject(fault_spec spec) { faults_.inject(spec); }
  void inject(fault_kind kind, std::size_t count = 1) {
    inject(fault_spec{kind, default_target(kind), count});
  }
  void clear_faults() { faults_.clear(); }

  std::vector<request_record> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return log_;
  }
  // Requests of one kind (optionally of one dialect), whatever their outcome.
  std::size_t count(request_kind kind, std::optional<dialect> which = std::nullopt) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<std::size_t>(std::count_if(log_.begin(), log_.end(), [&](const auto& r) {
      return r.kind == kind && (!which || r.which == which);
    }));
  }
  // Tasks the emulator accepted (gateway creates that passed validation and were not refused).
  std::size_t tasks_created(std::optional<dialect> which = std::nullopt) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<std::size_t>(std::count_if(tasks_.begin(), tasks_.end(), [&](const auto& t) {
      return !which || t.second.which == *which;
    }));
  }
  // Requests to the files listener that carried an Authorization header: a client must never send
  // its key to a result host, so tests expect 0.
  std::size_t authorization_to_files() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<std::size_t>(std::count_if(log_.begin(), log_.end(), [](const auto& r) {
      return r.listener == "files" && r.authorization_present;
    }));
  }
  double credits_balance() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return static_cast<double>(balance_tenths_) / 10.0;
  }
  void clear_log() {
    std::lock_guard<std::mutex> lock(mutex_);
    log_.clear();
  }

 private:
  using clock = std::chrono::steady_clock;

  struct task_record {
    std::string id;
    dialect which = dialect::toapis;
    order request;
    clock::time_point started;
    std::int64_t created_unix = 0;
    fault_kind fault = fault_kind::none;  // task_fails, never_finishes or none
    bool callback_done = false;
  };

  struct upload_record {
    std::string bytes;
    std::string mime_type;
  };

  // Where one request goes.
  struct route {
    std::optional<dialect> which;
    request_kind kind = request_kind::other;
    std::string rest;            // the path after the dialect prefix, e.g. "/v1/tasks/abc"
    std::string id;              // task id of a status query
    std::optional<reply> error;  // routing itself failed (e.g. a bad X-Emulator-Dialect)
  };

  ports fail(std::string why) {
    api_.reset();
    files_.reset();
    return ports{0, 0, std::move(why)};
  }

  static int bind(httplib::Server& server, const std::string& host, int port) {
    if (port == 0) return server.bind_to_any_port(host);
    return server.bind_to_port(host, port) ? port : -1;
  }

  static std::string url_host(const std::string& bind_host) {
    if (bind_host == "0.0.0.0" || bind_host.empty()) return "127.0.0.1";
    if (bind_host == "::") return "[::1]";
    if (bind_host.find(':') != std::string::npos) return "[" + bind_host + "]";
    return bind_host;
  }

  static std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }

  std::string random_hex(std::size_t digits) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < digits; ++i) out.push_back(hex[rng_() & 15]);
    return out;
  }

  // ToAPIs ids look like "task_img_<hex>", aivideoapi's like a UUID (seeds 003 and 004).
  std::string new_task_id(dialect d) {
    if (d == dialect::toapis) return "task_img_" + random_hex(24);
    return random_hex(8) + "-" + random_hex(4) + "-4" + random_hex(3) + "-a" + random_hex(3) + "-" +
           random_hex(12);
  }

  // --- routing ------------------------------------------------------------------------------

  route find_route(const httplib::Request& req) const {
    route r;
    const std::string& path = req.path;
    r.rest = path;
    for (dialect d : all_dialects) {
      const std::string prefix = "/" + std::string(to_string(d));
      if (path == prefix || path.rfind(prefix + "/", 0) == 0) {
        r.which = d;
        r.rest = path.substr(prefix.size());
        break;
      }
    }
    if (!r.which && path.rfind("/_emulator/", 0) == 0) {
      r.kind = request_kind::control;
      return r;
    }
    if (!r.which) {
      const std::string header = req.get_header_value("X-Emulator-Dialect");
      if (!header.empty()) {
        r.which = parse_dialect(header);
        if (!r.which) {
          r.error = json_reply(
              400, json{{"error",
                         {{"code", "invalid_emulator_dialect"},
                          {"message", "X-Emulator-Dialect '" + header +
                                          "' is unknown; valid: openai|toapis|aivideoapi"}}}});
          return r;
        }
      } else if (options_.default_dialect) {
        r.which = options_.default_dialect;
      } else {
        r.which = infer_dialect(req);
      }
    }
    const std::string& rest = r.rest;
    const bool get = req.method == "GET";
    const bool post = req.method == "POST";
    const std::string generations = "/v1/images/generations";
    switch (*r.which) {
      case dialect::openai:
        if (post && (rest == generations || rest == "/v1/images/edits"))
          r.kind = request_kind::create;
        break;
      case dialect::toapis:
        if (post && rest == generations) r.kind = request_kind::create;
        if (post && rest == "/v1/uploads/images") r.kind = request_kind::upload;
        if (get && rest.size() > generations.size() + 1 && rest.rfind(generations + "/", 0) == 0) {
          r.kind = request_kind::status;
          r.id = rest.substr(generations.size() + 1);
        }
        break;
      case dialect::aivideoapi:
        if (post && rest == generations) r.kind = request_kind::create;
        if (get && rest == "/v1/credits") r.kind = request_kind::credits;
        if (get && rest.size() > 10 && rest.rfind("/v1/tasks/", 0) == 0) {
          r.kind = request_kind::status;
          r.id = rest.substr(10);
        }
        break;
    }
    if (r.kind == request_kind::status && r.id.find('/') != std::string::npos)
      r.kind = request_kind::other;
    return r;
  }

  static dialect infer_dialect(const httplib::Request& req) {
    const std::string& p = req.path;
    if (p.rfind("/v1/tasks/", 0) == 0 || p == "/v1/credits") return dialect::aivideoapi;
    if (p.rfind("/v1/uploads/", 0) == 0 || p.rfind("/v1/images/generations/", 0) == 0)
      return dialect::toapis;
    if (p == "/v1/images/generations" && req.method == "POST") {
      const json body = json::parse(req.body, nullptr, false);
      if (body.is_object()) {
        if (body.contains("input") && body["input"].is_object()) return dialect::aivideoapi;
        if (body.contains("resolution")) return dialect::toapis;
        const auto size = body.find("size");
        if (size != body.end() && size->is_string() && gi::parse_aspect(size->get<std::string>()))
          return dialect::toapis;
      }
    }
    return dialect::openai;
  }

  // --- the API listener ---------------------------------------------------------------------

  void handle_api(const httplib::Request& req, httplib::Response& res) {
    request_record rec;
    rec.listener = "api";
    rec.method = req.method;
    rec.path = req.path;
    rec.authorization_present = req.has_header("Authorization");
    route r = find_route(req);
    rec.which = r.which;
    rec.kind = r.kind;

    if (r.kind == request_kind::control) {
      rec.status = deliver(res, handle_control(req), fault_kind::none);
      record(std::move(rec), {});
      return;
    }
    if (r.error) {
      rec.status = deliver(res, *r.error, fault_kind::none);
      record(std::move(rec), {});
      return;
    }
    const dialect d = *r.which;

    std::optional<reply> fault_error;
    rec.fault = pick_fault(req, r.kind, &fault_error);
    if (fault_error) {
      rec.status = deliver(res, *fault_error, fault_kind::none);
      record(std::move(rec), {});
      return;
    }

    reply answer;
    if (r.kind == request_kind::other) {
      answer = error_reply(d, common_error::no_such_route, req.method + " " + req.path);
    } else if (auto denied = check_key(req, d)) {
      answer = std::move(*denied);
    } else if (auto refused = refusal(d, rec.fault)) {
      answer = std::move(*refused);
    } else {
      switch (r.kind) {
        case request_kind::create:
          answer = create(d, r, req, rec);
          break;
        case request_kind::status:
          answer = status(d, r.id);
          break;
        case request_kind::upload:
          answer = upload(req);
          break;
        case request_kind::credits:
          answer = credits();
          break;
        default:
          answer = error_reply(d, common_error::no_such_route, req.method + " " + req.path);
      }
      if (r.kind == request_kind::status) rec.task_id = r.id;
    }
    if (d == dialect::openai) {
      // OpenAI names every response; the library uses it as the synchronous "task" id.
      std::lock_guard<std::mutex> lock(mutex_);
      answer.headers.emplace_back("x-request-id", "req_" + random_hex(32));
    }
    rec.status = deliver(res, std::move(answer), rec.fault);
    const bool lose = rec.fault == fault_kind::lost_response;
    record(std::move(rec), {});
    if (lose) lose_response(req, res);
  }

  // The request header wins; then queued faults; then standing ones. A bad header is a 400.
  fault_kind pick_fault(const httplib::Request& req, request_kind kind,
                        std::optional<reply>* error) {
    const std::string header = req.get_header_value("X-Emulator-Fault");
    if (!header.empty()) {
      const auto parsed = parse_fault_kind(header);
      if (!parsed) {
        *error = json_reply(
            400, json{{"error",
                       {{"code", "invalid_emulator_fault"},
                        {"message", "X-Emulator-Fault '" + header + "' is unknown; valid: none|" +
                                        fault_kind_list()}}}});
        return fault_kind::none;
      }
      return *parsed;
    }
    return faults_.take(kind);
  }

  std::optional<reply> check_key(const httplib::Request& req, dialect d) const {
    const std::string header = req.get_header_value("Authorization");
    const std::string scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0)
      return error_reply(d, common_error::missing_key);
    const std::string_view token = std::string_view(header).substr(scheme.size());
    if (!options_.api_key.empty() && token != options_.api_key)
      return error_reply(d, common_error::wrong_key);
    return std::nullopt;
  }

  // Faults that refuse a request before the server does anything with it.
  std::optional<reply> refusal(dialect d, fault_kind fault) const {
    switch (fault) {
      case fault_kind::rate_limit: {
        reply r = error_reply(d, common_error::rate_limited);
        r.headers.emplace_back("Retry-After", std::to_string(options_.retry_after.count()));
        return r;
      }
      case fault_kind::upstream_503:
        return error_reply(d, common_error::upstream_unavailable);
      case fault_kind::internal_500:
        return error_reply(d, common_error::internal);
      case fault_kind::insufficient_credits:
        return error_reply(d, common_error::out_of_credits);
      default:
        return std::nullopt;
    }
  }

  reply create(dialect d, const route& r, const httplib::Request& req, request_record& rec) {
    checked_order checked;
    if (d == dialect::openai) {
      if (r.rest == "/v1/images/edits")
        checked = req.is_multipart_form_data() ? check_openai_multipart_edit(req)
                                               : check_openai_json_edit(req.body);
      else
        checked = check_openai_generation(req.body);
    } else if (d == dialect::toapis) {
      checked = check_toapis_create(req.body);
    } else {
      checked = check_aivideoapi_create(req.body);
    }
    if (!checked.value) return std::move(checked.error);
    order& o = *checked.value;
    if (d == dialect::openai) return openai_images(o);

    std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t price = d == dialect::aivideoapi ? price_tenths(o) : 0;
    if (d == dialect::aivideoapi && balance_tenths_ < price)
      return error_reply(d, common_error::out_of_credits);
    task_record t;
    t.id = new_task_id(d);
    t.which = d;
    t.started = clock::now();
    t.created_unix = unix_now();
    t.fault = is_task_fault(rec.fault) ? rec.fault : fault_kind::none;
    // Failed tasks are refunded (seed 004), so a task that is going to fail is never charged.
    if (t.fault != fault_kind::task_fails) balance_tenths_ -= price;
    t.request = std::move(o);
    rec.task_id = t.id;
    const std::string id = t.id;
    const bool wants_callback = !t.request.callback_url.empty();
    tasks_.emplace(id, std::move(t));
    if (wants_callback) wake_.notify_all();
    const task_record& stored = tasks_.at(id);
    if (d == dialect::toapis)
      return json_reply(200, toapis_task_json(view(stored, clock::now(), true)));
    return json_reply(200, json{{"code", 200}, {"msg", "success"}, {"data", {{"taskId", id}}}});
  }

  // aivideoapi's price in tenths of a credit (4.7 credits at 1k, seed 004), from the library's
  // price table.
  static std::int64_t price_tenths(const order& o) {
    const gi::tier t = o.resolution.value_or(gi::tier::k1);
    return static_cast<std::int64_t>(gi::price_of(gi::provider::aivideoapi, t).milli_credits / 100);
  }

  // OpenAI answers synchronously with every image inline.
  reply openai_images(const order& o) const {
    json data = json::array();
    for (int i = 0; i < o.n; ++i)
      data.push_back({{"b64_json", base64_encode(encode_png(o.size.width, o.size.height, o.prompt,
                                                            static_cast<std::uint32_t>(i)))}});
    const std::int64_t text_tokens = static_cast<std::int64_t>(o.prompt.size() / 4 + 1);
    const std::int64_t image_tokens =
        static_cast<std::int64_t>(o.size.area() / 256) * static_cast<std::int64_t>(o.n);
    const std::int64_t input_image_tokens =
        static_cast<std::int64_t>(o.references.size()) * 256;  // 256 per reference image
    json body = {
        {"created", unix_now()},
        {"data", std::move(data)},
        {"background", o.background == "transparent" ? "transparent" : "opaque"},
        // The emulator always encodes PNG; it says so rather than echoing jpeg/webp.
        {"output_format", "png"},
        {"size", detail::pixels_text(o.size)},
        {"quality", o.quality == "auto" ? "medium" : o.quality},
        {"usage",
         {{"input_tokens", text_tokens + input_image_tokens},
          {"output_tokens", image_tokens},
          {"total_tokens", text_tokens + input_image_tokens + image_tokens},
          {"input_tokens_details",
           {{"text_tokens", text_tokens}, {"image_tokens", input_image_tokens}}},
          {"output_tokens_details", {{"image_tokens", image_tokens}, {"text_tokens", 0}}}}}};
    return json_reply(200, body);
  }

  // Multipart edit: image / image[] files (1-16, png|jpeg|webp, < 50 MB), optional PNG mask, and
  // the other parameters as text parts.
  static checked_order check_openai_multipart_edit(const httplib::Request& req) {
    const dialect d = dialect::openai;
    json fields = json::object();
    std::vector<std::string> images;
    for (const auto& [name, part] : req.files) {
      if (name == "image" || name == "image[]") {
        const std::string mime = sniff_image(part.content);
        if (mime.empty() || mime == "image/gif")
          return rejected(invalid_request(
              d, "Invalid file '" + part.filename + "': images must be png, webp or jpg.", name));
        if (part.content.size() >= (50u << 20))
          return rejected(invalid_request(
              d, "Invalid file '" + part.filename + "': images must be smaller than 50 MB.", name));
        images.push_back(part.filename.empty() ? "image" : part.filename);
      } else if (name == "mask") {
        if (sniff_image(part.content) != "image/png" || part.content.size() >= (4u << 20))
          return rejected(
              invalid_request(d, "Invalid mask: it must be a PNG file smaller than 4 MB.", "mask"));
      } else {
        fields[name] = part.content;
      }
    }
    const std::size_t max_refs = gi::limits_of(gi::provider::openai).reference_images_max;
    if (images.empty() || images.size() > max_refs)
      return rejected(invalid_request(d,
                                      "Send 1 to " + std::to_string(max_refs) +
                                          " images as 'image' or 'image[]' file parts; got " +
                                          std::to_string(images.size()) + ".",
                                      "image"));
    auto checked = check_openai_common(fields, /*edit=*/true, /*multipart=*/true);
    if (checked.value) checked.value->references = std::move(images);
    return checked;
  }

  static std::string sniff_image(const std::string& b) {
    if (b.rfind("\x89PNG\r\n\x1a\n", 0) == 0) return "image/png";
    if (b.size() >= 3 && static_cast<unsigned char>(b[0]) == 0xFF &&
        static_cast<unsigned char>(b[1]) == 0xD8 && static_cast<unsigned char>(b[2]) == 0xFF)
      return "image/jpeg";
    if (b.size() >= 12 && b.compare(0, 4, "RIFF") == 0 && b.compare(8, 4, "WEBP") == 0)
      return "image/webp";
    if (b.rfind("GIF87a", 0) == 0 || b.rfind("GIF89a", 0) == 0) return "image/gif";
    return {};
  }

  reply status(dialect d, const std::string& id) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto it = tasks_.find(id);
    if (it == tasks_.end() || it->second.which != d)
      return error_reply(d, common_error::task_not_found);
    const task_view v = view(it->second, clock::now(), false);
    return json_reply(200, d == dialect::toapis ? toapis_task_json(v) : aivideoapi_task_json(v));
  }

  // Where a task stands at `now`: waiting for the first fifth of its duration, then running with
  // rising progress, then completed (or failed). `fresh` = the create's own answer.
  task_view view(const task_record& t, clock::time_point now, bool fresh) const {
    task_view v;
    v.id = t.id;
    v.model = t.request.model;
    v.created_at = t.created_unix;
    v.has_references = !t.request.references.empty();
    const auto duration = options_.task_duration.count();
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::milliseconds>(now - t.started).count();
    const double fraction =
        duration <= 0 ? 1.0 : static_cast<double>(elapsed) / static_cast<double>(duration);
    v.cost_seconds = (duration + 999) / 1000;
    v.completed_at = t.created_unix + v.cost_seconds;
    if (fresh) return v;  // a create always answers queued / progress 0
    auto running_progress = [&](double f) {
      const int p = 10 + static_cast<int>(89.0 * (f - 0.2) / 0.8);
      return std::clamp(p, 10, 99);
    };
    if (t.fault == fault_kind::never_finishes) {
      if (duration > 0 && fraction < 0.2) return v;
      v.phase = task_phase::running;
      v.progress = duration <= 0 ? 50 : running_progress(std::min(fraction, 1.0));
      return v;
    }
    if (fraction >= 1.0) {
      if (t.fault == fault_kind::task_fails) {
        v.phase = task_phase::failed;
        return v;
      }
      v.phase = task_phase::completed;
      v.progress = 100;
      for (int i = 0; i < t.request.n; ++i)
        v.urls.push_back(files_url() + "/files/" + t.id + "/" + std::to_string(i) + ".png");
      return v;
    }
    if (fraction >= 0.2) {
      v.phase = task_phase::running;
      v.progress = running_progress(fraction);
    }
    return v;
  }

  // ToAPIs' upload: multipart `file` (JPEG, PNG, WebP or GIF, at most 10 MB) -> a URL on the files
  // listener. Its errors use {success, message} (PROVIDERS.md §2).
  reply upload(const httplib::Request& req) {
    auto failure = [](std::string message) {
      return json_reply(400, json{{"success", false}, {"message", std::move(message)}});
    };
    if (!req.is_multipart_form_data() || !req.has_file("file"))
      return failure("Missing file: send the image as multipart/form-data field 'file'");
    const auto part = req.get_file_value("file");
    const std::string mime = sniff_image(part.content);
    if (mime.empty()) return failure("Unsupported file type. Allowed: JPEG, PNG, WebP, GIF");
    if (part.content.size() > (10u << 20)) return failure("Image too large. Maximum size is 10MB");
    std::lock_guard<std::mutex> lock(mutex_);
    const std::string id = "upload_" + random_hex(16);
    const std::string ext = mime.substr(mime.find('/') + 1);
    const std::string name = id + "." + (ext == "jpeg" ? "jpg" : ext);
    uploads_[name] = upload_record{part.content, mime};
    return json_reply(200, json{{"success", true},
                                {"message", ""},
                                {"data",
                                 {{"id", id},
                                  {"url", files_url() + "/uploads/" + name},
                                  {"mime_type", mime},
                                  {"size", part.content.size()}}}});
  }

  // aivideoapi's GET /v1/credits; balances are whole numbers unless a fractional price (4.7 credits
  // at 1k, seed 004) made them fractional (PROVIDERS.md C17).
  reply credits() const {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::int64_t purchased = static_cast<std::int64_t>(options_.initial_credits * 10 + 0.5);
    auto number = [](std::int64_t tenths) {
      return tenths % 10 == 0 ? json(tenths / 10) : json(static_cast<double>(tenths) / 10.0);
    };
    return json_reply(200, json{{"code", 200},
                                {"msg", "success"},
                                {"data",
                                 {{"balance", number(balance_tenths_)},
                                  {"total_purchased", number(purchased)},
                                  {"total_consumed", number(purchased - balance_tenths_)}}}});
  }

  // /_emulator/...: a tiny control surface for out-of-process tests (the CLI's).
  //   GET    /_emulator/health   -> {"ok":true}
  //   GET    /_emulator/log      -> {"requests":[...], "creates":{"openai":N,...}, ...}
  //   POST   /_emulator/faults   body "KIND[:TARGET[:COUNT]]" -> queued (count defaults to 1)
  //   DELETE /_emulator/faults   -> every queued and standing fault removed
  reply handle_control(const httplib::Request& req) {
    if (req.path == "/_emulator/health" && req.method == "GET")
      return json_reply(200, json{{"ok", true}});
    if (req.path == "/_emulator/log" && req.method == "GET") {
      json requests_json = json::array();
      json creates = json::object();
      for (dialect d : all_dialects) creates[std::string(to_string(d))] = 0;
      for (const auto& r : requests()) {
        requests_json.push_back({{"listener", r.listener},
                                 {"method", r.method},
                                 {"path", r.path},
                                 {"dialect", r.which ? json(to_string(*r.which)) : json(nullptr)},
                                 {"kind", to_string(r.kind)},
                                 {"status", r.status},
                                 {"fault", to_string(r.fault)},
                                 {"authorization", r.authorization_present},
                                 {"task_id", r.task_id}});
        if (r.kind == request_kind::create && r.which)
          creates[std::string(to_string(*r.which))] =
              creates[std::string(to_string(*r.which))].get<int>() + 1;
      }
      return json_reply(200, json{{"requests", std::move(requests_json)},
                                  {"creates", std::move(creates)},
                                  {"tasks_created", tasks_created()},
                                  {"authorization_to_files", authorization_to_files()}});
    }
    if (req.path == "/_emulator/faults" && req.method == "DELETE") {
      clear_faults();
      return json_reply(200, json{{"ok", true}});
    }
    if (req.path == "/_emulator/faults" && req.method == "POST") {
      std::string problem;
      std::string text = req.body;
      while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.pop_back();
      const auto spec = parse_fault_spec(text, &problem);
      if (!spec)
        return json_reply(
            400, json{{"error", {{"code", "invalid_emulator_fault"}, {"message", problem}}}});
      inject(*spec);
      return json_reply(200, json{{"ok", true}});
    }
    return json_reply(404,
                      json{{"error",
                            {{"code", "not_found"},
                             {"message", "unknown control path " + req.method + " " + req.path +
                                             "; valid: GET /_emulator/health, GET "
                                             "/_emulator/log, POST|DELETE /_emulator/faults"}}}});
  }

  // --- the files listener -------------------------------------------------------------------

  void handle_files(const httplib::Request& req, httplib::Response& res) {
    request_record rec;
    rec.listener = "files";
    rec.method = req.method;
    rec.path = req.path;
    rec.kind = request_kind::download;
    rec.authorization_present = req.has_header("Authorization");
    std::optional<reply> fault_error;
    rec.fault = pick_fault(req, request_kind::download, &fault_error);
    reply answer;
    if (fault_error) {
      answer = std::move(*fault_error);
      rec.fault = fault_kind::none;
    } else if (auto refused = file_refusal(rec.fault)) {
      answer = std::move(*refused);
    } else {
      answer = file(req.path, &rec.task_id);
    }
    rec.status = deliver(res, std::move(answer), rec.fault);
    const std::string note = rec.authorization_present ? " AUTHORIZATION SENT TO A FILE HOST" : "";
    const bool lose = rec.fault == fault_kind::lost_response;
    record(std::move(rec), note);
    if (lose) lose_response(req, res);
  }

  std::optional<reply> file_refusal(fault_kind fault) const {
    auto text = [](int status, std::string body) {
      reply r;
      r.status = status;
      r.body = std::move(body);
      r.content_type = "text/plain";
      return r;
    };
    switch (fault) {
      case fault_kind::rate_limit: {
        reply r = text(429, "Too Many Requests\n");
        r.headers.emplace_back("Retry-After", std::to_string(options_.retry_after.count()));
        return r;
      }
      case fault_kind::upstream_503:
        return text(503, "Service Unavailable\n");
      case fault_kind::internal_500:
        return text(500, "Internal Server Error\n");
      case fault_kind::insufficient_credits:
        return text(402, "Payment Required\n");
      default:
        return std::nullopt;
    }
  }

  // GET /files/{task}/{index}.png (a completed task's image) or /uploads/{name}.
  reply file(const std::string& path, std::string* task_id) {
    reply not_found;
    not_found.status = 404;
    not_found.content_type = "text/plain";
    not_found.body = "Not Found\n";
    if (path.rfind("/uploads/", 0) == 0) {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto it = uploads_.find(path.substr(9));
      if (it == uploads_.end()) return not_found;
      reply r;
      r.body = it->second.bytes;
      r.content_type = it->second.mime_type;
      return r;
    }
    if (path.rfind("/files/", 0) != 0) return not_found;
    const std::string rest = path.substr(7);
    const auto slash = rest.find('/');
    if (slash == std::string::npos || rest.size() < slash + 6 ||
        rest.compare(rest.size() - 4, 4, ".png") != 0)
      return not_found;
    const std::string id = rest.substr(0, slash);
    const auto index =
        gi::detail::parse_positive_u16(rest.substr(slash + 1, rest.size() - slash - 5));
    const bool zero = rest.substr(slash + 1) == "0.png";
    *task_id = id;
    order o;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      const auto it = tasks_.find(id);
      if (it == tasks_.end()) return not_found;
      const task_view v = view(it->second, clock::now(), false);
      const int i = zero ? 0 : (index ? *index : -1);
      if (v.phase != task_phase::completed || i < 0 || i >= it->second.request.n) return not_found;
      o = it->second.request;
      o.n = i;  // reused as the image's index below
    }
    reply r;
    r.body = encode_png(o.size.width, o.size.height, o.prompt, static_cast<std::uint32_t>(o.n));
    r.content_type = "image/png";
    return r;
  }

  // --- delivery: where faults shape the bytes on the wire -------------------------------------

  // Returns the status to log (0 when nothing was sent).
  int deliver(httplib::Response& res, reply r, fault_kind fault) {
    res.status = r.status;
    for (const auto& [name, value] : r.headers) res.set_header(name, value);
    switch (fault) {
      case fault_kind::lost_response:
        return 0;  // lose_response() runs after the request is logged
      case fault_kind::malformed_json:
        r.body.resize(r.body.size() / 2);
        res.set_content(r.body, r.content_type.c_str());
        return r.status;
      case fault_kind::drop_mid_body: {
        auto body = std::make_shared<std::string>(std::move(r.body));
        const std::size_t half = body->size() / 2;
        res.set_content_provider(
            body->size(), r.content_type,
            [body, half](std::size_t offset, std::size_t, httplib::DataSink& sink) {
              if (offset >= half) return false;  // closes the connection mid-body
              sink.write(body->data() + offset, half - offset);
              return true;
            });
        return r.status;
      }
      case fault_kind::slow_body: {
        auto body = std::make_shared<std::string>(std::move(r.body));
        constexpr std::size_t pieces = 10;
        const std::size_t piece = std::max<std::size_t>(1, (body->size() + pieces - 1) / pieces);
        const auto pause = options_.slow_body_duration / static_cast<int>(pieces);
        res.set_content_provider(
            body->size(), r.content_type,
            [this, body, piece, pause](std::size_t offset, std::size_t, httplib::DataSink& sink) {
              if (!sleep_unless_stopping(pause)) return false;
              const std::size_t n = std::min(piece, body->size() - offset);
              sink.write(body->data() + offset, n);
              return true;
            });
        return r.status;
      }
      default:
        res.set_content(r.body, r.content_type.c_str());
        return r.status;
    }
  }

  // Sends nothing at all: the server side of the connection is shut down, so the client sees it
  // close without a single byte of response. Runs after the request is logged, so that a test
  // which sees the connection close can rely on the log already holding the request.
  static void lose_response(const httplib::Request& req, httplib::Response& res) {
    if (close_connection(req)) {
      res.status = 500;  // never reaches the client: its socket is already shut down
      return;
    }
    // The socket was not found: send headers that promise a body, then close the connection.
    res.status = 200;
    res.set_content_provider(1, "application/json",
                             [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
  }

  bool sleep_unless_stopping(std::chrono::milliseconds pause) {
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, pause, [this] { return stopping_; });
    return !stopping_;
  }

  // Shuts down the server side of this request's connection so the client sees it close without a
  // single byte of response. httplib does not expose the socket, so find it by its two ports.
  static bool close_connection(const httplib::Request& req) {
    DIR* dir = opendir("/proc/self/fd");
    if (!dir) return false;
    bool closed = false;
    while (const dirent* entry = readdir(dir)) {
      const auto fd_number = gi::detail::parse_positive_u16(entry->d_name);
      if (!fd_number) continue;
      const int fd = *fd_number;
      sockaddr_storage local{}, peer{};
      socklen_t local_len = sizeof local, peer_len = sizeof peer;
      if (getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_len) != 0) continue;
      if (getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_len) != 0) continue;
      if (port_of(local) != req.local_port || port_of(peer) != req.remote_port) continue;
      closed = ::shutdown(fd, SHUT_RDWR) == 0;
      break;
    }
    closedir(dir);
    return closed;
  }

  static int port_of(const sockaddr_storage& address) {
    if (address.ss_family == AF_INET)
      return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
    if (address.ss_family == AF_INET6)
      return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
    return -1;
  }

  // --- callbacks (aivideoapi) ---------------------------------------------------------------

  // Posts each finished aivideoapi task with a callback_url once: the body is what GET
  // /v1/tasks/{id} answers (seed 004). Only http:// URLs on loopback are called.
  void callback_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
      std::vector<std::pair<std::string, std::string>> due;  // url, body
      std::vector<std::string> due_ids;
      bool pending = false;
      const auto now = clock::now();
      for (auto& [id, t] : tasks_) {
        if (t.which != dialect::aivideoapi || t.request.callback_url.empty() || t.callback_done)
          continue;
        const task_view v = view(t, now, false);
        if (v.phase == task_phase::completed || v.phase == task_phase::failed) {
          t.callback_done = true;
          due.emplace_back(t.request.callback_url, aivideoapi_task_json(v).dump());
          due_ids.push_back(id);
        } else if (t.fault != fault_kind::never_finishes) {
          pending = true;
        }
      }
      if (!due.empty()) {
        lock.unlock();
        for (std::size_t i = 0; i < due.size(); ++i)
          post_callback(due[i].first, due[i].second, due_ids[i]);
        lock.lock();
        continue;
      }
      if (pending)
        wake_.wait_for(lock, std::chrono::milliseconds(20));
      else
        wake_.wait(lock);
    }
  }

  void post_callback(const std::string& url, const std::string& body, const std::string& id) {
    request_record rec;
    rec.listener = "callback";
    rec.method = "POST";
    rec.which = dialect::aivideoapi;
    rec.kind = request_kind::callback;
    rec.task_id = id;
    // http://HOST[:PORT][/PATH]; HOST must be loopback.
    const std::string scheme = "http://";
    std::string note;
    if (url.rfind(scheme, 0) == 0) {
      const std::string rest = url.substr(scheme.size());
      const auto slash = rest.find('/');
      const std::string authority = rest.substr(0, slash);
      const std::string path = slash == std::string::npos ? "/" : rest.substr(slash);
      rec.path = path;
      std::string host = authority;
      int port = 80;
      const auto colon = authority.rfind(':');
      if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
        host = authority.substr(0, colon);
        const auto p = gi::detail::parse_positive_u16(authority.substr(colon + 1));
        port = p ? *p : -1;
      }
      const bool loopback = host == "localhost" || host == "[::1]" || host.rfind("127.", 0) == 0;
      if (loopback && port > 0) {
        httplib::Client client(host == "[::1]" ? "::1" : host, port);
        client.set_connection_timeout(2);
        client.set_read_timeout(5);
        httplib::Headers headers = {{"User-Agent", "gpt-image-emulator"}};
        auto result = client.Post(path.c_str(), headers, body, "application/json");
        rec.status = result ? result->status : 0;
        if (!result) note = " (callback failed: " + httplib::to_string(result.error()) + ")";
      } else {
        note = " (callback skipped: only http:// loopback URLs are called)";
      }
    } else {
      note = " (callback skipped: only http:// loopback URLs are called)";
    }
    record(std::move(rec), note);
  }

  // --- the log ------------------------------------------------------------------------------

  void record(request_record rec, const std::string& note) {
    std::string line = rec.listener;
    line += ' ';
    line += rec.which ? std::string(to_string(*rec.which)) : std::string("-");
    line += ' ' + rec.method + ' ' + rec.path + ' ' + std::string(to_string(rec.kind)) + " -> ";
    line += rec.status == 0 ? std::string("no response") : std::to_string(rec.status);
    if (rec.fault != fault_kind::none) line += " fault=" + std::string(to_string(rec.fault));
    if (!rec.task_id.empty()) line += " task=" + rec.task_id;
    line += note;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      log_.push_back(std::move(rec));
    }
    if (options_.log_sink) {
      std::lock_guard<std::mutex> lock(sink_mutex_);
      options_.log_sink(line);
    }
  }

  options options_;
  fault_plan faults_;
  std::unique_ptr<httplib::Server> api_;
  std::unique_ptr<httplib::Server> files_;
  std::thread api_thread_, files_thread_, callback_thread_;
  std::atomic<bool> running_{false};
  int api_port_ = 0;
  int files_port_ = 0;
  std::string api_host_ = "127.0.0.1";
  std::string files_host_ = "127.0.0.1";

  mutable std::mutex mutex_;  // guards everything below
  std::condition_variable wake_;
  bool stopping_ = false;
  std::map<std::string, task_record> tasks_;
  std::map<std::string, upload_record> uploads_;
  std::vector<request_record> log_;
  std::int64_t balance_tenths_ = 0;
  std::mt19937_64 rng_{std::random_device{}()};
  std::mutex sink_mutex_;
};

}  // namespace gpt_image_emulator
