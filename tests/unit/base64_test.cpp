// Base64: RFC 4648 §10 test vectors, strict rejection of everything that is not canonical base64,
// and the fast (32-character block) path against the quad-by-quad tail.
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace gi = gpt_image;

namespace {
// Every byte value once, encoded by an independent implementation (Python's base64 module).
constexpr std::string_view all_bytes_b64 =
    "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNE"
    "RUZHSElKS0xNTk9QUVJTVFVWV1hZWltcXV5fYGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3eHl6e3x9fn+AgYKDhIWGh4iJ"
    "iouMjY6PkJGSk5SVlpeYmZqbnJ2en6ChoqOkpaanqKmqq6ytrq+wsbKztLW2t7i5uru8vb6/wMHCw8TFxsfIycrLzM3O"
    "z9DR0tPU1dbX2Nna29zd3t/g4eLj5OXm5+jp6uvs7e7v8PHy8/T19vf4+fr7/P3+/w==";

std::string all_bytes() {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  return bytes;
}
}  // namespace

TEST_CASE("base64: RFC 4648 section 10 test vectors encode and decode") {
  const std::pair<std::string_view, std::string_view> vectors[] = {
      {"", ""},
      {"f", "Zg=="},
      {"fo", "Zm8="},
      {"foo", "Zm9v"},
      {"foob", "Zm9vYg=="},
      {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"},
  };
  for (const auto& vector : vectors) {
    const std::string_view plain = vector.first;
    const std::string_view encoded = vector.second;
    CAPTURE(plain);
    CHECK(gi::base64_encode(plain) == encoded);
    auto decoded = gi::base64_decode(encoded);
    REQUIRE(decoded);
    CHECK(*decoded == plain);
  }
}

TEST_CASE("base64: all 256 byte values, through the 32-character fast path") {
  CHECK(gi::base64_encode(all_bytes()) == all_bytes_b64);
  auto decoded = gi::base64_decode(all_bytes_b64);
  REQUIRE(decoded);
  CHECK(*decoded == all_bytes());
  CHECK(gi::base64_encode("Many hands make light work.") == "TWFueSBoYW5kcyBtYWtlIGxpZ2h0IHdvcmsu");
}

TEST_CASE("base64: sizes") {
  CHECK(gi::base64_encoded_size(0) == 0);
  CHECK(gi::base64_encoded_size(1) == 4);
  CHECK(gi::base64_encoded_size(3) == 4);
  CHECK(gi::base64_encoded_size(4) == 8);
  CHECK(gi::base64_encoded_size(1, false) == 2);
  CHECK(gi::base64_encoded_size(2, false) == 3);
  // The 4K case of the issue: a 24 MiB image is 33,554,432 characters of base64.
  CHECK(gi::base64_encoded_size(std::size_t{24} * 1024 * 1024) == 33554432);
  CHECK(gi::base64_decoded_size_max(8) == 6);
  CHECK(gi::base64_decoded_size_max(7) == 5);
  CHECK(gi::base64_decoded_size_max(6) == 4);
  static_assert(gi::base64_encoded_size(6) == 8, "constexpr");
}

TEST_CASE("base64: unpadded input is accepted, partial padding is not") {
  auto one = gi::base64_decode("Zg");
  REQUIRE(one);
  CHECK(*one == "f");
  auto two = gi::base64_decode("Zm8");
  REQUIRE(two);
  CHECK(*two == "fo");
  CHECK_FALSE(gi::base64_decode("Zg="));
  CHECK_FALSE(gi::base64_decode("Zm9vYg="));
}

TEST_CASE("base64: the URL-safe alphabet and the tolerant 'either'") {
  CHECK(gi::base64_encode("\xfb\xff") == "+/8=");
  CHECK(gi::base64_encode("\xfb\xff", gi::base64_alphabet::url_safe) == "-_8=");
  CHECK(gi::base64_encode("\xfb\xff", gi::base64_alphabet::url_safe, false) == "-_8");
  auto url = gi::base64_decode("-_8=", gi::base64_alphabet::url_safe);
  REQUIRE(url);
  CHECK(*url == "\xfb\xff");
  CHECK_FALSE(gi::base64_decode("-_8="));  // not in the standard alphabet
  CHECK_FALSE(gi::base64_decode("+/8=", gi::base64_alphabet::url_safe));
  auto either = gi::base64_decode("+_8=", gi::base64_alphabet::either);
  REQUIRE(either);
  CHECK(*either == "\xfb\xff");
}

TEST_CASE("base64: strict validation rejects non-canonical and garbage input") {
  const std::string_view rejected[] = {
      "Z",                           // a single character cannot encode a byte
      "Zm9vY",                       // 5 characters: one too many
      "Zh==",                        // 'h' leaves non-zero unused bits (canonical is "Zg==")
      "Zm9=",                        // '9' leaves non-zero unused bits (canonical is "Zm8=")
      "Zg==Zg==",                    // padding in the middle
      "Zm9v=",                       // padding after a complete group
      "Zg===",                       // too much padding
      "====",                        // nothing but padding
      "Zm9v\n",                      // whitespace
      "Zm 9v",                       // a space
      "Zm9v\"",                      // a quote
      std::string_view("Zm\0v", 4),  // a NUL byte
  };
  for (auto text : rejected) {
    CAPTURE(text);
    auto decoded = gi::base64_decode(text);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == gi::errc::malformed_response);
  }
}

