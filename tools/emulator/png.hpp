// SPDX-License-Identifier: MIT
#pragma once
// A minimal, correct PNG encoder for the emulator's result images: 8-bit RGB, one IHDR, one IDAT,
// one IEND, CRCs and deflate from zlib. The picture is a gradient with diagonal bands whose colours
// are derived from the prompt, so different prompts give visibly different (and reproducible)
// files, and every file has exactly the pixel size the request resolved to.

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gpt_image_emulator {

namespace detail {

inline void append_u32_be(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 24) & 0xFF));
  out.push_back(static_cast<char>((v >> 16) & 0xFF));
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}

inline void append_chunk(std::string& out, const char (&type)[5], const std::string& data) {
  append_u32_be(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t type_at = out.size();
  out.append(type, 4);
  out.append(data);
  // The CRC covers the chunk type and the data, not the length (PNG spec, section 5.3).
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, reinterpret_cast<const Bytef*>(out.data() + type_at),
              static_cast<uInt>(4 + data.size()));
  append_u32_be(out, static_cast<std::uint32_t>(crc));
}

// FNV-1a: a stable seed for the picture, independent of the standard library's std::hash.
inline std::uint64_t fnv1a(std::string_view text) {
  std::uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

struct rgb {
  std::uint8_t r, g, b;
};

inline rgb colour_from(std::uint64_t seed) {
  // Keep every channel away from black so the bands stay visible.
  return rgb{static_cast<std::uint8_t>(48 + (seed & 0xFF) % 208),
             static_cast<std::uint8_t>(48 + ((seed >> 8) & 0xFF) % 208),
             static_cast<std::uint8_t>(48 + ((seed >> 16) & 0xFF) % 208)};
}

inline std::uint8_t mix(std::uint8_t a, std::uint8_t b, std::uint32_t num, std::uint32_t den) {
  if (den == 0) return a;
  const std::int32_t delta = static_cast<std::int32_t>(b) - static_cast<std::int32_t>(a);
  return static_cast<std::uint8_t>(static_cast<std::int32_t>(a) +
                                   delta * static_cast<std::int32_t>(num) /
                                       static_cast<std::int32_t>(den));
}

}  // namespace detail

