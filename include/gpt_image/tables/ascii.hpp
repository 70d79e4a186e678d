// SPDX-License-Identifier: MIT
#pragma once
// ASCII case folding: wire codes, status words, header names and URL schemes compare without
// regard to case, and never by locale.

#include <gpt_image/version.hpp>

#include <cstddef>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
constexpr char ascii_lower_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (ascii_lower_char(a[i]) != ascii_lower_char(b[i])) return false;
  return true;
}
}  // namespace detail

GPT_IMAGE_END_NAMESPACE
