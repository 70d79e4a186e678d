// The aivideoapi dialect: encoded bodies against seed 004's curl examples, every aivideoapi
// example response of seed 004 and PROVIDERS.md §3 decoded from tests/data/aivideoapi/.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>
#include <support/fixtures.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace gi = gpt_image;
using test_support::fixture;
using test_support::json_of;
using test_support::ok;
namespace aivideoapi = gpt_image::providers::aivideoapi;

namespace {
nlohmann::json encoded_body(const gi::image_request& request) {
  auto encoded = aivideoapi::encode_create(request);
  REQUIRE_MESSAGE(encoded.has_value(), encoded.error().message);
  CHECK(encoded->method == "POST");
  CHECK(encoded->url == "https://api.aivideoapi.ai/v1/images/generations");
  CHECK(encoded->content_type == "application/json");
  return json_of(encoded->body);
}
}  // namespace

TEST_CASE("aivideoapi encode: seed 004 'Create Task', field for field") {
  gi::image_request request;
  request.callback_url = "https://your-server.com/webhook";
  request.prompt = "Turn this product photo into a clean studio shot on a white background";
  request.reference_images = {gi::reference_image::from_url("https://example.com/source.png")};
  request.size = gi::image_size::ratio({1, 1});
  request.nsfw_checker = true;
  CHECK(encoded_body(request) == json_of(R"({
"model": "gpt-image-2",
"callback_url": "https://your-server.com/webhook",
"input": {
"prompt": "Turn this product photo into a clean studio shot on a white background",
"image_urls": [
"https://example.com/source.png"
],
"aspect_ratio": "1:1",
"nsfw_checker": true
}
})"));
}

TEST_CASE("aivideoapi encode: seed 004 'Example: Text-to-Image'") {
  gi::image_request request;
  request.callback_url = "https://your-server.com/webhook";
  request.prompt = "A cinematic night city poster with neon reflections on a rainy street.";
  request.size = gi::image_size::ratio({16, 9});
  request.nsfw_checker = true;
  CHECK(encoded_body(request) == json_of(R"({
"model": "gpt-image-2",
"callback_url": "https://your-server.com/webhook",
"input": {
"prompt": "A cinematic night city poster with neon reflections on a rainy street.",
"aspect_ratio": "16:9",
"nsfw_checker": true
}
})"));
}

TEST_CASE("aivideoapi encode: seed 004 'Example: Image-to-Image'") {
  gi::image_request request;
  request.callback_url = "https://your-server.com/webhook";
  request.prompt = "Convert this room into a warm Scandinavian interior design render";
  request.reference_images = {gi::reference_image::from_url("https://example.com/room.jpg")};
  request.size = gi::image_size::ratio({3, 2});
  CHECK(encoded_body(request) == json_of(R"({
"model": "gpt-image-2",
"callback_url": "https://your-server.com/webhook",
"input": {
"prompt": "Convert this room into a warm Scandinavian interior design render",
"image_urls": [
"https://example.com/room.jpg"
],
"aspect_ratio": "3:2"
}
})"));
}

TEST_CASE("aivideoapi encode: seed 004 'Example: 4K Output'") {
  gi::image_request request;
  request.callback_url = "https://your-server.com/webhook";
  request.prompt = "An ancient castle under a starry sky, cinematic composition";
  request.size = gi::image_size::ratio({16, 9}, gi::tier::k4);
  CHECK(encoded_body(request) == json_of(R"({
"model": "gpt-image-2",
"callback_url": "https://your-server.com/webhook",
"input": {
"prompt": "An ancient castle under a starry sky, cinematic composition",
"aspect_ratio": "16:9",
"resolution": "4k"
}
})"));
}

TEST_CASE("aivideoapi encode: PROVIDERS.md §3's full envelope") {
  gi::image_request request;
  request.callback_url = "https://you/hook";
  request.prompt = "…";
  request.reference_images = {gi::reference_image::from_url("https://x/a.png")};
  request.size = gi::image_size::ratio({1, 1}, gi::tier::k1);
  request.nsfw_checker = true;
  CHECK(encoded_body(request) ==
        json_of(R"({"model":"gpt-image-2","callback_url":"https://you/hook",
 "input":{"prompt":"…","image_urls":["https://x/a.png"],"aspect_ratio":"1:1","resolution":"1k","nsfw_checker":true}})"));
}

