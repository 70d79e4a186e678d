// SPDX-License-Identifier: MIT
#pragma once
// Spellings of the table vocabulary as each dialect writes it: provider names, tiers ("1K" for
// ToAPIs, "1k" for aivideoapi), ratios ("16:9") and pixel sizes ("3840x2160"). All constexpr; the
// numeric ones return a small fixed buffer (basic_inline_string), so no allocation and no
// dangling views.

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

GPT_IMAGE_BEGIN_NAMESPACE

// Text held by value in a fixed buffer: constexpr, no allocation, and no <string> in the tables.
// Text beyond `Capacity` is cut off; every text the tables build fits (checked by the tests).
//  - view(), c_str(): read it. There is deliberately no implicit conversion to std::string_view:
//    a view of a temporary would dangle.
//  - It converts to std::string (or any string type constructible from pointer and length), so
//    `std::string s = explain_unsupported(...)` and `error(errc::validation_failed,
//    explain_unsupported(...))` work without this header including <string>.
template <std::size_t Capacity>
struct basic_inline_string {
  static constexpr std::size_t capacity = Capacity;

  char chars[Capacity + 1] = {};  // always NUL-terminated
  std::size_t length = 0;

  constexpr std::string_view view() const noexcept { return std::string_view(chars, length); }
  constexpr const char* c_str() const noexcept { return chars; }
  constexpr std::size_t size() const noexcept { return length; }
  constexpr bool empty() const noexcept { return length == 0; }

  template <class String,
            std::enable_if_t<!std::is_same_v<String, std::string_view> &&
                                 std::is_constructible_v<String, const char*, std::size_t>,
                             int> = 0>
  operator String() const {  // NOLINT: implicit by design, see above
    return String(chars, length);
  }

  constexpr basic_inline_string& append(std::string_view text) noexcept {
    for (char c : text)
      if (length < Capacity) chars[length++] = c;
    return *this;
  }
  template <std::size_t N>
  constexpr basic_inline_string& append(const basic_inline_string<N>& text) noexcept {
    return append(text.view());
  }
  constexpr basic_inline_string& append_number(std::uint64_t value) noexcept {
    char digits[20] = {};
    std::size_t count = 0;
    do {
      digits[count++] = static_cast<char>('0' + value % 10);
      value /= 10;
    } while (value != 0);
    while (count > 0 && length < Capacity) chars[length++] = digits[--count];
    return *this;
  }
};

template <std::size_t N>
constexpr bool operator==(const basic_inline_string<N>& a, std::string_view b) noexcept {
  return a.view() == b;
}
template <std::size_t N>
constexpr bool operator!=(const basic_inline_string<N>& a, std::string_view b) noexcept {
  return !(a == b);
}

// Long enough for "65535x65535".
using inline_string = basic_inline_string<15>;
// Long enough for every message the tables write (explain.hpp).
using inline_message = basic_inline_string<255>;

// "openai", "toapis", "aivideoapi" — also what parse_provider() reads.
constexpr std::string_view to_string(provider p) noexcept {
  switch (p) {
    case provider::toapis:
      return "toapis";
    case provider::aivideoapi:
      return "aivideoapi";
    case provider::openai:
      break;
  }
  return "openai";
}

// The tier as `p` writes it on the wire: ToAPIs "1K" (seed 001), aivideoapi "1k" (seed 004).
// PROVIDERS.md C4: ToAPIs' HEAD docs write "1k"; seed 001 writes "1K", which is what we send.
// OpenAI has no tier parameter; its tiers are the price tiers of seed 000, written "1K".
constexpr std::string_view tier_name(tier t, provider p = provider::toapis) noexcept {
  const bool lower = p == provider::aivideoapi;
  switch (t) {
    case tier::k2:
      return lower ? "2k" : "2K";
    case tier::k4:
      return lower ? "4k" : "4K";
    case tier::k1:
      break;
  }
  return lower ? "1k" : "1K";
}

// "16:9"; `auto` is written "auto".
constexpr inline_string format_aspect(aspect a) noexcept {
  inline_string s;
  if (a.is_auto()) {
    s.append("auto");
    return s;
  }
  s.append_number(a.w);
  s.append(":");
  s.append_number(a.h);
  return s;
}

// "3840x2160" (lowercase x, as every dialect sends it).
constexpr inline_string format_pixels(pixels p) noexcept {
  inline_string s;
  s.append_number(p.width);
  s.append("x");
  s.append_number(p.height);
  return s;
}

GPT_IMAGE_END_NAMESPACE
