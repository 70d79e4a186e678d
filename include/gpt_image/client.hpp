// SPDX-License-Identifier: MIT
#pragma once
// `basic_client<Transport>`: the library doing the user's job — submit a generation, poll its
// task, and hand back the bytes of every image — over any transport.
//
//   gpt_image::basic_client<my_transport> c{gpt_image::endpoint::toapis(key), my_transport{}};
//   auto images = c.generate(request, {std::chrono::minutes(5), on_progress, cancel.token()});
//
// The data flow is one straight line through the layers:
//   request → (upload local references) → validate → codec.encode → transport → codec.decode
//   → task → (poll: status …) → completed task → image refs → download (no key to foreign hosts)
//   or base64 decode → image bytes.
//
// Rules that protect money and keys (DESIGN.md §5):
//  - a create or upload is sent again only when it provably never arrived or the server refused
//    it (429, 503); a timeout or dropped connection after it was sent is errc::outcome_unknown;
//  - the Authorization header goes only to the endpoint's own origin, never over plain http to a
//    host that is not loopback, and the key is scrubbed from every error the client returns.
//
// Waiting is done through client_options::sleep and ::now, so that tests (and engines with their
// own scheduler) can run every retry and poll without real time passing. A client may be used
// from several threads at once if its transport may.

#include <gpt_image/b64_json.hpp>
#include <gpt_image/base64.hpp>
#include <gpt_image/cancel.hpp>
#include <gpt_image/endpoint.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/http_date.hpp>
#include <gpt_image/providers/codec.hpp>
#include <gpt_image/providers/openai.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/retry.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/validate.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

// What a long call is doing, for a progress bar.
enum class stage : unsigned char { uploading, submitting, waiting, downloading };

constexpr std::string_view to_string(stage s) noexcept {
  switch (s) {
    case stage::uploading:
      return "uploading";
    case stage::submitting:
      return "submitting";
    case stage::waiting:
      return "waiting";
    case stage::downloading:
      return "downloading";
  }
  return "unknown";
}

struct progress {
  gpt_image::stage stage = stage::submitting;
  task_state state = task_state::unknown;  // the task's state (waiting and later)
  std::optional<int> percent;              // as the provider reports it
  std::string task_id;
  std::chrono::steady_clock::duration elapsed{};  // since the call started
  std::size_t bytes = 0;        // downloading: bytes of the current image received so far
  std::size_t bytes_total = 0;  // downloading: its Content-Length, or 0 when unknown
  std::size_t image = 0;        // downloading: which image (0-based) of `images`
  std::size_t images = 0;
};

// Per call: how long it may take in all, who hears of its progress, and what can cancel it.
// Field order allows C++20 designated initializers: {.deadline = 5min, .on_progress = f}.
struct call_options {
  std::chrono::steady_clock::duration deadline = std::chrono::minutes(10);
  std::function<void(const progress&)> on_progress;
  cancel_token cancel;
};
using wait_options = call_options;

struct client_options {
  retry_policy retry;
  std::optional<poll_policy> polling;  // unset: the provider's documented pace
  // Waits `duration`, returning early when the token is cancelled. Unset: a real, interruptible
  // wait. Tests and engines with their own scheduler plug in theirs.
  std::function<void(std::chrono::milliseconds, const cancel_token&)> sleep;
  // The clock deadlines are measured with. Unset: std::chrono::steady_clock::now.
  std::function<std::chrono::steady_clock::time_point()> now;
  std::uint32_t seed = 0;          // for the retry and poll jitter; 0: from std::random_device
  std::string multipart_boundary;  // empty: a random one per body
  std::size_t max_image_bytes = std::size_t{64} << 20;  // per downloaded or inline response
};

namespace detail {
inline void interruptible_sleep(std::chrono::milliseconds duration, const cancel_token& token) {
  std::mutex mutex;
  std::condition_variable woken;
  bool cancelled = false;
  cancel_callback wake(token, [&] {
    std::lock_guard<std::mutex> lock(mutex);
    cancelled = true;
    woken.notify_all();
  });
  std::unique_lock<std::mutex> lock(mutex);
  woken.wait_for(lock, duration, [&] { return cancelled; });
}

inline void replace_all(std::string& text, std::string_view what, std::string_view with) {
  if (what.empty()) return;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + with.size()))
    text.replace(at, what.size(), with);
}

