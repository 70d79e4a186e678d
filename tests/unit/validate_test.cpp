// validate(request, provider): one test per rule. Limits are the seeds' (OpenAI/ToAPIs prompt
// 32,000 characters, aivideoapi 20,000; n 1-10; 16 reference images; the size tables).
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <string>

namespace gi = gpt_image;
using gi::provider;

namespace {
gi::image_request basic() {
  gi::image_request request;
  request.prompt = "a lighthouse at dusk";
  return request;
}

// The message of a failed validation; fails the test when validation passed.
std::string failure(const gi::image_request& request, provider p,
                    gi::errc expected = gi::errc::validation_failed) {
  auto r = gi::validate(request, p);
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == expected);
  return r.error().message;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// `count` copies of a UTF-8 sequence.
std::string repeat(const std::string& unit, std::size_t count) {
  std::string out;
  out.reserve(unit.size() * count);
  for (std::size_t i = 0; i < count; ++i) out += unit;
  return out;
}

const provider all[] = {provider::openai, provider::toapis, provider::aivideoapi};
}  // namespace

TEST_CASE("validate: a plain request passes on every provider") {
  for (provider p : all) {
    CAPTURE(gi::to_string(p));
    CHECK(gi::validate(basic(), p).has_value());
  }
}

TEST_CASE("validate: an empty model") {
  auto request = basic();
  request.model.clear();
  CHECK(contains(failure(request, provider::openai), "\"gpt-image-2\""));
}

TEST_CASE("validate: an empty prompt") {
  auto request = basic();
  request.prompt.clear();
  CHECK(failure(request, provider::openai) ==
        "prompt is empty; openai requires a prompt of 1 to 32000 characters");
  CHECK(contains(failure(request, provider::toapis), "1 to 32000 characters"));
  // aivideoapi: "At least one of prompt or image_urls must be provided" (seed 004).
  CHECK(contains(failure(request, provider::aivideoapi), "or at least one reference image"));
  request.reference_images = {gi::reference_image::from_url("https://example.com/a.png")};
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
}

TEST_CASE("validate: an over-long prompt, counted in code points") {
  auto request = basic();
  request.prompt = std::string(32000, 'a');
  CHECK(gi::validate(request, provider::openai).has_value());
  CHECK(gi::validate(request, provider::toapis).has_value());
  request.prompt += 'a';
  CHECK(failure(request, provider::openai) ==
        "prompt has 32001 characters; openai accepts at most 32000 (counted as Unicode code "
        "points)");
  CHECK(contains(failure(request, provider::toapis), "at most 32000"));

  // 20,000 two-byte characters are 40,000 bytes but 20,000 characters: aivideoapi's maximum.
  request.prompt = repeat("\xC3\xA9", 20000);  // é
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
  request.prompt += "\xF0\x9F\x8C\x8A";  // one more (a four-byte emoji)
  CHECK(contains(failure(request, provider::aivideoapi),
                 "prompt has 20001 characters; aivideoapi accepts at most 20000"));
}

TEST_CASE("validate: a prompt that is not UTF-8") {
  for (const char* bad : {"\xFF", "caf\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80"}) {
    auto request = basic();
    request.prompt = bad;
    CHECK(failure(request, provider::openai) == "prompt is not valid UTF-8");
  }
}

TEST_CASE("validate: n out of range") {
  auto request = basic();
  request.n = 10;
  CHECK(gi::validate(request, provider::openai).has_value());
  request.n = 11;
  CHECK(failure(request, provider::openai) == "n = 11 is out of range; openai accepts 1 to 10");
  request.n = 0;
  CHECK(failure(request, provider::toapis) == "n = 0 is out of range; toapis accepts 1 to 10");
  request.n = 2;
  CHECK(contains(failure(request, provider::aivideoapi), "makes exactly 1 image per task"));
}

TEST_CASE("validate: a ratio and tier not in the provider's table, with the nearest choices") {
  auto request = basic();
  request.size = gi::image_size::ratio({4, 3}, gi::tier::k1);
  // Seed 001: at 1K ToAPIs offers 1:1, 3:2 (1536x1024), 2:3; 4:3 exists at 2K (2048x1536).
  CHECK(failure(request, provider::toapis) ==
        "4:3 is not offered at 1K by toapis; nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K "
        "(2048x1536)");
  // Seed 004: aivideoapi offers 4:3 at 1k (1024x768).
  CHECK(gi::validate(request, provider::aivideoapi).has_value());

  request.size = gi::image_size::ratio({1, 1}, gi::tier::k4);
  CHECK(contains(failure(request, provider::toapis), "1:1 is not offered at 4K by toapis"));
  request.size = gi::image_size::ratio({16, 9}, gi::tier::k4);
  CHECK(gi::validate(request, provider::toapis).has_value());
}

