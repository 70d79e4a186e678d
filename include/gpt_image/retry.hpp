// SPDX-License-Identifier: MIT
#pragma once
// When the client tries again, and how long it waits first.
//
// Two questions, answered separately because money depends on the difference:
//  - may this call be sent again? Status queries, downloads and credit checks always may (they are
//    idempotent). A create or upload may only when the request provably never reached the server
//    (the transport says "not sent") or the server answered that it refused it (429, 503 — the
//    taxonomy's `request_refused`). Anything else after a create was sent is `outcome_unknown`.
//  - is the failure worth retrying at all? The taxonomy's `retryable` flag, with its backoff
//    schedule (1 s, 2 s, 4 s with jitter, per the seeds); a Retry-After header takes precedence.
// And how often a task is polled: the pace the providers document.

#include <gpt_image/error.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/version.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

GPT_IMAGE_BEGIN_NAMESPACE

struct retry_policy {
  // Retries after the first attempt; each error's own schedule may allow fewer. 0 disables them.
  std::uint32_t max_retries = 3;
  // A Retry-After longer than this is not waited for: the error is returned instead.
  std::chrono::milliseconds max_retry_after{std::chrono::seconds(60)};
  // Each delay is scaled by a random factor in [1 - jitter, 1 + jitter] (never below a
  // Retry-After), so that many clients do not retry in lockstep.
  double jitter = 0.25;
};

// How a task is polled: wait `first_delay`, then poll every `interval`, each wait stretched by a
// random factor in [1, 1 + jitter].
struct poll_policy {
  std::chrono::milliseconds first_delay;
  std::chrono::milliseconds interval;
  double jitter;
};

// ToAPIs documents "wait 5 s before the first poll, then poll every 5-10 s with random jitter"
// (PROVIDERS.md §2). aivideoapi documents no pace; its tasks take seconds, and the same pace would
// waste most of a short task, so it is polled every 2-4 s. OpenAI has no tasks.
constexpr poll_policy documented_poll_policy(provider p) noexcept {
  if (p == provider::toapis) return {std::chrono::seconds(5), std::chrono::seconds(5), 1.0};
  return {std::chrono::seconds(2), std::chrono::seconds(2), 1.0};
}

enum class call_kind : unsigned char {
  idempotent,  // status, download, credits: sending twice changes nothing
  create,      // create, upload: sending twice may bill twice
};

// Whether `e`, the failure of one attempt, allows sending the same request again.
inline bool may_resend(const error& e, call_kind kind) {
  const error_info& info = describe(e.code);
  if (!info.retryable) return false;
  if (kind == call_kind::idempotent) return true;
  if (e.http_status == 0) return request_never_sent(e);  // the exchange itself failed
  return info.request_refused;                           // the server answered: it refused
}

// The delay before retry number `retry` (0-based) after `e`, or nullopt when no retry is due.
template <class Random>
std::optional<std::chrono::milliseconds> retry_delay(const error& e, std::uint32_t retry,
                                                     const retry_policy& policy, Random& random) {
  const backoff_schedule& schedule = describe(e.code).backoff;
  if (retry >= policy.max_retries) return std::nullopt;
  if (e.retry_after) {
    if (*e.retry_after > policy.max_retry_after) return std::nullopt;
    // Honour the server's word, plus a little jitter upwards only.
    std::uniform_real_distribution<double> spread(1.0, 1.0 + policy.jitter / 4);
    return std::chrono::milliseconds(
        static_cast<std::int64_t>(static_cast<double>(e.retry_after->count()) * spread(random)));
  }
  if (retry >= schedule.retries) return std::nullopt;
  double delay = schedule.delay_ms(retry);
  if (schedule.jitter && policy.jitter > 0) {
    std::uniform_real_distribution<double> spread(1.0 - policy.jitter, 1.0 + policy.jitter);
    delay *= spread(random);
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(delay));
}

// The wait before poll number `poll` (0-based).
template <class Random>
std::chrono::milliseconds poll_delay(const poll_policy& policy, std::uint32_t poll,
                                     Random& random) {
  const auto base = poll == 0 ? policy.first_delay : policy.interval;
  std::uniform_real_distribution<double> spread(1.0, 1.0 + std::max(0.0, policy.jitter));
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(static_cast<double>(base.count()) * spread(random)));
}

GPT_IMAGE_END_NAMESPACE
