// SPDX-License-Identifier: MIT
#pragma once
// The vocabulary of the size tables: which provider, which resolution tier, which aspect ratio,
// how many pixels — and one cell of a provider's size table (`size_choice`). Plain literal types,
// so every table and query in tables/ can run at compile time.

#include <gpt_image/version.hpp>

#include <cstdint>
#include <optional>

GPT_IMAGE_BEGIN_NAMESPACE

// The three dialects the library speaks (DESIGN.md §3).
enum class provider : unsigned char { openai, toapis, aivideoapi };

// The resolution tiers the gateways price and size by: "1K"/"1k", "2K"/"2k", "4K"/"4k".
enum class tier : unsigned char { k1, k2, k4 };

inline constexpr provider all_providers[] = {provider::openai, provider::toapis,
                                             provider::aivideoapi};
inline constexpr tier all_tiers[] = {tier::k1, tier::k2, tier::k4};

// An aspect ratio as the wire writes it, e.g. {16, 9} for "16:9". `auto` (let the provider pick)
// is {0, 0}: no real ratio has a zero term, so it cannot be mistaken for one.
struct aspect {
  std::uint16_t w;
  std::uint16_t h;

  constexpr bool is_auto() const noexcept { return w == 0 && h == 0; }
};

inline constexpr aspect aspect_auto{0, 0};

constexpr bool operator==(aspect a, aspect b) noexcept {
  return a.w == b.w && a.h == b.h;
}
constexpr bool operator!=(aspect a, aspect b) noexcept {
  return !(a == b);
}

// An output size in pixels, e.g. {3840, 2160} for "3840x2160".
struct pixels {
  std::uint16_t width;
  std::uint16_t height;

  constexpr std::uint64_t area() const noexcept { return std::uint64_t{width} * height; }
};

constexpr bool operator==(pixels a, pixels b) noexcept {
  return a.width == b.width && a.height == b.height;
}
constexpr bool operator!=(pixels a, pixels b) noexcept {
  return !(a == b);
}

namespace detail {
constexpr std::uint16_t gcd_u16(std::uint16_t a, std::uint16_t b) noexcept {
  while (b != 0) {
    const std::uint16_t r = static_cast<std::uint16_t>(a % b);
    a = b;
    b = r;
  }
  return a;
}
}  // namespace detail

// The ratio in lowest terms: 32:18 -> 16:9, 21:9 -> 7:3. Tables are looked up by reduced ratio,
// so 32:18 finds the 16:9 cell; the wire receives the table's own spelling. `auto` stays `auto`.
constexpr aspect reduce(aspect a) noexcept {
  if (a.w == 0 || a.h == 0) return a;
  const std::uint16_t g = detail::gcd_u16(a.w, a.h);
  return aspect{static_cast<std::uint16_t>(a.w / g), static_cast<std::uint16_t>(a.h / g)};
}

// The exact ratio of a pixel size, in lowest terms: 3840x2160 -> 16:9, 2048x1360 -> 128:85
// (tables label cells with a nominal ratio that the pixels only approximate; see find_choice()).
constexpr aspect exact_ratio(pixels p) noexcept {
  return reduce(aspect{p.width, p.height});
}

// One valid choice of a provider: a ratio at a tier and the pixels it produces. Some aivideoapi
// 1K cells list a second pixel size (seed 004: "1024×1024 / 1254×1254"); `alternate` holds it —
// the provider accepts it too, but `resolve` answers with `size`, the first one listed.
struct size_choice {
  aspect ratio;
  tier resolution;
  pixels size;
  std::optional<pixels> alternate;
};

constexpr bool operator==(const size_choice& a, const size_choice& b) noexcept {
  return a.ratio == b.ratio && a.resolution == b.resolution && a.size == b.size &&
         a.alternate == b.alternate;
}
constexpr bool operator!=(const size_choice& a, const size_choice& b) noexcept {
  return !(a == b);
}

GPT_IMAGE_END_NAMESPACE
