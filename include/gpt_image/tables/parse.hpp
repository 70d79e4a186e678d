// SPDX-License-Identifier: MIT
#pragma once
// Constexpr parsers for configuration text: providers, tiers, ratios and pixel sizes. They accept
// exactly the documented spellings and reject everything else — empty text, spaces, signs, zero
// terms ("16:0", "0x0"), numbers beyond 65535, leading zeros, trailing characters — instead of
// guessing, so a typo in a config file surfaces as an error rather than as a different image.

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
// A positive decimal number that fits 16 bits, written without sign, spaces or leading zeros.
constexpr std::optional<std::uint16_t> parse_positive_u16(std::string_view text) noexcept {
  if (text.empty() || text.size() > 5 || text[0] == '0') return std::nullopt;
  std::uint32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<std::uint32_t>(c - '0');
  }
  if (value > 0xFFFFu) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

// Splits "a<sep>b" at the only `sep`; both halves must be positive 16-bit numbers.
struct number_pair {
  std::uint16_t first;
  std::uint16_t second;
};
constexpr std::optional<number_pair> parse_number_pair(std::string_view text, char sep) noexcept {
  const std::size_t at = text.find(sep);
  if (at == std::string_view::npos) return std::nullopt;
  const auto first = parse_positive_u16(text.substr(0, at));
  const auto second = parse_positive_u16(text.substr(at + 1));  // a second `sep` fails here
  if (!first || !second) return std::nullopt;
  return number_pair{*first, *second};
}
}  // namespace detail

// "openai", "toapis", "aivideoapi" (lowercase, as to_string(provider) writes them).
constexpr std::optional<provider> parse_provider(std::string_view text) noexcept {
  if (text == "openai") return provider::openai;
  if (text == "toapis") return provider::toapis;
  if (text == "aivideoapi") return provider::aivideoapi;
  return std::nullopt;
}

// "1K"/"1k", "2K"/"2k", "4K"/"4k": ToAPIs' seed writes the upper case, aivideoapi's the lower,
// and PROVIDERS.md C4 reports both spellings in the gateways' own examples, so both are read.
constexpr std::optional<tier> parse_tier(std::string_view text) noexcept {
  if (text.size() != 2 || (text[1] != 'K' && text[1] != 'k')) return std::nullopt;
  switch (text[0]) {
    case '1':
      return tier::k1;
    case '2':
      return tier::k2;
    case '4':
      return tier::k4;
    default:
      return std::nullopt;
  }
}

// "16:9" -> {16, 9}; "auto" -> aspect_auto. Whether a provider offers the ratio (or `auto`) is
// the tables' business, not the parser's.
constexpr std::optional<aspect> parse_aspect(std::string_view text) noexcept {
  if (text == "auto") return aspect_auto;
  const auto pair = detail::parse_number_pair(text, ':');
  if (!pair) return std::nullopt;
  return aspect{pair->first, pair->second};
}

// "3840x2160" -> {3840, 2160}. Only the lowercase 'x' that every dialect sends.
constexpr std::optional<pixels> parse_pixels(std::string_view text) noexcept {
  const auto pair = detail::parse_number_pair(text, 'x');
  if (!pair) return std::nullopt;
  return pixels{pair->first, pair->second};
}

GPT_IMAGE_END_NAMESPACE
