// SPDX-License-Identifier: MIT
#pragma once
// validate(request, provider): everything that can be known to fail before a request is sent,
// checked against the provider's documented limits (tables/limits.hpp, the size tables). The
// message says what is wrong and what would be valid; the code is errc::validation_failed, or
// errc::invalid_reference_images for reference images in a form the provider cannot take (the
// provider's own code for that mistake, seed 000).
//
// A field the provider has no equivalent for is an error, not silently dropped: a caller who asks
// for a JPEG or a callback and gets neither has a worse day than one told up front. `extra`
// fields are the caller's business and are not checked.

#include <gpt_image/error.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {

// The number of Unicode code points in UTF-8 text — how the providers count "characters"
// (Evolink says so explicitly, PROVIDERS.md C1) — or nullopt when the text is not valid UTF-8
// (overlong forms, surrogates and values beyond U+10FFFF included).
inline std::optional<std::size_t> count_code_points(std::string_view text) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead < 0x80) {
      length = 1;
      cp = lead;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      cp = lead & 0x07u;
    } else {
      return std::nullopt;
    }
    if (text.size() - i < length) return std::nullopt;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0u) != 0x80u) return std::nullopt;
      cp = (cp << 6) | (next & 0x3Fu);
    }
    if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

inline error validation_error(std::string message) {
  return error(errc::validation_failed, std::move(message));
}

inline error reference_image_error(std::string message) {
  return error(errc::invalid_reference_images, std::move(message));
}

// One reference image (or the mask, `what` says which) in a form `p` can take.
inline result<void> validate_reference(const reference_image& image, provider p,
                                       const std::string& what) {
  const limits& lim = limits_of(p);
  const std::string name(to_string(p));
  switch (image.source) {
    case reference_image::kind::url: {
      const std::string& url = image.location;
      if (url.empty()) return reference_image_error(what + " has an empty URL");
      if (is_http_url(url)) return {};
      if (is_data_url(url)) {
        if (lim.reference_inline) return {};
        return reference_image_error(
            what + " is a base64 data URL, but " + name + " takes only http(s) URLs; " +
            (lim.has_upload_endpoint
                 ? "upload it first (pass reference_image::from_bytes and the client uploads it)"
                 : "host the image and pass its http(s) URL"));
      }
      return reference_image_error(
          what + " '" + body_excerpt(url, 80) + "' is not an http(s) URL; " +
          (lim.has_upload_endpoint || lim.reference_multipart
               ? "for a local file use reference_image::from_file (the client " +
                     std::string(lim.has_upload_endpoint ? "uploads" : "sends") + " it)"
               : name + " takes only http(s) URLs, so host the image first"));
    }
    case reference_image::kind::file:
    case reference_image::kind::bytes: {
      if (image.source == reference_image::kind::file && image.location.empty())
        return reference_image_error(what + " is a local file with an empty path");
      if (image.source == reference_image::kind::bytes && image.data.empty())
        return reference_image_error(what + " holds no bytes");
      if (lim.has_upload_endpoint || lim.reference_multipart) return {};
      return reference_image_error(
          what + " is a local " + (image.source == reference_image::kind::file ? "file" : "image") +
          ", but " + name +
          " takes only http(s) URLs and has no upload endpoint; host the "
          "image and pass its URL");
    }
  }
  return {};
}

inline result<void> validate_size(const image_size& size, provider p, bool openai_json_edit) {
  const limits& lim = limits_of(p);
  switch (size.form()) {
    case image_size::kind::unchecked:
      if (size.wire_value().empty())
        return validation_error(
            "an unchecked size must not be empty; use image_size::automatic() for auto");
      return {};  // visibly unchecked: the caller takes over
    case image_size::kind::automatic:
      if (auto_size_of(p) == auto_size::not_offered)
        return validation_error(std::string(to_string(p)) +
                                " does not offer size auto; pick a ratio and tier, e.g. 1:1 at 1K "
                                "(1024x1024)");
      return {};
    case image_size::kind::ratio: {
      const aspect a = size.aspect_ratio();
      if (a.is_auto() && !size.tier())
        return validate_size(image_size::automatic(), p, openai_json_edit);
      const tier t = size.tier().value_or(lim.default_tier);
      if (!supports(p, a, t)) return validation_error(explain_unsupported(p, a, t));
      if (openai_json_edit) {
        const auto px = resolve(p, a, t);
        return validate_size(image_size::exact(*px), p, openai_json_edit);
      }
      return {};
    }
    case image_size::kind::exact: {
      const pixels px = size.pixels();
      if (!supports(p, px)) return validation_error(explain_unsupported(p, px));
      if (openai_json_edit) {
        for (pixels preset : openai_presets)
          if (preset == px) return {};
        return validation_error(
            "openai: edits with URL references (JSON) accept only the sizes auto, "
            "1024x1024, 1536x1024 and 1024x1536, not " +
            pixels_text(px) + "; pass the references as bytes (multipart) for other sizes");
      }
      return {};
    }
  }
  return {};
}

inline std::string no_such_option(provider p, std::string_view option, std::string_view advice) {
  return std::string(to_string(p)) + " has no " + std::string(option) + " option; " +
         std::string(advice);
}

}  // namespace detail

