#include <gpt_image/gpt_image.hpp>

int second_tu_version_major() {
  return gpt_image::version.major;
}
