// expect-error: gpt_image::checked_pixels: toapis accepts only the sizes of its table
// SPDX-License-Identifier: MIT
// 2880x2880 is in ToAPIs' HEAD table but not in seed 001's.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::checked_pixels<gi::provider::toapis, 2880, 2880>();
#else
static_assert(gi::checked_pixels<gi::provider::toapis, 2048, 2048>() == gi::pixels{2048, 2048});
#endif
