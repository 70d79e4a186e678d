// SPDX-License-Identifier: MIT
#pragma once
// Error-message text for a size a provider does not offer: what was wrong and the nearest valid
// choices, e.g. "4:3 is not offered at 1K by toapis; nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K
// (2048x1536)". Constexpr, written into an inline_message (no <string> in the tables); it converts
// to std::string where one is wanted.

#include <gpt_image/tables/format.hpp>
#include <gpt_image/tables/nearest.hpp>
#include <gpt_image/tables/openai.hpp>
#include <gpt_image/tables/sizes.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
// "3:2 at 1K (1536x1024)"
constexpr void append_size_choice(inline_message& text, provider p, const size_choice& c) noexcept {
  text.append(format_aspect(c.ratio))
      .append(" at ")
      .append(tier_name(c.resolution, p))
      .append(" (")
      .append(format_pixels(c.size))
      .append(")");
}

constexpr void append_openai_issue(inline_message& text, pixels s) noexcept {
  switch (check_openai_size(s)) {
    case openai_size_issue::zero_side:
      text.append("a side is 0");
      return;
    case openai_size_issue::not_multiple_of_16:
      text.append("both sides must be multiples of 16 (")
          .append_number(s.width % 16 != 0 ? s.width : s.height)
          .append(" is not)");
      return;
    case openai_size_issue::edge_too_long:
      text.append("no side may be longer than 3840 pixels");
      return;
    case openai_size_issue::ratio_beyond_3_to_1:
      text.append("the long side may be at most 3 times the short side (3:1)");
      return;
    case openai_size_issue::too_few_pixels:
      text.append("it has ").append_number(s.area()).append(
          " pixels, fewer than the minimum of 655360");
      return;
    case openai_size_issue::too_many_pixels:
      text.append("it has ").append_number(s.area()).append(
          " pixels, more than the maximum of 8294400");
      return;
    case openai_size_issue::none:
      break;
  }
  text.append("it is valid");
}
}  // namespace detail

// Why ratio `a` at tier `t` is not a size of provider `p`, and what is nearest. Meant for a (a, t)
// that supports() rejects; for a supported one it says so.
constexpr inline_message explain_unsupported(provider p, aspect a, tier t) noexcept {
  inline_message text;
  if (supports(p, a, t)) {
    text.append(format_aspect(a)).append(" at ").append(tier_name(t, p));
    text.append(" is offered by ").append(to_string(p));
    return text;
  }
  if (a.is_auto() && auto_size_of(p) == auto_size::server_chooses) {
    text.append("auto lets ").append(to_string(p)).append(" choose the size, so it has no pixels");
    text.append(" at ").append(tier_name(t, p)).append("; send the size \"auto\" without a tier");
    if (const auto square = find_choice(p, aspect{1, 1}, t)) {
      text.append(", or pick a ratio such as ");
      detail::append_size_choice(text, p, *square);
    }
    return text;
  }
  if (!a.is_auto() && (a.w == 0 || a.h == 0)) {
    text.append(format_aspect(a)).append(" is not a ratio: both terms must be positive, e.g. 16:9");
    return text;
  }
  if (a.is_auto())
    text.append("auto is not offered by ").append(to_string(p)).append("; pick a ratio");
  else
    text.append(format_aspect(a))
        .append(" is not offered at ")
        .append(tier_name(t, p))
        .append(" by ")
        .append(to_string(p));
  const nearest_choices near = nearest_supported(p, a, t);
  if (near.same_tier || near.same_ratio) text.append("; nearest: ");
  if (near.same_tier) detail::append_size_choice(text, p, *near.same_tier);
  if (near.same_ratio && near.same_ratio != near.same_tier) {
    if (near.same_tier) text.append(" or ");
    detail::append_size_choice(text, p, *near.same_ratio);
  }
  return text;
}

// Why explicit pixels `s` are not a size of provider `p`, and what is nearest.
constexpr inline_message explain_unsupported(provider p, pixels s) noexcept {
  inline_message text;
  text.append(format_pixels(s));
  if (supports(p, s)) {
    text.append(" is accepted by ").append(to_string(p));
    return text;
  }
  if (p == provider::openai) {
    text.append(" is not a valid openai size: ");
    detail::append_openai_issue(text, s);
  } else {
    text.append(" is not in the ").append(to_string(p)).append(" size table");
  }
  if (const auto near = nearest_supported(p, s)) {
    text.append("; nearest: ");
    if (p == provider::openai)
      text.append(format_pixels(near->size));
    else
      detail::append_size_choice(text, p, *near);
  }
  return text;
}

GPT_IMAGE_END_NAMESPACE
