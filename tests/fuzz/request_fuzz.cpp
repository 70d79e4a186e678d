// libFuzzer target: requests built from the input bytes go through validate() and the encoders.
// Invariants: a request that validates, with its references in a form the encoder takes (URLs;
// bytes for OpenAI), encodes; every JSON body the encoders write parses back as JSON.
#include "fuzz_common.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace {
struct reader {
  const std::uint8_t* data;
  std::size_t size;
  std::size_t at = 0;
  std::uint8_t byte() { return at < size ? data[at++] : 0; }
  std::uint16_t u16() { return static_cast<std::uint16_t>(byte() << 8 | byte()); }
  std::string text(std::size_t max) {
    std::size_t n = byte() % (max + 1);
    std::string out;
    while (n-- > 0 && at < size) out += static_cast<char>(data[at++]);
    return out;
  }
  std::string rest() {
    std::string out(reinterpret_cast<const char*>(data + at), size - at);
    at = size;
    return out;
  }
};

gpt_image::reference_image reference(reader& in) {
  namespace gi = gpt_image;
  switch (in.byte() % 4) {
    case 0:
      return gi::reference_image::from_url("https://example.com/" + in.text(12));
    case 1:
      return gi::reference_image::from_url(in.text(24));
    case 2:
      return gi::reference_image::from_file(in.text(12));
    default:
      return gi::reference_image::from_bytes(in.text(16), in.byte() % 2 ? "image/png" : "");
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace gi = gpt_image;
  reader in{data, size};
  const gi::provider p = gi::all_providers[in.byte() % 3];
  const std::uint8_t flags = in.byte();
  const std::uint8_t more = in.byte();
  gi::image_request request;
  if (flags & 1) {
    switch (in.byte() % 4) {
      case 0:
        request.size = gi::image_size::automatic();
        break;
      case 1: {
        const gi::aspect a{static_cast<std::uint16_t>(in.byte() % 24),
                           static_cast<std::uint16_t>(in.byte() % 24)};
        const std::uint8_t t = in.byte() % 4;
        request.size =
            t == 3 ? gi::image_size::ratio(a) : gi::image_size::ratio(a, gi::all_tiers[t]);
        break;
      }
      case 2:
        request.size = gi::image_size::exact({in.u16(), in.u16()});
        break;
      default:
        request.size = gi::image_size::unchecked(in.text(12));
        break;
    }
  }
  if (flags & 2) request.n = static_cast<int>(in.byte()) - 2;
  if (flags & 4) request.quality = static_cast<gi::image_quality>(in.byte() % 4);
  if (flags & 8) request.output_format = static_cast<gi::image_format>(in.byte() % 3);
  if (flags & 16) request.output_compression = static_cast<int>(in.byte()) - 10;
  if (flags & 32) request.background = static_cast<gi::image_background>(in.byte() % 3);
  if (flags & 64) request.moderation = static_cast<gi::moderation_level>(in.byte() % 2);
  if (flags & 128) request.response_format = static_cast<gi::response_format>(in.byte() % 2);
  const int references = more % 4;
  for (int i = 0; i < references; ++i) request.reference_images.push_back(reference(in));
  if (more & 4) request.mask = reference(in);
  if (more & 8) request.callback_url = in.text(20);
  if (more & 16) request.nsfw_checker = (more & 32) != 0;
  if (more & 64) request.model = in.text(10);
  if (more & 128) request.extra[in.text(6)] = in.text(6);
  request.prompt = in.rest();

  auto valid = gi::validate(request, p);
  if (!valid) fuzz::check_error(valid.error());
  auto encoded = gi::encode_create(p, request);
  if (!encoded) {
    fuzz::check_error(encoded.error());
    bool encodable_form = true;
    auto takes = [&](const gi::reference_image& r) {
      return r.source == gi::reference_image::kind::url ||
             (p == gi::provider::openai && r.source == gi::reference_image::kind::bytes);
    };
    for (const auto& r : request.reference_images) encodable_form = encodable_form && takes(r);
    if (request.mask) encodable_form = encodable_form && takes(*request.mask);
    fuzz::require(!(valid && encodable_form), "a validated request in an encodable form encodes");
    return 0;
  }
  if (encoded->content_type == "application/json") {
    auto parsed = nlohmann::json::parse(encoded->body, nullptr, false);
    fuzz::require(!parsed.is_discarded() && parsed.is_object(), "a JSON body parses back");
  } else {
    fuzz::require(encoded->content_type.rfind("multipart/form-data; boundary=", 0) == 0,
                  "a non-JSON body is multipart");
  }
  return 0;
}
