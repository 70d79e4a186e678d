// SPDX-License-Identifier: MIT
#pragma once
// Test helpers shared by the codec tests: the fixtures of tests/data, and small constructors.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>
#include <string>

#ifndef GPT_IMAGE_TEST_DATA_DIR
#define GPT_IMAGE_TEST_DATA_DIR "tests/data"
#endif

namespace test_support {

// The text of tests/data/<name>.
inline std::string fixture(const std::string& name) {
  std::ifstream in(std::string(GPT_IMAGE_TEST_DATA_DIR) + "/" + name, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A 200 response with this body.
inline gpt_image::http_response ok(std::string body) {
  return gpt_image::http_response{200, {}, std::move(body)};
}

inline nlohmann::json json_of(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  REQUIRE_MESSAGE(!j.is_discarded(), "not JSON: " << text);
  return j;
}

}  // namespace test_support
