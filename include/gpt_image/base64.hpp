// SPDX-License-Identifier: MIT
#pragma once
// Base64 (RFC 4648) encode and decode, fast enough that a 4K image (24 MiB of PNG, 33.5 MB of
// text) is not the bottleneck of a generation: the decoder is table driven, checks validity once
// per 32 characters instead of once per character, and writes straight into the caller's buffer.
//
// Decoding is strict: only the chosen alphabet, no whitespace, `=` only as trailing padding (which
// may also be left out entirely), and the unused bits of the last character must be zero — so
// every byte string has exactly one accepted encoding and garbage is reported, not decoded into a
// broken image. Errors are errc::malformed_response and name the offset and the character.

#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/version.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

enum class base64_alphabet : unsigned char {
  standard,  // A-Z a-z 0-9 + /   (RFC 4648 §4; what OpenAI's b64_json uses)
  url_safe,  // A-Z a-z 0-9 - _   (RFC 4648 §5)
  either,    // decoding only: both of the above (a tolerant reader for gateways)
};

namespace detail {

inline constexpr unsigned char base64_invalid = 0xFF;

inline constexpr std::array<unsigned char, 256> make_base64_decode_table(bool standard, bool url) {
  std::array<unsigned char, 256> table{};
  for (auto& entry : table) entry = base64_invalid;
  for (int i = 0; i < 26; ++i) {
    table[static_cast<std::size_t>('A' + i)] = static_cast<unsigned char>(i);
    table[static_cast<std::size_t>('a' + i)] = static_cast<unsigned char>(26 + i);
  }
  for (int i = 0; i < 10; ++i)
    table[static_cast<std::size_t>('0' + i)] = static_cast<unsigned char>(52 + i);
  if (standard) {
    table[static_cast<std::size_t>('+')] = 62;
    table[static_cast<std::size_t>('/')] = 63;
  }
  if (url) {
    table[static_cast<std::size_t>('-')] = 62;
    table[static_cast<std::size_t>('_')] = 63;
  }
  return table;
}

inline constexpr std::array<unsigned char, 256> base64_standard_table =
    make_base64_decode_table(true, false);
inline constexpr std::array<unsigned char, 256> base64_url_table =
    make_base64_decode_table(false, true);
inline constexpr std::array<unsigned char, 256> base64_either_table =
    make_base64_decode_table(true, true);

inline constexpr const unsigned char* base64_table_for(base64_alphabet alphabet) {
  return alphabet == base64_alphabet::standard   ? base64_standard_table.data()
         : alphabet == base64_alphabet::url_safe ? base64_url_table.data()
                                                 : base64_either_table.data();
}

inline constexpr char base64_standard_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
inline constexpr char base64_url_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// Four tables, one per position in a quad, whose entries are already shifted to where their six
// bits land in the three output bytes (little-endian order), so a quad decodes to one OR of four
// loads and a single 32-bit store. Characters outside the alphabet map to a value with bits in
// the fourth byte, which no valid quad has: one comparison checks a whole block.
inline constexpr std::uint32_t base64_bad_quad = 0x01000000u;

struct base64_quad_tables {
  std::array<std::uint32_t, 256> t0{}, t1{}, t2{}, t3{};
};

inline constexpr base64_quad_tables make_base64_quad_tables(
    const std::array<unsigned char, 256>& v) {
  base64_quad_tables q{};
  for (std::size_t c = 0; c < 256; ++c) {
    if (v[c] == base64_invalid) {
      q.t0[c] = q.t1[c] = q.t2[c] = q.t3[c] = 0x01FFFFFFu;
      continue;
    }
    const std::uint32_t x = v[c];
    q.t0[c] = x << 2;                                 // byte 0, high six bits
    q.t1[c] = (x >> 4) | ((x & 0x0Fu) << 12);         // byte 0 low two bits, byte 1 high four
    q.t2[c] = ((x >> 2) << 8) | ((x & 0x03u) << 22);  // byte 1 low four bits, byte 2 high two
    q.t3[c] = x << 16;                                // byte 2, low six bits
  }
  return q;
}

inline constexpr base64_quad_tables base64_standard_quads =
    make_base64_quad_tables(base64_standard_table);
inline constexpr base64_quad_tables base64_url_quads = make_base64_quad_tables(base64_url_table);
inline constexpr base64_quad_tables base64_either_quads =
    make_base64_quad_tables(base64_either_table);

inline constexpr const base64_quad_tables& base64_quads_for(const unsigned char* table) {
  return table == base64_standard_table.data() ? base64_standard_quads
         : table == base64_url_table.data()    ? base64_url_quads
                                               : base64_either_quads;
}

#if defined(__BYTE_ORDER__) && defined(__ORDER_LITTLE_ENDIAN__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
inline constexpr bool base64_little_endian = true;
#elif defined(_WIN32)
inline constexpr bool base64_little_endian = true;  // every Windows target is little-endian
#else
inline constexpr bool base64_little_endian = false;
#endif

// Decodes whole quads (4 characters -> 3 bytes) from `in` while every character is in the
// alphabet; stops before the first quad holding anything else (padding, a quote, garbage) so the
// caller can deal with it. `n` need not be a multiple of 4: a trailing partial quad is left
// alone. Returns the number of characters consumed (a multiple of 4); wrote consumed / 4 * 3
// bytes to `out`, and never touches `out` beyond them.
inline std::size_t base64_decode_quads(const char* in, std::size_t n, unsigned char* out,
                                       const unsigned char* table) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(in);
  const unsigned char* const start = s;
  std::size_t quads = n / 4;
  if constexpr (base64_little_endian) {
    const base64_quad_tables& q = base64_quads_for(table);
    // Blocks of 8 quads, each written with a 4-byte store (the fourth byte is overwritten by the
    // next quad; the block only runs while a quad follows it, so nothing past the output is
    // touched). One validity branch per block, which the CPU predicts perfectly on clean data.
    while (quads > 8) {
      std::uint32_t bad = 0;
      for (int i = 0; i < 8; ++i) {
        const std::uint32_t x = q.t0[s[0]] | q.t1[s[1]] | q.t2[s[2]] | q.t3[s[3]];
        bad |= x;
        std::memcpy(out, &x, 4);
        s += 4;
        out += 3;
      }
      if (bad >= base64_bad_quad) {  // something in this block is not base64: redo it slowly
        s -= 32;
        out -= 24;
        break;
      }
      quads -= 8;
    }
  }
  while (quads > 0) {
    const unsigned a = table[s[0]], b = table[s[1]], c = table[s[2]], d = table[s[3]];
    if ((a | b | c | d) & 0x80u) break;
    const std::uint32_t v = (a << 18) | (b << 12) | (c << 6) | d;
    out[0] = static_cast<unsigned char>(v >> 16);
    out[1] = static_cast<unsigned char>(v >> 8);
    out[2] = static_cast<unsigned char>(v);
    s += 4;
    out += 3;
    --quads;
  }
  return static_cast<std::size_t>(s - start);
}

