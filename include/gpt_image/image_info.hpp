// SPDX-License-Identifier: MIT
#pragma once
// The pixel size of an image file, read from its header (PNG, JPEG, WebP — the formats the
// providers return), so that a caller can check what came back against the size it asked for
// without decoding the image.

#include <gpt_image/tables.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
inline std::uint32_t read_be(std::string_view b, std::size_t at, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}
inline std::uint32_t read_le(std::string_view b, std::size_t at, std::size_t n) {
  std::uint32_t v = 0;
  for (std::size_t i = n; i > 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i - 1]);
  return v;
}
inline std::optional<pixels> make_pixels(std::uint32_t w, std::uint32_t h) {
  if (w == 0 || h == 0 || w > 0xFFFF || h > 0xFFFF) return std::nullopt;
  return pixels{static_cast<std::uint16_t>(w), static_cast<std::uint16_t>(h)};
}

inline std::optional<pixels> png_size(std::string_view b) {
  // Signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return make_pixels(read_be(b, 16, 4), read_be(b, 20, 4));
}

inline std::optional<pixels> jpeg_size(std::string_view b) {
  std::size_t at = 2;
  while (at + 9 < b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    const auto marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    const std::uint32_t length = read_be(b, at + 2, 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
      return make_pixels(read_be(b, at + 7, 2), read_be(b, at + 5, 2));
    if (length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}

inline std::optional<pixels> webp_size(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8X") return make_pixels(read_le(b, 24, 3) + 1, read_le(b, 27, 3) + 1);
  if (chunk == "VP8 ") return make_pixels(read_le(b, 26, 2) & 0x3FFF, read_le(b, 28, 2) & 0x3FFF);
  if (chunk == "VP8L" && static_cast<unsigned char>(b[20]) == 0x2F) {
    const std::uint32_t bits = read_le(b, 21, 4);
    return make_pixels((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  return std::nullopt;
}
}  // namespace detail

// The width and height an image file declares, or nullopt for anything else (or a truncated
// header).
inline std::optional<pixels> image_dimensions(std::string_view bytes) {
  if (bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8))
    return detail::png_size(bytes);
  if (bytes.size() >= 3 && bytes.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3))
    return detail::jpeg_size(bytes);
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP")
    return detail::webp_size(bytes);
  return std::nullopt;
}

GPT_IMAGE_END_NAMESPACE
