// expect-error: gpt_image_size_openai_sides_must_be_multiples_of_16
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: 1000x1000 on openai.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::openai>("1000x1000");
#else
static_assert(gi::size<gi::provider::openai>("1008x1008") == gi::pixels{1008, 1008});
#endif
