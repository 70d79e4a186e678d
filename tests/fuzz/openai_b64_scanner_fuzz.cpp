// libFuzzer target: the scanner that sets b64_json strings aside before the JSON parse. On any
// input it either refuses or produces a text no longer than the input plus its placeholders, whose
// spans lie inside the input; and the OpenAI decoder agrees with a plain DOM parse about which
// base64 strings a valid body holds.
#include "fuzz_common.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto thinned = gi::detail::thin_b64_json(body);
  if (thinned) {
    std::size_t placeholders = 0;
    for (const auto& span : thinned->b64_spans) {
      fuzz::require(span.first <= body.size() && span.second <= body.size() - span.first,
                    "a span lies inside the body");
      placeholders += 1 + std::to_string(placeholders).size();
    }
    fuzz::require(thinned->text.size() <= body.size() + placeholders, "thinning never grows much");
  }

  // Where nlohmann can parse the whole body, the decoder must find the same data[].b64_json.
  auto dom = nlohmann::json::parse(body, nullptr, false);
  auto decoded = gi::providers::openai::decode_create({200, {}, body});
  fuzz::check_task(decoded, false);
  if (!dom.is_discarded() && decoded) {
    auto it = dom.find("data");
    fuzz::require(it != dom.end() && it->is_array(), "decoded images come from a data array");
    std::size_t with_image = 0;
    for (const auto& element : *it)
      if (element.is_object()) {
        auto b = element.find("b64_json");
        auto u = element.find("url");
        if ((b != element.end() && b->is_string() && !b->get_ref<const std::string&>().empty()) ||
            (u != element.end() && u->is_string() && !u->get_ref<const std::string&>().empty()))
          ++with_image;
      }
    fuzz::require(decoded->outputs.size() == with_image, "the decoder finds every image");
  }
  return 0;
}
