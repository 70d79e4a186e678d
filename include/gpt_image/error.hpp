// SPDX-License-Identifier: MIT
#pragma once
// `error`: what went wrong, in terms a caller can act on — the taxonomy code plus everything the
// wire said about it. It never holds credentials: messages are built from server text and from
// the library's own words, and the client scrubs the API key from anything it copies in.

#include <gpt_image/tables/errc.hpp>
#include <gpt_image/version.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

struct error {
  errc code = errc::internal_error;
  int http_status = 0;    // 0 when no HTTP response was received
  std::string wire_code;  // the provider's own code, e.g. "rate_limit_exceeded" or "404"
  std::string message;    // human-readable; says what was wrong and what would be valid
  std::optional<std::chrono::milliseconds> retry_after;  // from Retry-After, when sent
  std::string request_id;                                // x-request-id or the task id, when known

  error() = default;
  error(errc c, std::string msg) : code(c), message(std::move(msg)) {}
  error(errc c, int status, std::string wire, std::string msg)
      : code(c), http_status(status), wire_code(std::move(wire)), message(std::move(msg)) {}
};

inline bool operator==(const error& a, const error& b) {
  return a.code == b.code && a.http_status == b.http_status && a.wire_code == b.wire_code &&
         a.message == b.message && a.retry_after == b.retry_after && a.request_id == b.request_id;
}
inline bool operator!=(const error& a, const error& b) {
  return !(a == b);
}

GPT_IMAGE_END_NAMESPACE