// A server may echo the key back (in a message about a malformed key, say); it never leaves the
// client in an error.
inline error scrub(error e, std::string_view secret) {
  // Keys shorter than this would also blank out ordinary words.
  if (secret.size() >= 4) {
    replace_all(e.message, secret, "[redacted]");
    replace_all(e.wire_code, secret, "[redacted]");
    replace_all(e.request_id, secret, "[redacted]");
  }
  return e;
}

inline result<std::string> read_file(const std::string& path, std::string_view what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return error(errc::io_error, "cannot open " + std::string(what) + " '" + path + "'");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad())
    return error(errc::io_error, "cannot read " + std::string(what) + " '" + path + "'");
  return bytes;
}

inline bool same_origin(const url_parts& a, const url_parts& b) {
  return a.scheme == b.scheme && a.host == b.host && a.port == b.port;
}
}  // namespace detail

template <class Transport>
class basic_client {
  GPT_IMAGE_ASSERT_TRANSPORT(Transport);

 public:
  explicit basic_client(gpt_image::endpoint e, Transport t = Transport{},
                        client_options o = client_options{})
      : endpoint_(std::move(e)), transport_(std::move(t)), options_(std::move(o)) {
    ready_ = endpoint_.check();
    if (ready_) origin_ = *parse_url(endpoint_.origin_url());
    seed_ = options_.seed != 0 ? options_.seed : std::random_device{}();
  }

  const gpt_image::endpoint& endpoint() const noexcept { return endpoint_; }
  Transport& transport() noexcept { return transport_; }
  const client_options& options() const noexcept { return options_; }

  // Sends the create request. Gateways answer with a queued task; OpenAI answers synchronously,
  // with a completed task whose outputs hold the images. Local reference images are uploaded
  // first where the provider takes only URLs (ToAPIs) and sent inline where it takes files
  // (OpenAI edits).
  result<task> submit(const image_request& request, const call_options& options = {}) {
    call_state call = start(options);
    return finish(submit(request, call));
  }

  // One status query of a gateway task.
  result<task> status(std::string_view task_id, const call_options& options = {}) {
    call_state call = start(options);
    return finish(query_status(task_id, call));
  }

  // Polls `t` until it completes, fails, is cancelled or the deadline passes; then fetches the
  // bytes of every image.
  result<images> wait(const task& t, const wait_options& options = {}) {
    call_state call = start(options);
    return finish(wait_and_fetch(t, call));
  }

  // submit + wait: the images of one request.
  result<images> generate(const image_request& request, const wait_options& options = {}) {
    call_state call = start(options);
    auto submitted = submit(request, call);
    if (!submitted) return finish(result<images>(std::move(submitted).error()));
    return finish(wait_and_fetch(*submitted, call));
  }

  // Uploads one local reference image to the provider's storage (ToAPIs /v1/uploads/images) and
  // returns its URL.
  result<upload_result> upload(const reference_image& image, const call_options& options = {}) {
    call_state call = start(options);
    return finish(upload(image, call));
  }

  // The account balance (aivideoapi /v1/credits).
  result<gpt_image::credits> credits(const call_options& options = {}) {
    call_state call = start(options);
    if (!ready_) return finish(result<gpt_image::credits>(ready_.error()));
    auto request = encode_credits(endpoint_.service, encode_options_());
    if (!request) return finish(result<gpt_image::credits>(std::move(request).error()));
    auto response = exchange(*request, call_kind::idempotent, call);
    if (!response) return finish(result<gpt_image::credits>(std::move(response).error()));
    return finish(decode_credits(endpoint_.service, *response));
  }

  // The bytes behind a result URL. Credentials go along only when the URL is on the endpoint's
  // own origin; a CDN never sees the key.
  result<std::string> download(std::string_view url, const call_options& options = {}) {
    call_state call = start(options);
    return finish(download(url, call, 0, 1));
  }

