// expect-error: gpt_image::checked_pixels: openai allows a long side of at most 3 times the short
// side SPDX-License-Identifier: MIT 3200x1024 is 3.125:1; 3072x1024 is exactly 3:1.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::checked_pixels<gi::provider::openai, 3200, 1024>();
#else
static_assert(gi::checked_pixels<gi::provider::openai, 3072, 1024>() == gi::pixels{3072, 1024});
#endif