TEST_CASE("validate: a ratio without a tier is checked at the default tier (1K)") {
  auto request = basic();
  request.size = gi::image_size::ratio({16, 9});
  CHECK(contains(failure(request, provider::toapis), "16:9 is not offered at 1K by toapis"));
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
}

TEST_CASE("validate: explicit pixels not accepted, with the nearest") {
  auto request = basic();
  request.size = gi::image_size::exact({1000, 1000});
  const auto openai = failure(request, provider::openai);
  CHECK(contains(openai, "1000x1000 is not a valid openai size"));
  CHECK(contains(openai, "multiples of 16"));
  CHECK(contains(openai, "nearest"));
  CHECK(contains(failure(request, provider::toapis), "1000x1000 is not in the toapis size table"));

  // Seed 004 lists 1881x836 for aivideoapi's 3:1 at 1k (not a multiple of 16: C15).
  request.size = gi::image_size::exact({1881, 836});
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
  CHECK_FALSE(gi::validate(request, provider::openai).has_value());
  request.size = gi::image_size::exact({3840, 2160});
  CHECK(gi::validate(request, provider::openai).has_value());
}

TEST_CASE("validate: size auto where the provider does not offer it") {
  auto request = basic();
  request.size = gi::image_size::automatic();
  CHECK(contains(failure(request, provider::toapis), "toapis does not offer size auto"));
  CHECK(gi::validate(request, provider::openai).has_value());
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
}

TEST_CASE("validate: an unchecked size is the caller's business, but not empty") {
  auto request = basic();
  request.size = gi::image_size::unchecked("1024x1024");
  for (provider p : all) CHECK(gi::validate(request, p).has_value());
  request.size = gi::image_size::unchecked("");
  CHECK(contains(failure(request, provider::toapis), "must not be empty"));
}

TEST_CASE("validate: too many reference images") {
  auto request = basic();
  for (int i = 0; i < 16; ++i)
    request.reference_images.push_back(gi::reference_image::from_url("https://example.com/r.png"));
  for (provider p : all) CHECK(gi::validate(request, p).has_value());
  request.reference_images.push_back(gi::reference_image::from_url("https://example.com/r.png"));
  CHECK(failure(request, provider::aivideoapi) ==
        "there are 17 reference images; aivideoapi accepts at most 16");
}

TEST_CASE("validate: a base64 data URL where only URLs are taken") {
  auto request = basic();
  request.reference_images = {gi::reference_image::from_url("data:image/png;base64,iVBORw0KGgo=")};
  const auto toapis = failure(request, provider::toapis, gi::errc::invalid_reference_images);
  CHECK(contains(toapis,
                 "reference image 1 is a base64 data URL, but toapis takes only http(s) URLs"));
  CHECK(contains(toapis, "upload it first"));
  CHECK(contains(failure(request, provider::aivideoapi, gi::errc::invalid_reference_images),
                 "host the image"));
  // OpenAI's JSON edits accept data URLs.
  CHECK(gi::validate(request, provider::openai).has_value());
}

TEST_CASE("validate: a local path passed as a URL") {
  auto request = basic();
  request.reference_images = {gi::reference_image::from_url("/home/me/cat.png")};
  const auto toapis = failure(request, provider::toapis, gi::errc::invalid_reference_images);
  CHECK(contains(toapis, "'/home/me/cat.png' is not an http(s) URL"));
  CHECK(contains(toapis, "reference_image::from_file"));
  CHECK(contains(failure(request, provider::openai, gi::errc::invalid_reference_images),
                 "is not an http(s) URL"));
}

TEST_CASE("validate: local files and bytes need an upload endpoint or multipart") {
  auto request = basic();
  request.reference_images = {gi::reference_image::from_file("/home/me/cat.png")};
  CHECK(gi::validate(request, provider::toapis).has_value());  // the client uploads it
  CHECK(gi::validate(request, provider::openai).has_value());  // the client sends it (multipart)
  CHECK(contains(failure(request, provider::aivideoapi, gi::errc::invalid_reference_images),
                 "no upload endpoint"));
  request.reference_images = {gi::reference_image::from_bytes("")};
  CHECK(contains(failure(request, provider::toapis, gi::errc::invalid_reference_images),
                 "holds no bytes"));
}

