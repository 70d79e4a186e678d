// expect-error: gpt_image::checked_size: a ratio is two positive numbers
// SPDX-License-Identifier: MIT
// 16:0 is not a ratio.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::toapis, 16, 0, gi::tier::k2>();
#else
static_assert(gi::checked_size<gi::provider::toapis, 16, 9, gi::tier::k2>() ==
              gi::pixels{2048, 1152});
#endif
