// expect-error: gpt_image::checked_size: toapis offers only 1:1, 3:2 and 2:3 at 1K
// SPDX-License-Identifier: MIT
// The C++17 string form: "4:3" at "1K" on toapis.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "4:3", "1K");
#else
static_assert(GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "4:3", "2K") == gi::pixels{2048, 1536});
#endif