  // Streams a result URL into a file (written as PATH.part, renamed when complete). Returns the
  // number of bytes written.
  result<std::size_t> download_to_file(std::string_view url, const std::string& path,
                                       const call_options& options = {}) {
    call_state call = start(options);
    return finish(download_to_file(url, path, call));
  }

 private:
  struct call_state {
    std::chrono::steady_clock::time_point started;
    std::chrono::steady_clock::time_point deadline;
    const call_options* options;
  };

  call_state start(const call_options& options) {
    const auto now = clock_now();
    return call_state{now, now + options.deadline, &options};
  }

  template <class T>
  result<T> finish(result<T> r) const {
    if (r) return r;
    return detail::scrub(std::move(r).error(), endpoint_.api_key);
  }

  std::chrono::steady_clock::time_point clock_now() const {
    return options_.now ? options_.now() : std::chrono::steady_clock::now();
  }

  void sleep_for(std::chrono::milliseconds duration, const call_state& call) {
    if (duration.count() <= 0) return;
    if (options_.sleep)
      options_.sleep(duration, call.options->cancel);
    else
      detail::interruptible_sleep(duration, call.options->cancel);
  }

  static progress progress_of(gpt_image::stage s, const task* t = nullptr) {
    progress p;
    p.stage = s;
    if (t != nullptr) {
      p.state = t->state;
      p.percent = t->progress;
      p.task_id = t->id;
    }
    return p;
  }

  void report(const call_state& call, progress p) const {
    if (!call.options->on_progress) return;
    p.elapsed = clock_now() - call.started;
    call.options->on_progress(p);
  }

  encode_options encode_options_() const {
    encode_options o;
    o.base_url = endpoint_.origin_url();
    o.multipart_boundary = options_.multipart_boundary;
    return o;
  }

  // Checks that the call may go on: not cancelled, deadline not passed.
  result<void> still_running(const call_state& call, std::string_view doing) const {
    if (call.options->cancel.is_cancelled())
      return error(errc::cancelled, "cancelled while " + std::string(doing));
    if (clock_now() >= call.deadline)
      return error(errc::deadline_exceeded, "the deadline passed while " + std::string(doing));
    return {};
  }

  // Adds the Authorization header when `request` goes to the endpoint's own origin, and removes
  // any credentials a caller put in otherwise.
  result<http_request> authorize(http_request request) const {
    auto url = parse_url(request.url);
    if (!url) return std::move(url).error();
    auto& headers = request.headers;
    for (auto it = headers.begin(); it != headers.end();)
      it = detail::equals_ignoring_ascii_case(it->first, "authorization") ? headers.erase(it)
                                                                          : it + 1;
    if (detail::same_origin(*url, origin_) && !endpoint_.api_key.empty())
      headers.emplace_back("Authorization", "Bearer " + endpoint_.api_key);
    return request;
  }

  // Each call draws its jitter from its own generator, so that calls on several threads share
  // nothing but this counter.
  std::uint32_t random_seed_for_call() {
    return seed_ + 0x9E3779B9u * calls_->fetch_add(1, std::memory_order_relaxed);
  }

  // One HTTP exchange with the retry rules. Returns a 2xx response, or the error — the decoded
  // error envelope for any other status.
  // A download hands the body to `sink`; `restart` runs before each retry so that the sink can
  // start over; `on_body` hears (bytes received, Content-Length or 0) as the body arrives.
  result<http_response> exchange(
      const http_request& raw, call_kind kind, const call_state& call,
      std::optional<body_sink> sink = std::nullopt, std::size_t max_body = 0,
      const std::function<void()>& restart = {},
      const std::function<void(std::size_t, std::size_t)>& on_body = {}) {
    auto request = authorize(raw);
    if (!request) return std::move(request).error();
    std::mt19937 random(random_seed_for_call());
    for (std::uint32_t retry = 0;; ++retry) {
      if (auto running =
              still_running(call, "sending " + request->method + " " + redacted_url(request->url));
          !running)
        return std::move(running).error();
      call_context context;
      context.deadline = transport_deadline(call);
      context.cancel = call.options->cancel;
      context.max_body_bytes = max_body;
      context.on_body_progress = on_body;
      auto response =
          sink ? transport_.download(*request, context, *sink) : transport_.send(*request, context);
      error failure;
      if (!response) {
        failure = std::move(response).error();
      } else if (response->status >= 200 && response->status <= 299) {
        return response;
      } else {
        failure = decode_error(*response);
        // The codec reads a Retry-After in seconds; its HTTP-date form needs the clock.
        if (!failure.retry_after)
          failure.retry_after = parse_retry_after(find_header(response->headers, "retry-after"),
                                                  std::chrono::system_clock::now());
      }
      if (!may_resend(failure, kind)) return settle(std::move(failure), kind, *request);
      const auto delay = retry_delay(failure, retry, options_.retry, random);
      if (!delay || clock_now() + *delay >= call.deadline)
        return settle(std::move(failure), kind, *request);
      sleep_for(*delay, call);
      if (restart) restart();
    }
  }

