// expect-error: gpt_image::checked_size: toapis offers only 16:9, 9:16, 2:1, 1:2, 21:9 and 9:21 at
// 4K SPDX-License-Identifier: MIT 1:1 at 4K: ToAPIs' newer HEAD page lists it, seed 001 does not
// (PROVIDERS.md C2).

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::toapis, 1, 1, gi::tier::k4>();
#else
static_assert(gi::checked_size<gi::provider::toapis, 16, 9, gi::tier::k4>() ==
              gi::pixels{3840, 2160});
#endif
