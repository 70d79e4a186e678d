// The OpenAI dialect: encoded bodies against the curl examples of OpenAI's spec (x-examples and
// x-paths of openai_images_schema.json), every OpenAI example response decoded, and the
// large-body path that never builds a DOM of the base64.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>
#include <support/fixtures.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace gi = gpt_image;
using test_support::fixture;
using test_support::json_of;
using test_support::ok;
namespace openai = gpt_image::providers::openai;

namespace {
// The red 1x1 PNG of the *_filled fixtures.
const std::string red_png_base64 =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4z8DwHwAFAAH/"
    "VscvDQAAAABJRU5ErkJggg==";

// (name, filename, content type, data) of each part of a multipart body — written here from
// RFC 7578, independently of the library's builder.
using part = std::tuple<std::string, std::string, std::string, std::string>;
std::vector<part> parse_multipart(const std::string& body, const std::string& boundary) {
  std::vector<part> parts;
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  REQUIRE(at == 0);
  while (true) {
    at += delimiter.size();
    if (body.compare(at, 4, "--\r\n") == 0) break;
    REQUIRE(body.compare(at, 2, "\r\n") == 0);
    at += 2;
    const std::size_t headers_end = body.find("\r\n\r\n", at);
    REQUIRE(headers_end != std::string::npos);
    const std::string headers = body.substr(at, headers_end - at);
    const std::size_t next = body.find("\r\n" + delimiter, headers_end + 4);
    REQUIRE(next != std::string::npos);
    auto quoted = [&](const std::string& key) {
      const std::size_t k = headers.find(key + "=\"");
      if (k == std::string::npos) return std::string();
      const std::size_t start = k + key.size() + 2;
      return headers.substr(start, headers.find('"', start) - start);
    };
    std::string type;
    if (const std::size_t t = headers.find("Content-Type: "); t != std::string::npos)
      type = headers.substr(t + 14);
    parts.emplace_back(quoted("; name"), quoted("filename"), type,
                       body.substr(headers_end + 4, next - headers_end - 4));
    at = next + 2;
  }
  return parts;
}
}  // namespace

TEST_CASE("openai encode: the 'Generate image' curl example, field for field") {
  gi::image_request request;
  request.model = "gpt-image-1.5";
  request.prompt = "A cute baby sea otter";
  request.n = 1;
  request.size = gi::image_size::exact({1024, 1024});
  auto encoded = openai::encode_create(request);
  REQUIRE(encoded.has_value());
  CHECK(encoded->method == "POST");
  CHECK(encoded->url == "https://api.openai.com/v1/images/generations");
  CHECK(encoded->content_type == "application/json");
  CHECK(json_of(encoded->body) == json_of(R"({
    "model": "gpt-image-1.5",
    "prompt": "A cute baby sea otter",
    "n": 1,
    "size": "1024x1024"
  })"));

  SUBCASE("the 'Streaming' example adds stream: true through extra") {
    request.extra["stream"] = true;
    auto streaming = openai::encode_create(request);
    REQUIRE(streaming.has_value());
    CHECK(json_of(streaming->body) == json_of(R"({
    "model": "gpt-image-1.5",
    "prompt": "A cute baby sea otter",
    "n": 1,
    "size": "1024x1024",
    "stream": true
  })"));
  }
}

TEST_CASE("openai encode: every option, a ratio at a tier, auto") {
  gi::image_request request;
  request.prompt = "a fox";
  request.size = gi::image_size::ratio({16, 9}, gi::tier::k4);
  request.n = 2;
  request.quality = gi::image_quality::high;
  request.output_format = gi::image_format::webp;
  request.output_compression = 60;
  request.background = gi::image_background::transparent;
  request.moderation = gi::moderation_level::low;
  auto encoded = openai::encode_create(request);
  REQUIRE(encoded.has_value());
  CHECK(json_of(encoded->body) == json_of(R"({"model":"gpt-image-2","prompt":"a fox","n":2,
    "size":"3840x2160","quality":"high","output_format":"webp","output_compression":60,
    "background":"transparent","moderation":"low"})"));

  request = {};
  request.prompt = "a fox";
  request.size = gi::image_size::automatic();
  auto automatic = openai::encode_create(request);
  REQUIRE(automatic.has_value());
  CHECK(json_of(automatic->body) ==
        json_of(R"({"model":"gpt-image-2","prompt":"a fox","size":"auto"})"));
}

