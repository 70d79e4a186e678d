// expect-error: GPT_IMAGE_CHECKED_PIXELS: the size must be two positive whole numbers joined by a
// lowercase x SPDX-License-Identifier: MIT "1024*1024" is not a pixel size.

#include <gpt_image/tables.hpp>

namespace gi = gpt_image;

#ifdef GPT_IMAGE_COMPILE_FAIL
[[maybe_unused]] constexpr gi::pixels size =
    GPT_IMAGE_CHECKED_PIXELS(gi::provider::openai, "1024*1024");
#else
static_assert(GPT_IMAGE_CHECKED_PIXELS(gi::provider::openai, "1024x1024") ==
              gi::pixels{1024, 1024});
#endif
