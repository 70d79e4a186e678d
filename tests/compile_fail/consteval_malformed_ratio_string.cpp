// expect-error: gpt_image_size_the_ratio_must_look_like_16_9_or_auto
// std: 20
// SPDX-License-Identifier: MIT
// C++20 consteval form: "16 :9" is not a ratio.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size = gi::size<gi::provider::aivideoapi>("16 :9", "2k");
#else
static_assert(gi::size<gi::provider::aivideoapi>("16:9", "2k") == gi::pixels{2048, 1152});
#endif
