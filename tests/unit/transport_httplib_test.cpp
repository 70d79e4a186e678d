// httplib_transport against in-process servers on 127.0.0.1 — plain HTTP and HTTPS with a
// certificate generated at test time. Each case starts its own server on a port the system picks
// and stops it deterministically; no test sleeps to synchronise (a handler that must be "slow"
// blocks on a gate that the test opens).
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include "support/loopback_server.hpp"
#include "support/tls_cert.hpp"

#include <atomic>
#include <chrono>
#include <csignal>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <signal.h>

namespace gi = gpt_image;
using namespace std::chrono_literals;
using test_support::loopback_server;

namespace {
constexpr const char* test_key = "sk-LEAKCHECK-0123456789";

gi::httplib_transport_options quick_options() {
  gi::httplib_transport_options options;
  options.connect_timeout = 5s;
  options.read_timeout = 10s;
  options.write_timeout = 10s;
  return options;
}

gi::http_request get(std::string url) {
  gi::http_request request;
  request.url = std::move(url);
  return request;
}
gi::http_request post(std::string url, std::string body) {
  gi::http_request request;
  request.method = "POST";
  request.url = std::move(url);
  request.body = std::move(body);
  request.content_type = "application/json";
  return request;
}
gi::http_request with_key(gi::http_request request) {
  request.headers.emplace_back("Authorization", std::string("Bearer ") + test_key);
  return request;
}

std::chrono::milliseconds elapsed_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start);
}

// Records what each request looked like when it arrived.
struct seen_request {
  std::string method, path, target, body, authorization, proxy_authorization, user_agent,
      content_type, host;
  int remote_port = 0;
};
class request_log {
 public:
  void add(const httplib::Request& req) {
    std::lock_guard<std::mutex> lock(mutex_);
    seen_request seen;
    seen.method = req.method;
    seen.path = req.path;
    seen.target = req.target;
    seen.body = req.body;
    seen.authorization = req.get_header_value("Authorization");
    seen.proxy_authorization = req.get_header_value("Proxy-Authorization");
    seen.user_agent = req.get_header_value("User-Agent");
    seen.content_type = req.get_header_value("Content-Type");
    seen.host = req.get_header_value("Host");
    seen.remote_port = req.remote_port;
    requests_.push_back(seen);
  }
  std::vector<seen_request> all() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }
  std::size_t size() {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_.size();
  }

 private:
  std::mutex mutex_;
  std::vector<seen_request> requests_;
};
}  // namespace

TEST_CASE("httplib_transport: GET over plain HTTP, with keep-alive reuse") {
  request_log log;
  loopback_server server;
  server->Get("/hello", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_header("X-Reply", "yes");
    res.set_content("hi there", "text/plain");
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  auto request = get(server.url("/hello"));
  request.headers.emplace_back("X-Custom", "42");
  auto first = transport.send(request, {});
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->body == "hi there");
  CHECK(gi::find_header(first->headers, "x-reply") == "yes");
  CHECK(gi::find_header(first->headers, "content-type") == "text/plain");
  auto second = transport.send(request, {});
  REQUIRE(second);
  CHECK(transport.idle_connections() == 1);

  const auto seen = log.all();
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].remote_port == seen[1].remote_port);  // one connection, reused
  CHECK(seen[0].user_agent == std::string("gpt_image/") + GPT_IMAGE_VERSION_STRING);
  CHECK(seen[0].host == "127.0.0.1:" + std::to_string(server.port()));
}

TEST_CASE("httplib_transport: POST body and content type arrive; TCP_NODELAY keeps it fast") {
  request_log log;
  loopback_server server;
  server->Post("/v1/images/generations", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_content(R"({"id":"task_1"})", "application/json");
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  auto answer =
      transport.send(post(server.url("/v1/images/generations"), R"({"prompt":"a cat"})"), {});
  REQUIRE(answer);
  CHECK(answer->body == R"({"id":"task_1"})");
  REQUIRE(log.size() == 1);
  CHECK(log.all()[0].body == R"({"prompt":"a cat"})");
  CHECK(log.all()[0].content_type == "application/json");

  // With Nagle's algorithm on, each of these would wait ~40 ms for a delayed ACK (headers and
  // body are separate writes): 20 of them would take ~800 ms. With TCP_NODELAY they take ~1 ms.
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i)
    REQUIRE(transport.send(post(server.url("/v1/images/generations"), R"({"n":1})"), {}));
  CHECK(elapsed_since(start) < 400ms);
}

