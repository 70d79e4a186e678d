// SPDX-License-Identifier: MIT
#pragma once
// The transport requirement: what the client needs from an HTTP stack, so that a game or tool
// engine can plug in its own. A transport is any type T with
//
//   result<http_response> T::send(const http_request&, const call_context&);
//   result<http_response> T::download(const http_request&, const call_context&, body_sink);
//
// `send` returns the whole response, whatever its status (a 404 or 429 is a response, not a
// transport error: the codec reads it). `download` is the same exchange for large bodies: a 2xx
// body is handed to `sink` piece by piece as it arrives and never held whole (the returned
// response has an empty body); any other status' body is collected into the returned response as
// with `send` and the sink sees none of it. Both follow redirects, honour the call_context
// (deadline, cancellation, progress) and cap the body size.
//
// Only failures of the exchange itself are errors, with http_status 0 (a status line that arrived
// before the exchange broke is named in the message; a client reads a non-zero http_status as the
// server's own answer). They use these codes:
//
//   connection_failed   DNS failure, connection refused: the connection was never established
//   timeout             a connect, read or write timeout, or the connection dropped mid-exchange
//   tls_error           certificate verification or handshake failure
//   cancelled           the call_context's token fired (or a download sink returned false)
//   deadline_exceeded   the call_context's deadline passed
//   response_too_large  the body exceeded the size cap
//   validation_failed   the request could not be sent as given (bad URL, credentials over plain
//                       http to a non-loopback host)
//
// THE NO-DOUBLE-BILLING RULE. A create that fails may only be retried when the request provably
// never reached the server. The errc alone cannot say so (a `timeout` can strike while connecting
// or after the request was written), so every transport error also records how far the exchange
// got, as the prefix of its wire_code: "not_sent:<what>" when no byte of the request can have
// reached the server (DNS/connect failure or connect timeout, TLS handshake or certificate
// failure, cancelled or deadline passed before connecting, a request refused locally), and
// "maybe_sent:<what>" otherwise — including a write failure, a read failure, a timeout waiting for
// the response and anything after a redirect. request_never_sent(e) reads it; only when it is
// true may a POST be sent again. Transports written by users should build their errors with
// make_transport_error() so the client can tell the two apart; an error without the prefix counts
// as maybe sent.

#include <gpt_image/cancel.hpp>
#include <gpt_image/error.hpp>
#include <gpt_image/http.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables/ascii.hpp>
#include <gpt_image/version.hpp>

#include <chrono>
#include <cstddef>
#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
#include <concepts>
#endif
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

// What one transport call may use beyond the request itself.
struct call_context {
  // The call fails with errc::deadline_exceeded once this passes; none means only the
  // transport's own timeouts apply.
  std::optional<std::chrono::steady_clock::time_point> deadline;
  // Interrupts the call, even a read blocked in the kernel; errc::cancelled.
  cancel_token cancel;
  // Called as response body bytes arrive: (bytes received so far, Content-Length or 0 when the
  // length is not known in advance) — first as (0, total) when the headers arrive, then after
  // each piece. Runs on the calling thread; keep it cheap.
  std::function<void(std::size_t received, std::size_t total_or_0)> on_body_progress;
  // Overrides the transport's body size cap for this call (0: the transport's default) — for a
  // response known to be large, e.g. several 4K images inline.
  std::size_t max_body_bytes = 0;

  static call_context with_timeout(std::chrono::steady_clock::duration timeout) {
    call_context context;
    context.deadline = std::chrono::steady_clock::now() + timeout;
    return context;
  }
};

// A non-owning reference to a callable `bool(const char* data, std::size_t size)` that receives a
// download body piece by piece; returning false stops the transfer (errc::cancelled). It only
// refers to the callable, so the callable must outlive the call it is passed to — as a lambda
// written in the argument list does.
class body_sink {
 public:
  template <class F, std::enable_if_t<!std::is_same_v<std::decay_t<F>, body_sink> &&
                                          std::is_invocable_r_v<bool, F&, const char*, std::size_t>,
                                      int> = 0>
  body_sink(F&& f) noexcept  // NOLINT: implicit by design, like std::function_ref
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, const char* data, std::size_t size) -> bool {
          return (*static_cast<std::remove_reference_t<F>*>(object))(data, size);
        }) {}

  bool operator()(const char* data, std::size_t size) const { return call_(object_, data, size); }

 private:
  void* object_;
  bool (*call_)(void*, const char*, std::size_t);
};

// How far a failed exchange got; see the no-double-billing rule above.
enum class send_state : unsigned char { not_sent, maybe_sent };