TEST_CASE("validate: OpenAI edits cannot mix URLs and files") {
  auto request = basic();
  request.reference_images = {gi::reference_image::from_url("https://example.com/a.png"),
                              gi::reference_image::from_file("/tmp/b.png")};
  CHECK(
      contains(failure(request, provider::openai, gi::errc::invalid_reference_images), "not both"));
}

TEST_CASE("validate: OpenAI's JSON edits take only the standard sizes") {
  auto request = basic();
  request.reference_images = {gi::reference_image::from_url("https://example.com/a.png")};
  request.size = gi::image_size::exact({1536, 1024});
  CHECK(gi::validate(request, provider::openai).has_value());
  request.size = gi::image_size::exact({2048, 2048});
  CHECK(contains(failure(request, provider::openai),
                 "accept only the sizes auto, 1024x1024, 1536x1024 and 1024x1536"));
  request.reference_images = {gi::reference_image::from_bytes("png")};
  CHECK(gi::validate(request, provider::openai).has_value());  // multipart takes any valid size
}

TEST_CASE("validate: a mask without a reference image") {
  auto request = basic();
  request.mask = gi::reference_image::from_bytes("png");
  CHECK(contains(failure(request, provider::openai), "a mask needs a reference image"));
  request.reference_images = {gi::reference_image::from_bytes("png")};
  CHECK(gi::validate(request, provider::openai).has_value());
  request.reference_images = {gi::reference_image::from_url("https://example.com/a.png")};
  request.mask = gi::reference_image::from_url("https://example.com/m.png");
  CHECK(contains(failure(request, provider::aivideoapi), "aivideoapi has no mask option"));
}

TEST_CASE("validate: a transparent background with jpeg") {
  auto request = basic();
  request.background = gi::image_background::transparent;
  CHECK(gi::validate(request, provider::openai).has_value());  // png by default
  request.output_format = gi::image_format::jpeg;
  CHECK(failure(request, provider::openai) ==
        "a transparent background needs output_format png or webp, not jpeg");
  request.output_format = gi::image_format::webp;
  CHECK(gi::validate(request, provider::openai).has_value());
}

TEST_CASE("validate: compression with png") {
  auto request = basic();
  request.output_compression = 80;
  CHECK(contains(failure(request, provider::openai),
                 "output_compression applies to jpeg and webp only"));
  request.output_format = gi::image_format::png;
  CHECK(contains(failure(request, provider::toapis), "png is chosen"));
  request.output_format = gi::image_format::jpeg;
  CHECK(gi::validate(request, provider::openai).has_value());
  request.output_compression = 101;
  CHECK(failure(request, provider::openai) == "output_compression = 101 is out of range; 0 to 100");
}

TEST_CASE("validate: a callback URL that is not http(s)") {
  auto request = basic();
  request.callback_url = "ftp://example.com/hook";
  CHECK(contains(failure(request, provider::aivideoapi),
                 "callback_url 'ftp://example.com/hook' is not an http(s) URL"));
  request.callback_url = "https://your-server.com/webhook";
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
  CHECK(contains(failure(request, provider::openai), "openai has no callback_url"));
}

TEST_CASE("validate: options the provider does not have are refused, not dropped") {
  auto request = basic();
  request.quality = gi::image_quality::high;
  CHECK(contains(failure(request, provider::aivideoapi), "aivideoapi has no quality option"));
  CHECK(gi::validate(request, provider::toapis).has_value());

  request = basic();
  request.output_format = gi::image_format::webp;
  CHECK(contains(failure(request, provider::toapis), "webp is not offered"));

  request = basic();
  request.moderation = gi::moderation_level::low;
  CHECK(contains(failure(request, provider::toapis), "toapis has no moderation option"));
  CHECK(gi::validate(request, provider::openai).has_value());
  request.reference_images = {gi::reference_image::from_bytes("png")};
  CHECK(contains(failure(request, provider::openai), "multipart edits"));

  request = basic();
  request.nsfw_checker = false;
  CHECK(gi::validate(request, provider::aivideoapi).has_value());
  CHECK(contains(failure(request, provider::openai), "openai has no nsfw_checker option"));

  request = basic();
  request.response_format = gi::response_format::url;
  CHECK(gi::validate(request, provider::toapis).has_value());
  CHECK(contains(failure(request, provider::openai), "GPT image models always return b64_json"));
  CHECK(contains(failure(request, provider::aivideoapi), "aivideoapi has no response_format"));
  request.model = "dall-e-3";
  CHECK(gi::validate(request, provider::openai).has_value());
}
