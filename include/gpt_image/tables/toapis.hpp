// SPDX-License-Identifier: MIT
#pragma once
// ToAPIs' size matrix for gpt-image-2, exactly as seed 001 gives it ("Size Reference"), and the
// legacy pixel-string sizes of seeds 002/003 mapped onto it.
//
// The wire sends the ratio as `size` ("16:9") and the tier as `resolution` ("1K"). Cells are
// ordered by tier, then in the seed's row order, so each tier's choices are contiguous.

#include <gpt_image/tables/parse.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

// PROVIDERS.md C2/C3: the newer HEAD generation page lists 4:3 and the rest at 1K and all 13
// ratios at 4K (1:1 -> 2880x2880); this table follows seed 001 (1K: 3 ratios, 4K: the 6 wide ones
// only).
inline constexpr size_choice toapis_sizes[] = {
    // 1K: only 1:1, 3:2, 2:3.
    {{1, 1}, tier::k1, {1024, 1024}, std::nullopt},
    {{3, 2}, tier::k1, {1536, 1024}, std::nullopt},
    {{2, 3}, tier::k1, {1024, 1536}, std::nullopt},
    // 2K: all thirteen ratios.
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
    {{21, 9}, tier::k2, {2688, 1152}, std::nullopt},
    {{9, 21}, tier::k2, {1152, 2688}, std::nullopt},
    // 4K: only the six wide ratios.
    {{16, 9}, tier::k4, {3840, 2160}, std::nullopt},
    {{9, 16}, tier::k4, {2160, 3840}, std::nullopt},
    {{2, 1}, tier::k4, {3840, 1920}, std::nullopt},
    {{1, 2}, tier::k4, {1920, 3840}, std::nullopt},
    {{21, 9}, tier::k4, {3840, 1648}, std::nullopt},
    {{9, 21}, tier::k4, {1648, 3840}, std::nullopt},
};

// --- the legacy form (seeds 002/003, the oldest revision)
// ----------------------------------------- `size` was a pixel string ("1024x1024", "1536x1024",
// "1024x1536") and `resolution` one of 1024 / 1536 / 2048. No seed says how the two combine; we
// read `resolution` as the long edge of the output, which holds for the documented default
// (1024x1024 at 1024) and for every matrix cell of those three ratios (1K: 1024 or 1536, 2K:
// 2048), and maps each legacy pair onto exactly one cell or onto none — never onto a guess.

inline constexpr pixels toapis_legacy_sizes[] = {{1024, 1024}, {1536, 1024}, {1024, 1536}};
inline constexpr std::uint16_t toapis_legacy_resolutions[] = {1024, 1536, 2048};

// The matrix cell a legacy request means: the ratio of `size` at the tier whose long edge is
// `resolution` (or the tier of `size` itself when no resolution is given). std::nullopt when the
// size is not one of the three legacy strings or the pair has no cell (1024x1024 at 1536).
constexpr std::optional<size_choice> toapis_legacy_choice(
    pixels size, std::optional<std::uint16_t> resolution = std::nullopt) noexcept {
  const size_choice* base = nullptr;
  for (const size_choice& cell : toapis_sizes)
    if (cell.resolution == tier::k1 && cell.size == size) base = &cell;
  bool legacy = false;
  for (pixels p : toapis_legacy_sizes) legacy = legacy || p == size;
  if (!legacy || base == nullptr) return std::nullopt;
  if (!resolution) return *base;
  bool documented = false;
  for (std::uint16_t r : toapis_legacy_resolutions) documented = documented || r == *resolution;
  if (!documented) return std::nullopt;
  for (const size_choice& cell : toapis_sizes) {
    const std::uint16_t long_edge =
        cell.size.width > cell.size.height ? cell.size.width : cell.size.height;
    if (cell.ratio == base->ratio && long_edge == *resolution) return cell;
  }
  return std::nullopt;
}

// The same from the wire strings: `size` "1024x1024", `resolution` "2048" or empty.
constexpr std::optional<size_choice> toapis_legacy_choice(std::string_view size,
                                                          std::string_view resolution) noexcept {
  const auto p = parse_pixels(size);
  if (!p) return std::nullopt;
  if (resolution.empty()) return toapis_legacy_choice(*p);
  const auto r = detail::parse_positive_u16(resolution);
  if (!r) return std::nullopt;
  return toapis_legacy_choice(*p, *r);
}

GPT_IMAGE_END_NAMESPACE
