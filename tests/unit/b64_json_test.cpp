// The b64_json fast path: images of an OpenAI ImagesResponse decoded by scanning (no DOM), whole
// or chunk by chunk as the body arrives, with the JSON grammar checked and hostile input refused.
#include <doctest/doctest.h>

#include <gpt_image/gpt_image.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gi = gpt_image;

namespace {
// The PNG signature; its base64, "iVBORw0KGgo=", comes from an independent encoder (Python).
constexpr std::string_view png_signature("\x89PNG\r\n\x1a\n", 8);

// The shape of PROVIDERS.md §1 "Response 200", with a real (tiny) payload.
const std::string images_response =
    R"({"created":1713833628,"data":[{"b64_json":"iVBORw0KGgo=","revised_prompt":"a cat"}],)"
    R"("background":"opaque","output_format":"png","size":"1024x1024","quality":"high",)"
    R"("usage":{"input_tokens":50,"output_tokens":50,"total_tokens":100,)"
    R"("input_tokens_details":{"text_tokens":10,"image_tokens":40},)"
    R"("output_tokens_details":{"image_tokens":50,"text_tokens":0}}})";

gi::result<gi::b64_json_images> decode_in_chunks(std::string_view body, std::size_t chunk,
                                                 std::size_t hint = 0) {
  gi::b64_json_stream_decoder decoder(hint);
  for (std::size_t at = 0; at < body.size(); at += chunk) {
    auto fed = decoder.feed(body.substr(at, chunk));
    if (!fed) return std::move(fed).error();
  }
  return decoder.finish();
}

std::string pseudo_random_bytes(std::size_t n, std::uint32_t seed) {
  std::string bytes(n, '\0');
  for (auto& b : bytes) {
    seed = seed * 1664525u + 1013904223u;
    b = static_cast<char>(seed >> 24);
  }
  return bytes;
}
}  // namespace

TEST_CASE("b64_json: an ImagesResponse yields its image and the rest of the JSON") {
  auto decoded = gi::decode_b64_json(images_response);
  REQUIRE(decoded);
  REQUIRE(decoded->images.size() == 1);
  CHECK(decoded->images[0] == png_signature);
  // Everything but the base64, with the placeholder providers/openai.hpp uses.
  CHECK(decoded->json ==
        R"({"created":1713833628,"data":[{"b64_json":"#0","revised_prompt":"a cat"}],)"
        R"("background":"opaque","output_format":"png","size":"1024x1024","quality":"high",)"
        R"("usage":{"input_tokens":50,"output_tokens":50,"total_tokens":100,)"
        R"("input_tokens_details":{"text_tokens":10,"image_tokens":40},)"
        R"("output_tokens_details":{"image_tokens":50,"text_tokens":0}}})");
}