// A printable rendering of one byte for an error message: 'x' or 0xNN.
inline std::string describe_byte(unsigned char c) {
  if (c >= 0x20 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
  constexpr char hex[] = "0123456789ABCDEF";
  return std::string("0x") + hex[c >> 4] + hex[c & 0xF];
}

inline std::string_view base64_alphabet_description(base64_alphabet alphabet) {
  return alphabet == base64_alphabet::standard   ? "A-Z a-z 0-9 + /"
         : alphabet == base64_alphabet::url_safe ? "A-Z a-z 0-9 - _"
                                                 : "A-Z a-z 0-9 + / - _";
}

}  // namespace detail

// Characters needed to encode `n` bytes.
constexpr std::size_t base64_encoded_size(std::size_t n, bool pad = true) noexcept {
  return pad ? (n + 2) / 3 * 4 : n / 3 * 4 + (n % 3 == 0 ? 0 : n % 3 + 1);
}

// An upper bound of the bytes that `encoded_length` characters decode to (exact without padding).
constexpr std::size_t base64_decoded_size_max(std::size_t encoded_length) noexcept {
  return encoded_length / 4 * 3 + (encoded_length % 4 == 0 ? 0 : encoded_length % 4 - 1);
}

// Encodes `n` bytes into `out`, which must hold base64_encoded_size(n, pad) characters.
// `alphabet` must be standard or url_safe.
inline void base64_encode_into(const void* data, std::size_t n, char* out,
                               base64_alphabet alphabet = base64_alphabet::standard,
                               bool pad = true) noexcept {
  const char* chars = alphabet == base64_alphabet::url_safe ? detail::base64_url_chars
                                                            : detail::base64_standard_chars;
  const auto* in = static_cast<const unsigned char*>(data);
  std::size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    const std::uint32_t v =
        (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8) | std::uint32_t{in[i + 2]};
    *out++ = chars[(v >> 18) & 63];
    *out++ = chars[(v >> 12) & 63];
    *out++ = chars[(v >> 6) & 63];
    *out++ = chars[v & 63];
  }
  if (n - i == 1) {
    const std::uint32_t v = std::uint32_t{in[i]} << 16;
    *out++ = chars[(v >> 18) & 63];
    *out++ = chars[(v >> 12) & 63];
    if (pad) {
      *out++ = '=';
      *out++ = '=';
    }
  } else if (n - i == 2) {
    const std::uint32_t v = (std::uint32_t{in[i]} << 16) | (std::uint32_t{in[i + 1]} << 8);
    *out++ = chars[(v >> 18) & 63];
    *out++ = chars[(v >> 12) & 63];
    *out++ = chars[(v >> 6) & 63];
    if (pad) *out++ = '=';
  }
}

