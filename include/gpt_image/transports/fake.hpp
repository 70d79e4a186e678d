// SPDX-License-Identifier: MIT
#pragma once
// `fake_transport`: a transport that sends nothing. It answers from a script — a queue of
// responses or errors, then an optional handler — and records every request, so that tests (ours
// and users') can drive the client through any flow and assert on exactly what it sent:
//
//   gpt_image::fake_transport fake;
//   fake.respond(200, R"({"id":"task_1","status":"queued"})")
//       .fail(gpt_image::fake_transport::dropped_after_send());
//   gpt_image::basic_client<gpt_image::fake_transport> client{endpoint, fake};  // copies share
//   ...
//   CHECK(fake.count("POST") == 1);
//
// Copies share one script and one log, so a test keeps a copy and hands another to the client.
// Behaviour mirrors the real transports where a client could notice: a call whose token is already
// cancelled or whose deadline has passed fails with a not_sent error without consuming the script
// (and counts as not sent); the body size cap applies; download() hands a 2xx body to the sink in
// chunks (chunk_size(), default 64 KiB) and returns other statuses with their body. Redirects are
// not followed: a scripted 3xx is returned as it is. Thread-safe.

#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

class fake_transport {
 public:
  using handler = std::function<result<http_response>(const http_request&, const call_context&)>;

  struct recorded_call {
    http_request request;
    bool download = false;  // download() rather than send()
    bool sent = true;       // false when refused before "sending" (cancelled, deadline passed)
    bool had_deadline = false;
    bool cancellable = false;
  };

  fake_transport() : state_(std::make_shared<state>()) {}

