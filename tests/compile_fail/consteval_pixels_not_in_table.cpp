// expect-error: gpt_image_size_these_pixels_are_not_in_the_providers_size_table
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: 1000x1000 is not in aivideoapi's table.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::aivideoapi>("1000x1000");
#else
static_assert(gi::size<gi::provider::aivideoapi>("1254x1254") == gi::pixels{1254, 1254});
#endif