inline std::string base64_encode(std::string_view bytes,
                                 base64_alphabet alphabet = base64_alphabet::standard,
                                 bool pad = true) {
  std::string out(base64_encoded_size(bytes.size(), pad), '\0');
  base64_encode_into(bytes.data(), bytes.size(), out.data(), alphabet, pad);
  return out;
}

// Decodes `text` into `out` (capacity `capacity` bytes; base64_decoded_size_max(text.size()) is
// always enough). Returns the number of bytes written.
inline result<std::size_t> base64_decode_into(
    std::string_view text, void* out, std::size_t capacity,
    base64_alphabet alphabet = base64_alphabet::standard) {
  const unsigned char* table = detail::base64_table_for(alphabet);
  auto fail = [&](std::size_t offset, const std::string& what) {
    return error(errc::malformed_response,
                 "base64: " + what + " at offset " + std::to_string(offset) + " of " +
                     std::to_string(text.size()) + " characters; valid: " +
                     std::string(detail::base64_alphabet_description(alphabet)) +
                     ", then at most two '=' of padding");
  };
  // Padding: strip up to two trailing '=' (only from a length that is a multiple of 4).
  std::size_t length = text.size();
  std::size_t padding = 0;
  if (length % 4 == 0) {
    while (padding < 2 && length > 0 && text[length - 1] == '=') {
      --length;
      ++padding;
    }
  }
  if (length % 4 == 1) return fail(length - 1, "a single character cannot end the data");
  const std::size_t needed = length / 4 * 3 + (length % 4 == 0 ? 0 : length % 4 - 1);
  if (needed > capacity)
    return error(errc::internal_error, "base64: the output buffer holds " +
                                           std::to_string(capacity) + " bytes, " +
                                           std::to_string(needed) + " are needed");
  auto* dst = static_cast<unsigned char*>(out);
  const std::size_t whole = length / 4 * 4;
  const std::size_t done = detail::base64_decode_quads(text.data(), whole, dst, table);
  if (done != whole) {
    for (std::size_t i = done; i < whole; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (table[c] == detail::base64_invalid)
        return fail(i, c == '=' ? std::string("'=' before the end")
                                : "invalid character " + detail::describe_byte(c));
    }
  }
  dst += whole / 4 * 3;
  const std::size_t rest = length - whole;  // 0, 2 or 3
  if (rest > 0) {
    unsigned v[3] = {0, 0, 0};
    for (std::size_t i = 0; i < rest; ++i) {
      const auto c = static_cast<unsigned char>(text[whole + i]);
      v[i] = table[c];
      if (v[i] == detail::base64_invalid)
        return fail(whole + i, c == '=' ? std::string("'=' before the end")
                                        : "invalid character " + detail::describe_byte(c));
    }
    if (rest == 2) {
      if (v[1] & 0x0Fu) return fail(whole + 1, "non-zero unused bits in the last character");
      dst[0] = static_cast<unsigned char>((v[0] << 2) | (v[1] >> 4));
    } else {
      if (v[2] & 0x03u) return fail(whole + 2, "non-zero unused bits in the last character");
      dst[0] = static_cast<unsigned char>((v[0] << 2) | (v[1] >> 4));
      dst[1] = static_cast<unsigned char>((v[1] << 4) | (v[2] >> 2));
    }
    if (padding != 0 && padding != 4 - rest) return fail(length, "wrong amount of '=' padding");
  } else if (padding != 0) {
    return fail(length, "'=' padding after a complete group");
  }
  return needed;
}

inline result<std::string> base64_decode(std::string_view text,
                                         base64_alphabet alphabet = base64_alphabet::standard) {
  std::string out(base64_decoded_size_max(text.size()), '\0');
  auto written = base64_decode_into(text, out.data(), out.size(), alphabet);
  if (!written) return std::move(written).error();
  out.resize(*written);
  return out;
}

GPT_IMAGE_END_NAMESPACE