TEST_CASE("openai encode: the 'Edit image' curl example as multipart, field for field") {
  // curl -F "model=gpt-image-1.5" -F "image[]=@body-lotion.png" -F "image[]=@bath-bomb.png"
  //      -F "image[]=@incense-kit.png" -F "image[]=@soap.png"
  //      -F 'prompt=Create a lovely gift basket with these four items in it'
  gi::image_request request;
  request.model = "gpt-image-1.5";
  request.prompt = "Create a lovely gift basket with these four items in it";
  const std::string png("\x89PNG\r\n\x1a\n", 8);
  for (const char* name : {"body-lotion.png", "bath-bomb.png", "incense-kit.png", "soap.png"})
    request.reference_images.push_back(
        gi::reference_image::from_bytes(png + name, "image/png", name));
  gi::encode_options options;
  options.multipart_boundary = "gpt-image-test-boundary";
  auto encoded = openai::encode_create(request, options);
  REQUIRE(encoded.has_value());
  CHECK(encoded->url == "https://api.openai.com/v1/images/edits");
  CHECK(encoded->content_type == "multipart/form-data; boundary=gpt-image-test-boundary");
  const std::vector<part> expected = {
      {"model", "", "", "gpt-image-1.5"},
      {"prompt", "", "", "Create a lovely gift basket with these four items in it"},
      {"image[]", "body-lotion.png", "image/png", png + "body-lotion.png"},
      {"image[]", "bath-bomb.png", "image/png", png + "bath-bomb.png"},
      {"image[]", "incense-kit.png", "image/png", png + "incense-kit.png"},
      {"image[]", "soap.png", "image/png", png + "soap.png"},
  };
  CHECK(parse_multipart(encoded->body, "gpt-image-test-boundary") == expected);
}

TEST_CASE("openai encode: x-paths' multipart_edit example with a mask") {
  gi::image_request request;
  request.model = "gpt-image-1.5";
  request.prompt = "Add a watercolor effect to this image";
  request.size = gi::image_size::exact({1024, 1024});
  request.quality = gi::image_quality::high;
  request.reference_images = {gi::reference_image::from_bytes(std::string("\xFF\xD8\xFF-jpeg", 7))};
  request.mask = gi::reference_image::from_bytes(std::string("\x89PNG\r\n\x1a\n-mask", 13));
  gi::encode_options options;
  options.multipart_boundary = "b";
  auto encoded = openai::encode_create(request, options);
  REQUIRE(encoded.has_value());
  const std::vector<part> expected = {
      {"model", "", "", "gpt-image-1.5"},
      {"prompt", "", "", "Add a watercolor effect to this image"},
      {"quality", "", "", "high"},
      {"size", "", "", "1024x1024"},
      // No filename or type given: sniffed from the bytes.
      {"image[]", "image1.jpg", "image/jpeg", std::string("\xFF\xD8\xFF-jpeg", 7)},
      {"mask", "mask.png", "image/png", std::string("\x89PNG\r\n\x1a\n-mask", 13)},
  };
  CHECK(parse_multipart(encoded->body, "b") == expected);
}

TEST_CASE("openai encode: x-paths' json_with_url example (references as URLs)") {
  gi::image_request request;
  request.model = "gpt-image-1.5";
  request.prompt = "Add a watercolor effect to this image";
  request.reference_images = {
      gi::reference_image::from_url("https://example.com/source-image.png")};
  request.size = gi::image_size::exact({1024, 1024});
  request.quality = gi::image_quality::high;
  auto encoded = openai::encode_create(request);
  REQUIRE(encoded.has_value());
  CHECK(encoded->url == "https://api.openai.com/v1/images/edits");
  CHECK(encoded->content_type == "application/json");
  CHECK(json_of(encoded->body) == json_of(R"({
          "model": "gpt-image-1.5",
          "prompt": "Add a watercolor effect to this image",
          "images": [
            {
              "image_url": "https://example.com/source-image.png"
            }
          ],
          "size": "1024x1024",
          "quality": "high"
        })"));

  SUBCASE("a URL mask becomes mask.image_url") {
    request.mask = gi::reference_image::from_url("https://example.com/mask.png");
    auto masked = openai::encode_create(request);
    REQUIRE(masked.has_value());
    CHECK(json_of(masked->body)["mask"] ==
          json_of(R"({"image_url":"https://example.com/mask.png"})"));
  }
}

TEST_CASE("openai encode: refusals") {
  gi::image_request request;
  request.prompt = "p";
  SUBCASE("a local file is loaded by the client first") {
    request.reference_images = {gi::reference_image::from_file("/home/me/cat\n.png")};
    auto r = openai::encode_create(request);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::invalid_reference_images);
    // Found by request_fuzz: the path is quoted without its control characters.
    CHECK(r.error().message.find("'/home/me/cat?.png' is a local file") != std::string::npos);
  }
  SUBCASE("URLs and bytes cannot be mixed") {
    request.reference_images = {gi::reference_image::from_url("https://x/a.png"),
                                gi::reference_image::from_bytes("b")};
    auto r = openai::encode_create(request);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::invalid_reference_images);
  }
  SUBCASE("multipart edits have no moderation field") {
    request.reference_images = {gi::reference_image::from_bytes("b")};
    request.moderation = gi::moderation_level::low;
    auto r = openai::encode_create(request);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::validation_failed);
  }
}

