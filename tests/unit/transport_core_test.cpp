// The transport layer's shared pieces: cancellation, the call context, the requirement (trait and
// concept), the not_sent / maybe_sent rule, URL parsing and redirect resolution.
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace gi = gpt_image;

// --- the requirement, checked at compile time ---------------------------------------------------
namespace {
struct minimal_transport {
  gi::result<gi::http_response> send(const gi::http_request&, const gi::call_context&) {
    return gi::http_response{};
  }
  gi::result<gi::http_response> download(const gi::http_request&, const gi::call_context&,
                                         gi::body_sink) {
    return gi::http_response{};
  }
};
struct only_send {
  gi::result<gi::http_response> send(const gi::http_request&, const gi::call_context&) {
    return gi::http_response{};
  }
};
struct wrong_return_type {
  gi::http_response send(const gi::http_request&, const gi::call_context&) { return {}; }
  gi::result<gi::http_response> download(const gi::http_request&, const gi::call_context&,
                                         gi::body_sink) {
    return gi::http_response{};
  }
};
struct wrong_parameters {
  gi::result<gi::http_response> send(const std::string&) { return gi::http_response{}; }
  gi::result<gi::http_response> download(const std::string&) { return gi::http_response{}; }
};
}  // namespace

static_assert(gi::is_transport_v<minimal_transport>);
static_assert(gi::is_transport_v<gi::fake_transport>);
static_assert(gi::is_transport_v<gi::any_transport>);
static_assert(gi::is_transport_v<gi::httplib_transport>);
static_assert(!gi::is_transport_v<only_send>);
static_assert(!gi::is_transport_v<wrong_return_type>);
static_assert(!gi::is_transport_v<wrong_parameters>);
static_assert(!gi::is_transport_v<int>);
static_assert(gi::is_transport<minimal_transport>::value == gi::is_transport_v<minimal_transport>);
#if defined(__cpp_concepts) && __cpp_concepts >= 201907L
static_assert(gi::transport<minimal_transport>);
static_assert(!gi::transport<only_send>);
#endif
GPT_IMAGE_ASSERT_TRANSPORT(minimal_transport);

namespace {
// The one name for template heads: a concept in C++20, `class` in C++17.
template <GPT_IMAGE_TRANSPORT T>
struct needs_a_transport {
  GPT_IMAGE_ASSERT_TRANSPORT(T);
  T transport;
};
}  // namespace

TEST_CASE("transport requirement: a template can take any transport") {
  needs_a_transport<minimal_transport> holder;
  CHECK(holder.transport.send({}, {}));
}

// --- cancellation -----------------------------------------------------------------------------
TEST_CASE("cancel: a default token is never cancelled") {
  gi::cancel_token token;
  CHECK_FALSE(token.is_cancelled());
  CHECK_FALSE(token.can_be_cancelled());
  int runs = 0;
  {
    gi::cancel_callback callback(token, [&] { ++runs; });
  }
  CHECK(runs == 0);
}

TEST_CASE("cancel: sources, tokens and callbacks") {
  gi::cancel_source source;
  gi::cancel_token token = source.token();
  gi::cancel_token copy = token;
  CHECK(token.can_be_cancelled());
  CHECK_FALSE(token.is_cancelled());

  int first = 0, second = 0, removed = 0;
  gi::cancel_callback a(token, [&] { ++first; });
  {
    gi::cancel_callback gone(token, [&] { ++removed; });
  }
  gi::cancel_callback b(copy, [&] { ++second; });

  CHECK(source.cancel());
  CHECK_FALSE(source.cancel());  // only the first call cancels
  CHECK(token.is_cancelled());
  CHECK(copy.is_cancelled());
  CHECK(source.is_cancelled());
  CHECK(first == 1);
  CHECK(second == 1);
  CHECK(removed == 0);

  int late = 0;
  gi::cancel_callback after(token, [&] { ++late; });  // already cancelled: runs at once
  CHECK(late == 1);
  gi::cancel_source copy_of_source = source;
  CHECK(copy_of_source.is_cancelled());
}

TEST_CASE("cancel: cancelling from another thread runs the callback exactly once") {
  for (int round = 0; round < 50; ++round) {
    gi::cancel_source source;
    std::atomic<int> runs{0};
    std::thread canceller([&] { source.cancel(); });
    {
      gi::cancel_callback callback(source.token(), [&] { runs.fetch_add(1); });
      canceller.join();
    }
    CHECK(runs.load() == 1);  // either registered before the cancel, or ran at registration
  }
}

// --- call context and sink ----------------------------------------------------------------------
TEST_CASE("call_context: defaults and with_timeout") {
  gi::call_context context;
  CHECK_FALSE(context.deadline.has_value());
  CHECK_FALSE(context.cancel.can_be_cancelled());
  CHECK(context.max_body_bytes == 0);
  const auto before = std::chrono::steady_clock::now();
  auto timed = gi::call_context::with_timeout(std::chrono::seconds(30));
  REQUIRE(timed.deadline.has_value());
  CHECK(*timed.deadline >= before + std::chrono::seconds(30));
  CHECK(*timed.deadline <= std::chrono::steady_clock::now() + std::chrono::seconds(30));
}

TEST_CASE("body_sink: refers to any bool(const char*, size_t) callable") {
  std::string received;
  auto lambda = [&](const char* data, std::size_t n) {
    received.append(data, n);
    return received.size() < 5;
  };
  gi::body_sink sink = lambda;
  CHECK(sink("abc", 3));
  CHECK_FALSE(sink("def", 3));
  CHECK(received == "abcdef");
}