TEST_CASE("aivideoapi encode: explicit pixels, auto, no prompt, extra fields") {
  gi::image_request request;
  SUBCASE("seed 004: an explicit pixel size from the table goes into aspect_ratio") {
    request.prompt = "wide";
    request.size = gi::image_size::exact({1881, 836});
    CHECK(encoded_body(request) == json_of(R"({"model":"gpt-image-2",
      "input":{"prompt":"wide","aspect_ratio":"1881x836","resolution":"1k"}})"));
  }
  SUBCASE("auto") {
    request.prompt = "p";
    request.size = gi::image_size::automatic();
    CHECK(encoded_body(request) ==
          json_of(R"({"model":"gpt-image-2","input":{"prompt":"p","aspect_ratio":"auto"}})"));
  }
  SUBCASE("image_urls without a prompt (seed 004: one of them suffices)") {
    request.reference_images = {gi::reference_image::from_url("https://example.com/a.png")};
    CHECK(encoded_body(request) == json_of(R"({"model":"gpt-image-2",
      "input":{"image_urls":["https://example.com/a.png"]}})"));
  }
  SUBCASE("extra fields land in input") {
    request.prompt = "p";
    request.extra["seed"] = 42;
    CHECK(encoded_body(request) ==
          json_of(R"({"model":"gpt-image-2","input":{"prompt":"p","seed":42}})"));
  }
}

TEST_CASE("aivideoapi encode: bytes and files are refused (no upload endpoint)") {
  gi::image_request request;
  request.prompt = "p";
  request.reference_images = {gi::reference_image::from_bytes("\x89PNG", "image/png")};
  auto encoded = aivideoapi::encode_create(request);
  REQUIRE_FALSE(encoded.has_value());
  CHECK(encoded.error().code == gi::errc::invalid_reference_images);
}

TEST_CASE("aivideoapi encode_status and encode_credits") {
  auto status = aivideoapi::encode_status("397ce9f2-c04e-4244-ac33-3af19a7cc297");
  CHECK(status.method == "GET");
  CHECK(status.url == "https://api.aivideoapi.ai/v1/tasks/397ce9f2-c04e-4244-ac33-3af19a7cc297");
  gi::encode_options local;
  local.base_url = "http://127.0.0.1:9000";
  CHECK(aivideoapi::encode_credits(local).url == "http://127.0.0.1:9000/v1/credits");
  CHECK(aivideoapi::encode_credits().method == "GET");
}

