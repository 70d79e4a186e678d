// basic_client over fake_transport: every flow, retry rule and key rule, with no real time passing
// (the client's sleep and clock are replaced by a manual clock that records each wait).
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace gi = gpt_image;
using namespace std::chrono_literals;

namespace {

// A clock that moves only when the client sleeps; it starts at the real time so that deadlines
// handed to a transport are never in the past.
struct manual_clock {
  struct state {
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    std::chrono::milliseconds offset{0};
    std::vector<std::chrono::milliseconds> sleeps;
    gi::cancel_source* cancel_on_first_sleep = nullptr;
  };
  std::shared_ptr<state> s = std::make_shared<state>();

  gi::client_options options() const {
    gi::client_options o;
    auto st = s;
    o.sleep = [st](std::chrono::milliseconds d, const gi::cancel_token&) {
      st->sleeps.push_back(d);
      st->offset += d;
      if (st->cancel_on_first_sleep != nullptr) st->cancel_on_first_sleep->cancel();
    };
    o.now = [st] { return st->start + st->offset; };
    o.seed = 42;
    o.multipart_boundary = "test-boundary";
    return o;
  }
};

constexpr const char* key = "sk-test-SECRET-key-0123456789";
const std::string png_bytes = std::string("\x89PNG\r\n\x1a\n", 8) + "image-body";

gi::image_request lighthouse() {
  gi::image_request r;
  r.prompt = "a lighthouse at dawn";
  return r;
}

std::string authorization_of(const gi::http_request& r) {
  return std::string(gi::find_header(r.headers, "authorization"));
}

// ToAPIs shapes (seed 001 and PROVIDERS.md §2).
const char* toapis_queued =
    R"({"id":"task_img_abc123def456","object":"generation.task","model":"gpt-image-2",)"
    R"("status":"queued","progress":0,"created_at":1703884800,"metadata":{}})";
const char* toapis_in_progress =
    R"({"id":"task_img_abc123def456","object":"generation.task","model":"gpt-image-2",)"
    R"("status":"in_progress","progress":50,"created_at":1703884800})";
const char* toapis_completed =
    R"({"id":"task_img_abc123def456","object":"generation.task","model":"gpt-image-2",)"
    R"("status":"completed","progress":100,"created_at":1703884800,"completed_at":1703884863,)"
    R"("result":{"type":"image","data":[{"url":"https://files.toapis.com/generated/x.png"}]}})";

struct toapis_fixture {
  manual_clock clock;
  gi::fake_transport fake;
  gi::basic_client<gi::fake_transport> client{gi::endpoint::toapis(key), fake, clock.options()};
};

}  // namespace

TEST_CASE("toapis: generate submits, polls at the documented pace and downloads without the key") {
  toapis_fixture f;
  f.fake.respond(200, toapis_queued)
      .respond(200, toapis_in_progress)
      .respond(200, toapis_completed)
      .respond(200, png_bytes);
  std::vector<gi::progress> seen;
  gi::call_options options;
  options.on_progress = [&](const gi::progress& p) { seen.push_back(p); };

  auto images = f.client.generate(lighthouse(), options);
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  REQUIRE(images->size() == 1);
  CHECK((*images)[0].bytes == png_bytes);
  CHECK((*images)[0].mime_type == "image/png");
  CHECK(images->task_id == "task_img_abc123def456");

  const auto calls = f.fake.calls();
  REQUIRE(calls.size() == 4);
  CHECK(calls[0].request.method == "POST");
  CHECK(calls[0].request.url == "https://toapis.com/v1/images/generations");
  CHECK(calls[1].request.url == "https://toapis.com/v1/images/generations/task_img_abc123def456");
  CHECK(calls[3].request.url == "https://files.toapis.com/generated/x.png");
  CHECK(authorization_of(calls[0].request) == std::string("Bearer ") + key);
  CHECK(authorization_of(calls[1].request) == std::string("Bearer ") + key);
  CHECK(authorization_of(calls[3].request).empty());  // the CDN never sees the key

  // PROVIDERS.md §2: wait 5 s before the first poll, then every 5-10 s.
  REQUIRE(f.clock.s->sleeps.size() == 2);
  CHECK(f.clock.s->sleeps[0] >= 5000ms);
  CHECK(f.clock.s->sleeps[0] <= 10000ms);
  CHECK(f.clock.s->sleeps[1] >= 5000ms);
  CHECK(f.clock.s->sleeps[1] <= 10000ms);

  bool saw_half = false, saw_download = false;
  for (const auto& p : seen) {
    if (p.stage == gi::stage::waiting && p.percent == 50) saw_half = true;
    if (p.stage == gi::stage::downloading && p.bytes == png_bytes.size()) saw_download = true;
  }
  CHECK(saw_half);
  CHECK(saw_download);
}

