// expect-error: gpt_image_size_toapis_offers_only_16_9_9_16_2_1_1_2_21_9_9_21_at_4K
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: "1:1" at "4K" on toapis (seed 001).

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::toapis>("1:1", "4K");
#else
static_assert(gi::size<gi::provider::toapis>("1:1", "2K") == gi::pixels{2048, 2048});
#endif