TEST_CASE("b64_json: several images come back in document order") {
  const std::string body =
      R"({"data":[{"b64_json":"Zm9v"},{"url":"https://cdn.example/x.png"},{"b64_json":"YmFy"}]})";
  auto decoded = gi::decode_b64_json(body);
  REQUIRE(decoded);
  REQUIRE(decoded->images.size() == 2);
  CHECK(decoded->images[0] == "foo");
  CHECK(decoded->images[1] == "bar");
  CHECK(decoded->json ==
        R"({"data":[{"b64_json":"#0"},{"url":"https://cdn.example/x.png"},{"b64_json":"#1"}]})");
}

TEST_CASE("b64_json: JSON escapes inside the base64 are decoded") {
  SUBCASE("an escaped slash, as PHP's json_encode writes it") {
    auto decoded = gi::decode_b64_json(R"({"data":[{"b64_json":"\/\/\/\/"}]})");
    REQUIRE(decoded);
    CHECK(decoded->images[0] == "\xff\xff\xff");
  }
  SUBCASE("\\u escapes of base64 characters") {
    auto decoded =
        gi::decode_b64_json(R"({"data":[{"b64_json":"\u005A\u006d9v\u002F\u002f\u002f\u002F"}]})");
    REQUIRE(decoded);
    CHECK(decoded->images[0] == "foo\xff\xff\xff");
  }
  SUBCASE("line-break escapes of a wrapping encoder are skipped") {
    auto decoded = gi::decode_b64_json(R"({"data":[{"b64_json":"Zm9v\nYmFy\r\nYg=="}]})");
    REQUIRE(decoded);
    CHECK(decoded->images[0] == "foobarb");
  }
  SUBCASE("whitespace between the JSON tokens") {
    auto decoded = gi::decode_b64_json(" {\n \"data\" : [ { \"b64_json\"\t:\r\n \"Zm9v\" } ] }\n ");
    REQUIRE(decoded);
    CHECK(decoded->images[0] == "foo");
  }
  SUBCASE("a UTF-8 byte order mark before the document") {
    auto decoded = gi::decode_b64_json("\xEF\xBB\xBF{\"b64_json\":\"Zm9v\"}");
    REQUIRE(decoded);
    CHECK(decoded->images[0] == "foo");
    CHECK(decoded->json == R"({"b64_json":"#0"})");
  }
}

TEST_CASE("b64_json: valid UTF-8 and surrogate pairs pass through to the metadata") {
  const std::string body =
      "{\"revised_prompt\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 "
      "\\ud83d\\ude00\",\"b64_json\":\"Zm9v\"}";
  auto decoded = gi::decode_b64_json(body);
  REQUIRE(decoded);
  CHECK(decoded->images[0] == "foo");
  CHECK(decoded->json ==
        "{\"revised_prompt\":\"caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 \\ud83d\\ude00\","
        "\"b64_json\":\"#0\"}");
}

TEST_CASE("b64_json: only an object key named b64_json counts") {
  SUBCASE("the key written with \\u escapes is still the key") {
    auto decoded = gi::decode_b64_json(R"({"b64\u005fjson":"Zm9v"})");
    REQUIRE(decoded);
    REQUIRE(decoded->images.size() == 1);
    CHECK(decoded->images[0] == "foo");
  }
  SUBCASE("the text \"b64_json\" inside a string value is not a key") {
    const std::string body = R"({"revised_prompt":"say \"b64_json\":\"Zm9v\" please","data":[]})";
    auto decoded = gi::decode_b64_json(body);
    REQUIRE(decoded);
    CHECK(decoded->images.empty());
    CHECK(decoded->json == body);
  }
  SUBCASE("a string value equal to b64_json is not a key") {
    auto decoded = gi::decode_b64_json(R"(["b64_json","Zm9v"])");
    REQUIRE(decoded);
    CHECK(decoded->images.empty());
  }
  SUBCASE("a longer key that starts with b64_json is another key") {
    auto decoded = gi::decode_b64_json(R"({"b64_json_x":"Zm9v","xb64_json":"Zm9v"})");
    REQUIRE(decoded);
    CHECK(decoded->images.empty());
  }
  SUBCASE("b64_json: null is no image") {
    auto decoded = gi::decode_b64_json(R"({"data":[{"b64_json":null,"url":"https://x/y"}]})");
    REQUIRE(decoded);
    CHECK(decoded->images.empty());
  }
}

TEST_CASE("b64_json: fed in chunks of any size, the result is the same") {
  const std::string image = pseudo_random_bytes(3000, 7);
  const std::string body = R"({"created":1,"data":[{"b64_json":")" + gi::base64_encode(image) +
                           R"(","revised_prompt":"x\"y\u00e9"},{"b64_json":"Zm9v\/\/\/\/\nYg=="}],)"
                           R"("n":-12.5e+3,"t":true,"f":false,"z":null})";
  auto whole = gi::decode_b64_json(body);
  REQUIRE(whole);
  REQUIRE(whole->images.size() == 2);
  CHECK(whole->images[0] == image);
  CHECK(whole->images[1] ==
        "foo\xff\xff\xff"
        "b");
  for (std::size_t chunk : {1u, 2u, 3u, 4u, 5u, 7u, 13u, 64u, 4096u}) {
    CAPTURE(chunk);
    for (std::size_t hint : {std::size_t{0}, body.size()}) {
      auto pieces = decode_in_chunks(body, chunk, hint);
      REQUIRE(pieces);
      CHECK(pieces->images == whole->images);
      CHECK(pieces->json == whole->json);
    }
  }
}

