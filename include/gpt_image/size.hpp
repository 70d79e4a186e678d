// SPDX-License-Identifier: MIT
#pragma once
// The runtime escape hatch of the compile-time size checks: the same questions for sizes that
// arrive at run time (a config file, a UI), answered with result<pixels>. An unsupported size is
// an errc::validation_failed error whose message says what was wrong and the nearest valid choice,
// e.g. "4:3 is not offered at 1K by toapis; nearest: 3:2 at 1K (1536x1024) or 4:3 at 2K
// (2048x1536)". Same names as the compile-time forms: checked_size<P, W, H, T>() there,
// checked_size(p, a, t) here.

#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/version.hpp>

#include <string>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

// The pixels of ratio `a` at tier `t` for provider `p`.
inline result<pixels> checked_size(provider p, aspect a, tier t) {
  if (const auto resolved = resolve(p, a, t)) return *resolved;
  return error(errc::validation_failed, explain_unsupported(p, a, t));
}

// The same from text: `ratio` "16:9" or "auto", `tier_text` "1K"/"1k"/"2K"/"4K".
inline result<pixels> checked_size(provider p, std::string_view ratio, std::string_view tier_text) {
  const auto a = parse_aspect(ratio);
  if (!a)
    return error(errc::validation_failed,
                 "\"" + std::string(ratio) +
                     "\" is not a ratio: write two positive whole numbers such as 16:9, or auto");
  const auto t = parse_tier(tier_text);
  if (!t)
    return error(errc::validation_failed,
                 "\"" + std::string(tier_text) + "\" is not a tier: write 1K, 2K or 4K");
  return checked_size(p, *a, *t);
}

// Explicit pixels `s` for provider `p` (OpenAI's rule, or a size of the gateway's table).
inline result<pixels> checked_pixels(provider p, pixels s) {
  if (supports(p, s)) return s;
  return error(errc::validation_failed, explain_unsupported(p, s));
}

// The same from text: "3840x2160".
inline result<pixels> checked_pixels(provider p, std::string_view size_text) {
  const auto s = parse_pixels(size_text);
  if (!s)
    return error(errc::validation_failed,
                 "\"" + std::string(size_text) +
                     "\" is not a pixel size: write two positive whole numbers joined by a "
                     "lowercase x, such as 3840x2160");
  return checked_pixels(p, *s);
}

GPT_IMAGE_END_NAMESPACE
