// expect-error: gpt_image::checked_pixels: openai allows at most 8294400 pixels
// SPDX-License-Identifier: MIT
// 3840x2176 has more pixels than 3840x2160.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::checked_pixels<gi::provider::openai, 3840, 2176>();
#else
static_assert(gi::checked_pixels<gi::provider::openai, 3840, 2160>() == gi::pixels{3840, 2160});
#endif