  // --- the script: queued answers are used first, in order, then the handler ------------------
  fake_transport& respond(result<http_response> answer) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->queue.push_back(std::move(answer));
    return *this;
  }
  fake_transport& respond(int status, std::string body, http_headers headers = {}) {
    http_response response;
    response.status = status;
    response.body = std::move(body);
    response.headers = std::move(headers);
    return respond(result<http_response>(std::move(response)));
  }
  fake_transport& fail(error e) { return respond(result<http_response>(std::move(e))); }
  fake_transport& on_request(handler h) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->fallback = std::move(h);
    return *this;
  }
  fake_transport& chunk_size(std::size_t bytes) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->chunk = bytes == 0 ? 1 : bytes;
    return *this;
  }
  fake_transport& max_body_bytes(std::size_t bytes) {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->max_body = bytes;
    return *this;
  }

  // --- canned failures, with the send_state a real transport would report ---------------------
  static error connect_refused() {
    return make_transport_error(errc::connection_failed, send_state::not_sent, "connect",
                                "fake_transport: connection refused (the request was not sent)");
  }
  static error connect_timeout() {
    return make_transport_error(errc::timeout, send_state::not_sent, "connect_timeout",
                                "fake_transport: connect timed out (the request was not sent)");
  }
  static error tls_failure() {
    return make_transport_error(errc::tls_error, send_state::not_sent, "tls_verify",
                                "fake_transport: certificate verification failed");
  }
  static error dropped_after_send() {
    return make_transport_error(errc::timeout, send_state::maybe_sent, "connection_closed",
                                "fake_transport: the connection closed before the response was "
                                "complete; the request may have reached the server");
  }
  static error read_timeout() {
    return make_transport_error(errc::timeout, send_state::maybe_sent, "read_timeout",
                                "fake_transport: no response before the read timeout; the "
                                "request may have reached the server");
  }

  // --- the transport --------------------------------------------------------------------------
  result<http_response> send(const http_request& request, const call_context& context) {
    auto answer = next(request, context, false);
    if (!answer) return answer;
    const std::size_t cap = cap_for(context);
    if (answer->body.size() > cap) return too_large(request, cap);
    if (context.on_body_progress && !answer->body.empty()) {
      context.on_body_progress(0, answer->body.size());
      context.on_body_progress(answer->body.size(), answer->body.size());
    }
    return answer;
  }

  result<http_response> download(const http_request& request, const call_context& context,
                                 body_sink sink) {
    auto answer = next(request, context, true);
    if (!answer) return answer;
    const std::size_t cap = cap_for(context);
    if (answer->body.size() > cap) return too_large(request, cap);
    if (answer->status < 200 || answer->status >= 300) return answer;
    std::size_t chunk;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      chunk = state_->chunk;
    }
    const std::string& body = answer->body;
    if (context.on_body_progress) context.on_body_progress(0, body.size());
    for (std::size_t offset = 0; offset < body.size(); offset += chunk) {
      if (context.cancel.is_cancelled())
        return make_transport_error(errc::cancelled, send_state::maybe_sent, "cancelled",
                                    "fake_transport: cancelled during the download");
      if (context.deadline && std::chrono::steady_clock::now() >= *context.deadline)
        return make_transport_error(errc::deadline_exceeded, send_state::maybe_sent, "deadline",
                                    "fake_transport: the deadline passed during the download");
      const std::size_t n = std::min(chunk, body.size() - offset);
      if (!sink(body.data() + offset, n))
        return make_transport_error(errc::cancelled, send_state::maybe_sent, "sink_aborted",
                                    "fake_transport: the download sink stopped the transfer");
      if (context.on_body_progress) context.on_body_progress(offset + n, body.size());
    }
    answer->body.clear();
    return answer;
  }

  // --- what was sent --------------------------------------------------------------------------
  std::vector<recorded_call> calls() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->log;
  }
  // Requests that reached the script (were "sent"), optionally only those whose method matches
  // and whose URL contains `url_part`.
  std::size_t count(std::string_view method = {}, std::string_view url_part = {}) const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return static_cast<std::size_t>(
        std::count_if(state_->log.begin(), state_->log.end(), [&](const recorded_call& call) {
          return call.sent && (method.empty() || call.request.method == method) &&
                 call.request.url.find(url_part) != std::string::npos;
        }));
  }
  // Scripted answers not consumed yet.
  std::size_t remaining() const {
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->queue.size();
  }
  void clear() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->queue.clear();
    state_->log.clear();
    state_->fallback = nullptr;
  }

 private:
  struct state {
    std::mutex mutex;
    std::deque<result<http_response>> queue;
    handler fallback;
    std::vector<recorded_call> log;
    std::size_t chunk = 64 * 1024;
    std::size_t max_body = 64 * 1024 * 1024;
  };

  result<http_response> next(const http_request& request, const call_context& context,
                             bool is_download) {
    recorded_call call;
    call.request = request;
    call.download = is_download;
    call.had_deadline = context.deadline.has_value();
    call.cancellable = context.cancel.can_be_cancelled();
    const bool cancelled = context.cancel.is_cancelled();
    const bool expired =
        !cancelled && context.deadline && std::chrono::steady_clock::now() >= *context.deadline;
    call.sent = !cancelled && !expired;
    handler fallback;
    result<http_response> answer{http_response{}};
    bool from_queue = false;
    {
      std::lock_guard<std::mutex> lock(state_->mutex);
      state_->log.push_back(std::move(call));
      if (!cancelled && !expired) {
        if (!state_->queue.empty()) {
          answer = std::move(state_->queue.front());
          state_->queue.pop_front();
          from_queue = true;
        } else {
          fallback = state_->fallback;
        }
      }
    }
    if (cancelled)
      return make_transport_error(errc::cancelled, send_state::not_sent, "cancelled",
                                  "fake_transport: cancelled before the request was sent");
    if (expired)
      return make_transport_error(
          errc::deadline_exceeded, send_state::not_sent, "deadline",
          "fake_transport: the deadline passed before the request was sent");
    if (from_queue) return answer;
    if (fallback) return fallback(request, context);
    auto url = parse_url(request.url);
    return error(errc::internal_error,
                 "fake_transport: no scripted answer left for " + request.method + " " +
                     (url ? url->redacted() : std::string("<an unparseable URL>")));
  }

  std::size_t cap_for(const call_context& context) const {
    if (context.max_body_bytes != 0) return context.max_body_bytes;
    std::lock_guard<std::mutex> lock(state_->mutex);
    return state_->max_body;
  }

  static error too_large(const http_request& request, std::size_t cap) {
    return make_transport_error(errc::response_too_large, send_state::maybe_sent, "too_large",
                                "fake_transport: the response to " + request.method +
                                    " exceeds the cap of " + std::to_string(cap) + " bytes");
  }

  std::shared_ptr<state> state_;
};

GPT_IMAGE_END_NAMESPACE
