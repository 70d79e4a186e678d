// The ToAPIs dialect: encoded bodies against seeds 001/003, every ToAPIs example response of the
// seeds and PROVIDERS.md §2 decoded from tests/data/toapis/.
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
namespace toapis = gpt_image::providers::toapis;

TEST_CASE("toapis encode: seed 003's curl example, field for field") {
  gi::image_request request;
  request.prompt =
      "Generate a futuristic city night poster with neon lighting and cinematic composition";
  request.n = 1;
  request.size = gi::image_size::unchecked("1024x1024");  // the legacy pixel string, verbatim
  request.response_format = gi::response_format::b64_json;

  auto encoded = toapis::encode_create(request);
  REQUIRE(encoded.has_value());
  CHECK(encoded->method == "POST");
  CHECK(encoded->url == "https://toapis.com/v1/images/generations");
  CHECK(encoded->content_type == "application/json");
  CHECK(json_of(encoded->body) == json_of(R"({
    "model": "gpt-image-2",
    "prompt": "Generate a futuristic city night poster with neon lighting and cinematic composition",
    "n": 1,
    "size": "1024x1024",
    "response_format": "b64_json"
  })"));
}

TEST_CASE("toapis encode: a ratio and tier become size and resolution (seed 001)") {
  gi::image_request request;
  request.prompt = "a lighthouse";
  request.size = gi::image_size::ratio({16, 9}, gi::tier::k4);
  auto encoded = toapis::encode_create(request);
  REQUIRE(encoded.has_value());
  CHECK(json_of(encoded->body) ==
        json_of(
            R"({"model":"gpt-image-2","prompt":"a lighthouse","size":"16:9","resolution":"4K"})"));

  SUBCASE("without a tier no resolution is sent (the 1K default applies)") {
    request.size = gi::image_size::ratio({3, 2});
    auto plain = toapis::encode_create(request);
    REQUIRE(plain.has_value());
    CHECK(json_of(plain->body) ==
          json_of(R"({"model":"gpt-image-2","prompt":"a lighthouse","size":"3:2"})"));
  }
  SUBCASE("explicit pixels map onto their table cell: 1024x1536 is 2:3 at 1K") {
    request.size = gi::image_size::exact({1024, 1536});
    auto mapped = toapis::encode_create(request);
    REQUIRE(mapped.has_value());
    CHECK(json_of(mapped->body) == json_of(R"({"model":"gpt-image-2","prompt":"a lighthouse",
                                               "size":"2:3","resolution":"1K"})"));
  }
  SUBCASE("pixels outside the table are refused") {
    request.size = gi::image_size::exact({1000, 1000});
    auto refused = toapis::encode_create(request);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == gi::errc::validation_failed);
    CHECK(refused.error().message.find("1000x1000") != std::string::npos);
  }
}

TEST_CASE("toapis encode: reference images as URLs, options, extra fields, base URL") {
  gi::image_request request;
  request.prompt = "make it blue";
  request.reference_images = {gi::reference_image::from_url("https://example.com/a.png"),
                              gi::reference_image::from_url("https://example.com/b.png")};
  request.mask = gi::reference_image::from_url("https://example.com/mask.png");
  request.quality = gi::image_quality::high;
  request.output_format = gi::image_format::jpeg;
  request.output_compression = 80;
  request.callback_url = "https://hooks.example.com/toapis";
  request.extra["resolution"] = "2k";  // a caller's key wins over the library's
  request.extra["client_business_id"] = "order-17";
  gi::encode_options options;
  options.base_url = "http://127.0.0.1:8080/";
  auto encoded = toapis::encode_create(request, options);
  REQUIRE(encoded.has_value());
  CHECK(encoded->url == "http://127.0.0.1:8080/v1/images/generations");
  CHECK(json_of(encoded->body) == json_of(R"({
    "model": "gpt-image-2", "prompt": "make it blue",
    "reference_images": ["https://example.com/a.png", "https://example.com/b.png"],
    "mask_url": "https://example.com/mask.png",
    "quality": "high", "output_format": "jpeg", "output_compression": 80,
    "callback_url": "https://hooks.example.com/toapis",
    "resolution": "2k", "client_business_id": "order-17"})"));
}

TEST_CASE("toapis encode: local files and bytes must be uploaded first") {
  gi::image_request request;
  request.prompt = "x";
  request.reference_images = {gi::reference_image::from_file("/tmp/cat.png")};
  auto encoded = toapis::encode_create(request);
  REQUIRE_FALSE(encoded.has_value());
  CHECK(encoded.error().code == gi::errc::invalid_reference_images);
  CHECK(encoded.error().message.find("/v1/uploads/images") != std::string::npos);
}

