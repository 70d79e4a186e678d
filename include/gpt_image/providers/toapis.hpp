// SPDX-License-Identifier: MIT
#pragma once
// The ToAPIs dialect (seeds 000-003, PROVIDERS.md §2): an asynchronous task gateway.
//
//   create   POST /v1/images/generations   JSON {model, prompt, n, size, resolution, …}
//            → {id, object:"generation.task", status, progress, created_at}
//   status   GET  /v1/images/generations/{id} → the same task object, with result.data[].url
//            once completed, or error{code,message} once failed
//   upload   POST /v1/uploads/images       multipart {file, purpose}
//            → {success, message, data:{id, url, mime_type, size}}
//
// `size` carries the aspect ratio and `resolution` the tier (seed 001). Reference images must be
// URLs (seed 000: "no direct base64 references"); local files go through the upload first.

#include <gpt_image/http.hpp>
#include <gpt_image/multipart.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/version.hpp>

#include <string>
#include <string_view>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

namespace providers::toapis {

inline constexpr std::string_view default_base_url = "https://toapis.com";

}  // namespace providers::toapis

namespace detail {
inline std::string toapis_url(const encode_options& options, std::string_view path) {
  return join_url(options.base_url.empty() ? providers::toapis::default_base_url
                                           : std::string_view(options.base_url),
                  path);
}
}  // namespace detail

namespace providers::toapis {

// POST /v1/images/generations. Reference images and the mask must already be URLs.
inline result<http_request> encode_create(const image_request& request,
                                          const encode_options& options = {}) {
  using namespace gpt_image::detail;
  json body = json::object();
  body["model"] = request.model;
  body["prompt"] = request.prompt;
  if (request.n) body["n"] = *request.n;
  if (request.size) {
    const image_size& size = *request.size;
    switch (size.form()) {
      case image_size::kind::automatic:
        body["size"] = "auto";
        break;
      case image_size::kind::ratio:
        body["size"] = aspect_text(size.aspect_ratio());
        // Seed 001 spells tiers "1K/2K/4K"; the newer docs write "1k" (PROVIDERS.md C4).
        if (size.tier())
          body["resolution"] = std::string(tier_name(*size.tier(), provider::toapis));
        break;
      case image_size::kind::exact: {
        // Pixels map onto the ratio and tier whose table entry they are (legacy pixel sizes).
        auto found = find_choice(provider::toapis, size.pixels());
        if (!found)
          return encode_error("toapis: size " + pixels_text(size.pixels()) +
                              " is not in ToAPIs' table; use a ratio and tier it lists");
        body["size"] = aspect_text(found->ratio);
        body["resolution"] = std::string(tier_name(found->resolution, provider::toapis));
        break;
      }
      case image_size::kind::unchecked:
        body["size"] = size.wire_value();
        break;
    }
  }
  if (request.response_format)
    body["response_format"] = std::string(to_string(*request.response_format));
  if (!request.reference_images.empty()) {
    json urls = json::array();
    for (const auto& image : request.reference_images) {
      if (image.source != reference_image::kind::url)
        return error(errc::invalid_reference_images,
                     "toapis: reference images must be URLs; upload local files and bytes with "
                     "POST /v1/uploads/images first (the client does this automatically)");
      urls.push_back(image.location);
    }
    body["reference_images"] = std::move(urls);
  }
  if (request.mask) {
    if (request.mask->source != reference_image::kind::url)
      return error(errc::invalid_reference_images,
                   "toapis: the mask must be a URL; upload it with POST /v1/uploads/images first");
    body["mask_url"] = request.mask->location;
  }
  if (request.quality) body["quality"] = std::string(to_string(*request.quality));
  if (request.output_format) body["output_format"] = std::string(to_string(*request.output_format));
  if (request.output_compression) body["output_compression"] = *request.output_compression;
  if (request.background) body["background"] = std::string(to_string(*request.background));
  if (!request.callback_url.empty()) body["callback_url"] = request.callback_url;
  merge_extra(body, request.extra);
  return json_post(gpt_image::detail::toapis_url(options, "/v1/images/generations"), body);
}

// GET /v1/images/generations/{id}.
inline http_request encode_status(std::string_view task_id, const encode_options& options = {}) {
  return gpt_image::detail::get_request(gpt_image::detail::toapis_url(
      options, "/v1/images/generations/" + gpt_image::detail::path_segment(task_id)));
}

// POST /v1/uploads/images: one image held in memory (kind::bytes).
inline result<http_request> encode_upload(const reference_image& image,
                                          const encode_options& options = {}) {
  using namespace gpt_image::detail;
  if (image.source != reference_image::kind::bytes)
    return encode_error(
        "toapis: an upload needs the image's bytes (reference_image::from_bytes); load a file "
        "first, and pass a URL directly instead of uploading it");
  if (image.data.empty()) return encode_error("toapis: the image to upload is empty");
  std::string mime =
      image.mime_type.empty() ? std::string(sniff_image_mime(image.data)) : image.mime_type;
  std::string filename =
      image.filename.empty() ? "image." + std::string(extension_for_mime(mime)) : image.filename;
  multipart_form form = options.multipart_boundary.empty()
                            ? multipart_form()
                            : multipart_form(options.multipart_boundary);
  form.add_file("file", std::move(filename), std::move(mime), image.data);
  form.add_field("purpose", "generation");
  auto body = form.encode();
  if (!body) return std::move(body).error();
  http_request request;
  request.method = "POST";
  request.url = gpt_image::detail::toapis_url(options, "/v1/uploads/images");
  request.body = std::move(*body);
  request.content_type = form.content_type();
  return request;
}

// The create response: a task, normally queued.
inline result<task> decode_create(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "toapis create response");
  if (!body) return std::move(body).error();
  return decode_task_object(unwrap_data(body->root), *body, response, "toapis create response",
                            /*require_status=*/false);
}

// A status response (and the polling shape of a webhook's task): queued, in_progress,
// completed with result.data[].url, or failed with error{code,message}.
inline result<task> decode_status(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "toapis status response");
  if (!body) return std::move(body).error();
  return decode_task_object(unwrap_data(body->root), *body, response, "toapis status response",
                            /*require_status=*/true);
}

// The upload response: {success:true, data:{id, url, mime_type, size}}; {success:false, message}
// is an error even with HTTP 200.
inline result<upload_result> decode_upload(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "toapis upload response");
  if (!body) return std::move(body).error();
  const json* data = object_member(body->root, "data");
  const json& fields = data ? *data : body->root;
  upload_result out;
  out.id = code_text(member(fields, "id"));
  out.url = string_member(fields, "url");
  out.mime_type = string_member(fields, "mime_type");
  out.size = integer_value(member(fields, "size"));
  if (out.url.empty())
    return malformed("toapis upload response: expected data.url, the uploaded image's URL",
                     response);
  if (!is_http_url(out.url))
    return malformed("toapis upload response: data.url is not an http(s) URL", response);
  return out;
}

}  // namespace providers::toapis

GPT_IMAGE_END_NAMESPACE
