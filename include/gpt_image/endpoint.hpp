// SPDX-License-Identifier: MIT
#pragma once
// `endpoint`: which provider a client talks to, where, and with which key and model.
//
// The API key is a secret: it is sent only as the Authorization header of requests to the
// endpoint's own origin, never over plain http except to a loopback host, and never copied into
// an error message (the client scrubs it from anything it returns).

#include <gpt_image/error.hpp>
#include <gpt_image/providers/codec.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/version.hpp>

#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

struct endpoint {
  gpt_image::provider service = gpt_image::provider::toapis;
  std::string base_url;  // scheme://host[:port]; empty: the provider's public origin
  std::string api_key;
  std::string model = std::string(default_model);

  static endpoint openai(std::string key) { return {provider::openai, {}, std::move(key)}; }
  static endpoint toapis(std::string key) { return {provider::toapis, {}, std::move(key)}; }
  static endpoint aivideoapi(std::string key) { return {provider::aivideoapi, {}, std::move(key)}; }

  // The base URL requests go to: base_url, or the provider's public origin.
  std::string origin_url() const {
    return base_url.empty() ? std::string(default_base_url(service)) : base_url;
  }

  // Reads GPT_IMAGE_PROVIDER (openai | toapis | aivideoapi; default toapis),
  // GPT_IMAGE_BASE_URL (default: the provider's public origin) and GPT_IMAGE_API_KEY.
  static result<endpoint> from_env() {
    endpoint e;
    if (const char* name = std::getenv("GPT_IMAGE_PROVIDER"); name != nullptr && *name != '\0') {
      const auto parsed = parse_provider(name);
      if (!parsed)
        return error(errc::validation_failed, "GPT_IMAGE_PROVIDER=\"" + std::string(name) +
                                                  "\" is not a provider; valid: openai, toapis, "
                                                  "aivideoapi");
      e.service = *parsed;
    }
    if (const char* url = std::getenv("GPT_IMAGE_BASE_URL"); url != nullptr) e.base_url = url;
    if (const char* key = std::getenv("GPT_IMAGE_API_KEY"); key != nullptr) e.api_key = key;
    if (auto checked = e.check(); !checked) return std::move(checked).error();
    return e;
  }

  // Whether the endpoint can be used: a parsable http(s) base URL, and no key over plain http to
  // a host that is not loopback.
  result<void> check() const {
    const auto url = parse_url(origin_url());
    if (!url) {
      return error(errc::validation_failed, "the base URL is not usable: " + url.error().message);
    }
    if (!api_key.empty() && url->scheme == "http" && !is_loopback_host(url->host))
      return error(errc::validation_failed,
                   "refusing to send the API key over plain http to " + url->origin() +
                       "; use https, or plain http only to a loopback host (127.0.0.1, localhost)");
    return {};
  }
};

GPT_IMAGE_END_NAMESPACE