TEST_CASE("toapis encode_status: GET with the id as one escaped path segment") {
  auto request = toapis::encode_status("task_img_abc123def456");
  CHECK(request.method == "GET");
  CHECK(request.url == "https://toapis.com/v1/images/generations/task_img_abc123def456");
  CHECK(request.body.empty());
  CHECK(toapis::encode_status("a/b?c=d#e").url ==
        "https://toapis.com/v1/images/generations/a%2Fb%3Fc%3Dd%23e");
}

TEST_CASE("toapis encode_upload: multipart with file and purpose, byte for byte") {
  const std::string png("\x89PNG\r\n\x1a\n-data", 13);
  gi::encode_options options;
  options.multipart_boundary = "XyZ";
  auto request = toapis::encode_upload(gi::reference_image::from_bytes(png), options);
  REQUIRE(request.has_value());
  CHECK(request->method == "POST");
  CHECK(request->url == "https://toapis.com/v1/uploads/images");
  CHECK(request->content_type == "multipart/form-data; boundary=XyZ");
  CHECK(request->body ==
        "--XyZ\r\n"
        "Content-Disposition: form-data; name=\"file\"; filename=\"image.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" +
            png +
            "\r\n"
            "--XyZ\r\n"
            "Content-Disposition: form-data; name=\"purpose\"\r\n\r\n"
            "generation\r\n"
            "--XyZ--\r\n");

  SUBCASE("a URL is not uploaded") {
    auto refused = toapis::encode_upload(gi::reference_image::from_url("https://x/y.png"));
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == gi::errc::validation_failed);
  }
}