// Checks `request` against what `p` documents. OK, or the first problem found.
inline result<void> validate(const image_request& request, provider p) {
  using namespace detail;
  const limits& lim = limits_of(p);
  const std::string name(to_string(p));

  if (request.model.empty())
    return validation_error("model is empty; GPT-Image-2 is \"" + std::string(default_model) +
                            "\"");

  // --- prompt ---
  const auto characters = count_code_points(request.prompt);
  if (!characters) return validation_error("prompt is not valid UTF-8");
  if (*characters == 0) {
    // aivideoapi: "At least one of prompt or image_urls must be provided" (seed 004).
    if (p != provider::aivideoapi)
      return validation_error("prompt is empty; " + name + " requires a prompt of 1 to " +
                              std::to_string(lim.prompt_max_chars) + " characters");
    if (request.reference_images.empty())
      return validation_error(
          "prompt is empty and there are no reference images; aivideoapi needs a "
          "prompt (up to " +
          std::to_string(lim.prompt_max_chars) + " characters) or at least one reference image");
  }
  if (*characters > lim.prompt_max_chars)
    return validation_error("prompt has " + std::to_string(*characters) + " characters; " + name +
                            " accepts at most " + std::to_string(lim.prompt_max_chars) +
                            " (counted as Unicode code points)");

  // --- n ---
  const int n = request.n.value_or(1);
  if (n < lim.n_min || n > lim.n_max) {
    if (lim.n_min == lim.n_max)
      return validation_error("n = " + std::to_string(n) + ", but " + name + " makes exactly " +
                              std::to_string(lim.n_min) +
                              " image per task; submit several tasks for more images");
    return validation_error("n = " + std::to_string(n) + " is out of range; " + name + " accepts " +
                            std::to_string(lim.n_min) + " to " + std::to_string(lim.n_max));
  }

  // --- reference images and mask ---
  if (request.reference_images.size() > lim.reference_images_max)
    return validation_error("there are " + std::to_string(request.reference_images.size()) +
                            " reference images; " + name + " accepts at most " +
                            std::to_string(lim.reference_images_max));
  std::size_t url_references = 0;
  for (std::size_t i = 0; i < request.reference_images.size(); ++i) {
    const reference_image& image = request.reference_images[i];
    auto ok = validate_reference(image, p, "reference image " + std::to_string(i + 1));
    if (!ok) return ok;
    if (image.source == reference_image::kind::url) ++url_references;
  }
  const bool openai_json_edit = p == provider::openai && url_references > 0;
  if (p == provider::openai && url_references > 0 &&
      url_references != request.reference_images.size())
    return reference_image_error(
        "openai: edits take either files (multipart) or URLs (JSON), not both; make all "
        "reference images URLs, or all local files/bytes");
  if (request.mask) {
    if (request.reference_images.empty())
      return validation_error(
          "a mask needs a reference image to apply to (it edits the first one); add "
          "one or remove the mask");
    if (p == provider::aivideoapi)
      return validation_error(no_such_option(p, "mask", "describe the edit in the prompt instead"));
    auto ok = validate_reference(*request.mask, p, "the mask");
    if (!ok) return ok;
    if (p == provider::openai &&
        (request.mask->source == reference_image::kind::url) != openai_json_edit)
      return reference_image_error(
          "openai: the mask must take the same form as the reference images (all URLs, or all "
          "local files/bytes)");
  }

  // --- size ---
  if (request.size) {
    auto ok = validate_size(*request.size, p, openai_json_edit);
    if (!ok) return ok;
  }

  // --- output options ---
  if (p == provider::aivideoapi) {
    constexpr std::string_view advice = "unset it (aivideoapi chooses)";
    if (request.quality) return validation_error(no_such_option(p, "quality", advice));
    if (request.output_format) return validation_error(no_such_option(p, "output_format", advice));
    if (request.output_compression)
      return validation_error(no_such_option(p, "output_compression", advice));
    if (request.background) return validation_error(no_such_option(p, "background", advice));
    if (request.response_format)
      return validation_error(no_such_option(p, "response_format", "it always returns URLs"));
  }
  if (p == provider::toapis && request.output_format == image_format::webp)
    return validation_error(
        "toapis: output_format webp is not offered (PROVIDERS.md C12); use png or jpeg");
  const image_format format = request.output_format.value_or(image_format::png);
  if (request.background == image_background::transparent && format == image_format::jpeg)
    return validation_error("a transparent background needs output_format png or webp, not jpeg");
  if (request.output_compression) {
    const int c = *request.output_compression;
    if (c < 0 || c > 100)
      return validation_error("output_compression = " + std::to_string(c) +
                              " is out of range; 0 to 100");
    if (format == image_format::png)
      return validation_error(
          "output_compression applies to jpeg and webp only; set output_format to "
          "jpeg or webp, or unset output_compression (png is " +
          std::string(request.output_format ? "chosen" : "the default") + ")");
  }
  if (request.moderation && p != provider::openai)
    return validation_error(no_such_option(p, "moderation", "it is an OpenAI option; unset it"));
  if (request.moderation && p == provider::openai && !request.reference_images.empty() &&
      !openai_json_edit)
    return validation_error(
        "openai: multipart edits (reference images as files) take no moderation "
        "option; unset it, or pass the reference images as URLs");
  if (p == provider::openai && request.response_format &&
      starts_with_ignoring_case(request.model, "gpt-image"))
    return validation_error(
        "openai: response_format is for DALL-E only; GPT image models always "
        "return b64_json, so unset it");

  // --- delivery ---
  if (!request.callback_url.empty()) {
    if (p == provider::openai)
      return validation_error("openai has no callback_url: it answers synchronously; unset it");
    if (!is_http_url(request.callback_url))
      return validation_error(
          "callback_url '" + body_excerpt(request.callback_url, 80) +
          "' is not an http(s) URL; give e.g. https://your-server.example/webhook");
  }
  if (request.nsfw_checker && p != provider::aivideoapi)
    return validation_error(
        no_such_option(p, "nsfw_checker",
                       p == provider::openai ? "use moderation instead, or unset it" : "unset it"));
  return {};
}

GPT_IMAGE_END_NAMESPACE
