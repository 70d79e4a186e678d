// SPDX-License-Identifier: MIT
#pragma once
// `httplib_transport`: the default transport, over cpp-httplib (tested with 0.11.4, Debian's split
// library) and OpenSSL.
//
// Build: cpp-httplib's header must see the feature macros its library was built with, so pass
// `pkg-config --cflags cpp-httplib` (which defines CPPHTTPLIB_OPENSSL_SUPPORT and friends) and link
// `-lcpp-httplib -lssl -lcrypto -lz -pthread` — or link the CMake target gpt_image::httplib, which
// does both. This header never defines those macros itself (a mismatch with the compiled library
// would silently change class layouts); it stops with an #error when TLS support is missing.
//
// What it does, and why:
// - Keep-alive connections, pooled per scheme+host+port, with TCP_NODELAY: with Nagle's algorithm
//   left on, cpp-httplib writes headers and body separately and each small request then waits
//   ~44 ms for a delayed ACK on loopback instead of ~0.06 ms.
// - Thread-safe: concurrent calls never share a connection (each checks one out of the pool, or
//   opens a new one), so one transport can serve many threads.
// - TLS certificate verification is on by default (OpenSSL's default CA paths, or ca_file/ca_dir).
// - Timeouts: connect, read and write; the read timeout defaults to 10 minutes because OpenAI's
//   synchronous generation answers only when the image is done. Each is capped to what remains of
//   the call's deadline when the request starts, and the deadline is checked again on every
//   piece of the body — so a server that trickles bytes can overrun it by at most one read wait.
// - Cancellation interrupts a blocked connect or read at once: the token's callback shuts the
//   socket down (through a duplicate of its descriptor, so a descriptor number that cpp-httplib
//   has closed and the system has reused is never touched). A cancellation that lands before the
//   socket exists shuts the new socket down the moment it is created.
// - Redirects (301, 302, 303, 307, 308) are followed by hand, at most max_redirects times; every
//   target is parsed and checked again, https never redirects to plain http, and credential
//   headers (Authorization, Proxy-Authorization, Cookie, X-Api-Key, Api-Key) are dropped as soon as
//   a redirect leaves the original scheme+host+port.
// - An Authorization header is never sent over plain http to a host that is not loopback.
// - Bodies are capped (max_body_bytes, default 64 MiB): a declared Content-Length above the cap is
//   refused before reading, a body that grows past it is cut off. send() reserves its buffer from
//   Content-Length; download() streams into the sink and holds nothing.
// - SIGPIPE: a write to a connection the server closed would kill the process (cpp-httplib on
//   Linux sends without MSG_NOSIGNAL). The signal is blocked on the calling thread during the call
//   and a SIGPIPE raised by the call is discarded, without touching the process' signal handlers.
// - Error messages name the method and scheme://host[:port]/path — never the query (it may carry a
//   signature), never a header value, never the proxy password.
//
// See transport.hpp for the error codes and the not_sent / maybe_sent rule.

#if !defined(CPPHTTPLIB_OPENSSL_SUPPORT)
#if defined(CPPHTTPLIB_HTTPLIB_H)
#error \
    "gpt_image/transports/httplib.hpp: <httplib.h> was included without CPPHTTPLIB_OPENSSL_SUPPORT. Compile with the flags of `pkg-config --cflags cpp-httplib` (or link the CMake target gpt_image::httplib) so that every translation unit sees the feature macros the cpp-httplib library was built with."
#else
#error \
    "gpt_image/transports/httplib.hpp: CPPHTTPLIB_OPENSSL_SUPPORT is not defined. Compile with the flags of `pkg-config --cflags cpp-httplib` (or link the CMake target gpt_image::httplib); gpt_image does not define cpp-httplib's feature macros itself because they must match the compiled library."
#endif
#endif

#include <httplib.h>

#include <gpt_image/cancel.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#if !defined(_WIN32)
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#endif

GPT_IMAGE_BEGIN_NAMESPACE

