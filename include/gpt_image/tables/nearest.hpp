// SPDX-License-Identifier: MIT
#pragma once
// nearest_supported(): the valid choices closest to one a provider does not offer, so an error can
// say what would work instead ("nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K (2048x1536)").

#include <gpt_image/tables/openai.hpp>
#include <gpt_image/tables/sizes.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>
#include <optional>

GPT_IMAGE_BEGIN_NAMESPACE

// Two ways to get close to an unsupported ratio at a tier: keep the tier, or keep the ratio.
struct nearest_choices {
  std::optional<size_choice> same_tier;   // the offered ratio closest to the requested one
  std::optional<size_choice> same_ratio;  // the requested ratio at the nearest tier offering it
};

namespace detail {
// How far apart two ratios are, as the factor max(r1/r2, r2/r1) >= 1 kept as a fraction
// (numerator, denominator), so that 16:9 vs 9:16 is as far as 9:16 vs 16:9.
struct ratio_distance {
  std::uint64_t num;
  std::uint64_t den;
};
constexpr ratio_distance distance_between(aspect a, aspect b) noexcept {
  const std::uint64_t x = std::uint64_t{a.w} * b.h;
  const std::uint64_t y = std::uint64_t{b.w} * a.h;
  return x > y ? ratio_distance{x, y} : ratio_distance{y, x};
}
// Terms are below 2^32, so the cross products stay below 2^64.
constexpr bool closer(ratio_distance a, ratio_distance b) noexcept {
  return a.num * b.den < b.num * a.den;
}

constexpr int tier_rank(tier t) noexcept {
  return t == tier::k1 ? 0 : t == tier::k2 ? 1 : 2;
}

// The factor by which two positive quantities differ, >= 1.
constexpr double factor_between(double a, double b) noexcept {
  return a > b ? a / b : b / a;
}
}  // namespace detail

// The choices nearest to ratio `a` at tier `t` for provider `p`:
//  - same_tier: the offered ratio with the smallest factor to `a` (ties: the first in table order);
//  - same_ratio: `a` at the nearest tier that offers it (of two equally near, the higher: you
//    asked for at least that much resolution).
// When `p` offers (a, t), or offers `a`'s stand-in at `t` (`auto` counts as 1:1), both members
// hold that one cell.
constexpr nearest_choices nearest_supported(provider p, aspect a, tier t) noexcept {
  if (const auto exact = find_choice(p, a, t)) return {exact, exact};
  if (a.is_auto()) a = aspect{1, 1};
  nearest_choices result;
  if (a.w == 0 || a.h == 0) return result;
  a = reduce(a);
  detail::ratio_distance best{};
  for (const size_choice& cell : choices(p, t)) {
    const auto d = detail::distance_between(a, cell.ratio);
    if (!result.same_tier || detail::closer(d, best)) {
      result.same_tier = cell;
      best = d;
    }
  }
  // `auto` where it is not offered: its 1:1 stand-in at this tier is the answer.
  if (result.same_tier && reduce(result.same_tier->ratio) == a) {
    result.same_ratio = result.same_tier;
    return result;
  }
  int best_gap = 99;
  for (tier other : all_tiers) {
    const auto cell = find_choice(p, a, other);
    if (!cell || other == t) continue;
    const int gap = detail::tier_rank(other) - detail::tier_rank(t);
    const int magnitude = gap < 0 ? -gap : gap;
    // Iterating upwards, `<=` lets the higher of two equally near tiers win.
    if (magnitude <= best_gap) {
      result.same_ratio = cell;
      best_gap = magnitude;
    }
  }
  return result;
}

// The accepted pixel size nearest to `s` for provider `p` (`s` itself when accepted). Its `size`
// is the suggested pixels: for OpenAI the nearest size meeting the rule (nearest_openai_size());
// for a gateway the table size (first or alternate) that differs least from `s`, by the factor
// between the areas times the square of the factor between the ratios — the shape counts double,
// so 2880x2880 on ToAPIs suggests 2048x2048 rather than 3840x2160. std::nullopt for a zero side.
constexpr std::optional<size_choice> nearest_supported(provider p, pixels s) noexcept {
  if (s.width == 0 || s.height == 0) return std::nullopt;
  if (p == provider::openai) {
    const auto snapped = nearest_openai_size(s);
    if (!snapped) return std::nullopt;
    return find_choice(p, *snapped);
  }
  if (const auto exact = find_choice(p, s)) {
    if (exact->size == s) return exact;
    return size_choice{exact->ratio, exact->resolution, s, exact->size};
  }
  std::optional<size_choice> best;
  double best_cost = 0;
  const auto consider = [&](const size_choice& cell, pixels candidate,
                            std::optional<pixels> other) {
    const double ratio_factor = detail::factor_between(double(s.width) * candidate.height,
                                                       double(candidate.width) * s.height);
    const double cost = ratio_factor * ratio_factor *
                        detail::factor_between(double(s.area()), double(candidate.area()));
    if (!best || cost < best_cost) {
      best = size_choice{cell.ratio, cell.resolution, candidate, other};
      best_cost = cost;
    }
  };
  for (const size_choice& cell : choices(p)) {
    consider(cell, cell.size, cell.alternate);
    if (cell.alternate) consider(cell, *cell.alternate, cell.size);
  }
  return best;
}

GPT_IMAGE_END_NAMESPACE
