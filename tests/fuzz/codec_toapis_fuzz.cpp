// libFuzzer target: the ToAPIs decoders (create, status, upload) on the same bytes, as a 200 and
// as an error status.
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  namespace toapis = gpt_image::providers::toapis;
  const std::string body(reinterpret_cast<const char*>(data), size);
  const int error_status = 400 + static_cast<int>(size % 200);

  fuzz::check_task(toapis::decode_create({200, {}, body}), true);
  fuzz::check_task(toapis::decode_status({200, {}, body}), true);
  auto upload = toapis::decode_upload({200, {}, body});
  if (upload)
    fuzz::require(upload->url.rfind("http", 0) == 0 || upload->url.rfind("HTTP", 0) == 0,
                  "an upload yields an http(s) URL");
  else
    fuzz::check_error(upload.error());

  auto failed = toapis::decode_status({error_status, {{"Retry-After", "3"}}, body});
  fuzz::require(!failed.has_value(), "an error status never decodes to a task");
  fuzz::check_error(failed.error());
  fuzz::require(failed.error().http_status == error_status, "the status is kept");
  return 0;
}
