// SPDX-License-Identifier: MIT
#pragma once
// aivideoapi's size matrix for gpt-image-2, exactly as seed 004 gives it ("Size & Resolution"):
// fifteen ratios at each of 1k, 2k and 4k. Where a 1k cell lists two sizes ("1024×1024 /
// 1254×1254"), the first is what `resolve` answers and the second is kept as `alternate`; both are
// accepted as explicit pixel sizes, which aivideoapi takes in `aspect_ratio` ("1881x836").
// `auto` is treated as 1:1 (seed 004). Cells are ordered by tier, then in the seed's row order.

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <optional>

GPT_IMAGE_BEGIN_NAMESPACE

// PROVIDERS.md C17: an older revision offered 13 ratios and 4k only for the six wide ones; this
// table follows seed 004 (15 ratios, all at 4k).
inline constexpr size_choice aivideoapi_sizes[] = {
    // 1k
    {{1, 1}, tier::k1, {1024, 1024}, pixels{1254, 1254}},
    {{3, 2}, tier::k1, {1536, 1024}, std::nullopt},
    {{2, 3}, tier::k1, {1024, 1536}, std::nullopt},
    {{4, 3}, tier::k1, {1024, 768}, std::nullopt},
    {{3, 4}, tier::k1, {768, 1024}, std::nullopt},
    {{5, 4}, tier::k1, {1280, 1024}, pixels{1448, 1086}},
    {{4, 5}, tier::k1, {1024, 1280}, pixels{1122, 1402}},
    {{16, 9}, tier::k1, {1536, 864}, pixels{1672, 941}},
    {{9, 16}, tier::k1, {864, 1536}, pixels{941, 1672}},
    {{2, 1}, tier::k1, {2048, 1024}, pixels{1774, 887}},
    {{1, 2}, tier::k1, {1024, 2048}, pixels{887, 1774}},
    // PROVIDERS.md C15: 1881x836 and 887x1774 are really 2.25:1 and 1:2, not 3:1 and 1:3, and not
    // multiples of 16; kept as seed 004 lists them (887x1774 is also 1:2's alternate).
    {{3, 1}, tier::k1, {1881, 836}, pixels{1536, 512}},
    {{1, 3}, tier::k1, {887, 1774}, pixels{512, 1536}},
    {{21, 9}, tier::k1, {2016, 864}, pixels{1915, 821}},
    {{9, 21}, tier::k1, {864, 2016}, pixels{821, 1915}},
    // 2k
    {{1, 1}, tier::k2, {2048, 2048}, std::nullopt},
    {{3, 2}, tier::k2, {2048, 1360}, std::nullopt},
    {{2, 3}, tier::k2, {1360, 2048}, std::nullopt},
    {{4, 3}, tier::k2, {2048, 1536}, std::nullopt},
    {{3, 4}, tier::k2, {1536, 2048}, std::nullopt},
    {{5, 4}, tier::k2, {2560, 2048}, std::nullopt},
    {{4, 5}, tier::k2, {2048, 2560}, std::nullopt},
    {{16, 9}, tier::k2, {2048, 1152}, std::nullopt},
    {{9, 16}, tier::k2, {1152, 2048}, std::nullopt},
    {{2, 1}, tier::k2, {2688, 1344}, std::nullopt},
    {{1, 2}, tier::k2, {1344, 2688}, std::nullopt},
    {{3, 1}, tier::k2, {3072, 1024}, std::nullopt},
    {{1, 3}, tier::k2, {1024, 3072}, std::nullopt},
    {{21, 9}, tier::k2, {2688, 1152}, std::nullopt},
    {{9, 21}, tier::k2, {1152, 2688}, std::nullopt},
    // 4k
    {{1, 1}, tier::k4, {2880, 2880}, std::nullopt},
    {{3, 2}, tier::k4, {3520, 2336}, std::nullopt},
    {{2, 3}, tier::k4, {2336, 3520}, std::nullopt},
    {{4, 3}, tier::k4, {3312, 2480}, std::nullopt},
    {{3, 4}, tier::k4, {2480, 3312}, std::nullopt},
    {{5, 4}, tier::k4, {3216, 2576}, std::nullopt},
    {{4, 5}, tier::k4, {2576, 3216}, std::nullopt},
    {{16, 9}, tier::k4, {3840, 2160}, std::nullopt},
    {{9, 16}, tier::k4, {2160, 3840}, std::nullopt},
    {{2, 1}, tier::k4, {3840, 1920}, std::nullopt},
    {{1, 2}, tier::k4, {1920, 3840}, std::nullopt},
    {{3, 1}, tier::k4, {3840, 1280}, std::nullopt},
    {{1, 3}, tier::k4, {1280, 3840}, std::nullopt},
    {{21, 9}, tier::k4, {3840, 1648}, std::nullopt},
    {{9, 21}, tier::k4, {1648, 3840}, std::nullopt},
};

GPT_IMAGE_END_NAMESPACE