TEST_CASE("httplib_transport: connection refused is connection_failed and provably not sent") {
  test_support::refused_port port;
  gi::httplib_transport transport(quick_options());
  auto answer = transport.send(
      with_key(
          post("http://127.0.0.1:" + std::to_string(port.port()) + "/v1/images/generations", "{}")),
      {});
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::connection_failed);
  CHECK(answer.error().http_status == 0);
  CHECK(answer.error().wire_code == "not_sent:connect");
  CHECK(gi::request_never_sent(answer.error()));
  CHECK(answer.error().message.find("POST http://127.0.0.1:" + std::to_string(port.port()) +
                                    "/v1/images/generations") != std::string::npos);
  CHECK(transport.idle_connections() == 0);
}

TEST_CASE("httplib_transport: a response slower than the read timeout") {
  test_support::counter arrived;
  loopback_server server;
  server->Post("/slow", [&](const httplib::Request&, httplib::Response& res) {
    arrived.bump();
    server.gate()->wait();
    res.set_content("late", "text/plain");
  });
  server.start();
  auto options = quick_options();
  options.read_timeout = 300ms;
  gi::httplib_transport transport(options);

  const auto start = std::chrono::steady_clock::now();
  auto answer = transport.send(post(server.url("/slow"), "{}"), {});
  REQUIRE_FALSE(answer);
  CHECK(elapsed_since(start) >= 250ms);
  CHECK(elapsed_since(start) < 5s);
  CHECK(answer.error().code == gi::errc::timeout);
  CHECK(answer.error().wire_code == "maybe_sent:read_timeout");
  CHECK_FALSE(gi::request_never_sent(answer.error()));  // the server did get it
  CHECK(arrived.value() == 1);
  CHECK(answer.error().message.find("may have reached the server") != std::string::npos);
}

TEST_CASE("httplib_transport: deadlines") {
  test_support::counter arrived;
  loopback_server server;
  server->Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    arrived.bump();
    server.gate()->wait();
    res.set_content("late", "text/plain");
  });
  server.start();
  gi::httplib_transport transport(quick_options());  // read timeout 10 s

  SUBCASE("a deadline shorter than the read timeout wins") {
    const auto start = std::chrono::steady_clock::now();
    auto answer = transport.send(get(server.url("/slow")), gi::call_context::with_timeout(300ms));
    REQUIRE_FALSE(answer);
    CHECK(elapsed_since(start) >= 250ms);
    CHECK(elapsed_since(start) < 5s);
    CHECK(answer.error().code == gi::errc::deadline_exceeded);
    CHECK_FALSE(gi::request_never_sent(answer.error()));
  }
  SUBCASE("a deadline already passed: nothing is sent") {
    gi::call_context context;
    context.deadline = std::chrono::steady_clock::now() - 1ms;
    auto answer = transport.send(post(server.url("/slow"), "{}"), context);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::deadline_exceeded);
    CHECK(gi::request_never_sent(answer.error()));
    CHECK(arrived.value() == 0);
  }
}

