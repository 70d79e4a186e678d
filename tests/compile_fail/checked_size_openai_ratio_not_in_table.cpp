// expect-error: gpt_image::checked_size: openai's ratio table has .* use
// checked_pixels<provider::openai, W, H> SPDX-License-Identifier: MIT OpenAI's ratio table has no
// 7:5; explicit pixels meeting the rule are the way.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::openai, 7, 5, gi::tier::k1>();
#else
static_assert(gi::checked_pixels<gi::provider::openai, 1120, 800>() == gi::pixels{1120, 800});
#endif