TEST_CASE("a create is retried when the connection was refused: it never arrived") {
  toapis_fixture f;
  f.fake.fail(gi::fake_transport::connect_refused()).respond(200, toapis_queued);
  auto t = f.client.submit(lighthouse());
  REQUIRE(t);
  CHECK(t->id == "task_img_abc123def456");
  CHECK(f.fake.count("POST") == 2);
  REQUIRE(f.clock.s->sleeps.size() == 1);
  CHECK(f.clock.s->sleeps[0] >= 750ms);  // 1 s with jitter
  CHECK(f.clock.s->sleeps[0] <= 1250ms);
}

TEST_CASE("a create refused with 429 waits for Retry-After, then is sent again") {
  toapis_fixture f;
  f.fake
      .respond(
          429,
          R"({"error":{"code":"rate_limit_exceeded","message":"Async task request rate exceeded"}})",
          {{"Retry-After", "7"}})
      .respond(200, toapis_queued);
  auto t = f.client.submit(lighthouse());
  REQUIRE(t);
  CHECK(f.fake.count("POST") == 2);
  REQUIRE(f.clock.s->sleeps.size() == 1);
  CHECK(f.clock.s->sleeps[0] >= 7000ms);
}

TEST_CASE("a Retry-After given as an HTTP-date is waited for") {
  toapis_fixture f;
  // 30 s from now, as an IMF-fixdate.
  const std::time_t later = std::time(nullptr) + 30;
  char date[64];
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", std::gmtime(&later));
  f.fake
      .respond(503, R"({"error":{"code":"upstream_error","message":"busy"}})",
               {{"Retry-After", date}})
      .respond(200, toapis_queued);
  REQUIRE(f.client.submit(lighthouse()));
  REQUIRE(f.clock.s->sleeps.size() == 1);
  CHECK(f.clock.s->sleeps[0] >= 28000ms);  // whole seconds, and the clock moved on a little
  CHECK(f.clock.s->sleeps[0] <= 40000ms);
}

TEST_CASE("a create refused with 503 is sent again") {
  toapis_fixture f;
  f.fake.respond(503, R"({"error":{"code":"rate_limit_unavailable","message":"limiter down"}})")
      .respond(200, toapis_queued);
  CHECK(f.client.submit(lighthouse()));
  CHECK(f.fake.count("POST") == 2);
}

TEST_CASE("a create whose answer was lost is outcome_unknown and is never sent twice") {
  SUBCASE("connection dropped after sending") {
    toapis_fixture f;
    f.fake.fail(gi::fake_transport::dropped_after_send()).respond(200, toapis_queued);
    auto t = f.client.submit(lighthouse());
    REQUIRE_FALSE(t);
    CHECK(t.error().code == gi::errc::outcome_unknown);
    CHECK(t.error().message.find("not sent again") != std::string::npos);
    CHECK(f.fake.count("POST") == 1);
  }
  SUBCASE("read timeout") {
    toapis_fixture f;
    f.fake.fail(gi::fake_transport::read_timeout()).respond(200, toapis_queued);
    auto t = f.client.submit(lighthouse());
    REQUIRE_FALSE(t);
    CHECK(t.error().code == gi::errc::outcome_unknown);
    CHECK(f.fake.count("POST") == 1);
  }
  SUBCASE("a 500 is the server's answer, not a refusal: surfaced, not resent") {
    toapis_fixture f;
    f.fake
        .respond(500, R"({"error":{"code":"internal_error","message":"boom","type":"api_error"}})")
        .respond(200, toapis_queued);
    auto t = f.client.submit(lighthouse());
    REQUIRE_FALSE(t);
    CHECK(t.error().code == gi::errc::internal_error);
    CHECK(f.fake.count("POST") == 1);
  }
}