TEST_CASE("httplib_transport: cancellation") {
  test_support::counter arrived;
  loopback_server server;
  server->Post("/slow", [&](const httplib::Request&, httplib::Response& res) {
    arrived.bump();
    server.gate()->wait();
    res.set_content("late", "text/plain");
  });
  server.start();
  gi::httplib_transport transport(quick_options());  // read timeout 10 s

  SUBCASE("cancelling interrupts a read blocked in the kernel at once") {
    gi::cancel_source source;
    gi::call_context context;
    context.cancel = source.token();
    gi::result<gi::http_response> answer{gi::http_response{}};
    std::thread caller([&] { answer = transport.send(post(server.url("/slow"), "{}"), context); });
    REQUIRE(arrived.wait_for_at_least(1));  // the request is at the server; the caller blocks
    const auto cancelled_at = std::chrono::steady_clock::now();
    source.cancel();
    caller.join();
    CHECK(elapsed_since(cancelled_at) < 2s);  // not the 10 s read timeout
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::cancelled);
    CHECK_FALSE(gi::request_never_sent(answer.error()));  // it reached the server
    CHECK(transport.idle_connections() == 0);             // a broken connection is not reused
  }
  SUBCASE("a token cancelled before the call: nothing is sent") {
    gi::cancel_source source;
    source.cancel();
    gi::call_context context;
    context.cancel = source.token();
    auto answer = transport.send(post(server.url("/slow"), "{}"), context);
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::cancelled);
    CHECK(gi::request_never_sent(answer.error()));
    CHECK(arrived.value() == 0);
  }
  SUBCASE("every cancellation is honoured promptly, whenever it lands") {
    // The cancel races the start of the request (before the connection exists, while it is set
    // up, while the request is written, while the reply is awaited). A missed cancellation would
    // show as a call that lasts the full 10 s read timeout.
    std::uint32_t seed = 1;
    for (int round = 0; round < 40; ++round) {
      gi::cancel_source source;
      gi::call_context context;
      context.cancel = source.token();
      std::atomic<bool> done{false};
      gi::result<gi::http_response> answer{gi::http_response{}};
      const auto start = std::chrono::steady_clock::now();
      std::thread caller([&] {
        answer = transport.send(post(server.url("/slow"), "{}"), context);
        done = true;
      });
      seed = seed * 1664525u + 1013904223u;
      const auto spin = std::chrono::microseconds((seed >> 8) % 3000);
      while (std::chrono::steady_clock::now() - start < spin) std::this_thread::yield();
      source.cancel();
      caller.join();
      CHECK(elapsed_since(start) < 3s);
      REQUIRE_FALSE(answer);
      CHECK(answer.error().code == gi::errc::cancelled);
    }
  }
}

TEST_CASE("httplib_transport: a connection dropped mid-body") {
  loopback_server server;
  server->Get("/image.png", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(1000, "image/png",
                             [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               if (offset > 0) return false;  // drop after the first piece
                               sink.write("0123456789", 10);
                               return true;
                             });
  });
  server->Post("/v1/images/generations", [](const httplib::Request&, httplib::Response& res) {
    res.set_content_provider(1000, "application/json",
                             [](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                               if (offset > 0) return false;
                               sink.write("{\"data\":[", 9);
                               return true;
                             });
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  auto answer = transport.send(post(server.url("/v1/images/generations"), "{}"), {});
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::timeout);
  CHECK(answer.error().wire_code == "maybe_sent:connection_closed");
  CHECK(answer.error().http_status == 0);  // the exchange broke; the status is in the message
  CHECK(answer.error().message.find("answered HTTP 200") != std::string::npos);
  CHECK_FALSE(gi::request_never_sent(answer.error()));  // a create here must not be re-sent

  std::string received;
  auto download =
      transport.download(get(server.url("/image.png")), {}, [&](const char* d, std::size_t n) {
        received.append(d, n);
        return true;
      });
  REQUIRE_FALSE(download);
  CHECK(download.error().code == gi::errc::timeout);
  CHECK(received == "0123456789");
}

TEST_CASE("httplib_transport: the body size cap") {
  const std::string big(5000, 'x');
  loopback_server server;
  server->Get("/declared", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(big, "text/plain");
  });
  server->Get("/chunked", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider("text/plain",
                                     [&](std::size_t offset, httplib::DataSink& sink) {
                                       if (offset >= big.size()) {
                                         sink.done();
                                         return true;
                                       }
                                       sink.write(big.data() + offset, 1000);
                                       return true;
                                     });
  });
  server.start();
  auto options = quick_options();
  options.max_body_bytes = 4096;
  gi::httplib_transport transport(options);

  for (const char* path : {"/declared", "/chunked"}) {
    CAPTURE(path);
    auto answer = transport.send(get(server.url(path)), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::response_too_large);
    CHECK(answer.error().http_status == 0);
    CHECK(answer.error().message.find("4096") != std::string::npos);
  }
  gi::call_context roomy;
  roomy.max_body_bytes = 10000;
  auto fits = transport.send(get(server.url("/chunked")), roomy);
  REQUIRE(fits);
  CHECK(fits->body == big);
}

