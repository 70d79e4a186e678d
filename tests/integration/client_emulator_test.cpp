// The client against the emulator over loopback: each dialect's flow and each fault kind. The
// client's waits are recorded instead of slept (the emulator's tasks finish on the first poll), so
// only real network time passes. Every PNG that comes back is measured against the seed tables.
#include <doctest/doctest.h>
#include <emulator.hpp>
#include <gpt_image/gpt_image.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace gi = gpt_image;
namespace emu = gpt_image_emulator;
using namespace std::chrono_literals;

namespace {

constexpr const char* key = "sk-emulator-integration-KEY-42";

struct recorded_sleeps {
  std::shared_ptr<std::vector<std::chrono::milliseconds>> waits =
      std::make_shared<std::vector<std::chrono::milliseconds>>();
  std::shared_ptr<std::chrono::milliseconds> offset =
      std::make_shared<std::chrono::milliseconds>(0);
};

struct fixture {
  emu::emulator server;
  recorded_sleeps sleeps;
  gi::client client;

  static emu::options emulator_options() {
    emu::options o;
    o.api_key = key;
    o.task_duration = 0ms;
    o.slow_body_duration = 300ms;
    return o;
  }

  static gi::client make_client(emu::emulator& server, emu::dialect d, gi::provider p,
                                const recorded_sleeps& sleeps, std::chrono::milliseconds poll) {
    const auto ports = server.start();
    REQUIRE_MESSAGE(ports, ports.error);
    gi::endpoint e;
    e.service = p;
    e.api_key = key;
    e.base_url = server.base_url(d);
    gi::client_options o;
    o.polling = gi::poll_policy{poll, poll, 0.0};
    o.seed = 7;
    auto waits = sleeps.waits;
    auto offset = sleeps.offset;
    o.sleep = [waits, offset](std::chrono::milliseconds d, const gi::cancel_token&) {
      waits->push_back(d);
      *offset += d;
    };
    const auto start = std::chrono::steady_clock::now();
    o.now = [start, offset] { return start + *offset; };
    return gi::client{e, gi::httplib_transport{}, o};
  }

  // `poll`: the recorded (not slept) wait between status polls.
  explicit fixture(gi::provider p, std::chrono::milliseconds poll = 0ms)
      : server(emulator_options()),
        client(make_client(server, *emu::parse_dialect(gi::to_string(p)), p, sleeps, poll)) {}
};

gi::image_request request_for(gi::aspect ratio, gi::tier t) {
  gi::image_request r;
  r.prompt = "a lighthouse at dawn";
  r.size = gi::image_size::ratio(ratio, t);
  return r;
}

void check_png(const gi::image& img, std::uint16_t width, std::uint16_t height) {
  CHECK(img.mime_type == "image/png");
  const auto px = gi::image_dimensions(img.bytes);
  REQUIRE(px.has_value());
  CHECK(px->width == width);
  CHECK(px->height == height);
}

}  // namespace

TEST_CASE("emulator: toapis generate returns PNGs of exactly the table's size") {
  fixture f(gi::provider::toapis);
  // Seed 001: 3:2 at 1K is 1536x1024; 21:9 at 2K is 2688x1152.
  auto images = f.client.generate(request_for({3, 2}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  REQUIRE(images->size() == 1);
  check_png((*images)[0], 1536, 1024);
  auto wide = f.client.generate(request_for({21, 9}, gi::tier::k2));
  REQUIRE_MESSAGE(wide, (wide ? "" : wide.error().message));
  check_png((*wide)[0], 2688, 1152);
  // The result URLs live on the files listener: the key never went there.
  CHECK(f.server.authorization_to_files() == 0);
  CHECK(f.server.tasks_created(emu::dialect::toapis) == 2);
}

TEST_CASE("emulator: toapis 16:9 at 4K is 3840x2160") {
  fixture f(gi::provider::toapis);
  auto images = f.client.generate(request_for({16, 9}, gi::tier::k4));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 3840, 2160);
}

TEST_CASE("emulator: aivideoapi generate, credits") {
  fixture f(gi::provider::aivideoapi);
  // Seed 004: 9:16 at 2k is 1152x2048; 3:1 at 4k is 3840x1280.
  auto images = f.client.generate(request_for({9, 16}, gi::tier::k2));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1152, 2048);
  auto third = f.client.generate(request_for({3, 1}, gi::tier::k4));
  REQUIRE_MESSAGE(third, (third ? "" : third.error().message));
  check_png((*third)[0], 3840, 1280);
  auto credits = f.client.credits();
  REQUIRE_MESSAGE(credits, (credits ? "" : credits.error().message));
  CHECK(credits->balance < 10000);  // two tasks were charged
  CHECK(f.server.authorization_to_files() == 0);
}

