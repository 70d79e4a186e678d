// SPDX-License-Identifier: MIT
#pragma once
// The OpenAI dialect (PROVIDERS.md §1, reference/openai_images_schema.json): synchronous.
//
//   generations  POST /v1/images/generations  JSON (CreateImageRequest)
//   edits        POST /v1/images/edits        multipart (CreateImageEditRequest): image[] files,
//                                             mask file — when the references are bytes
//                                             JSON (EditImageBodyJsonParam): images[{image_url}],
//                                             mask{image_url} — when the references are URLs
//   response     ImagesResponse {created, data[{b64_json|url, revised_prompt}], usage, …}, or a
//                text/event-stream of image_generation.* / image_edit.* events when streaming
//
// A 4K response carries ~33 MB of base64 in data[].b64_json. It is not parsed into a JSON DOM:
// a scanner copies each b64_json string out (checking its alphabet on the way) and leaves a
// short placeholder behind, and only the remaining few hundred bytes are parsed as JSON.

#include <gpt_image/http.hpp>
#include <gpt_image/multipart.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

namespace providers::openai {
inline constexpr std::string_view default_base_url = "https://api.openai.com";
}  // namespace providers::openai

namespace detail {

inline std::string openai_url(const encode_options& options, std::string_view path) {
  return join_url(options.base_url.empty() ? providers::openai::default_base_url
                                           : std::string_view(options.base_url),
                  path);
}

// The image of one data[] element or one completed stream event.
inline std::optional<image_ref> openai_image_ref(const json_document& doc, const json& element,
                                                 bool& bad_base64) {
  if (!element.is_object()) return std::nullopt;
  image_ref ref;
  ref.url = string_member(element, "url");
  ref.revised_prompt = string_member(element, "revised_prompt");
  ref.b64_json = b64_member(doc, element, bad_base64);
  if (ref.url.empty() && ref.b64_json.empty()) return std::nullopt;
  return ref;
}

inline std::optional<image_usage> openai_usage(const json& object) {
  const json* usage = object_member(object, "usage");
  if (!usage) return std::nullopt;
  image_usage u;
  u.input_tokens = integer_value(member(*usage, "input_tokens")).value_or(0);
  u.output_tokens = integer_value(member(*usage, "output_tokens")).value_or(0);
  u.total_tokens = integer_value(member(*usage, "total_tokens")).value_or(0);
  if (const json* details = object_member(*usage, "input_tokens_details")) {
    u.input_text_tokens = integer_value(member(*details, "text_tokens")).value_or(0);
    u.input_image_tokens = integer_value(member(*details, "image_tokens")).value_or(0);
  }
  return u;
}

inline task openai_task(const http_response& response) {
  task t;
  t.id = std::string(find_header(response.headers, "x-request-id"));
  t.state = task_state::completed;
  t.progress = 100;
  return t;
}

// What an ImagesResponse says besides its images.
inline void read_openai_metadata(const json& body, task& t) {
  t.created_at = integer_value(member(body, "created"));
  t.usage = openai_usage(body);
  t.size = string_member(body, "size");
  t.quality = string_member(body, "quality");
  t.background = string_member(body, "background");
  t.output_format = string_member(body, "output_format");
}

// An ImagesResponse body.
inline result<task> decode_openai_images(const http_response& response) {
  constexpr std::string_view what = "openai images response";
  auto parsed = parse_document(response.body, response, what);
  if (!parsed) return std::move(parsed).error();
  const json& body = parsed->root;
  if (!body.is_object()) return malformed(std::string(what) + ": expected a JSON object", response);
  if (member(body, "error")) return decode_error(response);
  const json* data = array_member(body, "data");
  if (!data) return malformed(std::string(what) + ": expected a data array of images", response);
  task t = openai_task(response);
  bool bad_base64 = false;
  for (const auto& element : *data)
    if (auto ref = openai_image_ref(*parsed, element, bad_base64))
      t.outputs.push_back(std::move(*ref));
  if (bad_base64)
    return malformed(std::string(what) + ": a data[].b64_json value is not base64", response);
  if (t.outputs.empty())
    return malformed(std::string(what) + ": data holds no b64_json or url", response);
  read_openai_metadata(body, t);
  return t;
}

// An ImagesResponse whose images were decoded while the body arrived (b64_json_stream_decoder):
// `response.body` is the body with each b64_json value replaced by "#<index>", and `decoded`
// holds the images in that order. They move into the outputs' `data`; nothing is decoded twice.
inline result<task> decode_openai_decoded_images(const http_response& response,
                                                 std::vector<std::string> decoded) {
  constexpr std::string_view what = "openai images response";
  auto root = parse_json(response.body);
  if (!root || !root->is_object())
    return malformed(std::string(what) + ": expected a JSON object", response);
  const json& body = *root;
  if (member(body, "error")) return decode_error(response);
  const json* data = array_member(body, "data");
  if (!data) return malformed(std::string(what) + ": expected a data array of images", response);
  task t = openai_task(response);
  for (const auto& element : *data) {
    if (!element.is_object()) continue;
    image_ref ref;
    ref.url = string_member(element, "url");
    ref.revised_prompt = string_member(element, "revised_prompt");
    const std::string placeholder = string_member(element, "b64_json");
    if (!placeholder.empty()) {
      const auto index = placeholder[0] == '#'
                             ? integer_from_text(std::string_view(placeholder).substr(1))
                             : std::nullopt;
      if (!index || *index < 0 || static_cast<std::size_t>(*index) >= decoded.size())
        return malformed(std::string(what) + ": a data[].b64_json value was not decoded", response);
      ref.data = std::move(decoded[static_cast<std::size_t>(*index)]);
    }
    if (ref.url.empty() && ref.data.empty()) continue;
    t.outputs.push_back(std::move(ref));
  }
  if (t.outputs.empty())
    return malformed(std::string(what) + ": data holds no b64_json or url", response);
  read_openai_metadata(body, t);
  return t;
}

inline bool looks_like_event_stream(const http_response& response) {
  const std::string_view type = find_header(response.headers, "content-type");
  if (starts_with_ignoring_case(type, "text/event-stream")) return true;
  const std::string_view body = response.body;
  const std::size_t at = skip_json_space(body, 0);
  return body.compare(at, 6, "event:") == 0 || body.compare(at, 5, "data:") == 0;
}

// A text/event-stream of image_generation.* or image_edit.* events: the completed events carry
// the final images; partial images are previews and are skipped here.
inline result<task> decode_openai_stream(const http_response& response) {
  constexpr std::string_view what = "openai image stream";
  task t = openai_task(response);
  std::string data;  // the data lines of the current event, joined by '\n'
  bool has_data = false;
  bool bad_base64 = false;

  auto dispatch = [&]() -> std::optional<error> {
    if (!has_data) return std::nullopt;
    has_data = false;
    auto parsed = parse_document(data, response, what);
    if (!parsed) return std::move(parsed).error();
    const json& event = parsed->root;
    if (!event.is_object())
      return malformed(std::string(what) + ": an event is not a JSON object", response);
    const std::string type = string_member(event, "type");
    if (type == "error" || member(event, "error")) {
      http_response inner{response.status, response.headers, parsed->thinned.text};
      return decode_error(inner);
    }
    constexpr std::string_view completed = ".completed";
    if (type.size() > completed.size() &&
        std::string_view(type).substr(type.size() - completed.size()) == completed) {
      if (auto ref = openai_image_ref(*parsed, event, bad_base64))
        t.outputs.push_back(std::move(*ref));
      if (auto usage = openai_usage(event)) t.usage = usage;
      if (!t.created_at) t.created_at = integer_value(member(event, "created_at"));
      if (t.size.empty()) t.size = string_member(event, "size");
      if (t.quality.empty()) t.quality = string_member(event, "quality");
      if (t.background.empty()) t.background = string_member(event, "background");
      if (t.output_format.empty()) t.output_format = string_member(event, "output_format");
    }
    data.clear();
    return std::nullopt;
  };

  const std::string_view body = response.body;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = end + 1;
    if (line.empty()) {
      if (auto e = dispatch()) return std::move(*e);
      continue;
    }
    if (line.front() == ':') continue;  // an SSE comment (keep-alive)
    const std::size_t colon = line.find(':');
    const std::string_view field = line.substr(0, colon);
    std::string_view value =
        colon == std::string_view::npos ? std::string_view() : line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (field == "data") {
      if (has_data) data += '\n';
      data.append(value.data(), value.size());
      has_data = true;
    }
  }
  if (auto e = dispatch()) return std::move(*e);
  if (bad_base64)
    return malformed(std::string(what) + ": a b64_json value is not base64", response);
  if (t.outputs.empty())
    return malformed(std::string(what) + ": the stream holds no completed image event", response);
  return t;
}

