// expect-error: size_check<[^>]*toapis, 4, 3, [^>]*k1>::toapis_offers_this_ratio_at_1K
// SPDX-License-Identifier: MIT
// 4:3 is not offered at 1K by toapis (seed 001); 3:2 is. The diagnostic names provider, ratio
// and tier: size_check<provider::toapis, 4, 3, tier::k1>.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    gi::checked_size<gi::provider::toapis, 4, 3, gi::tier::k1>();
#else
static_assert(gi::checked_size<gi::provider::toapis, 3, 2, gi::tier::k1>() ==
              gi::pixels{1536, 1024});
#endif
