// SPDX-License-Identifier: MIT
#pragma once
// Sizes checked at compile time. An unsupported choice does not compile, and the diagnostic says
// which API refused it, for which provider, ratio and tier, and what is valid instead.
//
//   C++17, template form:  gi::checked_size<gi::provider::toapis, 16, 9, gi::tier::k4>()
//                          gi::checked_pixels<gi::provider::openai, 1536, 1024>()
//   C++17, from strings:   GPT_IMAGE_CHECKED_SIZE(gi::provider::toapis, "16:9", "4K")
//                          GPT_IMAGE_CHECKED_PIXELS(gi::provider::aivideoapi, "1881x836")
//   C++20, consteval:      gi::size<gi::provider::toapis>("16:9", "4K")
//                          gi::size<gi::provider::openai>("1536x1024")
//
// Each 16:9-at-4K line above is gi::pixels{3840, 2160}. Sizes known only at run time (config
// files) go through supports()/resolve() (sizes.hpp) or the result<pixels> functions of
// <gpt_image/size.hpp>.

#include <gpt_image/tables/openai.hpp>
#include <gpt_image/tables/parse.hpp>
#include <gpt_image/tables/sizes.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
// The facts checked_size<P, W, H, T>() asserts. Each check is written so that at most one of them
// fails for a given size — the one whose message fits — and the diagnostics show this type with
// the provider, ratio and tier filled in: size_check<provider::toapis, 4, 3, tier::k1>.
template <provider P, unsigned W, unsigned H, tier T>
struct size_check {
  static constexpr bool is_auto = W == 0 && H == 0;
  static constexpr bool well_formed = is_auto || (W > 0 && H > 0 && W <= 0xFFFF && H <= 0xFFFF);
  static constexpr aspect ratio{static_cast<std::uint16_t>(W), static_cast<std::uint16_t>(H)};
  static constexpr std::optional<pixels> resolved =
      well_formed ? resolve(P, ratio, T) : std::optional<pixels>();
  static constexpr bool offered = resolved.has_value();
  // True unless P is this provider and the (well-formed) choice is missing from its table.
  static constexpr bool fine_for_toapis = !well_formed || P != provider::toapis || offered;
  static constexpr bool fine_for_aivideoapi = !well_formed || P != provider::aivideoapi || offered;
  static constexpr bool fine_for_openai = !well_formed || P != provider::openai || offered;

  static constexpr bool ratio_is_two_positive_numbers = well_formed;
  static constexpr bool toapis_offers_auto = fine_for_toapis || !is_auto;
  static constexpr bool toapis_offers_this_ratio_at_1K =
      fine_for_toapis || is_auto || T != tier::k1;
  static constexpr bool toapis_offers_this_ratio_at_2K =
      fine_for_toapis || is_auto || T != tier::k2;
  static constexpr bool toapis_offers_this_ratio_at_4K =
      fine_for_toapis || is_auto || T != tier::k4;
  static constexpr bool aivideoapi_offers_this_ratio = fine_for_aivideoapi;
  static constexpr bool openai_auto_has_pixels = fine_for_openai || !is_auto;
  static constexpr bool openai_table_offers_this_ratio = fine_for_openai || is_auto;
};

template <provider P, unsigned W, unsigned H>
struct pixels_check {
  static constexpr bool well_formed = W > 0 && H > 0 && W <= 0xFFFF && H <= 0xFFFF;
  static constexpr pixels size{static_cast<std::uint16_t>(W), static_cast<std::uint16_t>(H)};
  static constexpr openai_size_issue issue =
      (well_formed && P == provider::openai) ? check_openai_size(size) : openai_size_issue::none;
  static constexpr bool in_table = well_formed && supports(P, size);

