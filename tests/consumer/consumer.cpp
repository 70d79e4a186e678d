// An outside program using the installed (or subproject) gpt_image: the whole library through the
// umbrella, with the default transport.
#include <gpt_image/gpt_image.hpp>

#include <cstdio>
#include <cstring>

int main() {
  gpt_image::result<int> r = 42;
  if (!r || *r != 42) return 1;
  std::printf("gpt_image %s\n", gpt_image::version.string);
  return std::strcmp(gpt_image::version.string, GPT_IMAGE_VERSION_STRING) == 0 ? 0 : 1;
}
