// SPDX-License-Identifier: MIT
#pragma once
// The error taxonomy's facts: for every errc its wire code, HTTP status, envelope type, whether
// and how to retry, whether a failed task is refunded, and a fix hint (describe()); and the
// mapping from what a provider sent to an errc (classify()). Sources: seeds 001-004 (ToAPIs'
// "Common Errors", aivideoapi's "Error Reference") and the aliases PROVIDERS.md lists.

#include <gpt_image/tables/ascii.hpp>
#include <gpt_image/tables/errc.hpp>
#include <gpt_image/tables/types.hpp>
#include <gpt_image/version.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

// When to retry. Seeds 001-003 prescribe "1s/2s/4s backoff with jitter" for 429; PROVIDERS.md
// says to back off "the same way after 503", and the library uses the same schedule for its other
// transient errors. A Retry-After header, when sent, takes precedence (the client's business).
struct backoff_schedule {
  std::uint32_t first_delay_ms;  // before the first retry
  std::uint32_t factor;          // each further retry waits this many times longer
  std::uint32_t retries;         // then the error is surfaced
  bool jitter;                   // randomise each delay so that clients do not retry in lockstep

  // The delay before retry number `retry` (0-based), without jitter; 0 past the last retry.
  constexpr std::uint32_t delay_ms(std::uint32_t retry) const noexcept {
    if (retry >= retries) return 0;
    std::uint32_t delay = first_delay_ms;
    for (std::uint32_t i = 0; i < retry; ++i) delay *= factor;
    return delay;
  }
};

inline constexpr backoff_schedule no_retry{0, 0, 0, false};
inline constexpr backoff_schedule seed_backoff{1000, 2, 3, true};  // 1 s, 2 s, 4 s with jitter

// What happens to the money when a request fails this way.
enum class refund_policy : unsigned char {
  not_charged,     // refused before any task existed (or never sent): nothing was billed
  refunded,        // the provider documents an automatic refund
  undocumented,    // a task may have run; no source says whether it is billed
  not_applicable,  // the client's own bookkeeping error, unrelated to billing
};

struct error_info {
  errc code;
  std::string_view name;       // the enumerator's name, e.g. "rate_limit_exceeded"
  std::string_view wire_code;  // as the provider sends it; empty for the client's own errors
  // Other codes and types classify() maps here at `http_status`, space-separated. A type can
  // belong to two entries (billing_error: 402 and 429); the status decides.
  std::string_view wire_aliases;
  int http_status;        // 0 where no single HTTP status belongs to it
  std::string_view type;  // the envelope's `type`, where a source names one
  bool from_provider;     // false: raised by the client itself
  bool retryable;         // the same request may succeed later, unchanged
  // The server certainly did not accept the request, so resending a create cannot bill twice.
  bool request_refused;
  backoff_schedule backoff;
  refund_policy refund;
  std::string_view fix;  // what to do about it
};

