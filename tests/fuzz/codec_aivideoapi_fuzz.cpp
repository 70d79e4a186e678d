// libFuzzer target: the aivideoapi decoders (create, status/callback, credits) on the same bytes,
// as a 200 and as an error status.
#include "fuzz_common.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  namespace aivideoapi = gpt_image::providers::aivideoapi;
  const std::string body(reinterpret_cast<const char*>(data), size);
  const int error_status = 400 + static_cast<int>(size % 200);

  fuzz::check_task(aivideoapi::decode_create({200, {}, body}), true);
  fuzz::check_task(aivideoapi::decode_status({200, {}, body}), true);
  auto credits = aivideoapi::decode_credits({200, {}, body});
  if (credits)
    fuzz::require(std::isfinite(credits->balance), "a balance is a finite number");
  else
    fuzz::check_error(credits.error());

  auto failed = aivideoapi::decode_create({error_status, {}, body});
  fuzz::require(!failed.has_value(), "an error status never decodes to a task");
  fuzz::check_error(failed.error());
  return 0;
}