namespace detail {
inline constexpr std::string_view not_sent_prefix = "not_sent:";
inline constexpr std::string_view maybe_sent_prefix = "maybe_sent:";
}  // namespace detail

// An error of the exchange itself. `what` is a short machine-readable reason ("connect",
// "read_timeout", ...); it lands in wire_code after the send_state prefix.
inline error make_transport_error(errc code, send_state state, std::string_view what,
                                  std::string message, int http_status = 0) {
  std::string wire(state == send_state::not_sent ? detail::not_sent_prefix
                                                 : detail::maybe_sent_prefix);
  wire += what;
  return error(code, http_status, std::move(wire), std::move(message));
}

// True only when the failed request provably never reached the server, so that sending it again
// cannot create (and bill) a second generation.
inline bool request_never_sent(const error& e) noexcept {
  return std::string_view(e.wire_code).substr(0, detail::not_sent_prefix.size()) ==
         detail::not_sent_prefix;
}

// --- the requirement -------------------------------------------------------------------------

namespace detail {
template <class T, class = void>
struct has_transport_send : std::false_type {};
template <class T>
struct has_transport_send<
    T, std::void_t<decltype(std::declval<T&>().send(std::declval<const http_request&>(),
                                                    std::declval<const call_context&>()))>>
    : std::is_same<decltype(std::declval<T&>().send(std::declval<const http_request&>(),
                                                    std::declval<const call_context&>())),
                   result<http_response>> {};

template <class T, class = void>
struct has_transport_download : std::false_type {};
template <class T>
struct has_transport_download<T,
                              std::void_t<decltype(std::declval<T&>().download(
                                  std::declval<const http_request&>(),
                                  std::declval<const call_context&>(), std::declval<body_sink>()))>>
    : std::is_same<decltype(std::declval<T&>().download(std::declval<const http_request&>(),
                                                        std::declval<const call_context&>(),
                                                        std::declval<body_sink>())),
                   result<http_response>> {};
}  // namespace detail

// C++17: is_transport_v<T>. C++20 adds the concept gpt_image::transport with the same meaning;
// GPT_IMAGE_TRANSPORT names whichever the language has, for template heads:
//   template <GPT_IMAGE_TRANSPORT Transport> class basic_client;
template <class T>
struct is_transport : std::bool_constant<detail::has_transport_send<T>::value &&
                                         detail::has_transport_download<T>::value> {};

#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
template <class T>
concept transport = requires(T& t, const http_request& request, const call_context& context,
                             body_sink sink) {
  { t.send(request, context) } -> std::same_as<result<http_response>>;
  { t.download(request, context, sink) } -> std::same_as<result<http_response>>;
};
template <class T>
inline constexpr bool is_transport_v = transport<T>;
#define GPT_IMAGE_TRANSPORT ::gpt_image::transport
#else
template <class T>
inline constexpr bool is_transport_v = is_transport<T>::value;
#define GPT_IMAGE_TRANSPORT class
#endif

// One clear diagnostic instead of pages of template errors, for class templates that take a
// transport: GPT_IMAGE_ASSERT_TRANSPORT(Transport);
#define GPT_IMAGE_ASSERT_TRANSPORT(T)                                                     \
  static_assert(                                                                          \
      ::gpt_image::is_transport<T>::value,                                                \
      "gpt_image: " #T                                                                    \
      " is not a transport: it needs the member functions "                               \
      "gpt_image::result<gpt_image::http_response> send(const gpt_image::http_request&, " \
      "const gpt_image::call_context&) and "                                              \
      "gpt_image::result<gpt_image::http_response> download(const "                       \
      "gpt_image::http_request&, const gpt_image::call_context&, "                        \
      "gpt_image::body_sink) (see gpt_image/transport.hpp)")

// --- helpers shared by the transports ---------------------------------------------------------

// The parts of an absolute http(s) URL. `target` is the path with the query, as sent on the
// request line; `host` is without the brackets of an IPv6 literal.
struct url_parts {
  std::string scheme;  // "http" or "https", lower case
  std::string host;    // lower case
  int port = 0;        // explicit, or 80 / 443
  std::string target;  // "/path?query", at least "/"

  std::string origin() const {
    const bool default_port =
        (scheme == "https" && port == 443) || (scheme == "http" && port == 80);
    const std::string shown_host = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return scheme + "://" + shown_host + (default_port ? "" : ":" + std::to_string(port));
  }
  // scheme://host[:port]/path — the query left out, as it may carry a signature or a key.
  std::string redacted() const {
    const auto query = target.find('?');
    return origin() + target.substr(0, query);
  }
};