TEST_CASE("status queries are retried with backoff on 500 and on a dropped connection") {
  toapis_fixture f;
  f.fake.respond(500, R"({"error":{"code":"internal_error","message":"boom"}})")
      .fail(gi::fake_transport::dropped_after_send())
      .respond(200, toapis_completed);
  auto t = f.client.status("task_img_abc123def456");
  REQUIRE(t);
  CHECK(t->state == gi::task_state::completed);
  CHECK(f.fake.count("GET") == 3);
  REQUIRE(f.clock.s->sleeps.size() == 2);
  CHECK(f.clock.s->sleeps[1] > f.clock.s->sleeps[0]);  // exponential: ~1 s, then ~2 s
}

TEST_CASE("Retry-After as an HTTP-date is honoured") {
  const auto now = std::chrono::system_clock::time_point(std::chrono::seconds(784111777));
  // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 (RFC 9110's example date).
  CHECK(gi::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT") == 784111777);
  CHECK(gi::parse_retry_after("Sun, 06 Nov 1994 08:49:47 GMT", now) ==
        std::chrono::milliseconds(10000));
  CHECK(gi::parse_retry_after("Sun, 06 Nov 1994 08:49:27 GMT", now) ==
        std::chrono::milliseconds(0));
  CHECK(gi::parse_retry_after("120", now) == std::chrono::milliseconds(120000));
  CHECK_FALSE(gi::parse_retry_after("soon", now));
  CHECK_FALSE(gi::parse_retry_after("Sun, 06 Nov 1994 08:49:37 UTC", now));
  CHECK_FALSE(gi::parse_retry_after("-1", now));
}

TEST_CASE("a failed task surfaces its error and task id") {
  toapis_fixture f;
  f.fake.respond(200, toapis_queued)
      .respond(
          200,
          R"({"id":"task_img_abc123def456","object":"generation.task","status":"failed",)"
          R"("progress":0,"error":{"code":"generation_failed","message":"call upstream API failed"}})");
  auto images = f.client.generate(lighthouse());
  REQUIRE_FALSE(images);
  CHECK(images.error().code == gi::errc::task_failed);
  CHECK(images.error().request_id == "task_img_abc123def456");
  CHECK(images.error().message.find("call upstream API failed") != std::string::npos);
}

TEST_CASE("a task that never finishes ends at the deadline, with the task id to resume") {
  toapis_fixture f;
  f.fake.on_request([](const gi::http_request&, const gi::call_context&) {
    gi::http_response r;
    r.status = 200;
    r.body = toapis_in_progress;
    return gi::result<gi::http_response>(r);
  });
  f.fake.respond(200, toapis_queued);
  gi::call_options options;
  options.deadline = 60s;
  auto images = f.client.generate(lighthouse(), options);
  REQUIRE_FALSE(images);
  CHECK(images.error().code == gi::errc::deadline_exceeded);
  CHECK(images.error().request_id == "task_img_abc123def456");
  CHECK(f.fake.count("POST") == 1);
  CHECK(f.fake.count("GET") >= 4);  // 60 s at 5-10 s per poll
  CHECK(f.fake.count("GET") <= 12);
}

TEST_CASE("cancellation stops the wait") {
  toapis_fixture f;
  gi::cancel_source cancel;
  f.clock.s->cancel_on_first_sleep = &cancel;
  f.fake.respond(200, toapis_queued).respond(200, toapis_in_progress);
  gi::call_options options;
  options.cancel = cancel.token();
  auto images = f.client.generate(lighthouse(), options);
  REQUIRE_FALSE(images);
  CHECK(images.error().code == gi::errc::cancelled);
  CHECK(f.fake.count("GET") == 0);
}

TEST_CASE("the API key never appears in any error the client returns") {
  const std::vector<std::pair<int, std::string>> answers = {
      {401, std::string(R"({"error":{"code":401,"message":"key )") + key +
                R"( is not valid","type":"authentication_error"}})"},
      {400, std::string(R"({"error":{"code":"invalid_request","message":"bad )") + key + R"("}})"},
      {200, std::string("<html>") + key + "</html>"},
      {502, std::string("Bad gateway ") + key},
  };
  for (const auto& [status, body] : answers) {
    toapis_fixture f;
    f.fake.on_request(
        [status = status, body = body](const gi::http_request&, const gi::call_context&) {
          gi::http_response r;
          r.status = status;
          r.body = body;
          return gi::result<gi::http_response>(r);
        });
    auto submitted = f.client.submit(lighthouse());
    REQUIRE_FALSE(submitted);
    CHECK(submitted.error().message.find(key) == std::string::npos);
    CHECK(submitted.error().wire_code.find(key) == std::string::npos);
    auto status_result = f.client.status("task_1");
    REQUIRE_FALSE(status_result);
    CHECK(status_result.error().message.find(key) == std::string::npos);
  }
  // Transport failures, and the refusal to use plain http.
  toapis_fixture f;
  f.fake.fail(gi::fake_transport::dropped_after_send());
  auto lost = f.client.submit(lighthouse());
  REQUIRE_FALSE(lost);
  CHECK(lost.error().message.find(key) == std::string::npos);
}

