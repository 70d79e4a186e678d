// SPDX-License-Identifier: MIT
#pragma once
// Per-image list prices by provider and tier, in exact integer units (micro-dollars, and
// milli-credits where a provider bills in credits), and a constexpr estimate for n images.
// List prices only: seed 000 says ToAPIs' "final billing [is] based on account pricing".

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>

GPT_IMAGE_BEGIN_NAMESPACE

struct price {
  std::uint64_t micro_usd;      // US dollars x 1,000,000
  std::uint64_t milli_credits;  // provider credits x 1,000; 0 where the provider bills in dollars
};

constexpr bool operator==(price a, price b) noexcept {
  return a.micro_usd == b.micro_usd && a.milli_credits == b.milli_credits;
}
constexpr bool operator!=(price a, price b) noexcept {
  return !(a == b);
}

// aivideoapi: 1 credit = $0.005 (4.7 credits = $0.0235, seed 004).
inline constexpr std::uint64_t aivideoapi_micro_usd_per_credit = 5000;

// The list price of one image of tier `t`.
//  - openai: "official public pricing is roughly $0.22 / $0.50 / $1.30" (seed 000). PROVIDERS.md
//    quotes a third party's per-quality prices instead ($0.211 / $0.428 / $0.565 at high).
//  - toapis: $0.015 / $0.020 / $0.025 as listed on the landing comparison (seed 000).
//  - aivideoapi: 4.7 / 9.4 / 14.1 credits = $0.0235 / $0.047 / $0.0705 (seed 004); PROVIDERS.md
//    C17: an older revision charged 2.4 / 4.8 / 7.2 credits.
constexpr price price_of(provider p, tier t) noexcept {
  const int i = t == tier::k1 ? 0 : t == tier::k2 ? 1 : 2;
  switch (p) {
    case provider::toapis: {
      constexpr std::uint64_t micro_usd[] = {15000, 20000, 25000};
      return {micro_usd[i], 0};
    }
    case provider::aivideoapi: {
      constexpr std::uint64_t milli_credits[] = {4700, 9400, 14100};
      return {milli_credits[i] * aivideoapi_micro_usd_per_credit / 1000, milli_credits[i]};
    }
    case provider::openai:
      break;
  }
  constexpr std::uint64_t micro_usd[] = {220000, 500000, 1300000};
  return {micro_usd[i], 0};
}

// The list price of `n` images of tier `t` (aivideoapi: n tasks of one image each).
constexpr price estimate(provider p, tier t, std::uint32_t n) noexcept {
  const price one = price_of(p, t);
  return {one.micro_usd * n, one.milli_credits * n};
}

GPT_IMAGE_END_NAMESPACE
