// expect-error: gpt_image_size_openai_long_side_must_be_at_most_3_times_the_short_side
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: 3200x1024 on openai.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::openai>("3200x1024");
#else
static_assert(gi::size<gi::provider::openai>("3072x1024") == gi::pixels{3072, 1024});
#endif
