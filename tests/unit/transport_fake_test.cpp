// fake_transport: scripted answers, recorded requests, and the behaviour a client can rely on
// (cancellation, deadlines, size cap, downloads into a sink).
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace gi = gpt_image;

namespace {
gi::http_request post(std::string url, std::string body) {
  gi::http_request request;
  request.method = "POST";
  request.url = std::move(url);
  request.body = std::move(body);
  request.content_type = "application/json";
  request.headers = {{"Authorization", "Bearer sk-test"}, {"X-Trace", "1"}};
  return request;
}
gi::http_request get(std::string url) {
  gi::http_request request;
  request.url = std::move(url);
  return request;
}
}  // namespace

TEST_CASE("fake_transport: answers in script order and records every request") {
  gi::fake_transport fake;
  fake.respond(200, R"({"id":"task_1"})", {{"Content-Type", "application/json"}})
      .fail(gi::fake_transport::dropped_after_send())
      .respond(404, "missing");
  CHECK(fake.remaining() == 3);

  auto first = fake.send(post("https://api.toapis.com/v1/images/generations", R"({"p":1})"), {});
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(first->body == R"({"id":"task_1"})");
  CHECK(gi::find_header(first->headers, "content-type") == "application/json");

  auto second = fake.send(get("https://api.toapis.com/v1/images/generations/task_1"), {});
  REQUIRE_FALSE(second);
  CHECK(second.error().code == gi::errc::timeout);
  CHECK_FALSE(gi::request_never_sent(second.error()));

  auto third = fake.send(get("https://api.toapis.com/v1/images/generations/task_1"), {});
  REQUIRE(third);
  CHECK(third->status == 404);
  CHECK(fake.remaining() == 0);

  const auto calls = fake.calls();
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].request.method == "POST");
  CHECK(calls[0].request.body == R"({"p":1})");
  CHECK(calls[0].request.content_type == "application/json");
  CHECK(gi::find_header(calls[0].request.headers, "authorization") == "Bearer sk-test");
  CHECK_FALSE(calls[0].download);
  CHECK(calls[1].request.method == "GET");
  CHECK(fake.count() == 3);
  CHECK(fake.count("POST") == 1);
  CHECK(fake.count("GET") == 2);
  CHECK(fake.count("GET", "/task_1") == 2);
  CHECK(fake.count("GET", "/other") == 0);
}

TEST_CASE("fake_transport: copies share the script and the log") {
  gi::fake_transport fake;
  gi::fake_transport handed_to_client = fake;
  fake.respond(201, "created");
  auto answer = handed_to_client.send(get("http://127.0.0.1/x"), {});
  REQUIRE(answer);
  CHECK(answer->status == 201);
  CHECK(fake.count() == 1);
  fake.clear();
  CHECK(handed_to_client.count() == 0);
}

TEST_CASE("fake_transport: the handler answers once the queue is empty") {
  gi::fake_transport fake;
  int handled = 0;
  fake.respond(200, "queued first")
      .on_request([&](const gi::http_request& request, const gi::call_context&) {
        ++handled;
        gi::http_response response;
        response.status = 200;
        response.body = "echo " + request.url;
        return gi::result<gi::http_response>(response);
      });
  CHECK(fake.send(get("http://a/1"), {})->body == "queued first");
  CHECK(fake.send(get("http://a/2"), {})->body == "echo http://a/2");
  CHECK(handled == 1);
}

TEST_CASE("fake_transport: an exhausted script is a loud error that hides the query") {
  gi::fake_transport fake;
  auto answer = fake.send(get("https://cdn.example.com/img.png?signature=SECRET"), {});
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::internal_error);
  CHECK(answer.error().message.find("GET https://cdn.example.com/img.png") != std::string::npos);
  CHECK(answer.error().message.find("SECRET") == std::string::npos);
}