// --- not_sent / maybe_sent ---------------------------------------------------------------------
TEST_CASE("transport errors record whether the request could have reached the server") {
  auto refused = gi::make_transport_error(gi::errc::connection_failed, gi::send_state::not_sent,
                                          "connect", "refused");
  CHECK(refused.code == gi::errc::connection_failed);
  CHECK(refused.http_status == 0);
  CHECK(refused.wire_code == "not_sent:connect");
  CHECK(refused.message == "refused");
  CHECK(gi::request_never_sent(refused));

  auto dropped = gi::make_transport_error(gi::errc::timeout, gi::send_state::maybe_sent,
                                          "connection_closed", "dropped", 200);
  CHECK(dropped.wire_code == "maybe_sent:connection_closed");
  CHECK(dropped.http_status == 200);
  CHECK_FALSE(gi::request_never_sent(dropped));

  // Anything else (a server error, a user transport's plain error) counts as maybe sent.
  CHECK_FALSE(gi::request_never_sent(gi::error(gi::errc::internal_error, 500, "500", "boom")));
  CHECK_FALSE(gi::request_never_sent(gi::error(gi::errc::connection_failed, "no prefix")));
}

// --- URLs -------------------------------------------------------------------------------------
TEST_CASE("parse_url: the forms the providers and CDNs use") {
  auto openai = gi::parse_url("https://api.openai.com/v1/images/generations");
  REQUIRE(openai);
  CHECK(openai->scheme == "https");
  CHECK(openai->host == "api.openai.com");
  CHECK(openai->port == 443);
  CHECK(openai->target == "/v1/images/generations");
  CHECK(openai->origin() == "https://api.openai.com");

  auto local = gi::parse_url("HTTP://LocalHost:8080");
  REQUIRE(local);
  CHECK(local->scheme == "http");
  CHECK(local->host == "localhost");
  CHECK(local->port == 8080);
  CHECK(local->target == "/");
  CHECK(local->origin() == "http://localhost:8080");

  auto signed_url = gi::parse_url("https://cdn.example.com/a/b.png?X-Sig=ab+c%2Fd&e=1#frag");
  REQUIRE(signed_url);
  CHECK(signed_url->target == "/a/b.png?X-Sig=ab+c%2Fd&e=1");          // sent exactly as given
  CHECK(signed_url->redacted() == "https://cdn.example.com/a/b.png");  // no query in messages

  auto query_only = gi::parse_url("http://127.0.0.1:9?x=1");
  REQUIRE(query_only);
  CHECK(query_only->target == "/?x=1");

  auto v6 = gi::parse_url("http://[::1]:8443/v1/tasks/1");
  REQUIRE(v6);
  CHECK(v6->host == "::1");
  CHECK(v6->port == 8443);
  CHECK(v6->origin() == "http://[::1]:8443");

  auto utf8 = gi::parse_url("https://cdn.example.com/caf\xC3\xA9.png");
  REQUIRE(utf8);
  CHECK(utf8->target == "/caf%C3%A9.png");
}

TEST_CASE("parse_url: refuses what cannot or must not be sent") {
  const char* refused[] = {
      "api.openai.com/v1",                       // no scheme
      "ftp://example.com/file",                  // not http(s)
      "https://user:secret@example.com/",        // credentials in the URL
      "https:///path",                           // no host
      "https://example.com:0/",                  // port out of range
      "https://example.com:65536/",              // port out of range
      "https://example.com:12ab/",               // port not a number
      "https://example.com/a b",                 // a space
      "https://example.com/a\r\nX-Injected: 1",  // header injection
      "http://[::1/",                            // unterminated IPv6 literal
  };
  for (const char* url : refused) {
    CAPTURE(url);
    auto parsed = gi::parse_url(url);
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == gi::errc::validation_failed);
    CHECK(gi::request_never_sent(parsed.error()));
    CHECK(parsed.error().message.find("secret") == std::string::npos);
  }
}

TEST_CASE("is_loopback_host") {
  for (const char* host : {"localhost", "127.0.0.1", "127.1.2.3", "::1", "emulator.localhost"})
    CHECK(gi::is_loopback_host(host));
  for (const char* host : {"api.openai.com", "128.0.0.1", "127.0.0.1.example.com", "localhost.com",
                           "10.0.0.1", "127.a.0.1", ""})
    CHECK_FALSE(gi::is_loopback_host(host));
}

TEST_CASE("resolve_location: the reference forms servers send") {
  auto base = gi::parse_url("https://api.example.com:8443/v1/images/x?y=1");
  REQUIRE(base);
  CHECK(*gi::resolve_location(*base, "https://cdn.example.com/i.png") ==
        "https://cdn.example.com/i.png");
  CHECK(*gi::resolve_location(*base, "//cdn.example.com/i.png") == "https://cdn.example.com/i.png");
  CHECK(*gi::resolve_location(*base, "/v2/z") == "https://api.example.com:8443/v2/z");
  CHECK(*gi::resolve_location(*base, "z?q=2") == "https://api.example.com:8443/v1/images/z?q=2");
  CHECK(*gi::resolve_location(*base, "?q=2") == "https://api.example.com:8443/v1/images/x?q=2");
  CHECK_FALSE(gi::resolve_location(*base, ""));
}
