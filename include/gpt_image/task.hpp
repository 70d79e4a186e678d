// SPDX-License-Identifier: MIT
#pragma once
// What the decoders hand back, in one vocabulary for every provider: a `task` (its id, where it
// stands, and — once completed — references to its images), the `images` a caller finally gets,
// the result of a reference-image upload, and an account's credit balance.
//
// The providers disagree on almost every spelling (status strings, where the result URL lives,
// whether progress is a number, a string or null); the decoders absorb that, so nothing above the
// wire layer ever sees a provider's raw shape. The raw status string is kept for logs.

#include <gpt_image/error.hpp>
#include <gpt_image/tables/ascii.hpp>
#include <gpt_image/version.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

// Where a task stands. Terminal states are completed, failed and cancelled; `unknown` is a status
// string no source documents — treated as "still running" so that a client keeps polling rather
// than giving up on a provider that adds a state tomorrow (ToAPIs documents `submitted` and
// `pending` outside its own enum, PROVIDERS.md C9).
enum class task_state : unsigned char {
  queued,
  in_progress,
  completed,
  failed,
  cancelled,
  unknown
};

constexpr bool is_terminal(task_state s) noexcept {
  return s == task_state::completed || s == task_state::failed || s == task_state::cancelled;
}

constexpr std::string_view to_string(task_state s) noexcept {
  switch (s) {
    case task_state::queued:
      return "queued";
    case task_state::in_progress:
      return "in_progress";
    case task_state::completed:
      return "completed";
    case task_state::failed:
      return "failed";
    case task_state::cancelled:
      return "cancelled";
    case task_state::unknown:
      break;
  }
  return "unknown";
}

// Maps every status spelling the sources use onto one state, ignoring case:
//   ToAPIs polling  queued | submitted | pending | in_progress | completed | failed
//   ToAPIs webhooks SUCCESS | FAILURE
//   aivideoapi      pending | processing | completed | failed
//   Evolink         pending | processing | completed | failed | cancelled
//   kie.ai          waiting | queuing | generating | success | fail
//   DimiLinks       queued | in_progress | succeeded | failed
// Anything else is `unknown` (non-terminal).
constexpr task_state parse_task_state(std::string_view status) noexcept {
  using detail::equals_ignoring_ascii_case;
  constexpr std::string_view queued[] = {"queued",  "submitted", "pending",    "waiting",
                                         "queuing", "created",   "not_started"};
  constexpr std::string_view running[] = {"in_progress", "processing", "running",
                                          "generating",  "started",    "in-progress"};
  constexpr std::string_view done[] = {"completed", "succeeded", "success",
                                       "complete",  "done",      "finished"};
  constexpr std::string_view failed[] = {"failed", "failure", "fail", "error"};
  constexpr std::string_view cancelled[] = {"cancelled", "canceled", "cancel"};
  for (auto s : queued)
    if (equals_ignoring_ascii_case(status, s)) return task_state::queued;
  for (auto s : running)
    if (equals_ignoring_ascii_case(status, s)) return task_state::in_progress;
  for (auto s : done)
    if (equals_ignoring_ascii_case(status, s)) return task_state::completed;
  for (auto s : failed)
    if (equals_ignoring_ascii_case(status, s)) return task_state::failed;
  for (auto s : cancelled)
    if (equals_ignoring_ascii_case(status, s)) return task_state::cancelled;
  return task_state::unknown;
}

// One generated image as the provider hands it back: a URL to download (gateways; CDN hosts that
// must never see the API key) or the still-encoded base64 of the file (OpenAI's `b64_json`).
// Decoding is left to the caller so that a 4K response is not held twice in memory.
struct image_ref {
  std::string url;
  std::string b64_json;
  std::string revised_prompt;  // OpenAI, when the model rewrote the prompt
  // The file itself, when it was decoded as the response arrived (the client's OpenAI path);
  // then b64_json is empty.
  std::string data;

  bool has_url() const noexcept { return !url.empty(); }
  bool has_b64() const noexcept { return !b64_json.empty(); }
  bool has_data() const noexcept { return !data.empty(); }
};

// OpenAI's token accounting (`ImagesResponse.usage`); gateways bill per image and send none.
struct image_usage {
  std::int64_t input_tokens = 0;
  std::int64_t output_tokens = 0;
  std::int64_t total_tokens = 0;
  std::int64_t input_text_tokens = 0;
  std::int64_t input_image_tokens = 0;
};

struct task {
  std::string id;  // opaque; OpenAI has no task, the x-request-id stands in
  task_state state = task_state::unknown;
  std::string raw_status;       // the provider's own word, verbatim ("" when none was sent)
  std::optional<int> progress;  // 0-100, when the provider reports it
  std::string model;
  std::vector<image_ref> outputs;  // non-empty once completed
  // Set when state is failed or cancelled: the task's own error code classified (e.g.
  // errc::upstream_error, refunded on aivideoapi), errc::task_failed when it names none.
  std::optional<error> failure;
  std::optional<std::int64_t> created_at;    // Unix seconds, as reported
  std::optional<std::int64_t> completed_at;  // Unix seconds
  std::optional<std::int64_t> expires_at;    // Unix seconds; result URLs stop working then
  // Echoed by OpenAI's synchronous response only.
  std::optional<image_usage> usage;
  std::string size;
  std::string quality;
  std::string background;
  std::string output_format;

  bool done() const noexcept { return is_terminal(state); }
};

// A finished image: where it came from and, once fetched or decoded, its bytes.
struct image {
  image_ref source;
  std::string bytes;  // the file itself (PNG/JPEG/WebP); std::string so a download body moves in
  std::string mime_type;  // from the bytes' signature or the download's Content-Type
};

// What generate()/wait() finally return: every image of one task, in the provider's order.
struct images {
  std::string task_id;
  std::vector<image> items;
  std::optional<image_usage> usage;

  std::size_t size() const noexcept { return items.size(); }
  bool empty() const noexcept { return items.empty(); }
  const image& operator[](std::size_t i) const { return items[i]; }
  auto begin() const noexcept { return items.begin(); }
  auto end() const noexcept { return items.end(); }
};

// A reference image uploaded to the gateway's own storage (ToAPIs POST /v1/uploads/images), so
// that it can be passed by URL.
struct upload_result {
  std::string id;
  std::string url;
  std::string mime_type;
  std::optional<std::int64_t> size;  // bytes, as reported
};

// An account balance (aivideoapi GET /v1/credits). The API documents integers, but its prices are
// fractional (4.7 credits per 1k image, PROVIDERS.md C17), so values are kept as double.
struct credits {
  double balance = 0;
  std::optional<double> total_purchased;
  std::optional<double> total_consumed;
};

GPT_IMAGE_END_NAMESPACE