// One entry per errc, in enumerator order (checked by tests/unit/tables_static_test.cpp). Columns:
// code, name, wire_code, wire_aliases, http_status, type, the three flags, backoff, refund, fix.
inline constexpr error_info error_table[] = {
    {errc::invalid_request, "invalid_request", "invalid_request",
     "invalid_request_error invalid_parameters", 400, "invalid_request_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Validate model, prompt, size, resolution and response_format against the provider's "
     "documentation; retry only after correcting the payload."},
    {errc::invalid_reference_images, "invalid_reference_images", "invalid_reference_images", "",
     400, "", /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Reference images must be public http(s) URLs: upload local files first (ToAPIs: POST "
     "/v1/uploads/images) and pass the resulting URL; base64 and local paths are refused."},
    {errc::authentication_failed, "authentication_failed", "invalid_api_key",
     "authentication_error unauthorized 401", 401, "authentication_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Verify the Authorization: Bearer header and the key's scope; aivideoapi keys start with "
     "sk- and may have been disabled or deleted."},
    {errc::insufficient_credits, "insufficient_credits", "insufficient_credits",
     "insufficient_quota quota_exceeded billing_error", 402, "billing_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Top up the account (aivideoapi: check GET /v1/credits, then Dashboard > Billing)."},
    {errc::ip_not_allowed, "ip_not_allowed", "ip_not_allowed", "", 403, "permission_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Add this machine's IP address to the key's allowlist, or use a key without one."},
    {errc::permission_denied, "permission_denied", "permission_denied",
     "model_access_denied permission_error 403", 403, "permission_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "The key may not use this model or endpoint; check its permissions in the provider's "
     "console."},
    {errc::model_not_found, "model_not_found", "model_not_found", "", 404, "invalid_request_error",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Use the model id gpt-image-2; the model may be inactive for this key or provider."},
    {errc::task_not_found, "task_not_found", "task_not_found", "not_found_error 404", 404,
     "invalid_request_error", /*from_provider, retryable, request_refused:*/ true, false, true,
     no_retry, refund_policy::not_charged,
     "Check the task id (aivideoapi returns it as data.taskId) and that it was created with the "
     "same provider and key."},
    {errc::not_found, "not_found", "", "", 404, "",
     /*from_provider, retryable, request_refused:*/ true, false, true, no_retry,
     refund_policy::not_charged,
     "Check the base URL and path; result URLs expire (24 h on ToAPIs), so download promptly."},
    {errc::content_policy_violation, "content_policy_violation", "content_policy_violation",
     "image_content_policy_violation", 422, "",
     /*from_provider, retryable, request_refused:*/ true, false, false, no_retry,
     refund_policy::undocumented,
     "The provider's moderation refused the prompt or a reference image; change them (retrying "
     "unchanged will fail again)."},
    {errc::rate_limit_exceeded, "rate_limit_exceeded", "rate_limit_exceeded", "rate_limit_error",
     429, "rate_limit_error", /*from_provider, retryable, request_refused:*/ true, true, true,
     seed_backoff, refund_policy::not_charged,
     "Back off 1 s / 2 s / 4 s with jitter (honour Retry-After); if it persists, reduce the "
     "request rate and concurrency or review the quota."},
    {errc::spend_limit_exceeded, "spend_limit_exceeded", "spend_limit_exceeded", "billing_error",
     429, "billing_error", /*from_provider, retryable, request_refused:*/ true, false, true,
     no_retry, refund_policy::not_charged,
     "The key's hourly, daily or total spend limit is reached; raise it or wait for the period "
     "to end (retrying within seconds will not help)."},
    {errc::internal_error, "internal_error", "internal_error", "api_error", 500, "api_error",
     /*from_provider, retryable, request_refused:*/ true, true, false, seed_backoff,
     refund_policy::undocumented,
     "An unexpected server error; retry later. A create answered with 500 may still have been "
     "accepted: look the task up before submitting again."},
    // As an HTTP 503 the submit was refused; as a failed task's code, aivideoapi refunds the
    // task.
    {errc::upstream_error, "upstream_error", "upstream_error", "", 503, "upstream_error",
     /*from_provider, retryable, request_refused:*/ true, true, true, seed_backoff,
     refund_policy::refunded,
     "The upstream model provider failed or refused (possibly sensitive content); the credits "
     "are refunded. Retry later, or change the prompt if it keeps failing."},
    {errc::service_unavailable, "service_unavailable", "rate_limit_unavailable", "502 503 504", 503,
     "", /*from_provider, retryable, request_refused:*/ true, true, true, seed_backoff,
     refund_policy::not_charged,
     "The service or its rate limiter is down (ToAPIs: submissions blocked, status queries still "
     "allowed); back off and retry."},
    {errc::task_failed, "task_failed", "generation_failed", "", 0, "",
     /*from_provider, retryable, request_refused:*/ true, false, false, no_retry,
     refund_policy::undocumented,
     "The task ran and failed; its message says why. Resubmit if the cause looks transient "
     "(aivideoapi refunds failed tasks)."},
    {errc::http_error, "http_error", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ true, false, false, no_retry,
     refund_policy::undocumented,
     "An HTTP error the taxonomy does not name; see the status and message."},
    {errc::validation_failed, "validation_failed", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, true, no_retry,
     refund_policy::not_charged,
     "The request was rejected locally and not sent; correct it as the message says."},
    {errc::unsupported, "unsupported", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, true, no_retry,
     refund_policy::not_charged,
     "The provider has no such operation; pick another provider or form (e.g. a URL instead of "
     "a local file on aivideoapi)."},
    {errc::connection_failed, "connection_failed", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, true, true, seed_backoff,
     refund_policy::not_charged,
     "Check the network, base URL and proxy; the request never reached the server, so retrying "
     "is safe."},
    {errc::timeout, "timeout", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, true, false, seed_backoff,
     refund_policy::undocumented,
     "Raise the timeout or retry; a create that timed out may have been accepted, so look the "
     "task up first."},
    {errc::tls_error, "tls_error", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::not_charged,
     "Check the system CA certificates, the clock and the host name; verification stays on."},
    {errc::cancelled, "cancelled", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::undocumented,
     "The caller cancelled; a task already submitted may still run and be billed."},
    {errc::deadline_exceeded, "deadline_exceeded", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::undocumented,
     "The task did not finish in time; poll its id later or allow more time (4K at high quality "
     "can take over 120 s)."},
    {errc::malformed_response, "malformed_response", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::undocumented,
     "The provider's response could not be understood; the message carries an excerpt."},
    {errc::outcome_unknown, "outcome_unknown", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::undocumented,
     "A create may or may not have been accepted and was not retried; look the task up before "
     "submitting again, or it may be billed twice."},
    {errc::response_too_large, "response_too_large", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::undocumented,
     "Raise the response size cap, or ask for URLs instead of inline base64."},
    {errc::io_error, "io_error", "", "", 0, "",
     /*from_provider, retryable, request_refused:*/ false, false, false, no_retry,
     refund_policy::not_applicable, "A local file could not be read or written; check the path."},
};

namespace detail {
inline constexpr std::size_t error_table_size = sizeof(error_table) / sizeof(error_table[0]);

constexpr bool error_table_is_in_enumerator_order() noexcept {
  for (std::size_t i = 0; i < error_table_size; ++i)
    if (static_cast<std::size_t>(error_table[i].code) != i) return false;
  // errc::io_error is the last enumerator: a new one must get an entry here too.
  return static_cast<std::size_t>(errc::io_error) + 1 == error_table_size;
}
}  // namespace detail

// Everything the taxonomy knows about `e`.
constexpr const error_info& describe(errc e) noexcept {
  const auto i = static_cast<std::size_t>(e);
  return error_table[i < detail::error_table_size ? i : static_cast<std::size_t>(errc::http_error)];
}

// "rate_limit_exceeded"
constexpr std::string_view to_string(errc e) noexcept {
  return describe(e).name;
}

// Whether `p` refunds a task that ends in status "failed": aivideoapi does ("Failed tasks are
// automatically refunded", seed 004); ToAPIs' seeds do not say; OpenAI has no tasks.
constexpr refund_policy failed_task_refund(provider p) noexcept {
  switch (p) {
    case provider::aivideoapi:
      return refund_policy::refunded;
    case provider::toapis:
      return refund_policy::undocumented;
    case provider::openai:
      break;
  }
  return refund_policy::not_applicable;
}

namespace detail {
constexpr std::string_view trim_ascii_space(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Codes that name one errc whatever the HTTP status (a failed task arrives with 200).
struct wire_code_entry {
  std::string_view code;
  errc meaning;
};
inline constexpr wire_code_entry specific_wire_codes[] = {
    {"invalid_request", errc::invalid_request},
    {"invalid_parameters", errc::invalid_request},  // Evolink task error (PROVIDERS.md §4)
    {"invalid_reference_images", errc::invalid_reference_images},
    {"invalid_api_key", errc::authentication_failed},
    {"unauthorized", errc::authentication_failed},  // ToAPIs' status-page table
    {"insufficient_credits", errc::insufficient_credits},
    {"insufficient_quota", errc::insufficient_credits},  // ToAPIs' table; OpenAI sends it with 429
    {"quota_exceeded", errc::insufficient_credits},
    {"ip_not_allowed", errc::ip_not_allowed},
    {"permission_denied", errc::permission_denied},
    {"model_access_denied", errc::permission_denied},
    {"model_not_found", errc::model_not_found},
    {"task_not_found", errc::task_not_found},
    {"content_policy_violation", errc::content_policy_violation},
    {"image_content_policy_violation", errc::content_policy_violation},
    {"rate_limit_exceeded", errc::rate_limit_exceeded},
    {"spend_limit_exceeded", errc::spend_limit_exceeded},
    {"internal_error", errc::internal_error},
    {"upstream_error", errc::upstream_error},
    {"rate_limit_unavailable", errc::service_unavailable},  // ToAPIs' limiter is down (503)
    {"generation_failed", errc::task_failed},               // ToAPIs' failed-task code
};

// The taxonomy code for an HTTP status alone.
constexpr errc classify_status(int status) noexcept {
  switch (status) {
    case 400:
      return errc::invalid_request;
    case 401:
      return errc::authentication_failed;
    case 402:
      return errc::insufficient_credits;
    case 403:
      return errc::permission_denied;
    case 404:
      return errc::not_found;
    case 408:
      return errc::timeout;
    case 422:
      return errc::content_policy_violation;  // ToAPIs' status-page table
    case 429:
      return errc::rate_limit_exceeded;
    case 500:
      return errc::internal_error;
    case 502:
    case 503:
    case 504:
      return errc::service_unavailable;
    default:
      break;
  }
  if (status >= 200 && status <= 299) return errc::task_failed;  // a failed task's own body
  if (status >= 500 && status <= 599) return errc::internal_error;
  return errc::http_error;
}

constexpr int parse_status_code(std::string_view s) noexcept {
  if (s.size() != 3) return 0;
  int value = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return 0;
    value = value * 10 + (c - '0');
  }
  return value >= 100 ? value : 0;
}
}  // namespace detail

namespace detail {
// The errc `wire_code` names (steps 1-3 below), or std::nullopt when it names none.
constexpr std::optional<errc> classify_wire_code(int status, std::string_view wire_code) noexcept {
  const std::string_view code = trim_ascii_space(wire_code);
  if (code.empty()) return std::nullopt;
  for (const auto& entry : specific_wire_codes)
    if (equals_ignoring_ascii_case(code, entry.code)) return entry.meaning;

  if (const int numeric = parse_status_code(code)) {
    const int effective = (status == 0 || (status >= 200 && status <= 299)) ? numeric : status;
    if (effective == 404) return errc::task_not_found;
    return classify_status(effective);
  }

  if (equals_ignoring_ascii_case(code, "billing_error"))
    return status == 429 ? errc::spend_limit_exceeded : errc::insufficient_credits;
  if (equals_ignoring_ascii_case(code, "not_found_error")) return errc::task_not_found;
  if (equals_ignoring_ascii_case(code, "authentication_error")) return errc::authentication_failed;
  if (equals_ignoring_ascii_case(code, "permission_error")) return errc::permission_denied;
  if (equals_ignoring_ascii_case(code, "rate_limit_error")) return errc::rate_limit_exceeded;
  if (equals_ignoring_ascii_case(code, "api_error")) return errc::internal_error;
  // ToAPIs sends it as its 400 code (seed 001); aivideoapi as the type of its 404s (seed 004).
  if (equals_ignoring_ascii_case(code, "invalid_request_error"))
    return status == 404 ? errc::not_found : errc::invalid_request;
  return std::nullopt;
}
}  // namespace detail

// The errc for an error the provider sent: HTTP `status` (0 if none) and `wire_code`, the
// envelope's `code` — or its `type` when the code is null — as text ("404" for an integer code).
//  1. A specific code decides alone, whatever the status (a failed task arrives with 200): the
//     two 429s (rate_limit_exceeded, spend_limit_exceeded) and the two 404s (model_not_found,
//     task_not_found) are told apart here.
//  2. An integer code stands for an HTTP status; ToAPIs' integer 404 is its "Task not found".
//  3. An envelope type narrows the status: billing_error is insufficient_credits at 402 and
//     spend_limit_exceeded at 429; not_found_error is task_not_found (ToAPIs' status page).
//  4. Otherwise the HTTP status alone decides (403 -> permission_denied, 404 -> not_found,
//     503 -> service_unavailable, a 2xx -> task_failed, ...; anything else -> http_error).
// Matching ignores ASCII case and surrounding spaces.
constexpr errc classify(int status, std::string_view wire_code) noexcept {
  if (const auto named = detail::classify_wire_code(status, wire_code)) return *named;
  return detail::classify_status(status);
}

// The same with the envelope's `type` as a second opinion when the code names nothing
// (OpenAI's envelope often has "code": null and a type).
constexpr errc classify(int status, std::string_view wire_code, std::string_view type) noexcept {
  if (const auto named = detail::classify_wire_code(status, wire_code)) return *named;
  if (const auto named = detail::classify_wire_code(status, type)) return *named;
  return detail::classify_status(status);
}

GPT_IMAGE_END_NAMESPACE