  static constexpr bool sides_are_positive = well_formed;
  static constexpr bool openai_sides_are_multiples_of_16 =
      issue != openai_size_issue::not_multiple_of_16;
  static constexpr bool openai_edges_are_at_most_3840 = issue != openai_size_issue::edge_too_long;
  static constexpr bool openai_ratio_is_at_most_3_to_1 =
      issue != openai_size_issue::ratio_beyond_3_to_1;
  static constexpr bool openai_has_at_least_655360_pixels =
      issue != openai_size_issue::too_few_pixels;
  static constexpr bool openai_has_at_most_8294400_pixels =
      issue != openai_size_issue::too_many_pixels;
  static constexpr bool toapis_table_has_these_pixels =
      !well_formed || P != provider::toapis || in_table;
  static constexpr bool aivideoapi_table_has_these_pixels =
      !well_formed || P != provider::aivideoapi || in_table;
};
}  // namespace detail

// The pixels of ratio W:H at tier T for provider P; ill-formed when P does not offer it.
// W = H = 0 means `auto` (aivideoapi: 1:1).
template <provider P, unsigned W, unsigned H, tier T>
constexpr pixels checked_size() noexcept {
  using check = detail::size_check<P, W, H, T>;
  static_assert(check::ratio_is_two_positive_numbers,
                "gpt_image::checked_size: a ratio is two positive numbers up to 65535, as in "
                "checked_size<provider::toapis, 16, 9, tier::k2>() (0, 0 means auto)");
  static_assert(check::toapis_offers_auto,
                "gpt_image::checked_size: toapis does not offer auto (seed 001); pick a ratio "
                "such as 1:1");
  static_assert(check::toapis_offers_this_ratio_at_1K,
                "gpt_image::checked_size: toapis offers only 1:1, 3:2 and 2:3 at 1K (seed 001); "
                "other ratios need 2K");
  static_assert(check::toapis_offers_this_ratio_at_2K,
                "gpt_image::checked_size: toapis offers 1:1, 3:2, 2:3, 4:3, 3:4, 5:4, 4:5, 16:9, "
                "9:16, 2:1, 1:2, 21:9 and 9:21 at 2K");
  static_assert(check::toapis_offers_this_ratio_at_4K,
                "gpt_image::checked_size: toapis offers only 16:9, 9:16, 2:1, 1:2, 21:9 and 9:21 "
                "at 4K (seed 001); other ratios go up to 2K");
  static_assert(check::aivideoapi_offers_this_ratio,
                "gpt_image::checked_size: aivideoapi offers 1:1, 3:2, 2:3, 4:3, 3:4, 5:4, 4:5, "
                "16:9, 9:16, 2:1, 1:2, 3:1, 1:3, 21:9, 9:21 and auto, at 1K, 2K and 4K");
  static_assert(check::openai_auto_has_pixels,
                "gpt_image::checked_size: openai's auto lets the server choose the size, so it "
                "has no pixels at a tier; send the size auto without a tier");
  static_assert(check::openai_table_offers_this_ratio,
                "gpt_image::checked_size: openai's ratio table has 1:1, 3:2, 2:3, 4:3, 3:4, 5:4, "
                "4:5, 16:9, 9:16, 2:1, 1:2, 3:1, 1:3, 21:9 and 9:21; for any other size use "
                "checked_pixels<provider::openai, W, H>()");
  return check::resolved.value_or(pixels{0, 0});
}

// Explicit pixels W x H for provider P; ill-formed when P does not accept them (OpenAI: its size
// rule; the gateways: a size of their table).
template <provider P, unsigned W, unsigned H>
constexpr pixels checked_pixels() noexcept {
  using check = detail::pixels_check<P, W, H>;
  static_assert(check::sides_are_positive,
                "gpt_image::checked_pixels: both sides must be positive numbers up to 65535, as "
                "in checked_pixels<provider::openai, 1536, 1024>()");
  static_assert(check::openai_sides_are_multiples_of_16,
                "gpt_image::checked_pixels: openai needs both sides to be multiples of 16 (e.g. "
                "1024, 1536, 2048)");
  static_assert(check::openai_edges_are_at_most_3840,
                "gpt_image::checked_pixels: openai allows at most 3840 pixels per side");
  static_assert(check::openai_ratio_is_at_most_3_to_1,
                "gpt_image::checked_pixels: openai allows a long side of at most 3 times the short "
                "side (ratio 3:1)");
  static_assert(check::openai_has_at_least_655360_pixels,
                "gpt_image::checked_pixels: openai needs at least 655360 pixels in total (e.g. "
                "1024x640)");
  static_assert(check::openai_has_at_most_8294400_pixels,
                "gpt_image::checked_pixels: openai allows at most 8294400 pixels in total (e.g. "
                "3840x2160 or 2880x2880)");
  static_assert(check::toapis_table_has_these_pixels,
                "gpt_image::checked_pixels: toapis accepts only the sizes of its table (seed 001), "
                "e.g. 1024x1024, 1536x1024, 1024x1536, 2048x1152 or 3840x2160");
  static_assert(check::aivideoapi_table_has_these_pixels,
                "gpt_image::checked_pixels: aivideoapi accepts only the sizes of its table (seed "
                "004), e.g. 1024x1024, 1254x1254, 1881x836, 2048x1152 or 3840x2160");
  return check::size;
}