TEST_CASE("toapis decode_create: seed 003's response") {
  auto t = toapis::decode_create(ok(fixture("toapis/create_queued.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "task_img_abc123def456");
  CHECK(t->state == gi::task_state::queued);
  CHECK(t->raw_status == "queued");
  CHECK(t->progress == 0);
  CHECK(t->model == "gpt-image-2");
  CHECK(t->created_at == 1703884800);
  CHECK(t->outputs.empty());
  CHECK_FALSE(t->failure.has_value());
  CHECK_FALSE(t->done());
}

TEST_CASE("toapis decode_create: PROVIDERS.md's submit response") {
  auto t = toapis::decode_create(ok(fixture("toapis/create_queued_providers.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "task_img_abc123");
  CHECK(t->state == gi::task_state::queued);
}

TEST_CASE("toapis decode_status: in progress") {
  auto t = toapis::decode_status(ok(fixture("toapis/status_in_progress.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "img_5b8b");
  CHECK(t->state == gi::task_state::in_progress);
  CHECK(t->raw_status == "in_progress");
  CHECK(t->progress == 50);
  CHECK(t->model == "m");
  CHECK(t->created_at == 1768381010);
}

TEST_CASE("toapis decode_status: completed, the URL in result.data[].url") {
  auto t = toapis::decode_status(ok(fixture("toapis/status_completed.json")));
  REQUIRE(t.has_value());
  CHECK(t->state == gi::task_state::completed);
  CHECK(t->done());
  CHECK(t->progress == 100);
  CHECK(t->completed_at == 1768381063);
  CHECK(t->expires_at == 1768467463);
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].url == "https://files.toapis.com/generated/x.jpg");
  CHECK(t->outputs[0].b64_json.empty());
}

TEST_CASE("toapis decode_status: the documented top-level url is read too, without duplicates") {
  // PROVIDERS.md C8: the field table names a top-level `url`; the example only result.data[].url.
  auto top_only = toapis::decode_status(
      ok(R"({"id":"t1","status":"completed","url":"https://files.toapis.com/a.png"})"));
  REQUIRE(top_only.has_value());
  REQUIRE(top_only->outputs.size() == 1);
  CHECK(top_only->outputs[0].url == "https://files.toapis.com/a.png");

  auto both = toapis::decode_status(
      ok(R"({"id":"t1","status":"completed","url":"https://files.toapis.com/a.png",
             "result":{"data":[{"url":"https://files.toapis.com/a.png"}]}})"));
  REQUIRE(both.has_value());
  CHECK(both->outputs.size() == 1);
}

TEST_CASE("toapis decode_status: failed, with the task's error") {
  auto t = toapis::decode_status(ok(fixture("toapis/status_failed.json")));
  REQUIRE(t.has_value());
  CHECK(t->id == "img_73c4");
  CHECK(t->state == gi::task_state::failed);
  CHECK(t->done());
  REQUIRE(t->failure.has_value());
  CHECK(t->failure->code == gi::errc::task_failed);
  CHECK(t->failure->wire_code == "generation_failed");
  CHECK(t->failure->http_status == 200);
  CHECK(t->failure->request_id == "img_73c4");
  CHECK(t->failure->message ==
        "task img_73c4 failed (generation_failed): call upstream API failed: upstream returned "
        "status 422");
}

TEST_CASE("toapis errors: integer and string codes, with and without type") {
  SUBCASE("404 with an integer code") {
    auto r = toapis::decode_status({404, {}, fixture("toapis/error_404_task_not_found.json")});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().http_status == 404);
    CHECK(r.error().wire_code == "404");
    CHECK(r.error().code == gi::errc::task_not_found);
    CHECK(r.error().message == "HTTP 404 404: Task not found");
  }
  SUBCASE("401 with an integer code") {
    auto r = toapis::decode_status({401, {}, fixture("toapis/error_401_authentication.json")});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::authentication_failed);
    CHECK(r.error().message.find("Authentication failed, please check your API key") !=
          std::string::npos);
  }
  SUBCASE("429 with a string code and Retry-After") {
    auto r = toapis::decode_create({429,
                                    {{"Retry-After", "7"}, {"X-Request-Id", "req-1"}},
                                    fixture("toapis/error_429_rate_limit.json")});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::rate_limit_exceeded);
    CHECK(r.error().wire_code == "rate_limit_exceeded");
    REQUIRE(r.error().retry_after.has_value());
    CHECK(r.error().retry_after->count() == 7000);
    CHECK(r.error().request_id == "req-1");
  }
  SUBCASE("503 while the rate limiter is down") {
    auto r = toapis::decode_create({503, {}, fixture("toapis/error_503_limiter_down.json")});
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().http_status == 503);
    CHECK(r.error().wire_code == "rate_limit_unavailable");
    CHECK(r.error().code == gi::errc::service_unavailable);
  }
}

TEST_CASE("toapis decode_upload: the uploaded image's URL") {
  auto u = toapis::decode_upload(ok(fixture("toapis/upload_ok.json")));
  REQUIRE(u.has_value());
  CHECK(u->id == "upload_abc");
  CHECK(u->url == "https://files.toapis.com/uploads/…");
  CHECK(u->mime_type == "image/jpeg");
  CHECK(u->size == 89234);
}

TEST_CASE("toapis decode_upload: {success:false} is an error, even with HTTP 200") {
  for (int status : {400, 200}) {
    CAPTURE(status);
    auto u = toapis::decode_upload({status, {}, fixture("toapis/upload_too_large.json")});
    REQUIRE_FALSE(u.has_value());
    CHECK(u.error().code == gi::errc::invalid_request);
    CHECK(u.error().message.find("Image too large. Maximum size is 10MB") != std::string::npos);
  }
  auto no_url = toapis::decode_upload(ok(R"({"success":true,"data":{"id":"u"}})"));
  REQUIRE_FALSE(no_url.has_value());
  CHECK(no_url.error().code == gi::errc::malformed_response);
}

TEST_CASE("toapis decode_status: b64_json results, when asked for with response_format") {
  // Seeds 001/003 offer response_format b64_json; the images then arrive in result.data[].
  auto t = toapis::decode_status(ok(
      R"({"id":"t1","status":"completed","result":{"data":[{"b64_json":"QUJD"},{"b64_json":"RE\/G"}]}})"));
  REQUIRE(t.has_value());
  REQUIRE(t->outputs.size() == 2);
  CHECK(t->outputs[0].b64_json == "QUJD");
  CHECK(t->outputs[1].b64_json == "RE/G");

  // A 4K image inline: megabytes of base64 are set aside, not parsed into a DOM.
  const std::string big(6u << 20, 'A');
  auto large = toapis::decode_status(
      ok(R"({"id":"t2","status":"completed","result":{"data":[{"b64_json":")" + big + R"("}]}})"));
  REQUIRE(large.has_value());
  REQUIRE(large->outputs.size() == 1);
  CHECK(large->outputs[0].b64_json.size() == big.size());

  auto bad = toapis::decode_status(
      ok(R"({"id":"t3","status":"completed","result":{"data":[{"b64_json":"not base64!"}]}})"));
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().code == gi::errc::malformed_response);
}
