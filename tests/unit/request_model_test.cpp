// request.hpp: the one request model — its defaults, the four forms of a size, reference images.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <string>

namespace gi = gpt_image;

TEST_CASE("image_request: defaults send nothing the caller did not ask for") {
  const gi::image_request request;
  CHECK(request.model == "gpt-image-2");
  CHECK(gi::default_model == "gpt-image-2");
  CHECK(request.prompt.empty());
  CHECK_FALSE(request.size.has_value());
  CHECK_FALSE(request.n.has_value());
  CHECK_FALSE(request.quality.has_value());
  CHECK_FALSE(request.output_format.has_value());
  CHECK_FALSE(request.output_compression.has_value());
  CHECK_FALSE(request.background.has_value());
  CHECK_FALSE(request.moderation.has_value());
  CHECK_FALSE(request.response_format.has_value());
  CHECK(request.reference_images.empty());
  CHECK_FALSE(request.mask.has_value());
  CHECK(request.callback_url.empty());
  CHECK_FALSE(request.nsfw_checker.has_value());
  CHECK(request.extra.empty());
}

TEST_CASE("image_request: the wire spellings of the options") {
  CHECK(gi::to_string(gi::image_quality::automatic) == "auto");
  CHECK(gi::to_string(gi::image_quality::low) == "low");
  CHECK(gi::to_string(gi::image_quality::medium) == "medium");
  CHECK(gi::to_string(gi::image_quality::high) == "high");
  CHECK(gi::to_string(gi::image_format::png) == "png");
  CHECK(gi::to_string(gi::image_format::jpeg) == "jpeg");
  CHECK(gi::to_string(gi::image_format::webp) == "webp");
  CHECK(gi::to_string(gi::image_background::automatic) == "auto");
  CHECK(gi::to_string(gi::image_background::transparent) == "transparent");
  CHECK(gi::to_string(gi::image_background::opaque) == "opaque");
  CHECK(gi::to_string(gi::moderation_level::automatic) == "auto");
  CHECK(gi::to_string(gi::moderation_level::low) == "low");
  CHECK(gi::to_string(gi::response_format::url) == "url");
  CHECK(gi::to_string(gi::response_format::b64_json) == "b64_json");
}

TEST_CASE("image_size: four forms") {
  const auto automatic = gi::image_size::automatic();
  CHECK(automatic.form() == gi::image_size::kind::automatic);
  CHECK(automatic.is_automatic());
  CHECK(gi::image_size() == automatic);

  const auto ratio = gi::image_size::ratio({16, 9}, gi::tier::k4);
  CHECK(ratio.form() == gi::image_size::kind::ratio);
  CHECK(ratio.aspect_ratio().w == 16);
  CHECK(ratio.aspect_ratio().h == 9);
  CHECK(ratio.tier() == gi::tier::k4);
  CHECK_FALSE(gi::image_size::ratio({16, 9}).tier().has_value());
  CHECK(ratio != gi::image_size::ratio({16, 9}));

  const auto exact = gi::image_size::exact({3840, 2160});
  CHECK(exact.form() == gi::image_size::kind::exact);
  CHECK(exact.pixels().width == 3840);
  CHECK(exact.pixels().height == 2160);

  const auto unchecked = gi::image_size::unchecked("1881x836");
  CHECK(unchecked.form() == gi::image_size::kind::unchecked);
  CHECK(unchecked.wire_value() == "1881x836");
  CHECK(unchecked != exact);
}

TEST_CASE("image_size: checked at compile time") {
  const auto size = gi::image_size::checked<gi::provider::toapis, 16, 9, gi::tier::k4>();
  CHECK(size == gi::image_size::ratio({16, 9}, gi::tier::k4));
}

TEST_CASE("parse_image_size: configuration text") {
  auto automatic = gi::parse_image_size("auto");
  REQUIRE(automatic.has_value());
  CHECK(automatic->is_automatic());

  auto ratio = gi::parse_image_size("16:9", "4K");
  REQUIRE(ratio.has_value());
  CHECK(*ratio == gi::image_size::ratio({16, 9}, gi::tier::k4));

  auto lower = gi::parse_image_size("3:2", "2k");
  REQUIRE(lower.has_value());
  CHECK(*lower == gi::image_size::ratio({3, 2}, gi::tier::k2));

  auto tierless = gi::parse_image_size("21:9");
  REQUIRE(tierless.has_value());
  CHECK(*tierless == gi::image_size::ratio({21, 9}));

  auto pixels = gi::parse_image_size("3840x2160");
  REQUIRE(pixels.has_value());
  CHECK(*pixels == gi::image_size::exact({3840, 2160}));
}

TEST_CASE("parse_image_size: errors say what would be valid") {
  auto bad_tier = gi::parse_image_size("16:9", "8K");
  REQUIRE_FALSE(bad_tier.has_value());
  CHECK(bad_tier.error().code == gi::errc::validation_failed);
  CHECK(bad_tier.error().message == "resolution '8K' is not a tier; valid: 1K, 2K, 4K");

  auto auto_with_tier = gi::parse_image_size("auto", "4K");
  REQUIRE_FALSE(auto_with_tier.has_value());
  CHECK(auto_with_tier.error().message.find("needs a ratio") != std::string::npos);

  auto pixels_with_tier = gi::parse_image_size("3840x2160", "4K");
  REQUIRE_FALSE(pixels_with_tier.has_value());
  CHECK(pixels_with_tier.error().message.find("already names the pixels") != std::string::npos);

  for (const char* text : {"wide", "", "16/9", "1024X1024", "16:0", "0x0"}) {
    CAPTURE(text);
    auto r = gi::parse_image_size(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().message.find("neither auto, a ratio such as 16:9, nor pixels") !=
          std::string::npos);
  }
}

TEST_CASE("reference_image: URL, file, bytes") {
  const auto url = gi::reference_image::from_url("https://example.com/a.png");
  CHECK(url.source == gi::reference_image::kind::url);
  CHECK(url.location == "https://example.com/a.png");
  CHECK(url.data.empty());

  const auto file = gi::reference_image::from_file("/tmp/a.png");
  CHECK(file.source == gi::reference_image::kind::file);
  CHECK(file.location == "/tmp/a.png");

  const auto bytes = gi::reference_image::from_bytes("PNGDATA", "image/png", "a.png");
  CHECK(bytes.source == gi::reference_image::kind::bytes);
  CHECK(bytes.data == "PNGDATA");
  CHECK(bytes.mime_type == "image/png");
  CHECK(bytes.filename == "a.png");
  CHECK(bytes.location.empty());
}

TEST_CASE(
    "parse_image_size: quoted config text cannot forge log lines (found by tables_parse_fuzz)") {
  auto r = gi::parse_image_size("16:9\nERROR fake", "4K\r\n");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().message ==
        "resolution '4K?"
        "?' is not a tier; valid: 1K, 2K, 4K");
  auto long_text = gi::parse_image_size(std::string(100, 'x'));
  REQUIRE_FALSE(long_text.has_value());
  CHECK(long_text.error().message == "size '" + std::string(60, 'x') +
                                         "...' is neither auto, a ratio such as 16:9, nor pixels "
                                         "such as 1024x1024");
}