TEST_CASE("b64_json: a body cut off anywhere is an error, never a silent success") {
  const std::string body = R"({"data":[{"b64_json":"Zm9vYmFy"}],"created":123})";
  for (std::size_t length = 0; length < body.size(); ++length) {
    CAPTURE(length);
    auto decoded = gi::decode_b64_json(std::string_view(body).substr(0, length));
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == gi::errc::malformed_response);
  }
  auto cut_in_base64 = gi::decode_b64_json(R"({"data":[{"b64_json":"Zm9vYm)");
  REQUIRE_FALSE(cut_in_base64);
  CHECK(cut_in_base64.error().message.find("cut off") != std::string::npos);
}

TEST_CASE("b64_json: malformed JSON and malformed base64 are refused") {
  const std::string_view bad[] = {
      "",
      "   ",
      R"({"data":[{"b64_json":"Zm9v"}]} x)",  // trailing data
      R"({"data":[{"b64_json":"Zm9v"}],})",   // trailing comma
      R"({"data" [{"b64_json":"Zm9v"}]})",    // missing colon
      R"({data:[]})",                         // unquoted key
      R"({"a":tru})",                         // bad literal
      R"({"a":01})",                          // leading zero
      R"({"a":1.})",                          // no fraction digits
      R"({"a":-})",                           // a lone minus
      R"({"a":"\q"})",                        // bad escape
      R"({"a":"\u12G4"})",                    // bad \u escape
      "{\"a\":\"tab\there\"}",                // raw control character
      R"({"a":[1,2})",                        // mismatched bracket
      R"({"b64_json":""})",                   // an empty image
      R"({"b64_json":"Zm9v YmFy"})",          // a space in the base64
      R"({"b64_json":"Zm9v*"})",              // garbage
      R"({"b64_json":"Zg="})",                // incomplete padding
      R"({"b64_json":"Zg==Zg=="})",           // data after padding
      R"({"b64_json":"Zh=="})",               // non-zero unused bits
      R"({"b64_json":"Z"})",                  // a single trailing character
      R"({"b64_json":"Zm9v\t"})",             // an escape that is not base64
      R"({"b64_json":"Zm9v\u00e9"})",         // a non-ASCII \u escape
      R"({"b64_json":"Zm9v\u0022"})",         // an escaped quote is not base64
      "\xEF\xBB{}",                           // a broken byte order mark
      "{\"a\":\"\xC3\x28\"}",                 // a broken UTF-8 sequence
      "{\"a\":\"\xC0\xAF\"}",                 // an overlong UTF-8 encoding
      "{\"a\":\"\xED\xA0\x80\"}",             // a UTF-8 encoded surrogate
      "{\"a\":\"\xF4\x90\x80\x80\"}",         // beyond U+10FFFF
      "{\"a\":\"\xE2\x82\"}",                 // a truncated sequence
      R"({"a":"\ud83d"})",                    // a high surrogate alone
      R"({"a":"\ud83dx"})",                   // a high surrogate, then a character
      R"({"a":"\ude00"})",                    // a low surrogate alone
  };
  for (auto text : bad) {
    CAPTURE(text);
    auto decoded = gi::decode_b64_json(text);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == gi::errc::malformed_response);
    CHECK(decoded.error().message.rfind("b64_json: ", 0) == 0);
  }
}

TEST_CASE("b64_json: errors carry the byte offset and a short printable excerpt") {
  std::string body = R"({"data":[{"b64_json":")" + std::string(1 << 20, 'A') + "*" +
                     std::string(1 << 20, 'A') + R"("}]})";
  auto decoded = gi::decode_b64_json(body);
  REQUIRE_FALSE(decoded);
  const std::string& message = decoded.error().message;
  CHECK(message.find("at byte " + std::to_string(22 + (1 << 20))) != std::string::npos);
  CHECK(message.find("'*'") != std::string::npos);
  CHECK(message.size() < 300);  // an excerpt, not the megabytes around it
  for (char c : message) CHECK((c >= 0x20 && c < 0x7F));
}

