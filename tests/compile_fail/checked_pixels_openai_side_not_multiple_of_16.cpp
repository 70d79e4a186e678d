// expect-error: gpt_image::checked_pixels: openai needs both sides to be multiples of 16
// SPDX-License-Identifier: MIT
// 1000 is not a multiple of 16; 1008 is.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::checked_pixels<gi::provider::openai, 1000, 1000>();
#else
static_assert(gi::checked_pixels<gi::provider::openai, 1008, 1008>() == gi::pixels{1008, 1008});
#endif
