// SPDX-License-Identifier: MIT
#pragma once
// OpenAI's sizes for gpt-image-2: not a table but a rule (any WxH whose sides are multiples of 16,
// long side at most 3 times the short, 655,360 to 8,294,400 pixels, no edge over 3840), plus `auto`
// and the named presets 1024x1024, 1536x1024, 1024x1536.
//
// So that one request (a ratio at a tier) runs unchanged on every provider, OpenAI also gets a
// ratio x tier matrix: seed 004's cells, taking the first listed size that meets OpenAI's rule
// (3:1 and 1:3 at 1K therefore use 1536x512 and 512x1536). That every cell meets the rule is
// static_asserted by the tests (not here: each include would pay for it); any other size that
// meets the rule can still be sent explicitly.

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>
#include <optional>

GPT_IMAGE_BEGIN_NAMESPACE

// The numeric limits come from third parties (PROVIDERS.md "Size rule used by several gateways";
// C15): OpenAI's spec only says "%16, 1:3 to 3:1, maximum 3840x2160". We read that maximum as a
// pixel count, so 2880x2880 (= 3840x2160 pixels, neither edge longer) is accepted.
struct openai_size_rule {
  std::uint16_t edge_multiple;
  std::uint16_t max_edge;
  std::uint16_t max_long_to_short;
  std::uint32_t min_pixels;
  std::uint32_t max_pixels;
};
inline constexpr openai_size_rule openai_rule{16, 3840, 3, 655360, 8294400};

// What is wrong with a size under the rule, checked in this order.
enum class openai_size_issue : unsigned char {
  none,
  zero_side,            // a side is 0
  not_multiple_of_16,   // a side is not a multiple of 16
  edge_too_long,        // a side exceeds 3840
  ratio_beyond_3_to_1,  // the long side exceeds 3 times the short one
  too_few_pixels,       // fewer than 655,360 pixels
  too_many_pixels,      // more than 8,294,400 pixels
};

constexpr openai_size_issue check_openai_size(pixels p) noexcept {
  if (p.width == 0 || p.height == 0) return openai_size_issue::zero_side;
  if (p.width % openai_rule.edge_multiple != 0 || p.height % openai_rule.edge_multiple != 0)
    return openai_size_issue::not_multiple_of_16;
  if (p.width > openai_rule.max_edge || p.height > openai_rule.max_edge)
    return openai_size_issue::edge_too_long;
  const std::uint32_t long_side = p.width > p.height ? p.width : p.height;
  const std::uint32_t short_side = p.width > p.height ? p.height : p.width;
  if (long_side > short_side * openai_rule.max_long_to_short)
    return openai_size_issue::ratio_beyond_3_to_1;
  if (p.area() < openai_rule.min_pixels) return openai_size_issue::too_few_pixels;
  if (p.area() > openai_rule.max_pixels) return openai_size_issue::too_many_pixels;
  return openai_size_issue::none;
}

constexpr bool meets_openai_rule(pixels p) noexcept {
  return check_openai_size(p) == openai_size_issue::none;
}

// The named presets of OpenAI's `size` enum (besides "auto").
inline constexpr pixels openai_presets[] = {{1024, 1024}, {1536, 1024}, {1024, 1536}};

