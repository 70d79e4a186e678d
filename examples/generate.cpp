// Generate an image with the default client (cpp-httplib + OpenSSL).
//   GPT_IMAGE_PROVIDER=toapis GPT_IMAGE_API_KEY=sk-... ./example_generate "a lighthouse at dawn"
// With GPT_IMAGE_BASE_URL pointing at gpt-image-emulator, no key or network is needed.
#include <gpt_image/gpt_image.hpp>

#include <cstdio>
#include <fstream>
#include <string>

namespace gi = gpt_image;

int main(int argc, char** argv) {
  auto endpoint = gi::endpoint::from_env();
  if (!endpoint) {
    std::fprintf(stderr, "%s\n", endpoint.error().message.c_str());
    return 2;
  }
  gi::client client{*endpoint};

  gi::image_request request;
  request.prompt = argc > 1 ? argv[1] : "a lighthouse at dawn";
  request.size = gi::image_size::ratio({3, 2}, gi::tier::k1);

  gi::call_options options;
  options.deadline = std::chrono::minutes(5);
  options.on_progress = [](const gi::progress& p) {
    std::fprintf(stderr, "%s %s %d%%\n", std::string(gi::to_string(p.stage)).c_str(),
                 std::string(gi::to_string(p.state)).c_str(), p.percent.value_or(0));
  };

  auto images = client.generate(request, options);
  if (!images) {
    const auto& e = images.error();
    std::fprintf(stderr, "error: %s\nhint: %s\n", e.message.c_str(),
                 std::string(gi::describe(e.code).fix).c_str());
    return 1;
  }
  for (std::size_t i = 0; i < images->size(); ++i) {
    const std::string name = "image-" + std::to_string(i + 1) + ".png";
    std::ofstream(name, std::ios::binary) << (*images)[i].bytes;
    std::printf("%s\n", name.c_str());
  }
  return 0;
}