TEST_CASE("openai decode: PROVIDERS.md's response literally — \"...\" is not base64") {
  auto literal = openai::decode_create(ok(fixture("openai/images_response_providers.json")));
  REQUIRE_FALSE(literal.has_value());
  CHECK(literal.error().code == gi::errc::malformed_response);
  CHECK(literal.error().message.find("b64_json") != std::string::npos);
  CHECK(literal.error().message.find("{\"created\":1713833628") != std::string::npos);

  auto example = openai::decode_create(ok(fixture("openai/images_response_example.json")));
  REQUIRE_FALSE(example.has_value());
  CHECK(example.error().code == gi::errc::malformed_response);
}

TEST_CASE("openai decode: PROVIDERS.md's response with a real image") {
  gi::http_response response = ok(fixture("openai/images_response_providers_filled.json"));
  response.headers = {{"x-request-id", "req_123"}};
  auto t = openai::decode_create(response);
  REQUIRE(t.has_value());
  CHECK(t->id == "req_123");
  CHECK(t->state == gi::task_state::completed);
  CHECK(t->progress == 100);
  CHECK(t->created_at == 1713833628);
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].b64_json == red_png_base64);
  CHECK(t->outputs[0].url.empty());
  CHECK(t->background == "opaque");
  CHECK(t->output_format == "png");
  CHECK(t->size == "1024x1024");
  CHECK(t->quality == "high");
  REQUIRE(t->usage.has_value());
  CHECK(t->usage->input_tokens == 50);
  CHECK(t->usage->output_tokens == 50);
  CHECK(t->usage->total_tokens == 100);
  CHECK(t->usage->input_text_tokens == 10);
  CHECK(t->usage->input_image_tokens == 40);
}

TEST_CASE("openai decode: the spec's 'Generate image' response with a real image") {
  auto t = openai::decode_create(ok(fixture("openai/images_response_example_filled.json")));
  REQUIRE(t.has_value());
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].b64_json == red_png_base64);
  REQUIRE(t->usage.has_value());
  CHECK(t->usage->total_tokens == 100);
  CHECK(t->size.empty());
}

TEST_CASE("openai decode: a slash escaped as \\/ is unescaped") {
  auto t = openai::decode_create(ok(fixture("openai/images_response_escaped_slash.json")));
  REQUIRE(t.has_value());
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].b64_json == red_png_base64);
  CHECK(t->outputs[0].revised_prompt == "A red pixel");
}