TEST_CASE("the key is never sent over plain http to a host that is not loopback") {
  gi::fake_transport fake;
  gi::endpoint e = gi::endpoint::toapis(key);
  e.base_url = "http://toapis.com";
  gi::basic_client<gi::fake_transport> client{e, fake, manual_clock{}.options()};
  auto t = client.submit(lighthouse());
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::validation_failed);
  CHECK(t.error().message.find("plain http") != std::string::npos);
  CHECK(t.error().message.find(key) == std::string::npos);
  CHECK(fake.count() == 0);

  gi::endpoint loopback = gi::endpoint::toapis(key);
  loopback.base_url = "http://127.0.0.1:8080";
  gi::basic_client<gi::fake_transport> local{loopback, fake, manual_clock{}.options()};
  fake.respond(200, toapis_queued);
  REQUIRE(local.submit(lighthouse()));
  CHECK(fake.calls()[0].request.url == "http://127.0.0.1:8080/v1/images/generations");
}

TEST_CASE("validation happens before anything is sent") {
  toapis_fixture f;
  gi::image_request r = lighthouse();
  r.prompt.clear();
  auto t = f.client.submit(r);
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::validation_failed);
  CHECK(f.fake.count() == 0);
}

TEST_CASE("aivideoapi: create envelope, /v1/tasks polling, output.urls") {
  manual_clock clock;
  gi::fake_transport fake;
  gi::basic_client<gi::fake_transport> client{gi::endpoint::aivideoapi(key), fake, clock.options()};
  // Seed 004's examples.
  fake.respond(
          200,
          R"({"code":200,"msg":"success","data":{"taskId":"397ce9f2-c04e-4244-ac33-3af19a7cc297"}})")
      .respond(
          200,
          R"({"id":"397ce9f2-c04e-4244-ac33-3af19a7cc297","status":"processing","model":"gpt-image-2","created_at":1775383908,"progress":null})")
      .respond(
          200,
          R"({"id":"397ce9f2-c04e-4244-ac33-3af19a7cc297","status":"completed","model":"gpt-image-2","created_at":1775383908,"completed_at":1775383910,"output":{"urls":["https://file.aivideoapi.ai/images/2026/04/05/abc123.png"],"metadata":{"model":"gpt-image-2-image-to-image","costTime":70}}})")
      .respond(200, png_bytes);
  auto images = client.generate(lighthouse());
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  CHECK((*images)[0].bytes == png_bytes);
  const auto calls = fake.calls();
  REQUIRE(calls.size() == 4);
  CHECK(calls[0].request.url == "https://api.aivideoapi.ai/v1/images/generations");
  CHECK(calls[1].request.url ==
        "https://api.aivideoapi.ai/v1/tasks/397ce9f2-c04e-4244-ac33-3af19a7cc297");
  CHECK(calls[3].request.url == "https://file.aivideoapi.ai/images/2026/04/05/abc123.png");
  CHECK(authorization_of(calls[3].request).empty());
}

TEST_CASE("aivideoapi: credits") {
  gi::fake_transport fake;
  gi::basic_client<gi::fake_transport> client{gi::endpoint::aivideoapi(key), fake,
                                              manual_clock{}.options()};
  fake.respond(
      200,
      R"({"code":200,"msg":"success","data":{"balance":9800,"total_purchased":10000,"total_consumed":200}})");
  auto c = client.credits();
  REQUIRE(c);
  CHECK(c->balance == 9800);
  CHECK(fake.calls()[0].request.url == "https://api.aivideoapi.ai/v1/credits");
}

TEST_CASE("aivideoapi: a local reference image is refused with what to do instead") {
  gi::fake_transport fake;
  gi::basic_client<gi::fake_transport> client{gi::endpoint::aivideoapi(key), fake,
                                              manual_clock{}.options()};
  gi::image_request r = lighthouse();
  r.reference_images.push_back(gi::reference_image::from_bytes(png_bytes, "image/png"));
  auto t = client.submit(r);
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::unsupported);
  CHECK(t.error().message.find("URL") != std::string::npos);
  CHECK(fake.count() == 0);
}

