// libFuzzer target: decode_error on any body, with the first line of the input used as the
// Retry-After and x-request-id header values.
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string header = input.substr(0, newline == std::string::npos ? 0 : newline);
  const std::string body = newline == std::string::npos ? input : input.substr(newline + 1);
  for (int status : {200, 400, 404, 429, 503, 599}) {
    const gi::error e =
        gi::decode_error({status, {{"Retry-After", header}, {"X-Request-Id", header}}, body});
    fuzz::check_error(e);
    fuzz::require(e.http_status == status, "the status is kept");
    if (e.retry_after) fuzz::require(e.retry_after->count() >= 0, "Retry-After is not negative");
  }
  return 0;
}