// Parses an absolute http:// or https:// URL. Refuses user:password@ (credentials in a URL end up
// in logs), spaces and control characters (header injection), and a fragment is dropped.
inline result<url_parts> parse_url(std::string_view url) {
  auto fail = [](std::string why) {
    return make_transport_error(
        errc::validation_failed, send_state::not_sent, "bad_url",
        "URL refused: " + std::move(why) + "; expected http(s)://host[:port]/path[?query]");
  };
  url_parts parts;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return fail("it has no scheme");
  for (char c : url.substr(0, scheme_end)) parts.scheme += detail::ascii_lower_char(c);
  if (parts.scheme != "http" && parts.scheme != "https")
    return fail("the scheme \"" + parts.scheme + "\" is not http or https");
  for (char c : url) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7F) return fail("it contains a space or a control character");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  const auto fragment = rest.find('#');
  if (fragment != std::string_view::npos) rest = rest.substr(0, fragment);
  const auto authority_end = rest.find_first_of("/?");
  std::string_view authority = rest.substr(0, authority_end);
  std::string target(authority_end == std::string_view::npos ? std::string_view("/")
                                                             : rest.substr(authority_end));
  if (target[0] == '?') target.insert(target.begin(), '/');
  if (authority.find('@') != std::string_view::npos)
    return fail("it carries user credentials before the host");
  std::string_view host = authority;
  std::string_view port_text;
  if (!authority.empty() && authority[0] == '[') {
    const auto close = authority.find(']');
    if (close == std::string_view::npos) return fail("an IPv6 address is missing its ']'");
    host = authority.substr(1, close - 1);
    const auto after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after[0] != ':') return fail("unexpected text after the IPv6 address");
      port_text = after.substr(1);
    }
  } else {
    const auto colon = authority.rfind(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port_text = authority.substr(colon + 1);
    }
  }
  if (host.empty()) return fail("it has no host");
  for (char c : host) parts.host += detail::ascii_lower_char(c);
  parts.port = parts.scheme == "https" ? 443 : 80;
  if (!port_text.empty()) {
    if (port_text.size() > 5) return fail("the port is not a number from 1 to 65535");
    int port = 0;
    for (char c : port_text) {
      if (c < '0' || c > '9') return fail("the port is not a number from 1 to 65535");
      port = port * 10 + (c - '0');
    }
    if (port < 1 || port > 65535) return fail("the port is not a number from 1 to 65535");
    parts.port = port;
  }
  // Bytes outside ASCII are percent-encoded here; everything else is sent exactly as given, so
  // that a signed URL keeps its signature.
  std::string encoded;
  encoded.reserve(target.size());
  for (char c : target) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      constexpr char hex[] = "0123456789ABCDEF";
      encoded += '%';
      encoded += hex[u >> 4];
      encoded += hex[u & 0xF];
    } else {
      encoded += c;
    }
  }
  parts.target = std::move(encoded);
  return parts;
}

// Loopback hosts: where an API key may travel over plain http (a local emulator or proxy).
inline bool is_loopback_host(std::string_view host) noexcept {
  if (host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1") return true;
  constexpr std::string_view localhost_suffix = ".localhost";  // RFC 6761 §6.3
  if (host.size() > localhost_suffix.size() &&
      host.substr(host.size() - localhost_suffix.size()) == localhost_suffix)
    return true;
  // 127.0.0.0/8, written as a dotted quad.
  if (host.substr(0, 4) != "127.") return false;
  int dots = 0;
  for (char c : host) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      return false;
  }
  return dots == 3;
}

// Resolves a redirect's Location against the URL that answered with it (RFC 3986 §5.2 for the
// forms servers send: absolute, scheme-relative, absolute-path and relative-path references).
inline result<std::string> resolve_location(const url_parts& base, std::string_view location) {
  if (location.empty())
    return make_transport_error(errc::malformed_response, send_state::maybe_sent, "redirect",
                                "a redirect without a Location header from " + base.redacted());
  const auto colon = location.find(':');
  const auto first_delimiter = location.find_first_of("/?#");
  if (colon != std::string_view::npos &&
      (first_delimiter == std::string_view::npos || colon < first_delimiter))
    return std::string(location);  // absolute
  if (location.substr(0, 2) == "//") return base.scheme + ":" + std::string(location);
  if (location[0] == '/') return base.origin() + std::string(location);
  std::string path = base.target.substr(0, base.target.find('?'));
  if (location[0] == '?') return base.origin() + path + std::string(location);
  path = path.substr(0, path.rfind('/') + 1);
  return base.origin() + path + std::string(location);
}

GPT_IMAGE_END_NAMESPACE
