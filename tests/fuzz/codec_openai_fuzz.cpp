// libFuzzer target: the OpenAI decoder (ImagesResponse, event streams, error envelopes), fed the
// same bytes as a 200, as an event stream and as an error status.
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  const std::string body(reinterpret_cast<const char*>(data), size);
  const int error_status = 400 + static_cast<int>(size % 200);

  auto images = gi::providers::openai::decode_create({200, {}, body});
  fuzz::check_task(images, /*needs_id=*/false);
  if (images) {
    fuzz::require(images->state == gi::task_state::completed, "openai answers completed");
    for (const auto& ref : images->outputs)
      for (char c : ref.b64_json)
        fuzz::require((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                          c == '+' || c == '/' || c == '=' || c == '-' || c == '_',
                      "b64_json holds only base64 characters");
  }
  fuzz::check_task(
      gi::providers::openai::decode_create({200, {{"Content-Type", "text/event-stream"}}, body}),
      false);
  auto failed = gi::providers::openai::decode_create({error_status, {}, body});
  fuzz::require(!failed.has_value(), "an error status never decodes to images");
  fuzz::check_error(failed.error());
  return 0;
}
