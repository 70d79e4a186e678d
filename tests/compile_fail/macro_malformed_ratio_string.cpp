// expect-error: GPT_IMAGE_CHECKED_SIZE: the ratio must be two positive whole numbers such as 16:9
// SPDX-License-Identifier: MIT
// "16/9" is not a ratio; "16:9" is.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "16/9", "2K");
#else
static_assert(GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "16:9", "2K") == gi::pixels{2048, 1152});
#endif