TEST_CASE("httplib_transport: download streams into the sink") {
  std::string image(300000, '\0');
  for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>(i * 7);
  loopback_server server;
  server->Get("/image.png", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(image, "image/png");
  });
  server->Get("/gone.png", [](const httplib::Request&, httplib::Response& res) {
    res.status = 404;
    res.set_content(R"({"error":"expired"})", "application/json");
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  std::string received;
  int pieces = 0;
  std::size_t last_progress = 0, progress_total = 0;
  gi::call_context context;
  context.on_body_progress = [&](std::size_t done, std::size_t total) {
    last_progress = done;
    progress_total = total;
  };
  auto answer =
      transport.download(get(server.url("/image.png")), context, [&](const char* d, std::size_t n) {
        received.append(d, n);
        ++pieces;
        return true;
      });
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(answer->body.empty());
  CHECK(gi::find_header(answer->headers, "Content-Type") == "image/png");
  CHECK(received == image);
  CHECK(pieces > 1);  // streamed, not handed over whole
  CHECK(last_progress == image.size());
  CHECK(progress_total == image.size());

  bool sink_called = false;
  auto missing =
      transport.download(get(server.url("/gone.png")), {}, [&](const char*, std::size_t) {
        sink_called = true;
        return true;
      });
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(missing->body == R"({"error":"expired"})");
  CHECK_FALSE(sink_called);

  auto stopped = transport.download(get(server.url("/image.png")), {},
                                    [](const char*, std::size_t) { return false; });
  REQUIRE_FALSE(stopped);
  CHECK(stopped.error().code == gi::errc::cancelled);
  CHECK(stopped.error().wire_code == "maybe_sent:sink_aborted");
}

TEST_CASE("httplib_transport: b64_json decoded while the body arrives") {
  std::string image(200000, '\0');
  for (std::size_t i = 0; i < image.size(); ++i) image[i] = static_cast<char>(i * 13 + 5);
  const std::string body =
      R"({"created":1713833628,"data":[{"b64_json":")" + gi::base64_encode(image) + R"("}]})";
  loopback_server server;
  server->Post("/v1/images/generations", [&](const httplib::Request&, httplib::Response& res) {
    res.set_chunked_content_provider(
        "application/json", [&](std::size_t offset, httplib::DataSink& sink) {
          if (offset >= body.size()) {
            sink.done();
            return true;
          }
          sink.write(body.data() + offset, std::min<std::size_t>(7777, body.size() - offset));
          return true;
        });
  });
  server->Post("/v1/images/edits", [&](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "application/json");  // with a Content-Length
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  for (const char* path : {"/v1/images/generations", "/v1/images/edits"}) {
    CAPTURE(path);
    gi::b64_json_stream_decoder decoder;
    std::optional<gi::error> decode_error;
    gi::call_context context;
    // The Content-Length arrives as "0 of N" before the body: the image is reserved once.
    context.on_body_progress = [&](std::size_t, std::size_t total) {
      decoder.expect_body_size(total);
    };
    auto answer = transport.download(post(server.url(path), "{}"), context,
                                     [&](const char* d, std::size_t n) {
                                       auto fed = decoder.feed(d, n);
                                       if (!fed) decode_error = fed.error();
                                       return fed.has_value();
                                     });
    REQUIRE(answer);
    CHECK_FALSE(decode_error);
    auto images = decoder.finish();
    REQUIRE(images);
    REQUIRE(images->images.size() == 1);
    CHECK(images->images[0] == image);
    CHECK(images->json == R"({"created":1713833628,"data":[{"b64_json":"#0"}]})");
    if (std::string_view(path) == "/v1/images/edits")  // no growth: at most one block of slack
      CHECK(images->images[0].capacity() <= image.size() + 64 * 1024);
  }
}

TEST_CASE("httplib_transport: redirects") {
  request_log other_log;
  loopback_server other;  // another origin: same host, another port
  other->Get("/final", [&](const httplib::Request& req, httplib::Response& res) {
    other_log.add(req);
    res.set_content("arrived elsewhere", "text/plain");
  });
  other.start();

  request_log log;
  loopback_server server;
  server->Get(R"(/hop/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    const int n = std::stoi(req.matches[1].str());
    if (n == 0)
      res.set_content("arrived", "text/plain");
    else
      res.set_redirect(n % 2 ? "/hop/" + std::to_string(n - 1)  // absolute path
                             : std::to_string(n - 1),           // relative path
                       302);
  });
  server->Get("/to-other", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_redirect(other.url("/final"), 302);
  });
  server->Get("/to-localhost", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_redirect(server.url("/hop/0", "localhost"), 307);
  });
  server->Post("/see-other", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_redirect("/hop/0", 303);
  });
  server->Post("/temporary", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_redirect("/echo", 307);
  });
  server->Post("/echo", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_content("echo:" + req.body, "text/plain");
  });
  server->Get("/to-ftp", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("ftp://127.0.0.1/file", 302);
  });
  server.start();
  gi::httplib_transport transport(quick_options());

  SUBCASE("up to three are followed, relative and absolute, keeping same-origin credentials") {
    auto answer = transport.send(with_key(get(server.url("/hop/3"))), {});
    REQUIRE(answer);
    CHECK(answer->status == 200);
    CHECK(answer->body == "arrived");
    const auto seen = log.all();
    REQUIRE(seen.size() == 4);
    for (const auto& s : seen) CHECK(s.authorization == std::string("Bearer ") + test_key);
  }
  SUBCASE("a fourth is refused") {
    auto answer = transport.send(get(server.url("/hop/4")), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::http_error);
    CHECK(answer.error().http_status == 302);
    CHECK(answer.error().wire_code == "maybe_sent:too_many_redirects");
    CHECK(log.size() == 4);
  }
  SUBCASE("the Authorization header is dropped when a redirect leaves the origin") {
    auto answer = transport.send(with_key(get(server.url("/to-other"))), {});
    REQUIRE(answer);
    CHECK(answer->body == "arrived elsewhere");
    REQUIRE(other_log.size() == 1);
    CHECK(other_log.all()[0].authorization.empty());
    CHECK(log.all()[0].authorization == std::string("Bearer ") + test_key);

    auto renamed = transport.send(with_key(get(server.url("/to-localhost"))), {});
    REQUIRE(renamed);
    CHECK(renamed->body == "arrived");
    const auto seen = log.all();
    REQUIRE(seen.size() == 3);
    CHECK(seen[2].host == "localhost:" + std::to_string(server.port()));
    CHECK(seen[2].authorization.empty());
  }
  SUBCASE("303 after a POST becomes a GET without body; 307 keeps the POST and its body") {
    auto see_other = transport.send(post(server.url("/see-other"), R"({"x":1})"), {});
    REQUIRE(see_other);
    CHECK(see_other->body == "arrived");
    auto temporary = transport.send(post(server.url("/temporary"), R"({"x":2})"), {});
    REQUIRE(temporary);
    CHECK(temporary->body == R"(echo:{"x":2})");
    const auto seen = log.all();
    REQUIRE(seen.size() == 4);
    CHECK(seen[1].method == "GET");
    CHECK(seen[1].body.empty());
    CHECK(seen[3].method == "POST");
    CHECK(seen[3].body == R"({"x":2})");
  }
  SUBCASE("a redirect to an unusable URL is refused, and counts as maybe sent") {
    auto answer = transport.send(get(server.url("/to-ftp")), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::malformed_response);
    CHECK_FALSE(gi::request_never_sent(answer.error()));
  }
}