struct httplib_transport_options {
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(10)};
  // At least 5 minutes: OpenAI's synchronous generation sends nothing until the image is done.
  std::chrono::milliseconds read_timeout{std::chrono::minutes(10)};
  std::chrono::milliseconds write_timeout{std::chrono::seconds(60)};

  bool verify_tls = true;  // verify the server certificate and host name
  std::string ca_file;     // PEM bundle; with ca_dir empty too, OpenSSL's default paths are used
  std::string ca_dir;      // a c_rehash'ed directory of CA certificates

  std::string proxy_host;  // empty: no proxy. https goes through CONNECT, http in absolute form
  int proxy_port = 0;
  std::string proxy_user;  // Basic proxy authentication when both are set
  std::string proxy_password;

  std::size_t max_body_bytes = std::size_t{64} * 1024 * 1024;
  int max_redirects = 3;
  std::size_t max_idle_connections_per_host = 4;
  std::string user_agent =
      "gpt_image/" GPT_IMAGE_VERSION_STRING;  // sent unless the request has one
};

namespace detail {

#if defined(__linux__)
// Blocks SIGPIPE on this thread for the lifetime of the guard and swallows a SIGPIPE raised
// meanwhile (the technique of libpq): the process' handlers and other threads are untouched.
class sigpipe_guard {
 public:
  sigpipe_guard() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    blocked_ = pthread_sigmask(SIG_BLOCK, &set, &previous_) == 0;
    // Only an already blocked SIGPIPE can be pending before the call (one syscall saved).
    if (blocked_ && sigismember(&previous_, SIGPIPE) == 1) was_pending_ = pending();
  }
  ~sigpipe_guard() {
    if (!blocked_) return;
    if (!was_pending_ && pending()) {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGPIPE);
      const timespec no_wait{0, 0};
      while (sigtimedwait(&set, nullptr, &no_wait) < 0 && errno == EINTR) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  sigpipe_guard(const sigpipe_guard&) = delete;
  sigpipe_guard& operator=(const sigpipe_guard&) = delete;

 private:
  static bool pending() {
    sigset_t set;
    sigemptyset(&set);
    return sigpending(&set) == 0 && sigismember(&set, SIGPIPE) == 1;
  }
  sigset_t previous_;
  bool blocked_ = false;
  bool was_pending_ = false;
};
#else
// macOS and the BSDs: cpp-httplib sets SO_NOSIGPIPE; Windows has no SIGPIPE.
class sigpipe_guard {};
#endif

// Lets a cancellation reach the socket of the request in flight on one pooled client. The
// descriptor kept here is a dup() of cpp-httplib's, so shutting it down is always safe: it names
// the same connection for as long as we hold it, whatever cpp-httplib does with its own.
class socket_watch {
 public:
  ~socket_watch() { release(); }

  // At the start of a call that can be cancelled: watch the connection the client already
  // holds, if any. Calls without a cancel token skip the watch (and its dup/close syscalls).
  void begin(httplib::ClientImpl& client) {
    std::lock_guard<std::mutex> lock(mutex_);
    armed_ = true;
    interrupted_ = false;
    interrupted_before_connect_ = false;
    client_ = &client;
#if !defined(_WIN32)
    close_locked();
    const auto sock = client.socket();
    if (sock != INVALID_SOCKET) fd_ = ::dup(sock);
#endif
  }
  // cpp-httplib's socket_options hook: a new connection is being set up (before connect()).
  void on_new_socket(socket_t sock) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!armed_) return;
#if !defined(_WIN32)
    close_locked();
    fd_ = ::dup(sock);
    if (interrupted_) {
      interrupted_before_connect_ = true;
      if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
    }
#else
    (void)sock;
    if (interrupted_) interrupted_before_connect_ = true;
#endif
  }
  // From the cancel callback, on any thread: never blocks for long.
  void interrupt() {
    std::lock_guard<std::mutex> lock(mutex_);
    interrupted_ = true;
#if !defined(_WIN32)
    if (fd_ >= 0) ::shutdown(fd_, SHUT_RDWR);
#else
    if (client_) client_->stop();  // may wait for a connect in progress
#endif
  }
  // At the end of a call.
  void release() {
    std::lock_guard<std::mutex> lock(mutex_);
    close_locked();
    client_ = nullptr;
    armed_ = false;
    interrupted_before_connect_ = false;
  }
  bool interrupted_before_connect() {
    std::lock_guard<std::mutex> lock(mutex_);
    return interrupted_before_connect_;
  }

 private:
  void close_locked() {
#if !defined(_WIN32)
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
#endif
  }
  std::mutex mutex_;
  int fd_ = -1;
  bool armed_ = false;
  bool interrupted_ = false;
  bool interrupted_before_connect_ = false;
  httplib::ClientImpl* client_ = nullptr;
};

