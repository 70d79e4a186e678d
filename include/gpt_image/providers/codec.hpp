// SPDX-License-Identifier: MIT
#pragma once
// One entry point per operation, dispatching on the provider chosen at run time (from a config
// file, say). Operations a provider does not have return errc::unsupported, naming what it has
// instead: OpenAI is synchronous (no status), only ToAPIs has uploads, only aivideoapi credits.

#include <gpt_image/http.hpp>
#include <gpt_image/providers/aivideoapi.hpp>
#include <gpt_image/providers/common.hpp>
#include <gpt_image/providers/openai.hpp>
#include <gpt_image/providers/toapis.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/version.hpp>

#include <string>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
inline error unsupported_operation(provider p, std::string_view operation,
                                   std::string_view instead) {
  return error(errc::unsupported, std::string(to_string(p)) + " has no " + std::string(operation) +
                                      "; " + std::string(instead));
}
}  // namespace detail

// The provider's public origin, e.g. "https://toapis.com" (paths start with /v1).
constexpr std::string_view default_base_url(provider p) noexcept {
  switch (p) {
    case provider::toapis:
      return providers::toapis::default_base_url;
    case provider::aivideoapi:
      return providers::aivideoapi::default_base_url;
    case provider::openai:
      break;
  }
  return providers::openai::default_base_url;
}

// Whether a create returns a task to poll (gateways) or the images themselves (OpenAI).
constexpr bool is_asynchronous(provider p) noexcept {
  return p != provider::openai;
}

inline result<http_request> encode_create(provider p, const image_request& request,
                                          const encode_options& options = {}) {
  switch (p) {
    case provider::toapis:
      return providers::toapis::encode_create(request, options);
    case provider::aivideoapi:
      return providers::aivideoapi::encode_create(request, options);
    case provider::openai:
      break;
  }
  return providers::openai::encode_create(request, options);
}

inline result<http_request> encode_status(provider p, std::string_view task_id,
                                          const encode_options& options = {}) {
  switch (p) {
    case provider::toapis:
      return providers::toapis::encode_status(task_id, options);
    case provider::aivideoapi:
      return providers::aivideoapi::encode_status(task_id, options);
    case provider::openai:
      break;
  }
  return detail::unsupported_operation(p, "task status",
                                       "its create response already holds the images");
}

inline result<http_request> encode_upload(provider p, const reference_image& image,
                                          const encode_options& options = {}) {
  if (p == provider::toapis) return providers::toapis::encode_upload(image, options);
  if (p == provider::openai)
    return detail::unsupported_operation(p, "image upload in this library",
                                         "edits send the reference images' bytes directly");
  return detail::unsupported_operation(p, "image upload",
                                       "host the reference image and pass its http(s) URL");
}

inline result<http_request> encode_credits(provider p, const encode_options& options = {}) {
  if (p == provider::aivideoapi) return providers::aivideoapi::encode_credits(options);
  return detail::unsupported_operation(p, "credits endpoint",
                                       "check the balance in the provider's dashboard");
}

// The create response: a queued task (gateways) or a completed one holding the images (OpenAI).
// Non-2xx responses decode to their error.
inline result<task> decode_create(provider p, const http_response& response) {
  switch (p) {
    case provider::toapis:
      return providers::toapis::decode_create(response);
    case provider::aivideoapi:
      return providers::aivideoapi::decode_create(response);
    case provider::openai:
      break;
  }
  return providers::openai::decode_create(response);
}

// A status response, or a callback body wrapped in an http_response with status 200.
inline result<task> decode_status(provider p, const http_response& response) {
  switch (p) {
    case provider::toapis:
      return providers::toapis::decode_status(response);
    case provider::aivideoapi:
      return providers::aivideoapi::decode_status(response);
    case provider::openai:
      break;
  }
  return detail::unsupported_operation(p, "task status",
                                       "its create response already holds the images");
}

inline result<upload_result> decode_upload(provider p, const http_response& response) {
  if (p == provider::toapis) return providers::toapis::decode_upload(response);
  return detail::unsupported_operation(p, "image upload", "pass reference images as URLs");
}

inline result<credits> decode_credits(provider p, const http_response& response) {
  if (p == provider::aivideoapi) return providers::aivideoapi::decode_credits(response);
  return detail::unsupported_operation(p, "credits endpoint",
                                       "check the balance in the provider's dashboard");
}

GPT_IMAGE_END_NAMESPACE
