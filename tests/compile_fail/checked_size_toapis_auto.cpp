// expect-error: gpt_image::checked_size: toapis does not offer auto
// SPDX-License-Identifier: MIT
// 0, 0 means auto, which seed 001 does not offer; aivideoapi treats it as 1:1.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::toapis, 0, 0, gi::tier::k1>();
#else
static_assert(gi::checked_size<gi::provider::aivideoapi, 0, 0, gi::tier::k1>() ==
              gi::pixels{1024, 1024});
#endif
