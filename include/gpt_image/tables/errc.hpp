// SPDX-License-Identifier: MIT
#pragma once
// The error taxonomy's codes. The facts about each code (wire code, HTTP status, retry rules, fix
// hint) live in tables/errors.hpp; this header only names them so that core types can carry one.

#include <gpt_image/version.hpp>

GPT_IMAGE_BEGIN_NAMESPACE

enum class errc : unsigned char {
  // --- errors the providers send (seeds 001-004 and PROVIDERS.md) ---
  invalid_request,           // 400 invalid_request / invalid_request_error
  invalid_reference_images,  // 400 invalid_reference_images (base64 or local path given)
  authentication_failed,     // 401 authentication_error / invalid_api_key / unauthorized
  insufficient_credits,      // 402 insufficient_credits / insufficient_quota
  ip_not_allowed,            // 403 ip_not_allowed
  permission_denied,         // 403 otherwise: permission_denied / model_access_denied
  model_not_found,           // 404 model_not_found
  task_not_found,            // 404 task_not_found (and ToAPIs' integer code 404)
  not_found,                 // 404 otherwise: a wrong path, an expired result URL
  content_policy_violation,  // 422 content_policy_violation
  rate_limit_exceeded,       // 429 rate_limit_exceeded
  spend_limit_exceeded,      // 429 spend_limit_exceeded
  internal_error,            // 500 internal_error
  upstream_error,            // 503 upstream_error
  service_unavailable,       // 503 otherwise: rate_limit_unavailable, 502/504 from a proxy
  task_failed,               // a task that ended in status "failed"
  http_error,                // any other HTTP error status the taxonomy does not name
  // --- errors of the client itself ---
  validation_failed,   // the request was rejected locally, before anything was sent
  unsupported,         // the provider has no such operation (e.g. uploads on aivideoapi)
  connection_failed,   // the request provably never reached the server
  timeout,             // a read/write/connect timeout
  tls_error,           // certificate verification or handshake failure
  cancelled,           // the caller's cancellation token fired
  deadline_exceeded,   // the caller's deadline passed
  malformed_response,  // the body could not be understood
  outcome_unknown,     // a create may or may not have been accepted; it was not retried
  response_too_large,  // a body exceeded the configured size cap
  io_error,            // a local file could not be read or written
};

GPT_IMAGE_END_NAMESPACE