TEST_CASE("toapis: a local reference file is uploaded first, then passed by URL") {
  const std::string path = "client_test_reference.png";
  {
    std::ofstream out(path, std::ios::binary);
    out << png_bytes;
  }
  toapis_fixture f;
  f.fake
      .respond(
          200,
          R"({"success":true,"message":"","data":{"id":"upload_abc","url":"https://files.toapis.com/uploads/ref.png","mime_type":"image/png","size":18}})")
      .respond(200, toapis_queued);
  gi::image_request r = lighthouse();
  r.reference_images.push_back(gi::reference_image::from_file(path));
  auto t = f.client.submit(r);
  std::remove(path.c_str());
  REQUIRE_MESSAGE(t, (t ? "" : t.error().message));
  const auto calls = f.fake.calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[0].request.url == "https://toapis.com/v1/uploads/images");
  CHECK(calls[0].request.body.find("image-body") != std::string::npos);
  CHECK(calls[1].request.body.find("https://files.toapis.com/uploads/ref.png") !=
        std::string::npos);
}

TEST_CASE("a missing reference file is an io_error naming the file, and nothing is sent") {
  toapis_fixture f;
  gi::image_request r = lighthouse();
  r.reference_images.push_back(gi::reference_image::from_file("no/such/file.png"));
  auto t = f.client.submit(r);
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::io_error);
  CHECK(t.error().message.find("no/such/file.png") != std::string::npos);
  CHECK(f.fake.count() == 0);
}

TEST_CASE("openai: the synchronous answer's b64_json becomes the image bytes") {
  gi::fake_transport fake;
  gi::basic_client<gi::fake_transport> client{gi::endpoint::openai(key), fake,
                                              manual_clock{}.options()};
  const std::string b64 = gi::base64_encode(png_bytes);
  fake.respond(
      200,
      R"({"created":1713833628,"data":[{"b64_json":")" + b64 +
          R"("}],"background":"opaque","output_format":"png","size":"1024x1024","quality":"high"})");
  auto images = client.generate(lighthouse());
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  REQUIRE(images->size() == 1);
  CHECK((*images)[0].bytes == png_bytes);
  CHECK(fake.count() == 1);
  CHECK(fake.calls()[0].request.url == "https://api.openai.com/v1/images/generations");
  CHECK(fake.calls()[0].download);          // decoded while the body arrived, never held whole
  CHECK((*images)[0].source.data.empty());  // the bytes are in `bytes`, not twice
}

TEST_CASE("download retries a dropped transfer and starts the body over") {
  toapis_fixture f;
  f.fake.fail(gi::fake_transport::dropped_after_send()).respond(200, png_bytes);
  auto bytes = f.client.download("https://files.toapis.com/generated/x.png");
  REQUIRE(bytes);
  CHECK(*bytes == png_bytes);
  CHECK(f.fake.count("GET") == 2);
}

TEST_CASE("download_to_file writes the file whole, or not at all") {
  toapis_fixture f;
  const std::string path = "client_test_download.png";
  f.fake.respond(200, png_bytes).respond(404, R"({"error":{"code":"not_found","message":"gone"}})");
  auto written = f.client.download_to_file("https://files.toapis.com/generated/x.png", path);
  REQUIRE(written);
  CHECK(*written == png_bytes.size());
  {
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(content == png_bytes);
  }
  std::remove(path.c_str());
  auto missing = f.client.download_to_file("https://files.toapis.com/generated/y.png", path);
  REQUIRE_FALSE(missing);
  CHECK_FALSE(std::ifstream(path).good());
  CHECK_FALSE(std::ifstream(path + ".part").good());
}
