// SPDX-License-Identifier: MIT
#pragma once
// Fault injection: which misbehaviour the emulator shows, on which requests, how many times.
//
// A fault comes from (first match wins):
//   1. the request header `X-Emulator-Fault: KIND` — applies to that one request;
//   2. the queue filled by `emulator::inject()` or `POST /_emulator/faults` — each entry applies to
//      the next COUNT requests its target matches, then is used up;
//   3. the standing faults of `--fault` / `options::faults` — apply to every request they target
//      (or to the first COUNT of them, when a count is given).
// Spec syntax everywhere: `KIND[:TARGET[:COUNT]]`, e.g. `rate_limit`, `rate_limit:create:2`.

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gpt_image_emulator {

enum class fault_kind {
  none,
  rate_limit,            // 429 rate_limit_exceeded with Retry-After; the request is not processed
  upstream_503,          // 503 upstream_error; the request is not processed
  internal_500,          // 500 internal_error; the request is not processed
  insufficient_credits,  // 402 with the dialect's billing error; the request is not processed
  drop_mid_body,         // processed; the connection closes after half of the response body
  slow_body,             // processed; the body trickles out over options::slow_body_duration
  malformed_json,  // processed; the body is the first half of the real JSON (200, valid length)
  lost_response,   // processed (a create: task created and counted); no response byte is sent
  task_fails,      // create: the task ends in `failed` with the dialect's failure body
  never_finishes,  // create: the task stays queued/in_progress (pending/processing) forever
};

// Which requests a queued or standing fault applies to.
enum class fault_target {
  api,       // every request to the API listener (the default for response faults)
  create,    // task creates and OpenAI's synchronous generations/edits
  status,    // task status queries
  upload,    // ToAPIs uploads
  credits,   // aivideoapi credit queries
  download,  // result files and uploads on the files listener
  all,       // both listeners
};

struct fault_name {
  fault_kind kind;
  std::string_view name;
  std::string_view what;
};

inline constexpr fault_name fault_names[] = {
    {fault_kind::rate_limit, "rate_limit", "429 with Retry-After, request not processed"},
    {fault_kind::upstream_503, "upstream_503", "503 upstream_error, request not processed"},
    {fault_kind::internal_500, "internal_500", "500 internal_error, request not processed"},
    {fault_kind::insufficient_credits, "insufficient_credits",
     "402 billing error (OpenAI: 429 insufficient_quota), not processed"},
    {fault_kind::drop_mid_body, "drop_mid_body",
     "processed; the connection closes after half of the body"},
    {fault_kind::slow_body, "slow_body",
     "processed; the body trickles out over --slow-body-seconds"},
    {fault_kind::malformed_json, "malformed_json",
     "processed; the first half of the JSON body, Content-Length intact"},
    {fault_kind::lost_response, "lost_response",
     "request processed (task created), connection closed without a response"},
    {fault_kind::task_fails, "task_fails", "the created task ends in failed"},
    {fault_kind::never_finishes, "never_finishes", "the created task never leaves progress"},
};

inline constexpr std::string_view to_string(fault_kind kind) {
  for (const auto& f : fault_names)
    if (f.kind == kind) return f.name;
  return "none";
}

inline std::optional<fault_kind> parse_fault_kind(std::string_view text) {
  if (text == "none") return fault_kind::none;
  for (const auto& f : fault_names)
    if (f.name == text) return f.kind;
  return std::nullopt;
}

inline constexpr std::string_view to_string(fault_target target) {
  switch (target) {
    case fault_target::api:
      return "api";
    case fault_target::create:
      return "create";
    case fault_target::status:
      return "status";
    case fault_target::upload:
      return "upload";
    case fault_target::credits:
      return "credits";
    case fault_target::download:
      return "download";
    case fault_target::all:
      return "all";
  }
  return "api";
}

inline std::optional<fault_target> parse_fault_target(std::string_view text) {
  for (fault_target t :
       {fault_target::api, fault_target::create, fault_target::status, fault_target::upload,
        fault_target::credits, fault_target::download, fault_target::all})
    if (to_string(t) == text) return t;
  return std::nullopt;
}

// Task faults only make sense on creates; everything else defaults to any API request.
inline constexpr fault_target default_target(fault_kind kind) {
  switch (kind) {
    case fault_kind::task_fails:
    case fault_kind::never_finishes:
    case fault_kind::lost_response:
    case fault_kind::insufficient_credits:
      return fault_target::create;
    default:
      return fault_target::api;
  }
}

// "Every message says what would be valid": the list used in error messages and --help.
inline std::string fault_kind_list() {
  std::string out;
  for (const auto& f : fault_names) {
    if (!out.empty()) out += '|';
    out += f.name;
  }
  return out;
}

struct fault_spec {
  fault_kind kind = fault_kind::none;
  fault_target target = fault_target::api;
  std::size_t count = 0;  // 0 = unlimited (standing faults); queued faults need >= 1
};

// Parses `KIND[:TARGET[:COUNT]]`. On failure returns nullopt and fills `problem`.
inline std::optional<fault_spec> parse_fault_spec(std::string_view text, std::string* problem) {
  auto fail = [&](std::string why) -> std::optional<fault_spec> {
    if (problem) *problem = std::move(why);
    return std::nullopt;
  };
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon == std::string_view::npos ? colon : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  if (parts.size() > 3)
    return fail("fault spec '" + std::string(text) +
                "' has too many parts; expected KIND[:TARGET[:COUNT]]");
  const auto kind = parse_fault_kind(parts[0]);
  if (!kind || *kind == fault_kind::none)
    return fail("unknown fault '" + std::string(parts[0]) + "'; valid: " + fault_kind_list());
  fault_spec spec;
  spec.kind = *kind;
  spec.target = default_target(*kind);
  if (parts.size() >= 2 && !parts[1].empty()) {
    const auto target = parse_fault_target(parts[1]);
    if (!target)
      return fail("unknown fault target '" + std::string(parts[1]) +
                  "'; valid: api|create|status|upload|credits|download|all");
    spec.target = *target;
  }
  if (parts.size() == 3) {
    std::size_t count = 0;
    if (parts[2].empty() || parts[2].size() > 9) return fail("fault count must be 1..999999999");
    for (char c : parts[2]) {
      if (c < '0' || c > '9')
        return fail("fault count '" + std::string(parts[2]) + "' is not a number");
      count = count * 10 + static_cast<std::size_t>(c - '0');
    }
    if (count == 0) return fail("fault count must be at least 1");
    spec.count = count;
  }
  return spec;
}

// What kind of request the emulator is answering; fault targets match against it.
enum class request_kind { create, status, upload, credits, download, callback, control, other };

inline constexpr std::string_view to_string(request_kind kind) {
  switch (kind) {
    case request_kind::create:
      return "create";
    case request_kind::status:
      return "status";
    case request_kind::upload:
      return "upload";
    case request_kind::credits:
      return "credits";
    case request_kind::download:
      return "download";
    case request_kind::callback:
      return "callback";
    case request_kind::control:
      return "control";
    case request_kind::other:
      return "other";
  }
  return "other";
}

inline constexpr bool target_matches(fault_target target, request_kind kind) {
  switch (target) {
    case fault_target::all:
      return kind != request_kind::control && kind != request_kind::callback;
    case fault_target::api:
      return kind != request_kind::download && kind != request_kind::control &&
             kind != request_kind::callback;
    case fault_target::create:
      return kind == request_kind::create;
    case fault_target::status:
      return kind == request_kind::status;
    case fault_target::upload:
      return kind == request_kind::upload;
    case fault_target::credits:
      return kind == request_kind::credits;
    case fault_target::download:
      return kind == request_kind::download;
  }
  return false;
}

inline constexpr bool is_task_fault(fault_kind kind) {
  return kind == fault_kind::task_fails || kind == fault_kind::never_finishes;
}

// Thread-safe: queued faults first (used up), then standing faults (counted down when limited).
class fault_plan {
 public:
  explicit fault_plan(std::vector<fault_spec> standing = {}) : standing_(std::move(standing)) {}

  void inject(fault_spec spec) {
    if (spec.count == 0) spec.count = 1;
    std::lock_guard<std::mutex> lock(mutex_);
    queued_.push_back(spec);
  }
  void add_standing(fault_spec spec) {
    std::lock_guard<std::mutex> lock(mutex_);
    standing_.push_back(spec);
  }
  void clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    queued_.clear();
    standing_.clear();
  }

  // The fault for one request of `kind`, consuming one use of it.
  fault_kind take(request_kind kind) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto* list : {&queued_, &standing_}) {
      for (auto it = list->begin(); it != list->end(); ++it) {
        if (!target_matches(it->target, kind)) continue;
        // A task fault means nothing to a status query or a download: leave it for a create.
        if (is_task_fault(it->kind) && kind != request_kind::create) continue;
        const fault_kind found = it->kind;
        if (it->count > 0 && --it->count == 0) list->erase(it);
        return found;
      }
    }
    return fault_kind::none;
  }

 private:
  std::mutex mutex_;
  std::vector<fault_spec> queued_;
  std::vector<fault_spec> standing_;
};

}  // namespace gpt_image_emulator