struct pooled_client {
  std::unique_ptr<httplib::ClientImpl> client;
  std::shared_ptr<socket_watch> watch;
};

struct httplib_state {
  explicit httplib_state(httplib_transport_options o) : options(std::move(o)) {}
  httplib_transport_options options;
  std::mutex pool_mutex;
  std::unordered_map<std::string, std::vector<pooled_client>> idle;  // by origin
};

inline void set_timeout(httplib::ClientImpl& client,
                        void (httplib::ClientImpl::*setter)(time_t, time_t),
                        std::chrono::milliseconds timeout) {
  if (timeout < std::chrono::milliseconds(1)) timeout = std::chrono::milliseconds(1);
  const auto ms = timeout.count();
  (client.*setter)(static_cast<time_t>(ms / 1000), static_cast<time_t>((ms % 1000) * 1000));
}

inline std::optional<std::size_t> parse_content_length(const httplib::Response& response) {
  if (!response.has_header("Content-Length")) return std::nullopt;
  const std::string value = response.get_header_value("Content-Length");
  std::size_t length = 0;
  const auto parsed = std::from_chars(value.data(), value.data() + value.size(), length);
  if (parsed.ec != std::errc() || parsed.ptr != value.data() + value.size()) return std::nullopt;
  return length;
}

inline bool is_credential_header(std::string_view name) {
  return equals_ignoring_ascii_case(name, "authorization") ||
         equals_ignoring_ascii_case(name, "proxy-authorization") ||
         equals_ignoring_ascii_case(name, "cookie") ||
         equals_ignoring_ascii_case(name, "x-api-key") ||
         equals_ignoring_ascii_case(name, "api-key");
}

inline bool is_followed_redirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// Why a call was stopped from our side (the callbacks returned false).
enum class abort_reason : unsigned char { none, cancelled, deadline, too_large, sink };

}  // namespace detail

class httplib_transport {
 public:
  httplib_transport() : httplib_transport(httplib_transport_options{}) {}
  explicit httplib_transport(httplib_transport_options options)
      : state_(std::make_unique<detail::httplib_state>(std::move(options))) {}

  httplib_transport(httplib_transport&&) noexcept = default;
  httplib_transport& operator=(httplib_transport&&) noexcept = default;

  const httplib_transport_options& options() const noexcept { return state_->options; }

  result<http_response> send(const http_request& request, const call_context& context) {
    return exchange(request, context, nullptr);
  }
  result<http_response> download(const http_request& request, const call_context& context,
                                 body_sink sink) {
    return exchange(request, context, &sink);
  }

  // Idle keep-alive connections in the pool (all hosts).
  std::size_t idle_connections() const {
    std::lock_guard<std::mutex> lock(state_->pool_mutex);
    std::size_t n = 0;
    for (const auto& entry : state_->idle) n += entry.second.size();
    return n;
  }
  // Closes every idle connection.
  void close_idle_connections() {
    std::unordered_map<std::string, std::vector<detail::pooled_client>> doomed;
    std::lock_guard<std::mutex> lock(state_->pool_mutex);
    doomed.swap(state_->idle);
  }

 private:
  using clock = std::chrono::steady_clock;

