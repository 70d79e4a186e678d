// expect-error: GPT_IMAGE_CHECKED_SIZE: the tier must be 1K, 2K or 4K
// SPDX-License-Identifier: MIT
// "5K" is not a tier.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "16:9", "5K");
#else
static_assert(GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "16:9", "4k") == gi::pixels{3840, 2160});
#endif
