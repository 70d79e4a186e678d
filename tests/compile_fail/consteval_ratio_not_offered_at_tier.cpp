// expect-error: gpt_image_size_toapis_offers_only_1_1_and_3_2_and_2_3_at_1K
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: "4:3" at "1K" on toapis.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::toapis>("4:3", "1K");
#else
static_assert(gi::size<gi::provider::toapis>("3:2", "1K") == gi::pixels{1536, 1024});
#endif