  detail::pooled_client checkout(const url_parts& url) {
    const std::string key = url.origin();
    {
      std::lock_guard<std::mutex> lock(state_->pool_mutex);
      auto it = state_->idle.find(key);
      if (it != state_->idle.end() && !it->second.empty()) {
        detail::pooled_client pooled = std::move(it->second.back());
        it->second.pop_back();
        return pooled;
      }
    }
    const auto& o = state_->options;
    detail::pooled_client pooled;
    if (url.scheme == "https") {
      auto tls = std::make_unique<httplib::SSLClient>(url.host, url.port);
      tls->enable_server_certificate_verification(o.verify_tls);
      if (!o.ca_file.empty() || !o.ca_dir.empty()) tls->set_ca_cert_path(o.ca_file, o.ca_dir);
      pooled.client = std::move(tls);
    } else {
      pooled.client = std::make_unique<httplib::ClientImpl>(url.host, url.port);
    }
    auto& client = *pooled.client;
    client.set_keep_alive(true);
    client.set_tcp_nodelay(true);
    client.set_follow_location(false);  // followed by hand, to re-check every target
    client.set_url_encode(false);       // the URL is sent as given (signed URLs stay valid)
    if (!o.proxy_host.empty() && o.proxy_port > 0) {
      client.set_proxy(o.proxy_host, o.proxy_port);
      if (!o.proxy_user.empty() && !o.proxy_password.empty())
        client.set_proxy_basic_auth(o.proxy_user, o.proxy_password);
    }
    pooled.watch = std::make_shared<detail::socket_watch>();
    client.set_socket_options(
        [watch = pooled.watch](socket_t sock) { watch->on_new_socket(sock); });
    return pooled;
  }

  void give_back(const url_parts& url, detail::pooled_client pooled) {
    std::lock_guard<std::mutex> lock(state_->pool_mutex);
    auto& idle = state_->idle[url.origin()];
    if (idle.size() < state_->options.max_idle_connections_per_host)
      idle.push_back(std::move(pooled));
  }

