// SPDX-License-Identifier: MIT
#pragma once
// The zero-dependency entry point: every provider's constexpr tables (sizes, limits, prices, error
// taxonomy) and nothing else — only the standard library is pulled in. An engine that only wants
// compile-time size checks includes this header alone.

#include <gpt_image/version.hpp>
#include <gpt_image/tables/errc.hpp>
