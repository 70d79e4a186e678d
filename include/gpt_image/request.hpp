// SPDX-License-Identifier: MIT
#pragma once
// `image_request`: one request model for every provider. The codecs (providers/*.hpp) turn it into
// each dialect's wire format; validate.hpp checks it against a provider's documented limits.
//
// Optional fields left unset are not sent at all, so the provider's own default applies and the
// encoded body stays as small as the documented examples. A field that is set must be honoured:
// validate() rejects an option the chosen provider does not have rather than dropping it
// silently. `extra` is the escape hatch for what a provider adds tomorrow.

#include <gpt_image/error.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/version.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

// The model id every provider uses for GPT-Image-2 (seeds 000, 001, 004).
inline constexpr std::string_view default_model = "gpt-image-2";

enum class image_quality : unsigned char { automatic, low, medium, high };
enum class image_format : unsigned char { png, jpeg, webp };
enum class image_background : unsigned char { automatic, transparent, opaque };
enum class moderation_level : unsigned char { automatic, low };
enum class response_format : unsigned char { url, b64_json };

// The wire spellings (OpenAI's, which the gateways share).
constexpr std::string_view to_string(image_quality q) noexcept {
  switch (q) {
    case image_quality::low:
      return "low";
    case image_quality::medium:
      return "medium";
    case image_quality::high:
      return "high";
    case image_quality::automatic:
      break;
  }
  return "auto";
}
constexpr std::string_view to_string(image_format f) noexcept {
  switch (f) {
    case image_format::jpeg:
      return "jpeg";
    case image_format::webp:
      return "webp";
    case image_format::png:
      break;
  }
  return "png";
}
constexpr std::string_view to_string(image_background b) noexcept {
  switch (b) {
    case image_background::transparent:
      return "transparent";
    case image_background::opaque:
      return "opaque";
    case image_background::automatic:
      break;
  }
  return "auto";
}
constexpr std::string_view to_string(moderation_level m) noexcept {
  return m == moderation_level::low ? "low" : "auto";
}
constexpr std::string_view to_string(response_format r) noexcept {
  return r == response_format::b64_json ? "b64_json" : "url";
}

// The size of the output, in one of four forms:
//  - automatic():      "auto" — the provider chooses (OpenAI, aivideoapi; aivideoapi treats it as
//  1:1)
//  - ratio(a, tier):   an aspect ratio and optionally a tier, looked up in the provider's table;
//                      without a tier the provider's default tier (1K) applies and none is sent
//  - exact(pixels):    explicit pixels, checked against the provider's table (gateways) or size
//                      rule (OpenAI); gateways receive the matching ratio and tier
//  - unchecked(text):  sent verbatim, bypassing every table — visibly, for sizes a provider
//                      accepts before the tables know them (e.g. ToAPIs' legacy "1024x1024")
// A compile-time checked size: image_size::checked<provider::toapis, 16, 9, tier::k4>().
class image_size {
 public:
  enum class kind : unsigned char { automatic, ratio, exact, unchecked };

  image_size() = default;  // automatic
  static image_size automatic() { return image_size(); }
  static image_size ratio(aspect a, std::optional<gpt_image::tier> t = std::nullopt) {
    image_size s;
    s.kind_ = kind::ratio;
    s.aspect_ = a;
    s.tier_ = t;
    return s;
  }
  static image_size exact(gpt_image::pixels p) {
    image_size s;
    s.kind_ = kind::exact;
    s.pixels_ = p;
    return s;
  }
  static image_size unchecked(std::string wire_value) {
    image_size s;
    s.kind_ = kind::unchecked;
    s.unchecked_ = std::move(wire_value);
    return s;
  }
  // Ill-formed, with checked_size's diagnostic, when the provider's table lacks the combination.
  template <provider P, std::uint16_t W, std::uint16_t H, gpt_image::tier T>
  static image_size checked() {
    constexpr gpt_image::pixels verified = checked_size<P, W, H, T>();
    static_cast<void>(verified);
    return ratio(aspect{W, H}, T);
  }

  kind form() const noexcept { return kind_; }
  bool is_automatic() const noexcept { return kind_ == kind::automatic; }
  // Meaningful for ratio():
  gpt_image::aspect aspect_ratio() const noexcept { return aspect_; }
  std::optional<gpt_image::tier> tier() const noexcept { return tier_; }
  // Meaningful for exact():
  gpt_image::pixels pixels() const noexcept { return pixels_; }
  // Meaningful for unchecked():
  const std::string& wire_value() const noexcept { return unchecked_; }