namespace detail {
template <provider P, bool RatioParsed, std::uint16_t W, std::uint16_t H, bool TierParsed, tier T>
constexpr pixels checked_size_from_text() noexcept {
  static_assert(RatioParsed,
                "GPT_IMAGE_CHECKED_SIZE: the ratio must be two positive whole numbers such as "
                "16:9 (no spaces, signs or zeros), or auto");
  static_assert(TierParsed,
                "GPT_IMAGE_CHECKED_SIZE: the tier must be 1K, 2K or 4K (or 1k, 2k, 4k)");
  if constexpr (RatioParsed && TierParsed) {
    return checked_size<P, W, H, T>();
  } else {
    return pixels{0, 0};
  }
}

template <provider P, bool Parsed, std::uint16_t W, std::uint16_t H>
constexpr pixels checked_pixels_from_text() noexcept {
  static_assert(Parsed,
                "GPT_IMAGE_CHECKED_PIXELS: the size must be two positive whole numbers joined by "
                "a lowercase x, such as 3840x2160");
  if constexpr (Parsed) {
    return checked_pixels<P, W, H>();
  } else {
    return pixels{0, 0};
  }
}
}  // namespace detail

GPT_IMAGE_END_NAMESPACE

// The C++17 string form: a string literal cannot be a template argument before C++20, so the macro
// parses it in a constexpr lambda and hands the numbers to checked_size / checked_pixels. Usable
// in constexpr variables and static_assert (not as a template argument before C++20: a lambda).
#define GPT_IMAGE_CHECKED_SIZE(provider_value, ratio_text, tier_text)                        \
  ([] {                                                                                      \
    constexpr auto gpt_image_ratio_ = ::gpt_image::parse_aspect(ratio_text);                 \
    constexpr auto gpt_image_tier_ = ::gpt_image::parse_tier(tier_text);                     \
    return ::gpt_image::detail::checked_size_from_text<                                      \
        (provider_value), gpt_image_ratio_.has_value(),                                      \
        gpt_image_ratio_.value_or(::gpt_image::aspect{1, 1}).w,                              \
        gpt_image_ratio_.value_or(::gpt_image::aspect{1, 1}).h, gpt_image_tier_.has_value(), \
        gpt_image_tier_.value_or(::gpt_image::tier::k1)>();                                  \
  }())

#define GPT_IMAGE_CHECKED_PIXELS(provider_value, size_text)                \
  ([] {                                                                    \
    constexpr auto gpt_image_size_ = ::gpt_image::parse_pixels(size_text); \
    return ::gpt_image::detail::checked_pixels_from_text<                  \
        (provider_value), gpt_image_size_.has_value(),                     \
        gpt_image_size_.value_or(::gpt_image::pixels{1, 1}).width,         \
        gpt_image_size_.value_or(::gpt_image::pixels{1, 1}).height>();     \
  }())