TEST_CASE("aivideoapi decode_create: seed 004's {code,msg,data:{taskId}}") {
  auto t = aivideoapi::decode_create(ok(fixture("aivideoapi/create_ok.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "397ce9f2-c04e-4244-ac33-3af19a7cc297");
  CHECK(t->state == gi::task_state::queued);
  CHECK(t->raw_status.empty());
  CHECK_FALSE(t->progress.has_value());

  auto t2 = aivideoapi::decode_create(ok(fixture("aivideoapi/create_ok_providers.json")));
  REQUIRE(t2.has_value());
  CHECK(t2->id == "cbf6b69d-4f03-4817-8ed7-94c0292184a8");
}

TEST_CASE("aivideoapi decode_create: a wrapper code other than 200 is an error") {
  auto r = aivideoapi::decode_create(ok(R"({"code":401,"msg":"invalid api key","data":null})"));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == gi::errc::authentication_failed);
  CHECK(r.error().wire_code == "401");
  CHECK(r.error().message.find("invalid api key") != std::string::npos);
}

TEST_CASE("aivideoapi decode_status: seed 004 completed, output.urls[]") {
  auto t = aivideoapi::decode_status(ok(fixture("aivideoapi/status_completed_seed.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "397ce9f2-c04e-4244-ac33-3af19a7cc297");
  CHECK(t->state == gi::task_state::completed);
  CHECK(t->raw_status == "completed");
  CHECK(t->model == "gpt-image-2");
  CHECK(t->created_at == 1775383908);
  CHECK(t->completed_at == 1775383910);
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].url == "https://file.aivideoapi.ai/images/2026/04/05/abc123.png");
}

TEST_CASE("aivideoapi decode_status: seed 004 failed, refunded upstream_error") {
  auto t = aivideoapi::decode_status(ok(fixture("aivideoapi/status_failed_seed.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "57c8772c-f834-46f3-9b7d-81f92e104050");
  CHECK(t->state == gi::task_state::failed);
  CHECK(t->outputs.empty());
  REQUIRE(t->failure.has_value());
  CHECK(t->failure->code == gi::errc::upstream_error);
  CHECK(t->failure->wire_code == "upstream_error");
  CHECK(t->failure->message ==
        "task 57c8772c-f834-46f3-9b7d-81f92e104050 failed (upstream_error): Generation failed");
}

TEST_CASE("aivideoapi decode_status: PROVIDERS.md §3 processing (progress null)") {
  auto t = aivideoapi::decode_status(ok(fixture("aivideoapi/status_processing.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "e717…");
  CHECK(t->state == gi::task_state::in_progress);
  CHECK(t->raw_status == "processing");
  CHECK_FALSE(t->progress.has_value());
  CHECK(t->created_at == 1774706165);
}

TEST_CASE("aivideoapi decode_status: PROVIDERS.md §3 completed and failed") {
  auto done = aivideoapi::decode_status(ok(fixture("aivideoapi/status_completed.json")));
  REQUIRE(done.has_value());
  CHECK(done->id == "7d89…");
  CHECK(done->state == gi::task_state::completed);
  CHECK(done->completed_at == 1774796529);
  REQUIRE(done->outputs.size() == 1);
  CHECK(done->outputs[0].url == "https://file.aivideoapi.ai/images/2026/…/x.png");

  auto failed = aivideoapi::decode_status(ok(fixture("aivideoapi/status_failed.json")));
  REQUIRE(failed.has_value());
  CHECK(failed->state == gi::task_state::failed);
  REQUIRE(failed->failure.has_value());
  CHECK(failed->failure->code == gi::errc::upstream_error);
  CHECK(failed->failure->message.find("…may contain sensitive information…") != std::string::npos);
}

TEST_CASE("aivideoapi errors: seed 004's envelopes") {
  auto credits = aivideoapi::decode_create(
      {402, {}, fixture("aivideoapi/error_402_insufficient_credits.json")});
  REQUIRE_FALSE(credits.has_value());
  CHECK(credits.error().code == gi::errc::insufficient_credits);
  CHECK(credits.error().http_status == 402);
  CHECK(credits.error().wire_code == "insufficient_credits");
  CHECK(credits.error().message ==
        "HTTP 402 insufficient_credits: Your credit balance is too low. Please top up.");

  auto invalid =
      aivideoapi::decode_create({400, {}, fixture("aivideoapi/error_400_invalid_request.json")});
  REQUIRE_FALSE(invalid.has_value());
  CHECK(invalid.error().code == gi::errc::invalid_request);
  CHECK(invalid.error().message == "HTTP 400 invalid_request: 'model' is required.");
}

TEST_CASE("aivideoapi decode_credits: PROVIDERS.md §3") {
  auto c = aivideoapi::decode_credits(ok(fixture("aivideoapi/credits.json")));
  REQUIRE(c.has_value());
  CHECK(c->balance == 9800);
  CHECK(c->total_purchased == 10000);
  CHECK(c->total_consumed == 200);

  auto fractional =
      aivideoapi::decode_credits(ok(R"({"code":200,"msg":"success","data":{"balance":9795.3}})"));
  REQUIRE(fractional.has_value());
  CHECK(fractional->balance == doctest::Approx(9795.3));
  CHECK_FALSE(fractional->total_purchased.has_value());

  auto missing = aivideoapi::decode_credits(ok(R"({"code":200,"msg":"success","data":{}})"));
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().code == gi::errc::malformed_response);
}
