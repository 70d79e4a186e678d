// An outside program that wants only the zero-dependency tables.
#include <gpt_image/tables.hpp>

int main() {
  return gpt_image::version.major >= 0 ? 0 : 1;
}