inline constexpr size_choice openai_sizes[] = {
    // 1K
    {{1, 1}, tier::k1, {1024, 1024}, std::nullopt},
    {{3, 2}, tier::k1, {1536, 1024}, std::nullopt},
    {{2, 3}, tier::k1, {1024, 1536}, std::nullopt},
    {{4, 3}, tier::k1, {1024, 768}, std::nullopt},
    {{3, 4}, tier::k1, {768, 1024}, std::nullopt},
    {{5, 4}, tier::k1, {1280, 1024}, std::nullopt},
    {{4, 5}, tier::k1, {1024, 1280}, std::nullopt},
    {{16, 9}, tier::k1, {1536, 864}, std::nullopt},
    {{9, 16}, tier::k1, {864, 1536}, std::nullopt},
    {{2, 1}, tier::k1, {2048, 1024}, std::nullopt},
    {{1, 2}, tier::k1, {1024, 2048}, std::nullopt},
    {{3, 1}, tier::k1, {1536, 512}, std::nullopt},
    {{1, 3}, tier::k1, {512, 1536}, std::nullopt},
    {{21, 9}, tier::k1, {2016, 864}, std::nullopt},
    {{9, 21}, tier::k1, {864, 2016}, std::nullopt},
    // 2K
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
    // 4K
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

namespace detail {
// The invariant of the matrix above (static_asserted in tests/unit/tables_static_test.cpp).
constexpr bool every_openai_cell_meets_the_rule() noexcept {
  for (const size_choice& cell : openai_sizes)
    if (!meets_openai_rule(cell.size)) return false;
  for (pixels p : openai_presets)
    if (!meets_openai_rule(p)) return false;
  return true;
}
}  // namespace detail

// The price tier of an explicit OpenAI size. Seed 000 prices OpenAI per tier ($0.22 / $0.50 /
// $1.30 for 1K / 2K / 4K) without saying where one tier ends, so:
//  - a size that is a cell of the matrix above has that cell's tier;
//  - any other size takes the tier whose reference area is nearest on a log scale: 1K =
//  1024x1024,
//    2K = 2048x2048, 4K = 3840x2160, i.e. up to 2,097,152 pixels (the geometric mean of the 1K
//    and 2K areas) is 1K, up to 5,898,240 (that of 2K and 4K) is 2K, anything larger 4K.
// Cost grows with output area, so the nearest area is the least surprising tier; the two rules
// agree on every cell but 3840x1280 and 1280x3840 (4.9 MP, listed as 4K), hence the cell rule
// first.
inline constexpr std::uint32_t openai_1k_max_pixels = 2097152;
inline constexpr std::uint32_t openai_2k_max_pixels = 5898240;

constexpr tier openai_price_tier(pixels p) noexcept {
  for (const size_choice& cell : openai_sizes)
    if (cell.size == p) return cell.resolution;
  if (p.area() <= openai_1k_max_pixels) return tier::k1;
  if (p.area() <= openai_2k_max_pixels) return tier::k2;
  return tier::k4;
}

namespace detail {
constexpr double sqrt_newton(double x) noexcept {
  if (x <= 0) return 0;
  double r = x > 1 ? x : 1;
  for (int i = 0; i < 100; ++i) {
    const double next = 0.5 * (r + x / r);
    if (next == r) break;
    r = next;
  }
  return r;
}
constexpr double abs_double(double x) noexcept {
  return x < 0 ? -x : x;
}
}  // namespace detail

// The valid OpenAI size nearest to `p`: first the ratio is clamped to 3:1 and the area scaled
// into 655,360..8,294,400 with the edges capped at 3840, then the grid of multiples of 16 is
// searched for the valid size closest to that target (sum of the edges' distances; ties go to the
// taller, then the wider). 1000x1000 -> 1008x1008, 3200x1024 -> 3072x1024. std::nullopt for a
// zero side.
constexpr std::optional<pixels> nearest_openai_size(pixels p) noexcept {
  if (p.width == 0 || p.height == 0) return std::nullopt;
  if (meets_openai_rule(p)) return p;
  double w = p.width;
  double h = p.height;
  const double ratio_cap = openai_rule.max_long_to_short;
  if (w > h * ratio_cap) w = h * ratio_cap;
  if (h > w * ratio_cap) h = w * ratio_cap;
  const double area = w * h;
  double scale = 1;
  if (area < openai_rule.min_pixels) scale = detail::sqrt_newton(openai_rule.min_pixels / area);
  if (area > openai_rule.max_pixels) scale = detail::sqrt_newton(openai_rule.max_pixels / area);
  w *= scale;
  h *= scale;
  const double long_edge = w > h ? w : h;
  if (long_edge > openai_rule.max_edge) {
    w = w * openai_rule.max_edge / long_edge;
    h = h * openai_rule.max_edge / long_edge;
  }
  std::optional<pixels> best;
  double best_cost = 0;
  const std::uint16_t step = openai_rule.edge_multiple;
  for (std::uint32_t height = openai_rule.max_edge; height >= step; height -= step) {
    // Around the target's width and around the target ratio at this height.
    const auto near_width = static_cast<std::uint32_t>(w) / step * step;
    const auto near_ratio = static_cast<std::uint32_t>(w * height / h) / step * step;
    const std::uint32_t widths[] = {near_width + step, near_width, near_ratio + step, near_ratio};
    for (std::uint32_t width : widths) {
      if (width == 0 || width > openai_rule.max_edge) continue;
      const pixels candidate{static_cast<std::uint16_t>(width), static_cast<std::uint16_t>(height)};
      if (!meets_openai_rule(candidate)) continue;
      const double cost = detail::abs_double(width - w) + detail::abs_double(height - h);
      if (!best || cost < best_cost) {
        best = candidate;
        best_cost = cost;
      }
    }
  }
  return best;
}

GPT_IMAGE_END_NAMESPACE
