// SPDX-License-Identifier: MIT
#pragma once
// Synthetic OpenAI ImagesResponse bodies for the b64 benchmarks, and the "DOM + naive" path they
// are compared with (what a straightforward client does: parse the whole body into a JSON DOM,
// copy the b64_json string out, decode it one character at a time into a growing vector).
//
// Sizes: an incompressible PNG is about 3 bytes per pixel, so 1K (1024x1024) ~ 3 MiB,
// 2K (2048x2048) ~ 12 MiB, 4K (3840x2160) ~ 24 MiB — 33.5 MB of base64 at 4K.

#include <gpt_image/base64.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

inline constexpr std::size_t mib = std::size_t{1} << 20;

struct payload_size {
  const char* name;
  std::size_t image_bytes;
};
inline constexpr payload_size payload_sizes[] = {
    {"1K", 3 * mib}, {"2K", 12 * mib}, {"4K", 24 * mib}};

// Deterministic noise: what a PNG looks like to a base64 codec.
inline void fill_image_bytes(char* out, std::size_t n, std::uint64_t& state) {
  for (std::size_t i = 0; i < n; ++i) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    out[i] = static_cast<char>(state >> 32);
  }
}

inline constexpr std::string_view body_head =
    R"({"created":1713833628,"data":[{"revised_prompt":"a lighthouse at dusk","b64_json":")";
inline constexpr std::string_view body_tail =
    R"("}],"background":"opaque","output_format":"png","size":"3840x2160","quality":"high",)"
    R"("usage":{"input_tokens":50,"output_tokens":6240,"total_tokens":6290,)"
    R"("input_tokens_details":{"text_tokens":50,"image_tokens":0},)"
    R"("output_tokens_details":{"image_tokens":6240,"text_tokens":0}}})";

// Produces the body piece by piece (each piece <= chunk bytes) without ever holding the image or
// the body whole — for the streaming path's peak-memory measurement. `emit(const char*, size_t)`.
template <class Emit>
void generate_body(std::size_t image_bytes, std::size_t chunk, Emit&& emit) {
  emit(body_head.data(), body_head.size());
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  std::string raw(chunk / 4 * 3, '\0');  // a multiple of 3 bytes: no padding in the middle
  std::string text(gpt_image::base64_encoded_size(raw.size()), '\0');
  for (std::size_t done = 0; done < image_bytes;) {
    const std::size_t n = std::min(raw.size(), image_bytes - done);
    fill_image_bytes(raw.data(), n, state);
    gpt_image::base64_encode_into(raw.data(), n, text.data());
    emit(text.data(), gpt_image::base64_encoded_size(n));
    done += n;
  }
  emit(body_tail.data(), body_tail.size());
}

inline std::string make_body(std::size_t image_bytes) {
  std::string body;
  body.reserve(body_head.size() + gpt_image::base64_encoded_size(image_bytes) + body_tail.size());
  generate_body(image_bytes, 64 * 1024,
                [&](const char* data, std::size_t n) { body.append(data, n); });
  return body;
}

// The baseline decoder: one character at a time, a bit accumulator, push_back into a vector that
// grows as it goes — the common hand-written base64 decoder.
inline std::vector<std::uint8_t> naive_base64_decode(const std::string& in) {
  static const std::vector<int> table = [] {
    std::vector<int> t(256, -1);
    const std::string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i) t[static_cast<unsigned char>(chars[i])] = i;
    return t;
  }();
  std::vector<std::uint8_t> out;
  int value = 0;
  int bits = -8;
  for (unsigned char c : in) {
    if (table[c] == -1) break;
    value = (value << 6) + table[c];
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<std::uint8_t>((value >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

// nlohmann DOM + naive decode. Returns the decoded size (0 on failure).
inline std::size_t dom_naive_decode(const std::string& body) {
  const auto document = nlohmann::json::parse(body, nullptr, false);
  if (document.is_discarded()) return 0;
  const std::string b64 = document["data"][0]["b64_json"].get<std::string>();
  return naive_base64_decode(b64).size();
}

}  // namespace bench
