// SPDX-License-Identifier: MIT
#pragma once
// The zero-dependency entry point: every provider's constexpr tables (sizes, limits, prices, error
// taxonomy) and nothing else — only the standard library is pulled in. An engine that only wants
// compile-time size checks includes this header alone.

#include <gpt_image/tables/aivideoapi.hpp>
#include <gpt_image/tables/checked_size.hpp>
#include <gpt_image/tables/errc.hpp>
#include <gpt_image/tables/errors.hpp>
#include <gpt_image/tables/explain.hpp>
#include <gpt_image/tables/format.hpp>
#include <gpt_image/tables/limits.hpp>
#include <gpt_image/tables/nearest.hpp>
#include <gpt_image/tables/openai.hpp>
#include <gpt_image/tables/parse.hpp>
#include <gpt_image/tables/prices.hpp>
#include <gpt_image/tables/sizes.hpp>
#include <gpt_image/tables/toapis.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>