// An 8-bit RGB PNG of width x height pixels (both >= 1). `seed_text` (the prompt) and `variant`
// (the image's index within a request) choose the colours. Returns an empty string only if zlib
// fails, which does not happen for valid sizes.
inline std::string encode_png(std::uint32_t width, std::uint32_t height, std::string_view seed_text,
                              std::uint32_t variant = 0) {
  if (width == 0 || height == 0) return {};
  const std::uint64_t seed = detail::fnv1a(seed_text) ^ (0x9E3779B97F4A7C15ull * (variant + 1));
  const detail::rgb left = detail::colour_from(seed);
  const detail::rgb right = detail::colour_from(seed >> 24);
  const std::uint32_t band = 32 + static_cast<std::uint32_t>((seed >> 48) % 96);

  z_stream zs{};
  if (deflateInit(&zs, Z_DEFAULT_COMPRESSION) != Z_OK) return {};
  std::string idat;
  std::vector<unsigned char> filtered(1 + 3 * static_cast<std::size_t>(width));
  std::vector<unsigned char> out_buffer(1 << 16);
  bool ok = true;

  auto pump = [&](int flush) {
    do {
      zs.next_out = out_buffer.data();
      zs.avail_out = static_cast<uInt>(out_buffer.size());
      const int rc = deflate(&zs, flush);
      if (rc == Z_STREAM_ERROR) {
        ok = false;
        return;
      }
      idat.append(reinterpret_cast<const char*>(out_buffer.data()),
                  out_buffer.size() - zs.avail_out);
    } while (zs.avail_out == 0);
  };

  // Horizontal gradient of red between the two colours, a vertical fade of green, a diagonal one of
  // blue, and darker diagonal bands. Everything depends on x, y or x + y alone, so it is computed
  // once per column, row or diagonal: a 4K image must stay cheap in an unoptimised debug build.
  const std::size_t diagonals = std::size_t(width) + height - 1;
  const std::uint32_t span_x = width > 1 ? width - 1 : 1;
  const std::uint32_t span_y = height > 1 ? height - 1 : 1;
  const std::uint32_t span_d = diagonals > 1 ? static_cast<std::uint32_t>(diagonals - 1) : 1;
  std::vector<std::uint8_t> red(width), blue(diagonals);
  std::vector<unsigned char> dark(diagonals);  // not vector<bool>: slow unoptimised
  for (std::uint32_t x = 0; x < width; ++x) red[x] = detail::mix(left.r, right.r, x, span_x);
  for (std::size_t d = 0; d < diagonals; ++d) {
    blue[d] = detail::mix(left.b, right.b, static_cast<std::uint32_t>(d), span_d);
    dark[d] = (d / band) % 2 == 1 ? 1 : 0;
  }
  auto shade = [](std::uint8_t c) { return static_cast<std::uint8_t>(c - c / 5); };

  for (std::uint32_t y = 0; y < height && ok; ++y) {
    const std::uint8_t green = detail::mix(left.g, right.g, y, span_y);
    // Filter type 1 (Sub): each byte is stored minus the same channel of the pixel to its left.
    // Gradients turn into runs of tiny numbers, which keeps even 3840x2160 files small and fast to
    // deflate. The filtered row is written directly; the unfiltered one is never stored.
    filtered[0] = 1;
    unsigned char* out = filtered.data() + 1;
    std::uint8_t last_r = 0, last_g = 0, last_b = 0;
    for (std::uint32_t x = 0; x < width; ++x, out += 3) {
      const std::size_t d = std::size_t(x) + y;
      std::uint8_t r = red[x], g = green, b = blue[d];
      if (dark[d]) {
        r = shade(r);
        g = shade(g);
        b = shade(b);
      }
      out[0] = static_cast<unsigned char>(r - last_r);
      out[1] = static_cast<unsigned char>(g - last_g);
      out[2] = static_cast<unsigned char>(b - last_b);
      last_r = r;
      last_g = g;
      last_b = b;
    }
    zs.next_in = filtered.data();
    zs.avail_in = static_cast<uInt>(filtered.size());
    pump(Z_NO_FLUSH);
  }
  if (ok) pump(Z_FINISH);
  deflateEnd(&zs);
  if (!ok) return {};

  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  detail::append_u32_be(ihdr, width);
  detail::append_u32_be(ihdr, height);
  ihdr.push_back(8);  // bit depth
  ihdr.push_back(2);  // colour type: truecolour (RGB)
  ihdr.push_back(0);  // compression: deflate
  ihdr.push_back(0);  // filter method: adaptive
  ihdr.push_back(0);  // interlace: none
  detail::append_chunk(png, "IHDR", ihdr);
  detail::append_chunk(png, "IDAT", idat);
  detail::append_chunk(png, "IEND", std::string());
  return png;
}

// Standard base64 (RFC 4648, with padding), for OpenAI's `b64_json`.
inline std::string base64_encode(std::string_view bytes) {
  static constexpr char alphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    const std::uint32_t v = (static_cast<unsigned char>(bytes[i]) << 16) |
                            (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                            static_cast<unsigned char>(bytes[i + 2]);
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(alphabet[(v >> 6) & 63]);
    out.push_back(alphabet[v & 63]);
  }
  const std::size_t rest = bytes.size() - i;
  if (rest > 0) {
    std::uint32_t v = static_cast<unsigned char>(bytes[i]) << 16;
    if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    out.push_back(alphabet[(v >> 18) & 63]);
    out.push_back(alphabet[(v >> 12) & 63]);
    out.push_back(rest == 2 ? alphabet[(v >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace gpt_image_emulator
