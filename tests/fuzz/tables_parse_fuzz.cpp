// libFuzzer target: every string parser of the tables and of the request model — parse_aspect,
// parse_tier, parse_pixels, parse_provider, toapis_legacy_choice, parse_image_size,
// parse_task_state — plus the size queries and messages on whatever they accept. Parsed values
// must print back to the text they came from (the parsers accept exactly one spelling).
#include "fuzz_common.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t bar = input.find('|');
  const std::string first = input.substr(0, bar);
  const std::string second = bar == std::string::npos ? std::string() : input.substr(bar + 1);

  if (auto a = gi::parse_aspect(first)) {
    const gi::inline_string text = gi::format_aspect(*a);
    fuzz::require(text.view() == first, "format_aspect(parse_aspect(s)) == s");
    for (gi::provider p : gi::all_providers)
      for (gi::tier t : gi::all_tiers) {
        if (gi::supports(p, *a, t))
          fuzz::require(gi::resolve(p, *a, t).has_value(), "supports => resolve");
        (void)gi::nearest_supported(p, *a, t);
        (void)gi::explain_unsupported(p, *a, t);
      }
  }
  if (auto px = gi::parse_pixels(first)) {
    const gi::inline_string text = gi::format_pixels(*px);
    fuzz::require(text.view() == first, "format_pixels(parse_pixels(s)) == s");
    for (gi::provider p : gi::all_providers) {
      (void)gi::supports(p, *px);
      (void)gi::nearest_supported(p, *px);
      (void)gi::explain_unsupported(p, *px);
    }
  }
  if (auto t = gi::parse_tier(first)) fuzz::require(first.size() == 2, "a tier is two characters");
  if (auto p = gi::parse_provider(first))
    fuzz::require(gi::to_string(*p) == first, "provider round trip");
  (void)gi::toapis_legacy_choice(std::string_view(first), std::string_view(second));
  (void)gi::parse_task_state(input);

  auto size_choice = gi::parse_image_size(first, second);
  if (size_choice) {
    gi::image_request request;
    request.prompt = "fuzz";
    request.size = *size_choice;
    for (gi::provider p : gi::all_providers) {
      auto valid = gi::validate(request, p);
      if (!valid) fuzz::check_error(valid.error());
    }
  } else {
    fuzz::check_error(size_choice.error());
  }
  return 0;
}