TEST_CASE("base64: the error names the offset and the character") {
  // 40 valid characters, then '*': the bad character sits inside the second 32-character block.
  std::string text(40, 'A');
  text += "*AAA";
  auto decoded = gi::base64_decode(text);
  REQUIRE_FALSE(decoded);
  CHECK(decoded.error().message.find("offset 40") != std::string::npos);
  CHECK(decoded.error().message.find("'*'") != std::string::npos);
  CHECK(decoded.error().message.find("A-Z a-z 0-9 + /") != std::string::npos);

  auto control = gi::base64_decode(std::string_view("AAA\x01", 4));
  REQUIRE_FALSE(control);
  CHECK(control.error().message.find("0x01") != std::string::npos);
}

TEST_CASE("base64: an invalid character at every position of a long input is found") {
  const std::string clean(96, 'Q');  // 72 bytes of 0x41..., 3 fast-path blocks
  for (std::size_t at = 0; at < clean.size(); ++at) {
    std::string text = clean;
    text[at] = '.';
    auto decoded = gi::base64_decode(text);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().message.find("offset " + std::to_string(at) + " ") != std::string::npos);
  }
}

TEST_CASE("base64: decode_into writes into the caller's buffer and checks its size") {
  char buffer[8] = {};
  auto written = gi::base64_decode_into("Zm9vYmFy", buffer, sizeof buffer);
  REQUIRE(written);
  CHECK(*written == 6);
  CHECK(std::string_view(buffer, 6) == "foobar");

  auto too_small = gi::base64_decode_into("Zm9vYmFy", buffer, 5);
  REQUIRE_FALSE(too_small);
  CHECK(too_small.error().code == gi::errc::internal_error);
}

TEST_CASE("base64: a large pseudo-random buffer round-trips") {
  std::string bytes(1 << 20, '\0');
  std::uint32_t state = 12345;
  for (auto& b : bytes) {
    state = state * 1664525u + 1013904223u;
    b = static_cast<char>(state >> 24);
  }
  for (std::size_t trim : {0u, 1u, 2u}) {
    const std::string_view input(bytes.data(), bytes.size() - trim);
    const std::string encoded = gi::base64_encode(input);
    CHECK(encoded.size() == gi::base64_encoded_size(input.size()));
    auto decoded = gi::base64_decode(encoded);
    REQUIRE(decoded);
    CHECK(*decoded == input);
  }
}
