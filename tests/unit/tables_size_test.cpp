// SPDX-License-Identifier: MIT
// The runtime escape hatch of the compile-time size checks (<gpt_image/size.hpp>): sizes from
// configuration text answered with result<pixels>, and messages that name the nearest valid size.

#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <string>

namespace {
namespace gi = gpt_image;
using gi::provider;
using gi::tier;
}  // namespace

TEST_CASE("size: checked_size at run time, from values and from text") {
  const gi::result<gi::pixels> wide = gi::checked_size(provider::toapis, "16:9", "4K");
  REQUIRE(wide);
  CHECK(*wide == gi::pixels{3840, 2160});

  const auto square = gi::checked_size(provider::aivideoapi, "auto", "2k");
  REQUIRE(square);
  CHECK(*square == gi::pixels{2048, 2048});

  const auto from_values = gi::checked_size(provider::openai, gi::aspect{3, 1}, tier::k1);
  REQUIRE(from_values);
  CHECK(*from_values == gi::pixels{1536, 512});

  const auto refused = gi::checked_size(provider::toapis, "4:3", "1K");
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == gi::errc::validation_failed);
  CHECK(refused.error().http_status == 0);
  CHECK(refused.error().message ==
        "4:3 is not offered at 1K by toapis; nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K "
        "(2048x1536)");
}

TEST_CASE("size: malformed text is refused with what would be valid") {
  const auto bad_ratio = gi::checked_size(provider::toapis, "16x9", "2K");
  REQUIRE_FALSE(bad_ratio);
  CHECK(bad_ratio.error().code == gi::errc::validation_failed);
  CHECK(bad_ratio.error().message ==
        "\"16x9\" is not a ratio: write two positive whole numbers such as 16:9, or auto");

  const auto bad_tier = gi::checked_size(provider::aivideoapi, "16:9", "8k");
  REQUIRE_FALSE(bad_tier);
  CHECK(bad_tier.error().message == "\"8k\" is not a tier: write 1K, 2K or 4K");

  const auto bad_pixels = gi::checked_pixels(provider::openai, "1024*1024");
  REQUIRE_FALSE(bad_pixels);
  CHECK(bad_pixels.error().message ==
        "\"1024*1024\" is not a pixel size: write two positive whole numbers joined by a lowercase "
        "x, such as 3840x2160");
}

TEST_CASE("size: checked_pixels follows the rule or the table") {
  CHECK(*gi::checked_pixels(provider::openai, "2880x2880") == gi::pixels{2880, 2880});
  CHECK(*gi::checked_pixels(provider::aivideoapi, "1881x836") == gi::pixels{1881, 836});
  CHECK(*gi::checked_pixels(provider::toapis, gi::pixels{1024, 1024}) == gi::pixels{1024, 1024});

  const auto off_grid = gi::checked_pixels(provider::openai, "1000x1000");
  REQUIRE_FALSE(off_grid);
  CHECK(off_grid.error().message ==
        "1000x1000 is not a valid openai size: both sides must be multiples of 16 (1000 is not); "
        "nearest: 1008x1008");

  const auto not_in_table = gi::checked_pixels(provider::toapis, "2880x2880");
  REQUIRE_FALSE(not_in_table);
  CHECK(not_in_table.error().message ==
        "2880x2880 is not in the toapis size table; nearest: 1:1 at 2K (2048x2048)");
}