TEST_CASE("httplib_transport: an API key never travels over plain http to another host") {
  gi::httplib_transport transport(quick_options());
  auto answer = transport.send(with_key(get("http://api.example.invalid/v1/credits")), {});
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::validation_failed);
  CHECK(gi::request_never_sent(answer.error()));
  CHECK(answer.error().message.find("https") != std::string::npos);
  CHECK(answer.error().message.find("LEAKCHECK") == std::string::npos);
}

TEST_CASE("httplib_transport: HTTPS with a certificate generated at test time") {
  test_support::test_pki pki;
  test_support::test_pki stranger("some other CA");
  test_support::counter arrived;
  loopback_server server(std::make_unique<httplib::SSLServer>(pki.server_cert(), pki.server_key()),
                         "https");
  server->Get("/secure", [&](const httplib::Request&, httplib::Response& res) {
    arrived.bump();
    res.set_content("over tls", "text/plain");
  });
  server->Get("/downgrade", [&](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("http://127.0.0.1:1/plain", 302);
  });
  server.start();

  SUBCASE("the right CA: verified, and the connection is kept alive") {
    auto options = quick_options();
    options.ca_file = pki.ca_file();
    gi::httplib_transport transport(options);
    for (const std::string host : {"127.0.0.1", "localhost"}) {
      auto answer = transport.send(get(server.url("/secure", host)), {});
      REQUIRE(answer);
      CHECK(answer->body == "over tls");
    }
    CHECK(transport.idle_connections() == 2);
  }
  SUBCASE("a CA that did not sign the certificate: tls_error, nothing sent") {
    auto options = quick_options();
    options.ca_file = stranger.ca_file();
    gi::httplib_transport transport(options);
    auto answer = transport.send(with_key(post(server.url("/secure"), "{}")), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::tls_error);
    CHECK(gi::request_never_sent(answer.error()));
    CHECK(arrived.value() == 0);
  }
  SUBCASE("the system CAs do not know a test CA either (verification is on by default)") {
    gi::httplib_transport transport(quick_options());
    auto answer = transport.send(get(server.url("/secure")), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == gi::errc::tls_error);
  }
  SUBCASE("verification can be turned off explicitly") {
    auto options = quick_options();
    options.verify_tls = false;
    gi::httplib_transport transport(options);
    CHECK(transport.send(get(server.url("/secure")), {}));
  }
  SUBCASE("https never redirects to plain http") {
    auto options = quick_options();
    options.ca_file = pki.ca_file();
    gi::httplib_transport transport(options);
    auto answer = transport.send(get(server.url("/downgrade")), {});
    REQUIRE_FALSE(answer);
    CHECK(answer.error().wire_code == "maybe_sent:redirect_downgrade");
  }
}

