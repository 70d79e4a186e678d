// expect-error: gpt_image_size_the_tier_must_be_1K_2K_or_4K
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: "5K" is not a tier.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::aivideoapi>("16:9", "5K");
#else
static_assert(gi::size<gi::provider::aivideoapi>("16:9", "4k") == gi::pixels{3840, 2160});
#endif