TEST_CASE("openai decode: several images, and DALL-E's url form") {
  auto t = openai::decode_create(
      ok(R"({"created":1,"data":[{"b64_json":"QUJD"},{"b64_json":"REVG"}]})"));
  REQUIRE(t.has_value());
  REQUIRE(t->outputs.size() == 2);
  CHECK(t->outputs[0].b64_json == "QUJD");
  CHECK(t->outputs[1].b64_json == "REVG");

  auto u = openai::decode_create(
      ok(R"({"created":1,"data":[{"url":"https://oaidalle.example/x.png"}]})"));
  REQUIRE(u.has_value());
  CHECK(u->outputs[0].url == "https://oaidalle.example/x.png");
}

TEST_CASE("openai decode: the spec's streaming transcripts") {
  SUBCASE("literal: the placeholders are not base64") {
    for (const char* name : {"openai/stream_generation.txt", "openai/stream_edit.txt"}) {
      CAPTURE(name);
      auto r = openai::decode_create(ok(fixture(name)));
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == gi::errc::malformed_response);
    }
  }
  SUBCASE("filled: the completed event's image, not the partial one") {
    for (const char* name :
         {"openai/stream_generation_filled.txt", "openai/stream_edit_filled.txt"}) {
      CAPTURE(name);
      gi::http_response response = ok(fixture(name));
      response.headers = {{"Content-Type", "text/event-stream"}};
      auto t = openai::decode_create(response);
      REQUIRE(t.has_value());
      REQUIRE(t->outputs.size() == 1);
      CHECK(t->outputs[0].b64_json == red_png_base64);
      REQUIRE(t->usage.has_value());
      CHECK(t->usage->input_tokens == 50);
      CHECK(t->usage->input_image_tokens == 40);
    }
  }
  SUBCASE("a stream that ends before the completed event") {
    auto r =
        openai::decode_create(ok("event: image_generation.partial_image\n"
                                 "data: "
                                 "{\"type\":\"image_generation.partial_image\",\"b64_json\":"
                                 "\"QUJD\",\"partial_image_index\":0}\n\n"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::malformed_response);
  }
  SUBCASE("an error event") {
    auto r = openai::decode_create(
        ok("event: error\n"
           "data: "
           "{\"type\":\"error\",\"error\":{\"type\":\"image_generation_user_error\",\"code\":"
           "\"content_policy_violation\",\"message\":\"rejected\",\"param\":null}}\n\n"));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::content_policy_violation);
    CHECK(r.error().message.find("rejected") != std::string::npos);
  }
}

TEST_CASE("openai decode: PROVIDERS.md's error envelope (code null, type set)") {
  auto r = openai::decode_create(
      {400, {{"x-request-id", "req_9"}}, fixture("openai/error_invalid_size.json")});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == gi::errc::invalid_request);
  CHECK(r.error().http_status == 400);
  CHECK(r.error().wire_code == "invalid_request_error");
  CHECK(r.error().request_id == "req_9");
  CHECK(r.error().message == "HTTP 400 invalid_request_error: ...");
}

namespace {
// 24 MB of base64 text, about the size of a 4K PNG's b64_json.
std::string big_base64() {
  const std::string block = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string big;
  big.reserve(24u << 20);
  while (big.size() < (24u << 20)) big += block;
  big.replace(big.size() - 2, 2, "==");
  return big;
}
}  // namespace

TEST_CASE("openai decode: a 4K-sized body (24 MB of base64) without a DOM of the image") {
  const std::string big = big_base64();
  const std::string body = R"({"created":1713833628,"data":[{"b64_json":")" + big +
                           R"("}],"size":"3840x2160","quality":"high"})";
  auto t = openai::decode_create(ok(body));
  REQUIRE(t.has_value());
  REQUIRE(t->outputs.size() == 1);
  CHECK(t->outputs[0].b64_json.size() == big.size());
  CHECK(t->outputs[0].b64_json == big);
  CHECK(t->size == "3840x2160");

  // Truncated in the middle of the base64: no image, a short message.
  auto truncated = openai::decode_create(ok(body.substr(0, body.size() / 2)));
  REQUIRE_FALSE(truncated.has_value());
  CHECK(truncated.error().code == gi::errc::malformed_response);
  CHECK(truncated.error().message.size() < 400);
}

TEST_CASE("openai decode: megabytes of JSON that is not image data are refused, not parsed") {
  std::string numbers = R"({"created":1,"data":[{"b64_json":"QUJD"}],"junk":[)";
  for (int i = 0; i < 400000; ++i) numbers += "12345,";
  numbers += "0]}";
  auto r = openai::decode_create(ok(numbers));
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == gi::errc::malformed_response);
  CHECK(r.error().message.find("outside the image data") != std::string::npos);
}

TEST_CASE("openai decode: a success body without images is not a silent success") {
  for (const char* body : {R"({"created":1})", R"({"created":1,"data":[]})",
                           R"({"created":1,"data":[{"revised_prompt":"x"}]})",
                           R"({"created":1,"data":"QUJD"})", R"([{"b64_json":"QUJD"}])"}) {
    CAPTURE(body);
    auto r = openai::decode_create(ok(body));
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == gi::errc::malformed_response);
  }
}
