// Shared by the fuzz targets: invariants every decoder result must satisfy. A violation aborts,
// which libFuzzer reports as a crash with the input that caused it.
#pragma once

// The wire layer only: the fuzz targets need no transport (and so no cpp-httplib flags).
#include <gpt_image/providers/codec.hpp>
#include <gpt_image/request.hpp>
#include <gpt_image/tables.hpp>
#include <gpt_image/task.hpp>
#include <gpt_image/validate.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace fuzz {

inline void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "invariant violated: %s\n", what);
    std::abort();
  }
}

inline bool printable(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

// An error from a decoder: a code, and for malformed responses a short printable message.
inline void check_error(const gpt_image::error& e) {
  if (e.code == gpt_image::errc::malformed_response) {
    require(e.message.size() < 1000, "malformed_response message is short");
    require(printable(e.message), "malformed_response message is printable");
  }
  require(!e.message.empty(), "an error has a message");
  for (char c : e.message + e.wire_code)
    require(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f,
            "error messages and codes hold no control characters");
}

// A decoded task: never a silent success.
inline void check_task(const gpt_image::result<gpt_image::task>& t, bool needs_id) {
  if (!t) {
    check_error(t.error());
    return;
  }
  if (needs_id) require(!t->id.empty(), "a decoded task has an id");
  if (t->state == gpt_image::task_state::completed)
    require(!t->outputs.empty(), "a completed task has an image");
  if (t->state == gpt_image::task_state::failed)
    require(t->failure.has_value(), "a failed task carries its error");
  if (t->progress) require(*t->progress >= 0 && *t->progress <= 100, "progress is 0-100");
  for (const auto& ref : t->outputs) require(ref.has_url() || ref.has_b64(), "an image has data");
}

}  // namespace fuzz