TEST_CASE("httplib_transport: an http request goes through the configured proxy") {
  request_log log;
  loopback_server proxy;
  proxy->Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    log.add(req);
    res.set_content("via proxy", "text/plain");
  });
  proxy.start();
  auto options = quick_options();
  options.proxy_host = "127.0.0.1";
  options.proxy_port = proxy.port();
  options.proxy_user = "user";
  options.proxy_password = "PROXYSECRET";
  gi::httplib_transport transport(options);

  auto answer = transport.send(get("http://127.0.0.1:9/v1/tasks/abc"), {});
  REQUIRE(answer);
  CHECK(answer->body == "via proxy");
  REQUIRE(log.size() == 1);
  CHECK(log.all()[0].target == "http://127.0.0.1:9/v1/tasks/abc");  // absolute form
  CHECK(log.all()[0].proxy_authorization ==
        "Basic dXNlcjpQUk9YWVNFQ1JFVA==");  // base64("user:PROXYSECRET")
}

namespace {
std::atomic<int> sigpipe_count{0};
extern "C" void count_sigpipe(int) {
  sigpipe_count.fetch_add(1);
}
}  // namespace

TEST_CASE("httplib_transport: a server that closes while the request is written") {
  // The listener accepts and closes at once: sending the 16 MB body fails. cpp-httplib checks
  // the socket before each write, so this usually ends without a SIGPIPE; the next test covers
  // the race it leaves open.
  test_support::raw_listener listener([](int fd) { ::close(fd); });
  struct sigaction counting {};
  struct sigaction previous {};
  counting.sa_handler = count_sigpipe;
  sigemptyset(&counting.sa_mask);
  sigaction(SIGPIPE, &counting, &previous);
  sigpipe_count = 0;

  gi::httplib_transport transport(quick_options());
  auto answer =
      transport.send(post(listener.url("/v1/uploads/images"), std::string(16 << 20, 'x')), {});
  sigaction(SIGPIPE, &previous, nullptr);

  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::timeout);
  CHECK(answer.error().wire_code == "maybe_sent:write");
  CHECK_FALSE(gi::request_never_sent(answer.error()));
  CHECK(sigpipe_count.load() == 0);
}

