// SPDX-License-Identifier: MIT
#pragma once
// The size queries, one set for every provider: resolve a ratio at a tier to pixels, ask whether a
// ratio/tier or a pixel size is supported, map pixels back to their ratio and tier, and iterate
// over a provider's valid choices (so a UI can offer only those). All constexpr.
//
// Invariant: supports(p, a, t) == resolve(p, a, t).has_value(). `auto` is a ratio here only where
// it has pixels: aivideoapi treats it as 1:1 (seed 004). On OpenAI `auto` lets the server choose,
// so it has no pixels at a tier; see auto_size_of(). ToAPIs' seed 001 does not offer it.

#include <gpt_image/tables/aivideoapi.hpp>
#include <gpt_image/tables/openai.hpp>
#include <gpt_image/tables/toapis.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <optional>

GPT_IMAGE_BEGIN_NAMESPACE

// A read-only range of table cells (C++17 has no std::span).
class choice_list {
 public:
  constexpr choice_list() noexcept = default;
  constexpr choice_list(const size_choice* first, std::size_t count) noexcept
      : first_(first), count_(count) {}

  constexpr const size_choice* begin() const noexcept { return first_; }
  constexpr const size_choice* end() const noexcept { return first_ + count_; }
  constexpr std::size_t size() const noexcept { return count_; }
  constexpr bool empty() const noexcept { return count_ == 0; }
  constexpr const size_choice& operator[](std::size_t i) const noexcept { return first_[i]; }

 private:
  const size_choice* first_ = nullptr;
  std::size_t count_ = 0;
};

// Every valid ratio x tier cell of `p`, 1K first, each tier in the seed's row order.
constexpr choice_list choices(provider p) noexcept {
  switch (p) {
    case provider::toapis:
      return {toapis_sizes, sizeof(toapis_sizes) / sizeof(toapis_sizes[0])};
    case provider::aivideoapi:
      return {aivideoapi_sizes, sizeof(aivideoapi_sizes) / sizeof(aivideoapi_sizes[0])};
    case provider::openai:
      break;
  }
  return {openai_sizes, sizeof(openai_sizes) / sizeof(openai_sizes[0])};
}

// The cells of `p` at tier `t` (contiguous, since the tables are ordered by tier).
constexpr choice_list choices(provider p, tier t) noexcept {
  const choice_list all = choices(p);
  std::size_t first = 0;
  while (first < all.size() && all[first].resolution != t) ++first;
  std::size_t last = first;
  while (last < all.size() && all[last].resolution == t) ++last;
  return {all.begin() + first, last - first};
}

namespace detail {
// The queries rely on this shape of every table: cells grouped by ascending tier, no ratio twice
// at one tier (compared in lowest terms: 21:9 is spelled so on the wire but equals 7:3).
// Static_asserted in tests/unit/tables_static_test.cpp, not here, so includes don't pay for it.
constexpr bool size_table_is_well_formed(choice_list cells) noexcept {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const size_choice& c = cells[i];
    if (c.ratio.w == 0 || c.ratio.h == 0) return false;
    if (i > 0 && cells[i - 1].resolution > c.resolution) return false;
    for (std::size_t j = 0; j < i; ++j)
      if (cells[j].resolution == c.resolution && reduce(cells[j].ratio) == reduce(c.ratio))
        return false;
  }
  return true;
}
}  // namespace detail

// What `auto` means for each provider.
enum class auto_size : unsigned char {
  not_offered,     // toapis: seed 001 lists only explicit ratios
  server_chooses,  // openai: "auto" is sent as is; no pixels are known in advance
  square,          // aivideoapi: "auto is treated as 1:1" (seed 004)
};

constexpr auto_size auto_size_of(provider p) noexcept {
  switch (p) {
    // PROVIDERS.md C5: ToAPIs' edits/official pages allow `auto`, the vip page forbids it, and
    // seed 001 (the generation page) does not list it; we follow seed 001.
    case provider::toapis:
      return auto_size::not_offered;
    case provider::aivideoapi:
      return auto_size::square;
    case provider::openai:
      break;
  }
  return auto_size::server_chooses;
}

// The cell for `a` at `t`, or std::nullopt when `p` does not offer it. Ratios are compared in
// lowest terms (32:18 finds 16:9, 7:3 finds 21:9); the cell keeps the spelling the wire expects.
constexpr std::optional<size_choice> find_choice(provider p, aspect a, tier t) noexcept {
  if (a.is_auto()) {
    if (auto_size_of(p) != auto_size::square) return std::nullopt;
    a = aspect{1, 1};
  }
  if (a.w == 0 || a.h == 0) return std::nullopt;
  const aspect wanted = reduce(a);
  for (const size_choice& cell : choices(p, t))
    if (reduce(cell.ratio) == wanted) return cell;
  return std::nullopt;
}

// The matrix: the pixels `p` produces for ratio `a` at tier `t`.
constexpr std::optional<pixels> resolve(provider p, aspect a, tier t) noexcept {
  const auto cell = find_choice(p, a, t);
  if (!cell) return std::nullopt;
  return cell->size;
}

constexpr bool supports(provider p, aspect a, tier t) noexcept {
  return find_choice(p, a, t).has_value();
}

// The inverse: the ratio and tier that pixel size `s` stands for with provider `p`.
//  - toapis, aivideoapi: the table cell whose size (or alternate size) is `s`. A size listed in
//  two
//    cells (aivideoapi's 887x1774: 1:3's first size, 1:2's alternate) maps to the cell where it
//    is the first size listed (1:3 at 1k).
//  - openai: any size meeting the rule; a matrix cell keeps its ratio and tier, any other size
//    gets its exact ratio and the price tier of openai_price_tier().
constexpr std::optional<size_choice> find_choice(provider p, pixels s) noexcept {
  if (p == provider::openai) {
    if (!meets_openai_rule(s)) return std::nullopt;
    for (const size_choice& cell : choices(p))
      if (cell.size == s) return cell;
    return size_choice{exact_ratio(s), openai_price_tier(s), s, std::nullopt};
  }
  for (const size_choice& cell : choices(p))
    if (cell.size == s) return cell;
  for (const size_choice& cell : choices(p))
    if (cell.alternate == s) return cell;
  return std::nullopt;
}

// Whether `p` accepts explicit pixels `s`: OpenAI's rule, or a size (or alternate) in the
// gateway's table — aivideoapi takes it in `aspect_ratio`, ToAPIs as its ratio and tier (the
// legacy pixel strings of seeds 002/003 are cells of the 1K row).
constexpr bool supports(provider p, pixels s) noexcept {
  return find_choice(p, s).has_value();
}

// The tier `p` bills pixel size `s` at, or std::nullopt when `p` does not accept `s`.
constexpr std::optional<tier> price_tier(provider p, pixels s) noexcept {
  const auto cell = find_choice(p, s);
  if (!cell) return std::nullopt;
  return cell->resolution;
}

GPT_IMAGE_END_NAMESPACE
