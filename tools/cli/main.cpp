// SPDX-License-Identifier: MIT
// gpt-image: generate images with GPT-Image-2 from the command line. See `gpt-image --help`.
#include "cli.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  return gpt_image_cli::run(args, gpt_image_cli::real_environment(), std::cout, std::cerr);
}