TEST_CASE("emulator: openai returns b64 images synchronously") {
  fixture f(gi::provider::openai);
  gi::image_request r;
  r.prompt = "a lighthouse at dawn";
  r.size = gi::image_size::exact({1536, 1024});
  r.n = 2;
  auto images = f.client.generate(r);
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  REQUIRE(images->size() == 2);
  check_png((*images)[0], 1536, 1024);
  check_png((*images)[1], 1536, 1024);
  CHECK(f.server.count(emu::request_kind::create) == 1);
}

TEST_CASE("emulator: a wrong key is authentication_failed, and the key is not in the message") {
  emu::emulator server(fixture::emulator_options());
  REQUIRE(server.start());
  gi::endpoint e = gi::endpoint::toapis("sk-wrong-key-0000000000");
  e.base_url = server.base_url(emu::dialect::toapis);
  gi::client client{e};
  auto t = client.submit(request_for({1, 1}, gi::tier::k1));
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::authentication_failed);
  CHECK(t.error().http_status == 401);
  CHECK(t.error().message.find("sk-wrong-key-0000000000") == std::string::npos);
}

TEST_CASE("emulator faults: a create refused with 429 is retried after Retry-After") {
  fixture f(gi::provider::toapis);
  f.server.inject(emu::fault_spec{emu::fault_kind::rate_limit, emu::fault_target::create, 1});
  auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1024, 1024);
  CHECK(f.server.count(emu::request_kind::create) == 2);
  CHECK(f.server.tasks_created() == 1);
  REQUIRE_FALSE(f.sleeps.waits->empty());
  CHECK(f.sleeps.waits->front() >= 1000ms);  // the emulator's Retry-After: 1
}

TEST_CASE("emulator faults: a create refused with 503 upstream_error is retried") {
  fixture f(gi::provider::aivideoapi);
  f.server.inject(emu::fault_spec{emu::fault_kind::upstream_503, emu::fault_target::create, 1});
  auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1024, 1024);
  CHECK(f.server.tasks_created() == 1);
}

TEST_CASE("emulator faults: a 500 on create is surfaced and not resent") {
  fixture f(gi::provider::toapis);
  f.server.inject(emu::fault_spec{emu::fault_kind::internal_500, emu::fault_target::create, 1});
  auto t = f.client.submit(request_for({1, 1}, gi::tier::k1));
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::internal_error);
  CHECK(f.server.count(emu::request_kind::create) == 1);
}

TEST_CASE("emulator faults: insufficient credits") {
  fixture f(gi::provider::aivideoapi);
  f.server.inject(
      emu::fault_spec{emu::fault_kind::insufficient_credits, emu::fault_target::create, 1});
  auto t = f.client.submit(request_for({1, 1}, gi::tier::k1));
  REQUIRE_FALSE(t);
  CHECK(t.error().code == gi::errc::insufficient_credits);
  CHECK(t.error().http_status == 402);
}