// The `size` value OpenAI receives: WxH, "auto", or the caller's unchecked text.
inline result<std::string> openai_size_text(const image_size& size) {
  switch (size.form()) {
    case image_size::kind::automatic:
      return std::string("auto");
    case image_size::kind::exact:
      return pixels_text(size.pixels());
    case image_size::kind::unchecked:
      return size.wire_value();
    case image_size::kind::ratio:
      break;
  }
  if (size.aspect_ratio().is_auto()) return std::string("auto");
  const tier t = size.tier().value_or(tier::k1);
  if (auto p = resolve(provider::openai, size.aspect_ratio(), t)) return pixels_text(*p);
  return encode_error("openai: no pixel size is known for ratio " +
                      aspect_text(size.aspect_ratio()) + " at " +
                      std::string(tier_name(t, provider::openai)) +
                      "; pass explicit pixels (image_size::exact) or \"auto\"");
}

// The options shared by generations and both edit forms, as JSON values.
inline result<json> openai_common_fields(const image_request& request) {
  json fields = json::object();
  fields["model"] = request.model;
  fields["prompt"] = request.prompt;
  if (request.n) fields["n"] = *request.n;
  if (request.size) {
    auto size = openai_size_text(*request.size);
    if (!size) return std::move(size).error();
    fields["size"] = std::move(*size);
  }
  if (request.quality) fields["quality"] = std::string(to_string(*request.quality));
  if (request.output_format)
    fields["output_format"] = std::string(to_string(*request.output_format));
  if (request.output_compression) fields["output_compression"] = *request.output_compression;
  if (request.background) fields["background"] = std::string(to_string(*request.background));
  if (request.response_format)
    fields["response_format"] = std::string(to_string(*request.response_format));
  return fields;
}

