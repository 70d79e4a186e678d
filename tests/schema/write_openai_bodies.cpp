// Writes the bodies the OpenAI encoder produces for a spread of requests, for
// check_openai_schema.py to validate against OpenAI's official schema. Usage:
//   write_openai_bodies OUTPUT_DIR     writes OUTPUT_DIR/<case>.body and OUTPUT_DIR/manifest.json
// Exit status 1 when a request fails to encode (every case here is valid).
#include <gpt_image/gpt_image.hpp>

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace gi = gpt_image;

namespace {
struct schema_case {
  std::string name;
  std::string schema;  // the $defs entry the body must satisfy
  gi::image_request request;
};

gi::image_request with_prompt(std::string prompt) {
  gi::image_request request;
  request.prompt = std::move(prompt);
  return request;
}

const std::string png("\x89PNG\r\n\x1a\n....", 12);
const std::string jpeg("\xFF\xD8\xFF\xE0....", 8);
const std::string webp("RIFF\x10\0\0\0WEBPVP8 ", 16);

std::vector<schema_case> cases() {
  std::vector<schema_case> out;
  {
    out.push_back(
        {"generation_minimal", "CreateImageRequest", with_prompt("A cute baby sea otter")});
  }
  {
    auto r = with_prompt("A cute baby sea otter");
    r.model = "gpt-image-1.5";
    r.n = 1;
    r.size = gi::image_size::exact({1024, 1024});
    out.push_back({"generation_curl_example", "CreateImageRequest", r});
  }
  {
    auto r = with_prompt("A lighthouse at dusk, cinematic");
    r.n = 4;
    r.size = gi::image_size::ratio({16, 9}, gi::tier::k4);
    r.quality = gi::image_quality::high;
    r.output_format = gi::image_format::webp;
    r.output_compression = 60;
    r.background = gi::image_background::transparent;
    r.moderation = gi::moderation_level::low;
    out.push_back({"generation_every_option", "CreateImageRequest", r});
  }
  {
    auto r = with_prompt("auto everything");
    r.size = gi::image_size::automatic();
    r.quality = gi::image_quality::automatic;
    r.background = gi::image_background::automatic;
    r.moderation = gi::moderation_level::automatic;
    r.output_format = gi::image_format::jpeg;
    r.output_compression = 0;
    out.push_back({"generation_auto", "CreateImageRequest", r});
  }
  {
    auto r = with_prompt("streamed, with partial images");
    r.size = gi::image_size::exact({2880, 2880});
    r.quality = gi::image_quality::medium;
    r.background = gi::image_background::opaque;
    r.extra["stream"] = true;
    r.extra["partial_images"] = 2;
    r.extra["user"] = "user-1234";
    out.push_back({"generation_stream_extra", "CreateImageRequest", r});
  }
  {
    auto r = with_prompt("DALL-E with a URL response");
    r.model = "dall-e-3";
    r.response_format = gi::response_format::url;
    r.quality = gi::image_quality::low;
    out.push_back({"generation_dalle_url", "CreateImageRequest", r});
  }
  {
    auto r = with_prompt("Add a watercolor effect to this image");
    r.model = "gpt-image-1.5";
    r.reference_images = {gi::reference_image::from_url("https://example.com/source-image.png")};
    r.size = gi::image_size::exact({1024, 1024});
    r.quality = gi::image_quality::high;
    out.push_back({"edit_json_with_url", "EditImageBodyJsonParam", r});
  }
  {
    auto r = with_prompt("Replace the background with a snowy mountain scene");
    r.reference_images = {
        gi::reference_image::from_url("https://example.com/a.png"),
        gi::reference_image::from_url("data:image/png;base64,iVBORw0KGgoAAAANSUhEUg==")};
    r.mask = gi::reference_image::from_url("https://example.com/mask.png");
    r.n = 2;
    r.size = gi::image_size::exact({1536, 1024});
    r.moderation = gi::moderation_level::low;
    r.output_format = gi::image_format::png;
    r.background = gi::image_background::transparent;
    r.extra["input_fidelity"] = "high";
    out.push_back({"edit_json_mask_data_url", "EditImageBodyJsonParam", r});
  }
  {
    auto r = with_prompt("Create a lovely gift basket with these four items in it");
    r.model = "gpt-image-1.5";
    for (const char* name : {"body-lotion.png", "bath-bomb.png", "incense-kit.png", "soap.png"})
      r.reference_images.push_back(gi::reference_image::from_bytes(png, "image/png", name));
    out.push_back({"edit_multipart_curl_example", "CreateImageEditRequest", r});
  }
  {
    auto r = with_prompt("Make it a poster");
    r.reference_images = {gi::reference_image::from_bytes(jpeg),
                          gi::reference_image::from_bytes(webp)};
    r.mask = gi::reference_image::from_bytes(png);
    r.n = 3;
    r.size = gi::image_size::ratio({16, 9}, gi::tier::k2);
    r.quality = gi::image_quality::low;
    r.output_format = gi::image_format::jpeg;
    r.output_compression = 85;
    r.background = gi::image_background::opaque;
    r.extra["input_fidelity"] = "low";
    r.extra["stream"] = false;
    out.push_back({"edit_multipart_every_option", "CreateImageEditRequest", r});
  }
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: write_openai_bodies OUTPUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  nlohmann::json manifest = nlohmann::json::array();
  gi::encode_options options;
  options.multipart_boundary = "schema-check-boundary";
  for (const schema_case& c : cases()) {
    auto valid = gi::validate(c.request, gi::provider::openai);
    if (!valid) {
      std::fprintf(stderr, "%s: does not validate: %s\n", c.name.c_str(),
                   valid.error().message.c_str());
      return 1;
    }
    auto encoded = gi::providers::openai::encode_create(c.request, options);
    if (!encoded) {
      std::fprintf(stderr, "%s: %s\n", c.name.c_str(), encoded.error().message.c_str());
      return 1;
    }
    const std::string file = c.name + ".body";
    std::ofstream(dir + "/" + file, std::ios::binary) << encoded->body;
    manifest.push_back({{"name", c.name},
                        {"schema", c.schema},
                        {"url", encoded->url},
                        {"content_type", encoded->content_type},
                        {"file", file}});
  }
  std::ofstream(dir + "/manifest.json") << manifest.dump(2) << "\n";
  std::printf("wrote %zu bodies to %s\n", manifest.size(), dir.c_str());
  return 0;
}
