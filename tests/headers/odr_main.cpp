// Two translation units include the whole library; a definition in a header that is not inline
// (or not a template) makes this program fail to link.
#include <gpt_image/gpt_image.hpp>

#include <cstdio>

int second_tu_version_major();

int main() {
  if (second_tu_version_major() != gpt_image::version.major) {
    std::puts("the two translation units disagree on gpt_image::version");
    return 1;
  }
  return 0;
}