  friend bool operator==(const image_size& a, const image_size& b) {
    if (a.kind_ != b.kind_) return false;
    switch (a.kind_) {
      case kind::automatic:
        return true;
      case kind::ratio:
        return a.aspect_.w == b.aspect_.w && a.aspect_.h == b.aspect_.h && a.tier_ == b.tier_;
      case kind::exact:
        return a.pixels_.width == b.pixels_.width && a.pixels_.height == b.pixels_.height;
      case kind::unchecked:
        return a.unchecked_ == b.unchecked_;
    }
    return false;
  }
  friend bool operator!=(const image_size& a, const image_size& b) { return !(a == b); }

 private:
  kind kind_ = kind::automatic;
  gpt_image::aspect aspect_{1, 1};
  std::optional<gpt_image::tier> tier_;
  gpt_image::pixels pixels_{0, 0};
  std::string unchecked_;
};

namespace detail {
// Caller text quoted in an error message: control characters become '?' (a config value must not
// be able to forge log lines) and long text is cut at 60 bytes.
inline std::string quote_for_message(std::string_view text) {
  std::string out = "'";
  for (std::size_t i = 0; i < text.size() && i < 60; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (text.size() > 60) out += "...";
  return out + "'";
}
}  // namespace detail

// A size from configuration text: `size` is "auto", a ratio ("16:9") or pixels ("3840x2160"),
// `resolution` an optional tier ("1K"/"2k"/"4K") that goes with a ratio. The result is checked
// against a provider by validate(), not here.
inline result<image_size> parse_image_size(std::string_view size,
                                           std::string_view resolution = {}) {
  std::optional<tier> t;
  if (!resolution.empty()) {
    t = parse_tier(resolution);
    if (!t)
      return error(errc::validation_failed, "resolution " + detail::quote_for_message(resolution) +
                                                " is not a tier; valid: 1K, 2K, 4K");
  }
  if (size == "auto" || size == "AUTO" || size == "Auto") {
    if (t)
      return error(errc::validation_failed,
                   "resolution " + detail::quote_for_message(resolution) +
                       " needs a ratio such as 16:9; with size auto the provider chooses");
    return image_size::automatic();
  }
  if (auto a = parse_aspect(size)) return image_size::ratio(*a, t);
  if (auto p = parse_pixels(size)) {
    if (t)
      return error(errc::validation_failed, "resolution " + detail::quote_for_message(resolution) +
                                                " goes with a ratio; size " + std::string(size) +
                                                " already names the pixels");
    return image_size::exact(*p);
  }
  return error(errc::validation_failed,
               "size " + detail::quote_for_message(size) +
                   " is neither auto, a ratio such as 16:9, nor pixels such as 1024x1024");
}

// A reference image (image-to-image, edits) or a mask: a URL, a local file, or bytes in memory.
// Gateways take only URLs; the client uploads files and bytes first where the provider has an
// upload endpoint (ToAPIs) and loads files into bytes for OpenAI's multipart edits.
struct reference_image {
  enum class kind : unsigned char { url, file, bytes };

  kind source = kind::url;
  std::string location;   // kind::url: the URL; kind::file: the local path
  std::string data;       // kind::bytes: the file's contents
  std::string mime_type;  // kind::bytes: e.g. "image/png"; guessed from the bytes when empty
  std::string filename;   // kind::bytes: the multipart filename; "image.<ext>" when empty

  static reference_image from_url(std::string url) {
    return {kind::url, std::move(url), {}, {}, {}};
  }
  static reference_image from_file(std::string path) {
    return {kind::file, std::move(path), {}, {}, {}};
  }
  static reference_image from_bytes(std::string bytes, std::string mime = {},
                                    std::string name = {}) {
    return {kind::bytes, {}, std::move(bytes), std::move(mime), std::move(name)};
  }
};

struct image_request {
  std::string prompt;
  std::string model = std::string(default_model);  // any string passes through unchecked
  std::optional<image_size> size;                  // unset: the provider's default
  std::optional<int> n;                            // images per request; unset: 1, not sent
  std::optional<image_quality> quality;
  std::optional<image_format> output_format;
  std::optional<int> output_compression;  // 0-100, jpeg/webp only
  std::optional<image_background> background;
  std::optional<moderation_level> moderation;  // OpenAI only
  std::optional<gpt_image::response_format> response_format;
  std::vector<reference_image> reference_images;  // edits / image-to-image
  std::optional<reference_image> mask;            // applies to the first reference image
  std::string callback_url;                       // aivideoapi (and ToAPIs vip); http(s) only
  std::optional<bool> nsfw_checker;               // aivideoapi only
  // Passed through untouched into the object holding the generation parameters (the body, or
  // aivideoapi's `input`); a key here overrides the field the library would have written.
  std::map<std::string, nlohmann::json> extra;
};

GPT_IMAGE_END_NAMESPACE