TEST_CASE("fake_transport: cancelled or expired calls are not sent and keep the script") {
  gi::fake_transport fake;
  fake.respond(200, "ok");

  gi::cancel_source source;
  source.cancel();
  gi::call_context cancelled;
  cancelled.cancel = source.token();
  auto a = fake.send(post("https://x/v1/images/generations", "{}"), cancelled);
  REQUIRE_FALSE(a);
  CHECK(a.error().code == gi::errc::cancelled);
  CHECK(gi::request_never_sent(a.error()));

  gi::call_context expired;
  expired.deadline = std::chrono::steady_clock::now() - std::chrono::seconds(1);
  auto b = fake.send(post("https://x/v1/images/generations", "{}"), expired);
  REQUIRE_FALSE(b);
  CHECK(b.error().code == gi::errc::deadline_exceeded);
  CHECK(gi::request_never_sent(b.error()));

  CHECK(fake.remaining() == 1);
  CHECK(fake.count("POST") == 0);  // nothing reached the "server"
  const auto calls = fake.calls();
  REQUIRE(calls.size() == 2);
  CHECK_FALSE(calls[0].sent);
  CHECK(calls[0].cancellable);
  CHECK(calls[1].had_deadline);
}

TEST_CASE("fake_transport: canned failures carry the right send_state") {
  CHECK(gi::request_never_sent(gi::fake_transport::connect_refused()));
  CHECK(gi::fake_transport::connect_refused().code == gi::errc::connection_failed);
  CHECK(gi::request_never_sent(gi::fake_transport::connect_timeout()));
  CHECK(gi::request_never_sent(gi::fake_transport::tls_failure()));
  CHECK(gi::fake_transport::tls_failure().code == gi::errc::tls_error);
  CHECK_FALSE(gi::request_never_sent(gi::fake_transport::dropped_after_send()));
  CHECK_FALSE(gi::request_never_sent(gi::fake_transport::read_timeout()));
  CHECK(gi::fake_transport::read_timeout().code == gi::errc::timeout);
}

TEST_CASE("fake_transport: download streams a 2xx body into the sink") {
  gi::fake_transport fake;
  fake.chunk_size(3).respond(200, "0123456789", {{"Content-Type", "image/png"}});
  std::vector<std::string> pieces;
  std::vector<std::size_t> progress;
  gi::call_context context;
  context.on_body_progress = [&](std::size_t received, std::size_t total) {
    progress.push_back(received);
    CHECK(total == 10);
  };
  auto answer = fake.download(get("https://cdn/x.png"), context, [&](const char* d, std::size_t n) {
    pieces.emplace_back(d, n);
    return true;
  });
  REQUIRE(answer);
  CHECK(answer->status == 200);
  CHECK(answer->body.empty());  // it went to the sink
  CHECK(gi::find_header(answer->headers, "Content-Type") == "image/png");
  CHECK(pieces == std::vector<std::string>{"012", "345", "678", "9"});
  CHECK(progress == std::vector<std::size_t>{0, 3, 6, 9, 10});  // "0 of 10" first
  CHECK(fake.calls().at(0).download);
}

TEST_CASE("fake_transport: download returns an error status with its body, sink untouched") {
  gi::fake_transport fake;
  fake.respond(403, "expired link");
  bool sink_called = false;
  auto answer = fake.download(get("https://cdn/x.png"), {}, [&](const char*, std::size_t) {
    sink_called = true;
    return true;
  });
  REQUIRE(answer);
  CHECK(answer->status == 403);
  CHECK(answer->body == "expired link");
  CHECK_FALSE(sink_called);
}

TEST_CASE("fake_transport: a sink returning false stops the download") {
  gi::fake_transport fake;
  fake.chunk_size(4).respond(200, "0123456789");
  int calls = 0;
  auto answer = fake.download(get("https://cdn/x.png"), {},
                              [&](const char*, std::size_t) { return ++calls < 2; });
  REQUIRE_FALSE(answer);
  CHECK(answer.error().code == gi::errc::cancelled);
  CHECK(answer.error().wire_code == "maybe_sent:sink_aborted");
  CHECK(calls == 2);
}

TEST_CASE("fake_transport: the body size cap applies, per transport and per call") {
  gi::fake_transport fake;
  fake.max_body_bytes(8).respond(200, "123456789").respond(200, "123456789");
  auto capped = fake.send(get("http://x/"), {});
  REQUIRE_FALSE(capped);
  CHECK(capped.error().code == gi::errc::response_too_large);
  gi::call_context roomy;
  roomy.max_body_bytes = 100;
  CHECK(fake.send(get("http://x/"), roomy));
}
