// SPDX-License-Identifier: MIT
#pragma once
// Plain HTTP messages: what a codec produces and a transport sends, and what a transport returns
// and a codec reads. No I/O here, so codecs stay pure functions and any engine's HTTP stack can
// carry them.

#include <gpt_image/tables/ascii.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

// Header names compare case-insensitively (RFC 9110); order and duplicates are kept.
using http_headers = std::vector<std::pair<std::string, std::string>>;

// The first value of header `name`, or an empty view.
inline std::string_view find_header(const http_headers& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (detail::equals_ignoring_ascii_case(key, name)) return value;
  return {};
}

struct http_request {
  std::string method = "GET";  // "GET" or "POST"
  std::string url;             // absolute: scheme://host[:port]/path[?query]
  http_headers headers;        // without Authorization: the client adds it for its own host only
  std::string body;
  std::string content_type;  // empty for requests without a body
};

struct http_response {
  int status = 0;
  http_headers headers;
  std::string body;
};

GPT_IMAGE_END_NAMESPACE