inline std::string multipart_filename(const reference_image& image, std::string_view mime,
                                      std::size_t index) {
  if (!image.filename.empty()) return image.filename;
  return "image" + std::to_string(index + 1) + "." + std::string(extension_for_mime(mime));
}

}  // namespace detail

namespace providers::openai {

// POST /v1/images/generations without reference images; POST /v1/images/edits with them —
// multipart when they are bytes, JSON when they are URLs (http(s) or data URLs). Local files must
// be loaded into bytes first (the client does this); URLs and bytes cannot be mixed in one edit.
inline result<http_request> encode_create(const image_request& request,
                                          const encode_options& options = {}) {
  using namespace gpt_image::detail;
  auto fields = openai_common_fields(request);
  if (!fields) return std::move(fields).error();

  if (request.reference_images.empty()) {
    if (request.mask) return encode_error("openai: a mask needs a reference image to apply to");
    json body = std::move(*fields);
    if (request.moderation) body["moderation"] = std::string(to_string(*request.moderation));
    merge_extra(body, request.extra);
    return json_post(openai_url(options, "/v1/images/generations"), body);
  }

  std::size_t urls = 0, bytes = 0;
  for (const auto& image : request.reference_images) {
    if (image.source == reference_image::kind::file)
      return error(errc::invalid_reference_images,
                   "openai: reference image " + quote_for_message(image.location) +
                       " is a local file; load it with reference_image::from_bytes first (the "
                       "client does this automatically)");
    (image.source == reference_image::kind::url ? urls : bytes) += 1;
  }
  if (urls && bytes)
    return error(errc::invalid_reference_images,
                 "openai: edits take either files (multipart) or URLs (JSON), not both; load the "
                 "URLs into bytes or upload the bytes somewhere and pass URLs");

  if (urls) {  // EditImageBodyJsonParam
    json body = std::move(*fields);
    json images = json::array();
    for (const auto& image : request.reference_images)
      images.push_back(json{{"image_url", image.location}});
    body["images"] = std::move(images);
    if (request.mask) {
      if (request.mask->source != reference_image::kind::url)
        return error(errc::invalid_reference_images,
                     "openai: with URL references the mask must be a URL too");
      body["mask"] = json{{"image_url", request.mask->location}};
    }
    if (request.moderation) body["moderation"] = std::string(to_string(*request.moderation));
    merge_extra(body, request.extra);
    return json_post(openai_url(options, "/v1/images/edits"), body);
  }

  // CreateImageEditRequest (multipart). It has no `moderation` field (PROVIDERS.md C18).
  if (request.moderation)
    return encode_error(
        "openai: multipart edits take no moderation option; unset it, or pass the reference "
        "images as URLs (JSON edits accept it)");
  multipart_form form = options.multipart_boundary.empty()
                            ? multipart_form()
                            : multipart_form(options.multipart_boundary);
  json merged = std::move(*fields);
  merge_extra(merged, request.extra);
  for (const auto& [key, value] : merged.items()) form.add_field(key, form_text(value));
  for (std::size_t i = 0; i < request.reference_images.size(); ++i) {
    const reference_image& image = request.reference_images[i];
    std::string mime =
        image.mime_type.empty() ? std::string(sniff_image_mime(image.data)) : image.mime_type;
    std::string name = multipart_filename(image, mime, i);
    form.add_file("image[]", std::move(name), std::move(mime), image.data);
  }
  if (request.mask) {
    if (request.mask->source != reference_image::kind::bytes)
      return error(errc::invalid_reference_images,
                   "openai: with file references the mask must be bytes too (a PNG)");
    std::string mime = request.mask->mime_type.empty()
                           ? std::string(sniff_image_mime(request.mask->data))
                           : request.mask->mime_type;
    std::string name = request.mask->filename.empty() ? "mask.png" : request.mask->filename;
    form.add_file("mask", std::move(name), std::move(mime), request.mask->data);
  }
  auto body = form.encode();
  if (!body) return std::move(body).error();
  http_request out;
  out.method = "POST";
  out.url = openai_url(options, "/v1/images/edits");
  out.body = std::move(*body);
  out.content_type = form.content_type();
  return out;
}

// The synchronous response of generations and edits: a completed task whose outputs hold the
// still-encoded base64 (or URLs, for DALL-E). Its id is the x-request-id, when sent.
inline result<task> decode_create(const http_response& response) {
  using namespace gpt_image::detail;
  if (!is_http_success(response.status)) return decode_error(response);
  if (looks_like_event_stream(response)) return decode_openai_stream(response);
  return decode_openai_images(response);
}

// The same response when its images were decoded as the body arrived (b64_json_stream_decoder):
// `response.body` is the decoder's JSON, with "#<index>" for each b64_json value, and `decoded`
// the images it decoded. Used by the client, so that a 4K response is never held whole.
inline result<task> decode_create_decoded(const http_response& response,
                                          std::vector<std::string> decoded) {
  using namespace gpt_image::detail;
  if (!is_http_success(response.status)) return decode_error(response);
  return decode_openai_decoded_images(response, std::move(decoded));
}

}  // namespace providers::openai

GPT_IMAGE_END_NAMESPACE