  result<http_response> exchange(const http_request& original, const call_context& context,
                                 body_sink* sink) {
    const auto& o = state_->options;
    const std::size_t cap = context.max_body_bytes != 0 ? context.max_body_bytes : o.max_body_bytes;
    std::string method = original.method.empty() ? std::string("GET") : original.method;
    std::string url_text = original.url;
    const std::string* body = &original.body;
    std::string content_type = original.content_type;
    bool drop_credentials = false;
    std::string original_origin;
    int last_redirect_status = 0;

    for (int hop = 0;; ++hop) {
      // After a response arrived, whatever follows may repeat work the server already did.
      const send_state unsent = hop == 0 ? send_state::not_sent : send_state::maybe_sent;
      auto parsed = parse_url(url_text);
      if (!parsed) {
        if (hop == 0) return parsed.error();
        return make_transport_error(errc::malformed_response, send_state::maybe_sent,
                                    "redirect_target",
                                    "a redirect (HTTP " + std::to_string(last_redirect_status) +
                                        ") pointed to an unusable URL: " + parsed.error().message,
                                    last_redirect_status);
      }
      const url_parts& url = *parsed;
      const std::string where = method + " " + url.redacted();
      if (hop == 0) original_origin = url.origin();
      if (url.origin() != original_origin) drop_credentials = true;

      bool has_credentials = false;
      for (const auto& header : original.headers)
        if (detail::equals_ignoring_ascii_case(header.first, "authorization"))
          has_credentials = true;
      if (has_credentials && !drop_credentials && url.scheme == "http" &&
          !is_loopback_host(url.host))
        return make_transport_error(
            errc::validation_failed, unsent, "plain_http_credentials",
            where +
                " refused: an Authorization header would travel unencrypted; use https "
                "(plain http is allowed for loopback hosts only)");

      // --- deadline and cancellation before anything is sent ---
      if (context.cancel.is_cancelled())
        return make_transport_error(errc::cancelled, unsent, "cancelled",
                                    where + " cancelled before it was sent");
      std::optional<std::chrono::milliseconds> remaining;
      if (context.deadline) {
        const auto now = clock::now();
        if (now >= *context.deadline)
          return make_transport_error(errc::deadline_exceeded, unsent, "deadline",
                                      where + ": the deadline passed before it was sent");
        remaining = std::chrono::ceil<std::chrono::milliseconds>(*context.deadline - now);
      }
      auto capped = [&](std::chrono::milliseconds t) {
        return remaining && *remaining < t ? *remaining : t;
      };
      const auto read_timeout = capped(o.read_timeout);

      detail::pooled_client pooled = checkout(url);
      httplib::ClientImpl& client = *pooled.client;
      if (!client.is_valid())
        return make_transport_error(errc::tls_error, unsent, "tls_setup",
                                    where + ": the TLS context could not be created");
      detail::set_timeout(client, &httplib::ClientImpl::set_connection_timeout,
                          capped(o.connect_timeout));
      detail::set_timeout(client, &httplib::ClientImpl::set_read_timeout, read_timeout);
      detail::set_timeout(client, &httplib::ClientImpl::set_write_timeout, capped(o.write_timeout));

      // --- the request ---
      httplib::Request req;
      req.method = method;
      req.path = url.target;
      for (const auto& header : original.headers) {
        if (drop_credentials && detail::is_credential_header(header.first)) continue;
        if (body->empty() && (detail::equals_ignoring_ascii_case(header.first, "content-type") ||
                              detail::equals_ignoring_ascii_case(header.first, "content-length")))
          continue;
        req.headers.emplace(header.first, header.second);
      }
      if (!body->empty() && !content_type.empty() && !req.has_header("Content-Type"))
        req.headers.emplace("Content-Type", content_type);
      if (!req.has_header("User-Agent") && !o.user_agent.empty())
        req.headers.emplace("User-Agent", o.user_agent);
      if (!body->empty()) {
        // Streamed from the caller's string: a 50 MB upload is not copied.
        req.content_length_ = body->size();
        req.content_provider_ = [body](std::size_t offset, std::size_t length,
                                       httplib::DataSink& data_sink) {
          const std::size_t n = std::min<std::size_t>(length, 64 * 1024);
          // A failed write is reported by cpp-httplib as Error::Write; returning false here
          // would turn it into Error::Canceled.
          data_sink.write(body->data() + offset, n);
          return true;
        };
      }

      // --- the response, checked as it arrives ---
      int status = 0;
      bool follow = false;
      bool to_sink = false;
      bool got_headers = false;
      std::size_t received = 0;
      std::size_t expected = 0;
      std::string response_body;
      auto reason = detail::abort_reason::none;
      auto last_activity = clock::now();

      auto stop_requested = [&]() {
        if (context.cancel.is_cancelled()) {
          reason = detail::abort_reason::cancelled;
          return true;
        }
        if (context.deadline && clock::now() >= *context.deadline) {
          reason = detail::abort_reason::deadline;
          return true;
        }
        return false;
      };
      req.response_handler = [&](const httplib::Response& response) {
        got_headers = true;
        last_activity = clock::now();
        status = response.status;
        follow = detail::is_followed_redirect(status) && response.has_header("Location");
        to_sink = sink != nullptr && status >= 200 && status < 300;
        if (stop_requested()) return false;
        const auto length = detail::parse_content_length(response);
        if (length && *length > cap) {
          reason = detail::abort_reason::too_large;
          expected = *length;
          return false;
        }
        const bool compressed = response.has_header("Content-Encoding");
        expected = length && !compressed ? *length : 0;
        if (follow) return true;
        if (length && !to_sink) response_body.reserve(*length);
        // "0 of N" before the first byte: a progress bar, or a decoder's buffer, can size itself.
        if (context.on_body_progress) context.on_body_progress(0, expected);
        return true;
      };
      req.content_receiver = [&](const char* data, std::size_t n, std::uint64_t, std::uint64_t) {
        last_activity = clock::now();
        if (stop_requested()) return false;
        received += n;
        if (received > cap) {
          reason = detail::abort_reason::too_large;
          return false;
        }
        if (follow) return true;  // a redirect's body is not wanted
        if (to_sink) {
          if (!(*sink)(data, n)) {
            reason = detail::abort_reason::sink;
            return false;
          }
        } else {
          response_body.append(data, n);
        }
        if (context.on_body_progress) context.on_body_progress(received, expected);
        return true;
      };

      httplib::Response res;
      httplib::Error failure = httplib::Error::Success;
      bool ok;
      const bool cancellable = context.cancel.can_be_cancelled();
      {
        std::optional<cancel_callback> on_cancel;
        if (cancellable) {
          pooled.watch->begin(client);
          on_cancel.emplace(context.cancel, [watch = pooled.watch.get()] { watch->interrupt(); });
        }
        // The callback is registered now, so a cancellation from here on reaches the socket;
        // one that came before is caught here.
        if (context.cancel.is_cancelled()) {
          on_cancel.reset();
          pooled.watch->release();
          give_back(url, std::move(pooled));
          return make_transport_error(errc::cancelled, unsent, "cancelled",
                                      where + " cancelled before it was sent");
        }
        detail::sigpipe_guard no_sigpipe;
        ok = client.send(req, res, failure);
      }
      bool interrupted_before_connect = false;
      if (cancellable) {
        interrupted_before_connect = pooled.watch->interrupted_before_connect();
        pooled.watch->release();
      }

      if (!ok) {
        // The connection is in an unknown state: never reuse it.
        pooled = detail::pooled_client{};
        const bool read_timeout_is_deadline = remaining && *remaining < o.read_timeout;
        return failed(failure, reason, where, url, hop, status, got_headers, received, cap,
                      interrupted_before_connect, read_timeout, read_timeout_is_deadline,
                      last_activity, context);
      }
      give_back(url, std::move(pooled));

      if (follow) {
        if (hop >= o.max_redirects)
          return make_transport_error(
              errc::http_error, send_state::maybe_sent, "too_many_redirects",
              where + " redirected more than " + std::to_string(o.max_redirects) + " times",
              status);
        auto next = resolve_location(url, res.get_header_value("Location"));
        if (!next) return std::move(next).error();
        auto next_url = parse_url(*next);
        if (next_url && url.scheme == "https" && next_url->scheme == "http")
          return make_transport_error(errc::http_error, send_state::maybe_sent,
                                      "redirect_downgrade",
                                      where + " redirected to plain http (" + next_url->redacted() +
                                          "); refused: it would drop TLS",
                                      status);
        // 303 always, and 301/302 after a POST (as every browser does), become a GET without
        // body.
        if (status == 303 || ((status == 301 || status == 302) && method == "POST")) {
          if (method != "HEAD") method = "GET";
          static const std::string no_body;
          body = &no_body;
          content_type.clear();
        }
        last_redirect_status = status;
        url_text = std::move(*next);
        continue;
      }

      http_response response;
      response.status = res.status;
      response.headers.reserve(res.headers.size());
      for (const auto& header : res.headers) response.headers.emplace_back(header);
      // A proxy refusing a CONNECT answers before our handlers ever run.
      response.body = got_headers ? std::move(response_body) : std::move(res.body);
      return response;
    }
  }