TEST_CASE("b64_json: limits against hostile bodies") {
  SUBCASE("nesting") {
    const std::size_t limit = gi::b64_json_stream_decoder::max_depth;
    auto nested = [](std::size_t depth) {
      return std::string(depth, '[') + std::string(depth, ']');
    };
    CHECK(gi::decode_b64_json(nested(limit)));
    auto too_deep = gi::decode_b64_json(nested(limit + 1));
    REQUIRE_FALSE(too_deep);
    CHECK(too_deep.error().message.find("nesting") != std::string::npos);
  }
  SUBCASE("image count") {
    auto body_with = [](std::size_t n) {
      std::string body = "[";
      for (std::size_t i = 0; i < n; ++i)
        body += std::string(i ? "," : "") + R"({"b64_json":"QQ=="})";
      return body + "]";
    };
    auto at_limit = gi::decode_b64_json(body_with(gi::b64_json_stream_decoder::max_images));
    REQUIRE(at_limit);
    CHECK(at_limit->images.size() == 256);
    auto over = gi::decode_b64_json(body_with(gi::b64_json_stream_decoder::max_images + 1));
    REQUIRE_FALSE(over);
    CHECK(over.error().message.find("more than 256 images") != std::string::npos);
  }
  SUBCASE("mutated bodies never crash and never decode garbage silently") {
    const std::string image = pseudo_random_bytes(600, 3);
    const std::string body = R"({"created":1,"data":[{"b64_json":")" + gi::base64_encode(image) +
                             R"("}],"n":[1,{"a":"b"}]})";
    std::uint32_t state = 99;
    int failures = 0;
    for (int round = 0; round < 3000; ++round) {
      std::string mutated = body;
      for (int edits = 0; edits < 1 + round % 4; ++edits) {
        state = state * 1664525u + 1013904223u;
        const std::size_t at = (state >> 8) % mutated.size();
        state = state * 1664525u + 1013904223u;
        mutated[at] = static_cast<char>(state >> 24);
      }
      auto decoded = decode_in_chunks(mutated, 1 + round % 97);
      if (!decoded) {
        ++failures;
        CHECK(decoded.error().code == gi::errc::malformed_response);
        continue;
      }
      // Whatever passed is well-formed: the metadata is valid JSON for a real parser.
      CHECK(nlohmann::json::accept(decoded->json));
    }
    CHECK(failures > 1500);  // most random edits break either the JSON or the base64
  }
}

TEST_CASE("b64_json: the stream decoder's contract") {
  gi::b64_json_stream_decoder decoder;
  REQUIRE(decoder.feed(R"({"b64_json":"Zm)"));
  CHECK(decoder.bytes_fed() == 15);
  CHECK(decoder.images_seen() == 1);
  REQUIRE(decoder.feed(R"(9v"})"));
  auto done = decoder.finish();
  REQUIRE(done);
  CHECK(done->images[0] == "foo");
  CHECK_FALSE(decoder.finish());    // only once
  CHECK_FALSE(decoder.feed("{}"));  // and nothing after it

  gi::b64_json_stream_decoder broken;
  REQUIRE_FALSE(broken.feed("{x"));
  auto again = broken.feed("}");  // the first error sticks
  REQUIRE_FALSE(again);
  CHECK(again.error().message.find("at byte 1") != std::string::npos);
}

TEST_CASE("b64_json: a 1K-sized image (3 MiB) round-trips, whole and streamed") {
  const std::string image = pseudo_random_bytes(std::size_t{3} << 20, 11);
  const std::string body = R"({"created":1713833628,"data":[{"b64_json":")" +
                           gi::base64_encode(image) + R"("}],"output_format":"png"})";
  auto whole = gi::decode_b64_json(body);
  REQUIRE(whole);
  REQUIRE(whole->images.size() == 1);
  CHECK(whole->images[0].size() == image.size());
  CHECK(whole->images[0] == image);
  CHECK(whole->json ==
        R"({"created":1713833628,"data":[{"b64_json":"#0"}],"output_format":"png"})");
  auto streamed = decode_in_chunks(body, 4096, body.size());
  REQUIRE(streamed);
  CHECK(streamed->images[0] == image);
}