TEST_CASE("emulator faults: an accepted create whose response is lost is outcome_unknown, once") {
  for (gi::provider p : {gi::provider::toapis, gi::provider::aivideoapi, gi::provider::openai}) {
    CAPTURE(gi::to_string(p));
    fixture f(p);
    f.server.inject(emu::fault_spec{emu::fault_kind::lost_response, emu::fault_target::create, 1});
    auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
    REQUIRE_FALSE(images);
    CHECK(images.error().code == gi::errc::outcome_unknown);
    CHECK(f.server.count(emu::request_kind::create) == 1);  // exactly one create, never a second
  }
}

TEST_CASE("emulator faults: status queries survive a dropped body and a 503") {
  fixture f(gi::provider::toapis);
  f.server.inject(emu::fault_spec{emu::fault_kind::drop_mid_body, emu::fault_target::status, 1});
  f.server.inject(emu::fault_spec{emu::fault_kind::upstream_503, emu::fault_target::status, 1});
  auto images = f.client.generate(request_for({2, 3}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1024, 1536);
  CHECK(f.server.count(emu::request_kind::status) >= 3);
  CHECK(f.server.tasks_created() == 1);
}

TEST_CASE("emulator faults: a download dropped mid-body is retried") {
  fixture f(gi::provider::aivideoapi);
  f.server.inject(emu::fault_spec{emu::fault_kind::drop_mid_body, emu::fault_target::download, 1});
  auto images = f.client.generate(request_for({4, 3}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1024, 768);  // seed 004: 4:3 at 1k
  CHECK(f.server.count(emu::request_kind::download) == 2);
}

TEST_CASE("emulator faults: a slow body still arrives whole") {
  fixture f(gi::provider::toapis);
  f.server.inject(emu::fault_spec{emu::fault_kind::slow_body, emu::fault_target::download, 1});
  auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
  REQUIRE_MESSAGE(images, (images ? "" : images.error().message));
  check_png((*images)[0], 1024, 1024);
}

TEST_CASE("emulator faults: malformed JSON is malformed_response, never a silent success") {
  fixture f(gi::provider::toapis);
  f.server.inject(emu::fault_spec{emu::fault_kind::malformed_json, emu::fault_target::status, 1});
  auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
  REQUIRE_FALSE(images);
  CHECK(images.error().code == gi::errc::malformed_response);
}

TEST_CASE("emulator faults: a failed task surfaces its error with the task id") {
  // ToAPIs reports `generation_failed` (task_failed); aivideoapi reports `upstream_error`, which
  // the taxonomy keeps apart because aivideoapi refunds it (seed 004).
  const std::pair<gi::provider, gi::errc> cases[] = {
      {gi::provider::toapis, gi::errc::task_failed},
      {gi::provider::aivideoapi, gi::errc::upstream_error}};
  for (const auto& c : cases) {
    const gi::provider p = c.first;
    const gi::errc expected = c.second;
    CAPTURE(gi::to_string(p));
    fixture f(p);
    f.server.inject(emu::fault_spec{emu::fault_kind::task_fails, emu::fault_target::create, 1});
    auto images = f.client.generate(request_for({1, 1}, gi::tier::k1));
    REQUIRE_FALSE(images);
    CHECK(images.error().code == expected);
    CHECK_FALSE(images.error().request_id.empty());
    CHECK(images.error().message.find(images.error().request_id) != std::string::npos);
  }
}

TEST_CASE("emulator faults: a task that never finishes ends at the deadline") {
  fixture f(gi::provider::aivideoapi, 2000ms);
  f.server.inject(emu::fault_spec{emu::fault_kind::never_finishes, emu::fault_target::create, 1});
  gi::call_options options;
  options.deadline = 30s;
  auto images = f.client.generate(request_for({1, 1}, gi::tier::k1), options);
  REQUIRE_FALSE(images);
  CHECK(images.error().code == gi::errc::deadline_exceeded);
  CHECK(f.server.tasks_created() == 1);
  CHECK(f.server.count(emu::request_kind::status) >= 10);  // 30 s of 2 s polls, recorded time
}