  // The error of a failed exchange as the caller sees it. For a create that may have reached the
  // server, that is errc::outcome_unknown: it was not (and must not be) sent again.
  error settle(error failure, call_kind kind, const http_request& request) const {
    if (kind != call_kind::create || failure.http_status != 0 || request_never_sent(failure) ||
        failure.code == errc::cancelled || failure.code == errc::deadline_exceeded)
      return failure;
    error unknown(errc::outcome_unknown, 0, failure.wire_code,
                  request.method + " " + redacted_url(request.url) +
                      " was sent, but no complete answer came back (" + failure.message +
                      "). The provider may have accepted it — and may bill for it — so it was not "
                      "sent again. Look for the task in the provider's dashboard or task list "
                      "before submitting again.");
    return unknown;
  }

  static std::string redacted_url(const std::string& url) {
    auto parsed = parse_url(url);
    return parsed ? parsed->redacted() : std::string("(unparsable URL)");
  }

  std::optional<std::chrono::steady_clock::time_point> transport_deadline(
      const call_state& call) const {
    // The transport measures with the real clock; an injected clock only shapes the client's own
    // waits, so the transport gets the real remaining time.
    return std::chrono::steady_clock::now() + (call.deadline - clock_now());
  }

  // Local reference images become what the provider takes: URLs after an upload (ToAPIs), bytes
  // sent inline (OpenAI). aivideoapi takes URLs only and has no upload endpoint.
  result<image_request> prepare(const image_request& request, const call_state& call) {
    image_request prepared = request;
    auto convert = [&](reference_image& ref) -> result<void> {
      if (ref.source == reference_image::kind::url) return {};
      if (endpoint_.service == provider::aivideoapi)
        return error(errc::unsupported,
                     "aivideoapi takes reference images as http(s) URLs only and has no upload "
                     "endpoint; host the image and pass its URL");
      if (ref.source == reference_image::kind::file) {
        auto bytes = detail::read_file(ref.location, "reference image");
        if (!bytes) return std::move(bytes).error();
        ref = reference_image::from_bytes(std::move(*bytes), {}, file_name_of(ref.location));
      }
      if (endpoint_.service == provider::openai) return {};  // sent as multipart parts
      report(call, progress_of(stage::uploading));
      auto uploaded = upload(ref, call);
      if (!uploaded) return std::move(uploaded).error();
      ref = reference_image::from_url(uploaded->url);
      return {};
    };
    for (auto& ref : prepared.reference_images)
      if (auto converted = convert(ref); !converted) return std::move(converted).error();
    if (prepared.mask)
      if (auto converted = convert(*prepared.mask); !converted) return std::move(converted).error();
    return prepared;
  }

  static std::string file_name_of(const std::string& path) {
    const auto slash = path.find_last_of("/\\");
    return slash == std::string::npos ? path : path.substr(slash + 1);
  }

  result<task> submit(const image_request& request, const call_state& call) {
    if (!ready_) return ready_.error();
    auto prepared = prepare(request, call);
    if (!prepared) return std::move(prepared).error();
    if (auto valid = validate(*prepared, endpoint_.service); !valid) return valid.error();
    auto encoded = encode_create(endpoint_.service, *prepared, encode_options_());
    if (!encoded) return std::move(encoded).error();
    report(call, progress_of(stage::submitting));
    if (endpoint_.service == provider::openai)
      return submit_synchronous(*encoded, static_cast<std::size_t>(prepared->n.value_or(1)), call);
    auto response = exchange(*encoded, call_kind::create, call);
    if (!response) return std::move(response).error();
    return decode_create(endpoint_.service, *response);
  }