TEST_CASE("httplib_transport: a SIGPIPE raised during a call never reaches the process") {
  // A write racing the peer's reset raises SIGPIPE on the writing thread, fatal by default. The
  // guard every call runs under blocks it and discards it; outside a guard it is delivered.
  struct sigaction counting {};
  struct sigaction previous {};
  counting.sa_handler = count_sigpipe;
  sigemptyset(&counting.sa_mask);
  sigaction(SIGPIPE, &counting, &previous);
  sigpipe_count = 0;
  {
    gi::detail::sigpipe_guard guard;
    ::raise(SIGPIPE);
  }
  const int inside = sigpipe_count.load();
  ::raise(SIGPIPE);
  const int outside = sigpipe_count.load();
  sigaction(SIGPIPE, &previous, nullptr);
  CHECK(inside == 0);
  CHECK(outside == 1);  // the handler works, so the first check could have failed
}

TEST_CASE("httplib_transport: concurrent calls from several threads") {
  std::atomic<int> handled{0};
  loopback_server server;
  server->Get("/status", [&](const httplib::Request&, httplib::Response& res) {
    handled.fetch_add(1);
    res.set_content(R"({"status":"in_progress"})", "application/json");
  });
  server.start();
  gi::httplib_transport transport(quick_options());
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i)
        if (transport.send(get(server.url("/status")), {})) ok.fetch_add(1);
    });
  for (auto& t : threads) t.join();
  CHECK(ok.load() == 40);
  CHECK(handled.load() == 40);
  CHECK(transport.idle_connections() <= 4);
}

TEST_CASE("httplib_transport: no error message contains the API key or the proxy password") {
  test_support::refused_port refused;
  loopback_server server;
  server->Get("/big", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(10000, 'x'), "text/plain");
  });
  server->Get("/loop", [](const httplib::Request&, httplib::Response& res) {
    res.set_redirect("/loop", 302);
  });
  server->Get("/slow", [&](const httplib::Request&, httplib::Response& res) {
    server.gate()->wait();
    res.set_content("late", "text/plain");
  });
  server.start();
  auto options = quick_options();
  options.max_body_bytes = 100;
  options.read_timeout = 200ms;
  gi::httplib_transport transport(options);
  auto proxied_options = options;
  proxied_options.proxy_host = "127.0.0.1";
  proxied_options.proxy_port = refused.port();
  proxied_options.proxy_user = "user";
  proxied_options.proxy_password = "PROXYSECRET";
  gi::httplib_transport proxied(proxied_options);
  test_support::test_pki pki;
  loopback_server tls(std::make_unique<httplib::SSLServer>(pki.server_cert(), pki.server_key()),
                      "https");
  tls->Get("/x", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("x", "text/plain");
  });
  tls.start();

  std::vector<gi::error> errors;
  auto collect = [&](gi::result<gi::http_response> answer) {
    REQUIRE_FALSE(answer);
    errors.push_back(answer.error());
  };
  collect(transport.send(
      with_key(get("http://127.0.0.1:" + std::to_string(refused.port()) + "/a?key=" + test_key)),
      {}));
  collect(transport.send(with_key(get(server.url("/big"))), {}));
  collect(transport.send(with_key(get(server.url("/loop"))), {}));
  collect(transport.send(with_key(get(server.url("/slow"))), {}));
  collect(transport.send(with_key(get("http://api.example.invalid/x")), {}));
  collect(
      transport.send(with_key(get(std::string("https://user:") + test_key + "@example.com/")), {}));
  collect(transport.send(with_key(get(tls.url("/x"))), {}));
  collect(proxied.send(with_key(get(server.url("/big"))), {}));
  gi::cancel_source source;
  source.cancel();
  gi::call_context cancelled;
  cancelled.cancel = source.token();
  collect(transport.send(with_key(get(server.url("/big"))), cancelled));
  REQUIRE(errors.size() == 9);
  for (const auto& e : errors) {
    CAPTURE(e.message);
    CHECK_FALSE(e.message.empty());
    CHECK(e.message.find("LEAKCHECK") == std::string::npos);
    CHECK(e.message.find("PROXYSECRET") == std::string::npos);
    CHECK(e.wire_code.find("LEAKCHECK") == std::string::npos);
  }
}