  result<http_response> failed(httplib::Error failure, detail::abort_reason reason,
                               const std::string& where, const url_parts& url, int hop, int status,
                               bool got_headers, std::size_t received, std::size_t cap,
                               bool interrupted_before_connect,
                               std::chrono::milliseconds read_timeout,
                               bool read_timeout_is_deadline, clock::time_point last_activity,
                               const call_context& context) {
    const auto& o = state_->options;
    // Failures that provably happen before a byte of the request is written.
    const bool before_sending =
        failure == httplib::Error::Connection || failure == httplib::Error::ConnectionTimeout ||
        failure == httplib::Error::BindIPAddress || failure == httplib::Error::SSLConnection ||
        failure == httplib::Error::SSLLoadingCerts ||
        failure == httplib::Error::SSLServerVerification || interrupted_before_connect;
    const send_state state =
        before_sending && hop == 0 && !got_headers ? send_state::not_sent : send_state::maybe_sent;
    const std::string maybe = state == send_state::maybe_sent
                                  ? "; the request may have reached the server"
                                  : "; the request was not sent";
    // The exchange broke, so http_status stays 0 (a client reads a non-zero status as the
    // server's answer); a status line that did arrive is named in the message.
    const int http_status = 0;
    const std::string at =
        got_headers ? where + " (answered HTTP " + std::to_string(status) + ")" : where;

    // Our own reasons first: they explain why cpp-httplib saw a cancelled or broken exchange.
    if (reason == detail::abort_reason::too_large)
      return make_transport_error(
          errc::response_too_large, state, "too_large",
          at + ": the response body exceeds the cap of " + std::to_string(cap) + " bytes",
          http_status);
    if (reason == detail::abort_reason::sink)
      return make_transport_error(errc::cancelled, state, "sink_aborted",
                                  at + ": the download sink stopped the transfer after " +
                                      std::to_string(received) + " bytes",
                                  http_status);
    if (reason == detail::abort_reason::cancelled || context.cancel.is_cancelled())
      return make_transport_error(errc::cancelled, state, "cancelled", at + " cancelled" + maybe,
                                  http_status);
    if (reason == detail::abort_reason::deadline ||
        (context.deadline && clock::now() >= *context.deadline))
      return make_transport_error(errc::deadline_exceeded, state, "deadline",
                                  at + ": the deadline passed" + maybe, http_status);

    const std::string peer = (!o.proxy_host.empty() && o.proxy_port > 0)
                                 ? "the proxy " + o.proxy_host + ":" + std::to_string(o.proxy_port)
                                 : url.origin();
    switch (failure) {
      case httplib::Error::Connection:
      case httplib::Error::BindIPAddress:
        return make_transport_error(errc::connection_failed, state, "connect",
                                    at + ": could not connect to " + peer +
                                        " (name not resolved or connection refused)" + maybe);
      case httplib::Error::ConnectionTimeout:
        return make_transport_error(errc::timeout, state, "connect_timeout",
                                    at + ": connecting to " + peer + " timed out" + maybe);
      case httplib::Error::SSLConnection:
        return make_transport_error(errc::tls_error, state, "tls_handshake",
                                    at + ": the TLS handshake failed" + maybe);
      case httplib::Error::SSLLoadingCerts:
        return make_transport_error(
            errc::tls_error, state, "tls_ca",
            at + ": could not load the CA certificates from " +
                (o.ca_file.empty() && o.ca_dir.empty()
                     ? std::string("OpenSSL's default paths")
                     : o.ca_file + (o.ca_dir.empty() ? "" : " " + o.ca_dir)) +
                maybe);
      case httplib::Error::SSLServerVerification:
        return make_transport_error(errc::tls_error, state, "tls_verify",
                                    at + ": the server certificate failed verification" +
                                        " (untrusted issuer, expired, or not for host \"" +
                                        url.host + "\")" + maybe);
      case httplib::Error::Write:
        return make_transport_error(errc::timeout, state, "write",
                                    at +
                                        ": sending the request failed (write timeout or "
                                        "the connection was reset)" +
                                        maybe);
      case httplib::Error::Read: {
        const auto idle = clock::now() - last_activity;
        const bool timed_out = idle + std::chrono::milliseconds(20) >= read_timeout;
        if (timed_out && read_timeout_is_deadline)
          return make_transport_error(errc::deadline_exceeded, state, "deadline",
                                      at + ": the deadline passed" + maybe, http_status);
        if (timed_out)
          return make_transport_error(errc::timeout, state, "read_timeout",
                                      at + ": no data for " + std::to_string(read_timeout.count()) +
                                          " ms (read timeout)" + maybe,
                                      http_status);
        return make_transport_error(
            errc::timeout, state, "connection_closed",
            at + ": the connection closed before the response was complete" +
                (got_headers ? " (after " + std::to_string(received) + " body bytes)" : "") + maybe,
            http_status);
      }
      case httplib::Error::Compression:
        return make_transport_error(errc::malformed_response, state, "decompression",
                                    at + ": the compressed response body is corrupt", http_status);
      default:
        return make_transport_error(
            errc::malformed_response, state, "unknown",
            at + ": the exchange failed (cpp-httplib: " + httplib::to_string(failure) + ")" + maybe,
            http_status);
    }
  }

  std::unique_ptr<detail::httplib_state> state_;
};

GPT_IMAGE_END_NAMESPACE