  // OpenAI answers the create with the images themselves, as base64 in the JSON body (33.5 MB
  // for one 4K image). The body is decoded as it arrives, so it is never held whole and no copy
  // of the base64 text is made: peak memory is the images plus a small constant.
  result<task> submit_synchronous(const http_request& request, std::size_t images,
                                  const call_state& call) {
    b64_json_stream_decoder decoder;
    std::optional<error> unreadable;
    auto sink = [&](const char* data, std::size_t size) {
      auto fed = decoder.feed(data, size);
      if (!fed) unreadable = std::move(fed).error();
      return !unreadable;
    };
    auto restart = [&] {
      decoder = b64_json_stream_decoder();
      unreadable.reset();
    };
    progress p = progress_of(stage::downloading);
    p.images = images;
    auto on_body = [&](std::size_t received, std::size_t total) {
      decoder.expect_body_size(total);
      p.bytes = received;
      p.bytes_total = total;
      report(call, p);
    };
    // base64 is 4/3 of the bytes; the cap is per image.
    const std::size_t cap =
        (options_.max_image_bytes / 3 * 4 + (1u << 20)) * std::max<std::size_t>(images, 1);
    auto response =
        exchange(request, call_kind::create, call, body_sink(sink), cap, restart, on_body);
    if (unreadable) return std::move(*unreadable);
    if (!response) return std::move(response).error();
    auto decoded = decoder.finish();
    if (!decoded) return std::move(decoded).error();
    http_response thin{response->status, response->headers, std::move(decoded->json)};
    return providers::openai::decode_create_decoded(thin, std::move(decoded->images));
  }

  result<task> query_status(std::string_view task_id, const call_state& call) {
    if (!ready_) return ready_.error();
    auto encoded = encode_status(endpoint_.service, task_id, encode_options_());
    if (!encoded) return std::move(encoded).error();
    auto response = exchange(*encoded, call_kind::idempotent, call);
    if (!response) return std::move(response).error();
    return decode_status(endpoint_.service, *response);
  }

  result<upload_result> upload(const reference_image& image, const call_state& call) {
    if (!ready_) return ready_.error();
    reference_image local = image;
    if (local.source == reference_image::kind::file) {
      auto bytes = detail::read_file(local.location, "reference image");
      if (!bytes) return std::move(bytes).error();
      local = reference_image::from_bytes(std::move(*bytes), {}, file_name_of(image.location));
    }
    auto encoded = encode_upload(endpoint_.service, local, encode_options_());
    if (!encoded) return std::move(encoded).error();
    auto response = exchange(*encoded, call_kind::create, call);
    if (!response) return std::move(response).error();
    return decode_upload(endpoint_.service, *response);
  }

  result<images> wait_and_fetch(task t, const call_state& call) {
    if (!ready_) return ready_.error();
    const poll_policy pace = options_.polling.value_or(documented_poll_policy(endpoint_.service));
    std::mt19937 random(random_seed_for_call());
    for (std::uint32_t poll = 0; !t.done(); ++poll) {
      report(call, progress_of(stage::waiting, &t));
      const auto delay = poll_delay(pace, poll, random);
      const auto remaining =
          std::chrono::duration_cast<std::chrono::milliseconds>(call.deadline - clock_now());
      sleep_for(std::min(delay, remaining), call);
      if (auto running = still_running(call, "waiting for task " + t.id); !running) {
        error e = std::move(running).error();
        e.request_id = t.id;
        e.message += " (last state: " + std::string(to_string(t.state)) +
                     "; the task may still finish: resume with wait or status)";
        return e;
      }
      auto next = query_status(t.id, call);
      if (!next) return std::move(next).error();
      if (next->id.empty()) next->id = t.id;
      t = std::move(*next);
    }
    report(call, progress_of(stage::waiting, &t));
    if (t.state == task_state::failed) {
      error e = t.failure.value_or(error(errc::task_failed, "the task failed"));
      if (e.request_id.empty()) e.request_id = t.id;
      return e;
    }
    if (t.state == task_state::cancelled)
      return error(errc::task_failed, "task " + t.id + " was cancelled by the provider");
    return fetch(std::move(t), call);
  }

