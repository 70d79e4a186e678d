// Bad input never hurts: every decoder, fed truncated JSON, wrong types, a missing id, an HTML
// page, an empty body or megabytes of garbage, answers errc::malformed_response with a short,
// printable excerpt — never an exception, a crash or a silent success.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace gi = gpt_image;

namespace {
struct decoder {
  const char* name;
  // Whether a success of this decoder on garbage would be a silent success.
  bool (*decodes)(const gi::http_response&, gi::error&);
};

template <class R>
bool report(R result, gi::error& out) {
  if (result.has_value()) return true;
  out = result.error();
  return false;
}

const decoder decoders[] = {
    {"openai create",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::openai::decode_create(r), e);
     }},
    {"toapis create",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::toapis::decode_create(r), e);
     }},
    {"toapis status",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::toapis::decode_status(r), e);
     }},
    {"toapis upload",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::toapis::decode_upload(r), e);
     }},
    {"aivideoapi create",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::aivideoapi::decode_create(r), e);
     }},
    {"aivideoapi status",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::aivideoapi::decode_status(r), e);
     }},
    {"aivideoapi credits",
     [](const gi::http_response& r, gi::error& e) {
       return report(gi::providers::aivideoapi::decode_credits(r), e);
     }},
};

// Deterministic pseudo-random bytes (a linear congruential generator), all 256 values.
std::string garbage(std::size_t size, std::uint32_t seed) {
  std::string out(size, '\0');
  for (auto& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return out;
}

bool printable(const std::string& s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return false;
  return true;
}

void expect_malformed(const std::string& body, const char* what) {
  for (const decoder& d : decoders) {
    CAPTURE(d.name);
    CAPTURE(what);
    gi::error e;
    const bool decoded = d.decodes(gi::http_response{200, {}, body}, e);
    CHECK_FALSE(decoded);
    if (decoded) continue;
    CHECK(e.code == gi::errc::malformed_response);
    CHECK(e.http_status == 200);
    CHECK(e.message.size() < 600);
    CHECK(printable(e.message));
  }
}
}  // namespace

TEST_CASE("bad input: an empty body") {
  expect_malformed("", "empty");
  gi::error e;
  decoders[1].decodes(gi::http_response{200, {}, ""}, e);
  CHECK(e.message.find("the body is empty") != std::string::npos);
}

TEST_CASE("bad input: truncated JSON") {
  expect_malformed(R"({"id":"task_img_abc123","object":"generation.task","status":"queu)",
                   "truncated");
  expect_malformed(R"({"created":1713833628,"data":[{"b64_json":"iVBORw0KGgo)", "truncated b64");
  expect_malformed("{", "one brace");
}

TEST_CASE("bad input: an HTML page with status 200") {
  const std::string html = "<!DOCTYPE html><html><body><h1>Welcome to nginx!</h1></body></html>";
  expect_malformed(html, "html");
  gi::error e;
  decoders[2].decodes(gi::http_response{200, {}, html}, e);
  CHECK(e.message.find("<!DOCTYPE html><html><body><h1>Welcome to nginx!") != std::string::npos);
}

TEST_CASE("bad input: JSON that is not an object") {
  for (const char* body : {"null", "[]", "42", "\"completed\"", "true"})
    expect_malformed(body, body);
}

TEST_CASE("bad input: wrong types and missing fields") {
  const char* bodies[] = {
      R"({})",
      R"({"id":{"x":1},"status":"completed","data":{"taskId":7.5}})",
      R"({"status":"completed","result":{"data":[{"url":"https://x/y.png"}]}})",  // no id
      R"({"id":"t","status":5,"url":5})",
      R"({"id":"t","status":"completed","result":{"data":[{"url":7}]},"output":{"urls":[1,2]}})",
      R"({"id":"t","status":"completed"})",  // completed, no image
      R"({"code":200,"msg":"success","data":{"taskId":["x"]}})",
      R"({"created":"yesterday","data":[{"b64_json":12}],"balance":"lots"})",
      R"({"data":{"id":"u","url":"ftp://files/x"}})",
  };
  for (const char* body : bodies) expect_malformed(body, body);
}

TEST_CASE("bad input: invalid UTF-8 inside a JSON string") {
  expect_malformed("{\"id\":\"t\xff\xfe\",\"status\":\"queued\"}", "invalid utf-8");
}

TEST_CASE("bad input: megabytes of garbage, with a short excerpt") {
  for (std::uint32_t seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    expect_malformed(garbage(3u << 20, seed), "garbage");
  }
  gi::error e;
  decoders[0].decodes(gi::http_response{200, {}, garbage(3u << 20, 4)}, e);
  CHECK(e.message.find("(3145728 bytes)") != std::string::npos);
}

TEST_CASE("bad input: deep nesting does not exhaust the stack") {
  expect_malformed(std::string(1u << 20, '['), "deep arrays");
  std::string objects;
  for (int i = 0; i < 200000; ++i) objects += "{\"a\":";
  expect_malformed(objects, "deep objects");
}

TEST_CASE("bad input: garbage in an error response is still an error, classified by status") {
  const std::string body = garbage(1u << 20, 9);
  auto r = gi::providers::toapis::decode_status(gi::http_response{503, {}, body});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == gi::errc::service_unavailable);
  CHECK(r.error().http_status == 503);
  CHECK(r.error().message.size() < 600);
  CHECK(printable(r.error().message));
}

TEST_CASE("tolerance: unknown fields, nested a few levels, are ignored") {
  auto t = gi::providers::toapis::decode_status(gi::http_response{
      200,
      {},
      R"({"id":"t","status":"queued","metadata":{"a":{"b":[[[[1]]]],"c":null}},"x":1e300})"});
  REQUIRE(t.has_value());
  CHECK(t->id == "t");
  CHECK(t->state == gi::task_state::queued);
}

TEST_CASE("server text in messages cannot forge log lines (found by codec_aivideoapi_fuzz)") {
  // A non-ASCII task id quoted in a malformed_response message.
  auto r = gi::providers::aivideoapi::decode_status(
      gi::http_response{200,
                        {},
                        "{\"id\":\"7d89\xE2\x80\xA6\",\"status\":\"completed\",\"output\":{"
                        "\"urlr\":[\"https://f/x.png\"]}}"});
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().code == gi::errc::malformed_response);
  CHECK(printable(r.error().message));

  // Control characters in an error envelope's message and code.
  const gi::error e = gi::decode_error(
      {400,
       {},
       R"({"error":{"code":"bad\ncode","message":"oops\u001b[31m\r\n2026-01-01 FAKE LOG LINE"}})"});
  CHECK(e.message == "HTTP 400 bad code: oops [31m  2026-01-01 FAKE LOG LINE");
  CHECK(e.wire_code == "bad code");

  // A failed task's message, and UTF-8 kept intact.
  auto t = gi::providers::toapis::decode_status(gi::http_response{
      200,
      {},
      R"({"id":"t\n1","status":"failed","error":{"code":"x","message":"caf\u00e9\nline"}})"});
  REQUIRE(t.has_value());
  REQUIRE(t->failure.has_value());
  CHECK(t->failure->message == "task t 1 failed (x): caf\xC3\xA9 line");
}