#if __cplusplus >= 202002L || (defined(_MSVC_LANG) && _MSVC_LANG >= 202002L)
GPT_IMAGE_BEGIN_NAMESPACE
namespace detail::size_errors {
// C++20 consteval checks stop compilation by calling one of these (they are not constexpr); the
// compiler names the function in its diagnostic, so each name is the error message.
inline void gpt_image_size_the_ratio_must_look_like_16_9_or_auto() {}
inline void gpt_image_size_the_tier_must_be_1K_2K_or_4K() {}
inline void gpt_image_size_the_pixels_must_look_like_3840x2160() {}
inline void gpt_image_size_toapis_does_not_offer_auto() {}
inline void gpt_image_size_toapis_offers_only_1_1_and_3_2_and_2_3_at_1K() {}
inline void gpt_image_size_toapis_offers_only_16_9_9_16_2_1_1_2_21_9_9_21_at_4K() {}
inline void gpt_image_size_this_ratio_is_not_offered_at_this_tier() {}
inline void gpt_image_size_openai_auto_has_no_pixels_send_auto_without_a_tier() {}
inline void gpt_image_size_openai_sides_must_be_multiples_of_16() {}
inline void gpt_image_size_openai_sides_must_be_at_most_3840() {}
inline void gpt_image_size_openai_long_side_must_be_at_most_3_times_the_short_side() {}
inline void gpt_image_size_openai_needs_at_least_655360_pixels() {}
inline void gpt_image_size_openai_allows_at_most_8294400_pixels() {}
inline void gpt_image_size_these_pixels_are_not_in_the_providers_size_table() {}
}  // namespace detail::size_errors

// The pixels of `ratio` ("16:9", "auto") at `tier_text` ("4K") for provider P, checked at compile
// time: gi::size<gi::provider::toapis>("16:9", "4K") is 3840x2160.
template <provider P>
consteval pixels size(std::string_view ratio, std::string_view tier_text) {
  namespace errors = detail::size_errors;
  const std::optional<aspect> a = parse_aspect(ratio);
  if (!a) errors::gpt_image_size_the_ratio_must_look_like_16_9_or_auto();
  const std::optional<tier> t = parse_tier(tier_text);
  if (!t) errors::gpt_image_size_the_tier_must_be_1K_2K_or_4K();
  const std::optional<pixels> p = resolve(P, *a, *t);
  if (!p) {
    if (P == provider::openai && a->is_auto())
      errors::gpt_image_size_openai_auto_has_no_pixels_send_auto_without_a_tier();
    else if (P == provider::toapis && a->is_auto())
      errors::gpt_image_size_toapis_does_not_offer_auto();
    else if (P == provider::toapis && *t == tier::k1)
      errors::gpt_image_size_toapis_offers_only_1_1_and_3_2_and_2_3_at_1K();
    else if (P == provider::toapis && *t == tier::k4)
      errors::gpt_image_size_toapis_offers_only_16_9_9_16_2_1_1_2_21_9_9_21_at_4K();
    else
      errors::gpt_image_size_this_ratio_is_not_offered_at_this_tier();
  }
  return *p;
}

// Explicit pixels ("1536x1024") for provider P, checked at compile time.
template <provider P>
consteval pixels size(std::string_view wxh) {
  namespace errors = detail::size_errors;
  const std::optional<pixels> p = parse_pixels(wxh);
  if (!p) errors::gpt_image_size_the_pixels_must_look_like_3840x2160();
  if (P == provider::openai) {
    switch (check_openai_size(*p)) {
      case openai_size_issue::none:
        break;
      case openai_size_issue::zero_side:  // parse_pixels() already refused zeros
      case openai_size_issue::not_multiple_of_16:
        errors::gpt_image_size_openai_sides_must_be_multiples_of_16();
        break;
      case openai_size_issue::edge_too_long:
        errors::gpt_image_size_openai_sides_must_be_at_most_3840();
        break;
      case openai_size_issue::ratio_beyond_3_to_1:
        errors::gpt_image_size_openai_long_side_must_be_at_most_3_times_the_short_side();
        break;
      case openai_size_issue::too_few_pixels:
        errors::gpt_image_size_openai_needs_at_least_655360_pixels();
        break;
      case openai_size_issue::too_many_pixels:
        errors::gpt_image_size_openai_allows_at_most_8294400_pixels();
        break;
    }
  } else if (!supports(P, *p)) {
    errors::gpt_image_size_these_pixels_are_not_in_the_providers_size_table();
  }
  return *p;
}
GPT_IMAGE_END_NAMESPACE
#endif
