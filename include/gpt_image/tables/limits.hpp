// SPDX-License-Identifier: MIT
#pragma once
// Each provider's request limits: prompt length, reference images, images per request, what
// comes back (URLs or inline base64) and in which forms reference images are accepted.

#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>

GPT_IMAGE_BEGIN_NAMESPACE

struct limits {
  std::uint32_t prompt_max_chars;     // the documented maximum prompt length in characters
  std::uint8_t reference_images_max;  // reference images per request
  std::uint8_t n_min;                 // images per request
  std::uint8_t n_max;
  // What the result can be delivered as.
  bool returns_url;
  bool returns_b64_json;
  // How reference images may be given.
  bool reference_by_url;     // public http(s) URLs
  bool reference_inline;     // base64 or data: URLs inside the request
  bool reference_multipart;  // files in a multipart request (OpenAI's /images/edits)
  bool has_upload_endpoint;  // a separate upload call turns a local file into a URL
  tier default_tier;         // when no tier is sent
};

// Initialisers name their fields in comments: C++17 has no designated initialisers.
inline constexpr limits openai_limits{
    /*prompt_max_chars=*/32000,   // "at most 32,000 chars for GPT image models" (PROVIDERS.md §1)
    /*reference_images_max=*/16,  // /images/edits: up to 16 images
    /*n_min=*/1,
    /*n_max=*/10,
    /*returns_url=*/false,  // `url` is "unsupported for GPT image models"
    /*returns_b64_json=*/true,
    /*reference_by_url=*/true,     // JSON edits: image_url is an http(s) URL...
    /*reference_inline=*/true,     // ...or a data URL
    /*reference_multipart=*/true,  // multipart edits: image / image[]
    /*has_upload_endpoint=*/false,
    /*default_tier=*/tier::k1,  // OpenAI sends no tier; its default size is "auto"
};

// Seed 001 is silent on the reference-image count and on n's range; 16 and 1-10 are from
// PROVIDERS.md (ToAPIs' edits and official pages).
inline constexpr limits toapis_limits{
    // Seed 003 (an older revision) said 4,000; seed 001 and PROVIDERS.md HEAD say 32,000.
    /*prompt_max_chars=*/32000,
    /*reference_images_max=*/16,
    /*n_min=*/1,
    /*n_max=*/10,
    // Seed 001 lists url | b64_json; PROVIDERS.md C7: HEAD returns URLs only.
    /*returns_url=*/true,
    /*returns_b64_json=*/true,
    /*reference_by_url=*/true,   // "Reference images must be URLs" (seeds 000-003)
    /*reference_inline=*/false,  // "no direct base64 references"
    /*reference_multipart=*/false,
    /*has_upload_endpoint=*/true,  // "use the Upload Image API to upload local files" (seed 001)
    /*default_tier=*/tier::k1,     // resolution defaults to 1K (seed 001)
};

inline constexpr limits aivideoapi_limits{
    /*prompt_max_chars=*/20000,   // seed 004: "max 20,000 characters"
    /*reference_images_max=*/16,  // seed 004: "Maximum 16 images"
    /*n_min=*/1,
    /*n_max=*/1,           // seed 004's request has no `n`: one task, one image
    /*returns_url=*/true,  // output.urls[]
    /*returns_b64_json=*/false,
    /*reference_by_url=*/true,  // input.image_urls
    /*reference_inline=*/false,
    /*reference_multipart=*/false,
    /*has_upload_endpoint=*/false,  // seed 004 documents none
    /*default_tier=*/tier::k1,      // "resolution ... defaults to 1k"
};

constexpr const limits& limits_of(provider p) noexcept {
  switch (p) {
    case provider::toapis:
      return toapis_limits;
    case provider::aivideoapi:
      return aivideoapi_limits;
    case provider::openai:
      break;
  }
  return openai_limits;
}

GPT_IMAGE_END_NAMESPACE
