// SPDX-License-Identifier: MIT
#pragma once
// The aivideoapi dialect (seed 004, PROVIDERS.md §3): an asynchronous task gateway whose
// parameters live in an `input` object.
//
//   create   POST /v1/images/generations
//            {model, callback_url, input:{prompt, image_urls, aspect_ratio, resolution,
//             nsfw_checker}} → {code:200, msg:"success", data:{taskId}}
//   status   GET  /v1/tasks/{taskId} → {id, status, model, created_at, completed_at,
//            output:{urls[]}} or {…, status:"failed", error:{code, message}}
//            (callbacks POST the same object)
//   credits  GET  /v1/credits → {code:200, msg, data:{balance, total_purchased, total_consumed}}
//
// There is no upload endpoint: reference images must be URLs the caller hosts.

#include <gpt_image/http.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/version.hpp>

#include <string>
#include <string_view>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

namespace providers::aivideoapi {
inline constexpr std::string_view default_base_url = "https://api.aivideoapi.ai";
}  // namespace providers::aivideoapi

namespace detail {
inline std::string aivideoapi_url(const encode_options& options, std::string_view path) {
  return join_url(options.base_url.empty() ? providers::aivideoapi::default_base_url
                                           : std::string_view(options.base_url),
                  path);
}
}  // namespace detail

namespace providers::aivideoapi {

// POST /v1/images/generations. Fields left unset in the request are left out of `input`, so the
// documented defaults apply (aspect_ratio auto, resolution 1k, nsfw_checker true).
inline result<http_request> encode_create(const image_request& request,
                                          const encode_options& options = {}) {
  using namespace gpt_image::detail;
  json input = json::object();
  if (!request.prompt.empty()) input["prompt"] = request.prompt;
  if (!request.reference_images.empty()) {
    json urls = json::array();
    for (const auto& image : request.reference_images) {
      if (image.source != reference_image::kind::url)
        return error(errc::invalid_reference_images,
                     "aivideoapi: reference images must be URLs (it has no upload endpoint); "
                     "host the image and pass its http(s) URL");
      urls.push_back(image.location);
    }
    input["image_urls"] = std::move(urls);
  }
  if (request.size) {
    const image_size& size = *request.size;
    switch (size.form()) {
      case image_size::kind::automatic:
        input["aspect_ratio"] = "auto";
        break;
      case image_size::kind::ratio:
        input["aspect_ratio"] = aspect_text(size.aspect_ratio());
        if (size.tier())
          input["resolution"] = std::string(tier_name(*size.tier(), provider::aivideoapi));
        break;
      case image_size::kind::exact: {
        // Seed 004: "you may also pass an explicit pixel size" from the table via aspect_ratio.
        input["aspect_ratio"] = pixels_text(size.pixels());
        if (auto found = find_choice(provider::aivideoapi, size.pixels()))
          input["resolution"] = std::string(tier_name(found->resolution, provider::aivideoapi));
        break;
      }
      case image_size::kind::unchecked:
        input["aspect_ratio"] = size.wire_value();
        break;
    }
  }
  if (request.nsfw_checker) input["nsfw_checker"] = *request.nsfw_checker;
  merge_extra(input, request.extra);

  json body = json::object();
  body["model"] = request.model;
  if (!request.callback_url.empty()) body["callback_url"] = request.callback_url;
  body["input"] = std::move(input);
  return json_post(aivideoapi_url(options, "/v1/images/generations"), body);
}

// GET /v1/tasks/{taskId}.
inline http_request encode_status(std::string_view task_id, const encode_options& options = {}) {
  using namespace gpt_image::detail;
  return get_request(aivideoapi_url(options, "/v1/tasks/" + path_segment(task_id)));
}

// GET /v1/credits.
inline http_request encode_credits(const encode_options& options = {}) {
  return gpt_image::detail::get_request(gpt_image::detail::aivideoapi_url(options, "/v1/credits"));
}

// {code:200, msg:"success", data:{taskId}} → a queued task. A wrapper code other than 200 is an
// error even when the HTTP status is 200.
inline result<task> decode_create(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "aivideoapi create response");
  if (!body) return std::move(body).error();
  return decode_task_object(unwrap_data(body->root), *body, response, "aivideoapi create response",
                            /*require_status=*/false);
}

// A task query response, or a callback body (the same object): pending, processing,
// completed with output.urls[], failed with error{code,message}.
inline result<task> decode_status(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "aivideoapi task response");
  if (!body) return std::move(body).error();
  return decode_task_object(unwrap_data(body->root), *body, response, "aivideoapi task response",
                            /*require_status=*/true);
}

// {code:200, msg, data:{balance, total_purchased, total_consumed}}.
inline result<credits> decode_credits(const http_response& response) {
  using namespace gpt_image::detail;
  auto body = parse_success_object(response, "aivideoapi credits response");
  if (!body) return std::move(body).error();
  const json& data = unwrap_data(body->root);
  auto balance = number_value(member(data, "balance"));
  if (!balance)
    return malformed("aivideoapi credits response: expected a numeric data.balance", response);
  credits out;
  out.balance = *balance;
  out.total_purchased = number_value(member(data, "total_purchased"));
  out.total_consumed = number_value(member(data, "total_consumed"));
  return out;
}

}  // namespace providers::aivideoapi

GPT_IMAGE_END_NAMESPACE
