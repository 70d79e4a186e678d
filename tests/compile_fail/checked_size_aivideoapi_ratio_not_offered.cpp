// expect-error: gpt_image::checked_size: aivideoapi offers 1:1, 3:2, 2:3
// SPDX-License-Identifier: MIT
// 7:5 is none of aivideoapi's fifteen ratios (seed 004).

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::aivideoapi, 7, 5, gi::tier::k2>();
#else
static_assert(gi::checked_size<gi::provider::aivideoapi, 3, 1, gi::tier::k2>() ==
              gi::pixels{3072, 1024});
#endif