  // The bytes of every image of a completed task: already decoded (OpenAI), base64 to decode, or
  // a URL to download. The task is taken by value so that decoded bytes move, not copy.
  result<images> fetch(task t, const call_state& call) {
    if (t.outputs.empty())
      return error(errc::malformed_response,
                   "task " + t.id + " completed without any image URL or image data");
    images out;
    out.task_id = t.id;
    out.usage = t.usage;
    const std::size_t count = t.outputs.size();
    for (std::size_t i = 0; i < count; ++i) {
      image img;
      img.source = std::move(t.outputs[i]);
      image_ref& ref = img.source;
      if (ref.has_data()) {
        img.bytes = std::move(ref.data);
      } else if (ref.has_b64()) {
        auto bytes = base64_decode(ref.b64_json);
        if (!bytes) return std::move(bytes).error();
        img.bytes = std::move(*bytes);
      } else {
        auto bytes = download(ref.url, call, i, count);
        if (!bytes) return std::move(bytes).error();
        img.bytes = std::move(*bytes);
      }
      // The bytes are in img.bytes now; the reference keeps only where they came from.
      ref.data.clear();
      ref.b64_json.clear();
      img.mime_type = std::string(detail::sniff_image_mime(img.bytes));
      out.items.push_back(std::move(img));
    }
    return out;
  }

  result<std::string> download(std::string_view url, const call_state& call, std::size_t index,
                               std::size_t count) {
    if (!ready_) return ready_.error();
    http_request request;
    request.method = "GET";
    request.url = std::string(url);
    std::string body;
    progress p = progress_of(stage::downloading);
    p.image = index;
    p.images = count;
    auto sink = [&](const char* data, std::size_t size) {
      body.append(data, size);
      return true;
    };
    auto on_body = [&](std::size_t received, std::size_t total) {
      p.bytes = received;
      p.bytes_total = total;
      report(call, p);
    };
    auto response = exchange(
        request, call_kind::idempotent, call, body_sink(sink), options_.max_image_bytes,
        [&] { body.clear(); }, on_body);
    if (!response) return std::move(response).error();
    return body;
  }

  result<std::size_t> download_to_file(std::string_view url, const std::string& path,
                                       const call_state& call) {
    if (!ready_) return ready_.error();
    const std::string partial = path + ".part";
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    if (!out) return error(errc::io_error, "cannot create '" + partial + "'");
    std::size_t written = 0;
    progress p = progress_of(stage::downloading);
    p.images = 1;
    auto sink = [&](const char* data, std::size_t size) {
      out.write(data, static_cast<std::streamsize>(size));
      written += size;
      return static_cast<bool>(out);
    };
    auto on_body = [&](std::size_t received, std::size_t total) {
      p.bytes = received;
      p.bytes_total = total;
      report(call, p);
    };
    http_request request;
    request.url = std::string(url);
    auto restart = [&] {
      out.close();
      out.open(partial, std::ios::binary | std::ios::trunc);
      written = 0;
    };
    auto response = exchange(request, call_kind::idempotent, call, body_sink(sink),
                             options_.max_image_bytes, restart, on_body);
    out.close();
    if (!response || !out) {
      std::remove(partial.c_str());
      if (!response) return std::move(response).error();
      return error(errc::io_error, "cannot write '" + partial + "'");
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
      std::remove(partial.c_str());
      return error(errc::io_error, "cannot rename '" + partial + "' to '" + path + "'");
    }
    return written;
  }

  gpt_image::endpoint endpoint_;
  Transport transport_;
  client_options options_;
  result<void> ready_;
  url_parts origin_;
  std::uint32_t seed_ = 0;
  std::shared_ptr<std::atomic<std::uint32_t>> calls_ =
      std::make_shared<std::atomic<std::uint32_t>>(0);
};

GPT_IMAGE_END_NAMESPACE
