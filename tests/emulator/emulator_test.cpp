// SPDX-License-Identifier: MIT
// The emulator, driven in-process with a plain httplib::Client: each dialect's happy path, its
// validation and error bodies, and every fault kind. Every served PNG is decoded here (signature,
// chunk CRCs, inflated scanlines) independently of the emulator's encoder, and its width and height
// are compared with literal values typed from the seed tables:
//   seed 001 (ToAPIs): 3:2 1K 1536x1024, 16:9 2K 2048x1152, 9:21 2K 1152x2688, 21:9 4K 3840x1648;
//                      1:1 and every other non-wide ratio "Not supported" at 4K, 4:3 not at 1K.
//   seed 004 (aivideoapi): 16:9 4k 3840x2160, 3:1 2k 3072x1024, auto = 1:1 1k 1024x1024, explicit
//                      1881x836 and the alternate 1254x1254; 4.7 / 9.4 / 14.1 credits per image;
//                      prompt at most 20,000 characters.
// Task duration is 0 (finished on the first poll) except where progression itself is tested, and
// nothing sleeps: waits are bounded polls or condition variables.

#include "../../tools/emulator/emulator.hpp"

#include <doctest/doctest.h>
#include <httplib.h>
#include <zlib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

namespace {

namespace emu = gpt_image_emulator;
using json = nlohmann::json;
using namespace std::chrono_literals;

const char* const test_key = "sk-emulator-test-key";
const httplib::Headers auth = {{"Authorization", std::string("Bearer ") + test_key}};

// --- an independent PNG reader --------------------------------------------------------------

std::uint32_t be32(const std::string& s, std::size_t at) {
  return (std::uint32_t(static_cast<unsigned char>(s[at])) << 24) |
         (std::uint32_t(static_cast<unsigned char>(s[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(s[at + 2])) << 8) |
         std::uint32_t(static_cast<unsigned char>(s[at + 3]));
}

struct png_info {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

// Walks every chunk (checking its CRC), requires IHDR first and IEND last, inflates the IDAT data
// and checks it holds exactly height scanlines of 1 + 3 * width bytes with valid filter types.
// Returns nullopt (with a reason in `why`) for anything that is not such a PNG.
std::optional<png_info> decode_png(const std::string& png, std::string* why) {
  auto fail = [&](const char* reason) -> std::optional<png_info> {
    *why = reason;
    return std::nullopt;
  };
  if (png.size() < 8 || png.compare(0, 8, std::string("\x89PNG\r\n\x1a\n", 8)) != 0)
    return fail("no PNG signature");
  png_info info;
  std::string idat;
  bool seen_ihdr = false, seen_iend = false;
  for (std::size_t at = 8; at < png.size();) {
    if (at + 12 > png.size()) return fail("truncated chunk header");
    const std::uint32_t length = be32(png, at);
    if (at + 12 + length > png.size()) return fail("truncated chunk");
    const std::string type = png.substr(at + 4, 4);
    const std::string data = png.substr(at + 8, length);
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, reinterpret_cast<const Bytef*>(png.data() + at + 4), 4 + length);
    if (crc != be32(png, at + 8 + length)) return fail("bad chunk CRC");
    if (!seen_ihdr && type != "IHDR") return fail("IHDR is not the first chunk");
    if (type == "IHDR") {
      if (length != 13) return fail("IHDR length is not 13");
      info.width = be32(data, 0);
      info.height = be32(data, 4);
      if (data[8] != 8 || data[9] != 2) return fail("not 8-bit RGB");
      seen_ihdr = true;
    } else if (type == "IDAT") {
      idat += data;
    } else if (type == "IEND") {
      seen_iend = true;
      if (at + 12 != png.size()) return fail("bytes after IEND");
    }
    at += 12 + length;
  }
  if (!seen_iend) return fail("no IEND");
  const std::size_t stride = 1 + 3 * std::size_t(info.width);
  std::string raw(stride * info.height, '\0');
  uLongf raw_size = static_cast<uLongf>(raw.size());
  if (uncompress(reinterpret_cast<Bytef*>(&raw[0]), &raw_size,
                 reinterpret_cast<const Bytef*>(idat.data()),
                 static_cast<uLong>(idat.size())) != Z_OK)
    return fail("IDAT does not inflate to height * (1 + 3 * width) bytes");
  if (raw_size != raw.size()) return fail("IDAT inflates to the wrong size");
  for (std::size_t row = 0; row < info.height; ++row)
    if (static_cast<unsigned char>(raw[row * stride]) > 4) return fail("bad filter type");
  return info;
}

// Decodes and checks the size in one go, reporting the reason on failure.
void check_png(const std::string& png, std::uint32_t width, std::uint32_t height) {
  std::string why;
  const auto info = decode_png(png, &why);
  INFO("PNG problem: " << why);
  REQUIRE(info.has_value());
  CHECK(info->width == width);
  CHECK(info->height == height);
}

std::string base64_decode(const std::string& in) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    const int v = value(c);
    if (v < 0) continue;  // '=' padding
    buffer = (buffer << 6) | std::uint32_t(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// --- driving the emulator -------------------------------------------------------------------

emu::options test_options() {
  emu::options o;
  o.api_key = test_key;
  o.task_duration = 0ms;
  o.slow_body_duration = 200ms;
  return o;
}

struct running {
  emu::emulator server;
  explicit running(emu::options o = test_options()) : server(std::move(o)) {
    const auto ports = server.start();
    INFO(ports.error);
    REQUIRE(static_cast<bool>(ports));
  }
  httplib::Client api() const {
    httplib::Client c(server.base_url());
    c.set_read_timeout(30, 0);
    return c;
  }
};

json parse(const httplib::Result& r) {
  REQUIRE(r);
  const json j = json::parse(r->body, nullptr, false);
  INFO("body: " << r->body);
  REQUIRE_FALSE(j.is_discarded());
  return j;
}

// GET an absolute URL (a result file on the files listener).
httplib::Result fetch(const std::string& url, const httplib::Headers& headers = {}) {
  const auto slash = url.find('/', url.find("://") + 3);
  httplib::Client c(url.substr(0, slash));
  c.set_read_timeout(30, 0);
  return c.Get(url.substr(slash).c_str(), headers);
}

httplib::Result post_json(const running& r, const std::string& path, const json& body,
                          httplib::Headers headers = auth) {
  return r.api().Post(path.c_str(), headers, body.dump(), "application/json");
}

json toapis_body(const std::string& size, const std::string& resolution, int n = 1) {
  return {{"model", "gpt-image-2"},
          {"prompt", "a lighthouse at dawn"},
          {"size", size},
          {"resolution", resolution},
          {"n", n}};
}

json aivideoapi_body(const std::string& aspect_ratio, const std::string& resolution) {
  return {{"model", "gpt-image-2"},
          {"input",
           {{"prompt", "a lighthouse at dawn"},
            {"aspect_ratio", aspect_ratio},
            {"resolution", resolution}}}};
}

// Creates a ToAPIs task and returns its id.
std::string toapis_create(const running& r, const json& body, httplib::Headers headers = auth) {
  const auto res = post_json(r, "/toapis/v1/images/generations", body, std::move(headers));
  const json j = parse(res);
  REQUIRE(res->status == 200);
  CHECK(j["object"] == "generation.task");
  CHECK(j["status"] == "queued");
  CHECK(j["progress"] == 0);
  return j["id"].get<std::string>();
}

json toapis_status(const running& r, const std::string& id) {
  const auto res = r.api().Get(("/toapis/v1/images/generations/" + id).c_str(), auth);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return parse(res);
}

std::string aivideoapi_create(const running& r, const json& body) {
  const auto res = post_json(r, "/aivideoapi/v1/images/generations", body);
  const json j = parse(res);
  REQUIRE(res->status == 200);
  CHECK(j["code"] == 200);
  CHECK(j["msg"] == "success");
  return j["data"]["taskId"].get<std::string>();
}

json aivideoapi_status(const running& r, const std::string& id) {
  const auto res = r.api().Get(("/aivideoapi/v1/tasks/" + id).c_str(), auth);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return parse(res);
}

json credits(const running& r) {
  const auto res = r.api().Get("/aivideoapi/v1/credits", auth);
  REQUIRE(res);
  REQUIRE(res->status == 200);
  return parse(res)["data"];
}

}  // namespace

// --- the PNG encoder ------------------------------------------------------------------------

TEST_CASE("encode_png writes a valid 8-bit RGB PNG of exactly the requested size") {
  check_png(emu::encode_png(17, 5, "odd sizes"), 17, 5);
  check_png(emu::encode_png(1, 1, ""), 1, 1);
  check_png(emu::encode_png(1881, 836, "seed 004's explicit pixel size"), 1881, 836);
  CHECK(emu::encode_png(64, 64, "same") == emu::encode_png(64, 64, "same"));
  CHECK(emu::encode_png(64, 64, "one prompt") != emu::encode_png(64, 64, "another prompt"));
  CHECK(emu::encode_png(64, 64, "same", 0) != emu::encode_png(64, 64, "same", 1));
  CHECK(emu::encode_png(0, 10, "zero").empty());
}

TEST_CASE("base64_encode matches RFC 4648's test vectors") {
  CHECK(emu::base64_encode("") == "");
  CHECK(emu::base64_encode("f") == "Zg==");
  CHECK(emu::base64_encode("fo") == "Zm8=");
  CHECK(emu::base64_encode("foo") == "Zm9v");
  CHECK(emu::base64_encode("foobar") == "Zm9vYmFy");
}

// --- fault specs ----------------------------------------------------------------------------

TEST_CASE("fault specs parse KIND[:TARGET[:COUNT]] and say what is valid otherwise") {
  std::string problem;
  const auto plain = emu::parse_fault_spec("rate_limit", &problem);
  REQUIRE(plain);
  CHECK(plain->kind == emu::fault_kind::rate_limit);
  CHECK(plain->target == emu::fault_target::api);
  CHECK(plain->count == 0);

  const auto full = emu::parse_fault_spec("upstream_503:status:3", &problem);
  REQUIRE(full);
  CHECK(full->kind == emu::fault_kind::upstream_503);
  CHECK(full->target == emu::fault_target::status);
  CHECK(full->count == 3);

  const auto task = emu::parse_fault_spec("task_fails", &problem);
  REQUIRE(task);
  CHECK(task->target == emu::fault_target::create);

  CHECK_FALSE(emu::parse_fault_spec("bogus", &problem));
  CHECK(problem.find("lost_response") != std::string::npos);
  CHECK_FALSE(emu::parse_fault_spec("rate_limit:nowhere", &problem));
  CHECK(problem.find("download") != std::string::npos);
  CHECK_FALSE(emu::parse_fault_spec("rate_limit:create:0", &problem));
  CHECK_FALSE(emu::parse_fault_spec("rate_limit:create:x", &problem));
  CHECK_FALSE(emu::parse_fault_spec("rate_limit:create:1:2", &problem));
}

// --- listeners ------------------------------------------------------------------------------

TEST_CASE("start picks two free ports and result URLs name another host than the API") {
  running r;
  CHECK(r.server.api_port() > 0);
  CHECK(r.server.files_port() > 0);
  CHECK(r.server.api_port() != r.server.files_port());
  CHECK(r.server.base_url() == "http://127.0.0.1:" + std::to_string(r.server.api_port()));
  CHECK(r.server.base_url(emu::dialect::toapis) ==
        "http://127.0.0.1:" + std::to_string(r.server.api_port()) + "/toapis");
  CHECK(r.server.files_url().rfind("http://127.0.0.1:", 0) != 0);
  r.server.stop();
  CHECK_FALSE(r.server.running());
}

// --- ToAPIs ---------------------------------------------------------------------------------

TEST_CASE("toapis: a task is queued, completes, and serves PNGs of the seed's pixel size") {
  running r;
  struct cell {
    const char* size;
    const char* resolution;
    std::uint32_t width, height;
  };
  const cell cells[] = {{"3:2", "1K", 1536, 1024},
                        {"16:9", "2K", 2048, 1152},
                        {"9:21", "2K", 1152, 2688},
                        {"21:9", "4K", 3840, 1648}};
  for (const cell& c : cells) {
    const std::string size = c.size, resolution = c.resolution;
    CAPTURE(size);
    CAPTURE(resolution);
    const std::string id = toapis_create(r, toapis_body(c.size, c.resolution));
    CHECK(id.rfind("task_img_", 0) == 0);
    const json done = toapis_status(r, id);
    CHECK(done["status"] == "completed");
    CHECK(done["progress"] == 100);
    CHECK(done["expires_at"].get<std::int64_t>() - done["completed_at"].get<std::int64_t>() ==
          86400);
    REQUIRE(done["result"]["data"].size() == 1);
    const std::string url = done["result"]["data"][0]["url"];
    CHECK(url.rfind(r.server.files_url() + "/", 0) == 0);
    const auto png = fetch(url);
    REQUIRE(png);
    CHECK(png->status == 200);
    CHECK(png->get_header_value("Content-Type") == "image/png");
    check_png(png->body, c.width, c.height);
  }
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::toapis) == 4);
  CHECK(r.server.tasks_created(emu::dialect::toapis) == 4);
  CHECK(r.server.authorization_to_files() == 0);
}

TEST_CASE("toapis: n images per task, each a distinct PNG") {
  running r;
  const std::string id = toapis_create(r, toapis_body("16:9", "2K", 2));
  const json done = toapis_status(r, id);
  REQUIRE(done["result"]["data"].size() == 2);
  const auto first = fetch(done["result"]["data"][0]["url"]);
  const auto second = fetch(done["result"]["data"][1]["url"]);
  REQUIRE(first);
  REQUIRE(second);
  check_png(first->body, 2048, 1152);
  check_png(second->body, 2048, 1152);
  CHECK(first->body != second->body);
}

TEST_CASE("toapis: legacy pixel sizes map onto the matrix") {
  running r;
  json body = {{"model", "gpt-image-2"}, {"prompt", "legacy"}, {"size", "1024x1024"}};
  const json done = toapis_status(r, toapis_create(r, body));
  const auto png = fetch(done["result"]["data"][0]["url"]);
  REQUIRE(png);
  check_png(png->body, 1024, 1024);
}

TEST_CASE("toapis: the default size is 1:1 at 1K") {
  running r;
  const json body = {{"model", "gpt-image-2"}, {"prompt", "defaults"}};
  const json done = toapis_status(r, toapis_create(r, body));
  const auto png = fetch(done["result"]["data"][0]["url"]);
  REQUIRE(png);
  check_png(png->body, 1024, 1024);
}

TEST_CASE("toapis: progress rises from queued through in_progress to completed") {
  emu::options o = test_options();
  o.task_duration = 1000ms;  // in_progress from 200 ms to 1 s: wide enough for a loaded machine
  running r(o);
  const std::string id = toapis_create(r, toapis_body("3:2", "1K"));
  std::vector<std::string> states;
  int last_progress = 0;
  bool saw_middle_progress = false;
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  for (;;) {
    const json s = toapis_status(r, id);
    const std::string state = s["status"];
    const int progress = s["progress"];
    CHECK(progress >= last_progress);
    last_progress = progress;
    if (state == "in_progress" && progress > 0 && progress < 100) saw_middle_progress = true;
    if (states.empty() || states.back() != state) states.push_back(state);
    if (state == "completed" || std::chrono::steady_clock::now() > deadline) break;
  }
  CHECK(saw_middle_progress);
  REQUIRE(states.size() >= 2);
  CHECK(states.back() == "completed");
  CHECK(states[states.size() - 2] == "in_progress");
  for (const auto& s : states) CHECK((s == "queued" || s == "in_progress" || s == "completed"));
}

TEST_CASE("toapis: sizes outside seed 001's matrix are 400 invalid_request_error") {
  running r;
  const std::pair<const char*, const char*> unsupported[] = {
      {"1:1", "4K"}, {"4:3", "1K"}, {"3:1", "2K"}, {"auto", "1K"}, {"16:9", "8K"}};
  for (const auto& cell : unsupported) {
    const std::string size = cell.first, resolution = cell.second;
    CAPTURE(size);
    CAPTURE(resolution);
    const auto res = post_json(r, "/toapis/v1/images/generations", toapis_body(size, resolution));
    const json j = parse(res);
    CHECK(res->status == 400);
    CHECK(j["error"]["code"] == "invalid_request_error");
    CHECK(j["error"]["type"] == "invalid_request_error");
  }
  // The message names what is valid at that tier.
  const auto res = post_json(r, "/toapis/v1/images/generations", toapis_body("1:1", "4K"));
  const std::string message = parse(res)["error"]["message"];
  CHECK(message.find("16:9, 9:16, 2:1, 1:2, 21:9, 9:21") != std::string::npos);
  CHECK(r.server.tasks_created() == 0);
}

TEST_CASE("toapis: required fields, n and references are validated") {
  running r;
  json no_prompt = {{"model", "gpt-image-2"}};
  auto res = post_json(r, "/toapis/v1/images/generations", no_prompt);
  CHECK(res->status == 400);
  CHECK(parse(res)["error"]["code"] == "invalid_request_error");

  json no_model = {{"prompt", "x"}};
  res = post_json(r, "/toapis/v1/images/generations", no_model);
  CHECK(res->status == 400);

  json too_many = toapis_body("1:1", "1K", 11);
  res = post_json(r, "/toapis/v1/images/generations", too_many);
  CHECK(res->status == 400);

  json base64_ref = toapis_body("1:1", "1K");
  base64_ref["reference_images"] = {"data:image/png;base64,iVBORw0KGgo="};
  res = post_json(r, "/toapis/v1/images/generations", base64_ref);
  CHECK(res->status == 400);
  CHECK(parse(res)["error"]["code"] == "invalid_reference_images");

  json local_path = toapis_body("1:1", "1K");
  local_path["image_urls"] = {"/home/me/cat.png"};
  res = post_json(r, "/toapis/v1/images/generations", local_path);
  CHECK(res->status == 400);
  CHECK(parse(res)["error"]["code"] == "invalid_reference_images");

  json url_ref = toapis_body("1:1", "1K");
  url_ref["reference_images"] = {"https://example.com/cat.png"};
  res = post_json(r, "/toapis/v1/images/generations", url_ref);
  CHECK(res->status == 200);

  res = r.api().Post("/toapis/v1/images/generations", auth, "{oops", "application/json");
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(r.server.tasks_created() == 1);
}

TEST_CASE("toapis: authentication and unknown tasks use the documented bodies") {
  running r;
  auto res = post_json(r, "/toapis/v1/images/generations", toapis_body("1:1", "1K"), {});
  CHECK(res->status == 401);
  CHECK(parse(res)["error"]["code"] == "authentication_error");

  res = post_json(r, "/toapis/v1/images/generations", toapis_body("1:1", "1K"),
                  {{"Authorization", "Bearer sk-wrong"}});
  CHECK(res->status == 401);
  CHECK(parse(res)["error"]["type"] == "authentication_error");
  CHECK(res->body.find("sk-wrong") == std::string::npos);

  res = r.api().Get("/toapis/v1/images/generations/task_img_missing", auth);
  REQUIRE(res);
  CHECK(res->status == 404);
  const json j = parse(res);
  CHECK(j["error"]["code"] == 404);  // an integer here (PROVIDERS.md §2)
  CHECK(j["error"]["type"] == "not_found_error");
  CHECK(r.server.tasks_created() == 0);
}

TEST_CASE("toapis: uploads return a URL on the files host that serves the same bytes") {
  running r;
  const std::string png = emu::encode_png(32, 16, "reference");
  httplib::MultipartFormDataItems items = {{"file", png, "ref.png", "image/png"},
                                           {"purpose", "generation", "", ""}};
  auto res = r.api().Post("/toapis/v1/uploads/images", auth, items);
  const json j = parse(res);
  CHECK(res->status == 200);
  CHECK(j["success"] == true);
  CHECK(j["data"]["mime_type"] == "image/png");
  CHECK(j["data"]["size"] == png.size());
  const std::string url = j["data"]["url"];
  CHECK(url.rfind(r.server.files_url() + "/uploads/", 0) == 0);
  const auto served = fetch(url);
  REQUIRE(served);
  CHECK(served->body == png);
  CHECK(r.server.count(emu::request_kind::upload, emu::dialect::toapis) == 1);

  httplib::MultipartFormDataItems text = {{"file", "hello", "notes.txt", "text/plain"}};
  res = r.api().Post("/toapis/v1/uploads/images", auth, text);
  CHECK(res->status == 400);
  CHECK(parse(res)["success"] == false);
}

// --- aivideoapi -----------------------------------------------------------------------------

TEST_CASE("aivideoapi: tasks complete with output.urls of the seed's pixel size") {
  running r;
  struct cell {
    const char* aspect_ratio;
    const char* resolution;
    std::uint32_t width, height;
  };
  const cell cells[] = {{"16:9", "4k", 3840, 2160},
                        {"3:1", "2k", 3072, 1024},
                        {"auto", "1k", 1024, 1024},
                        {"1881x836", "1k", 1881, 836},
                        {"1254x1254", "1k", 1254, 1254}};
  for (const cell& c : cells) {
    const std::string aspect_ratio = c.aspect_ratio;
    CAPTURE(aspect_ratio);
    const std::string id = aivideoapi_create(r, aivideoapi_body(c.aspect_ratio, c.resolution));
    const json done = aivideoapi_status(r, id);
    CHECK(done["id"] == id);
    CHECK(done["status"] == "completed");
    CHECK(done["model"] == "gpt-image-2");
    REQUIRE(done["output"]["urls"].size() == 1);
    const auto png = fetch(done["output"]["urls"][0]);
    REQUIRE(png);
    CHECK(png->status == 200);
    check_png(png->body, c.width, c.height);
  }
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::aivideoapi) == 5);
}

TEST_CASE("aivideoapi: pending then processing, progress null while running") {
  emu::options o = test_options();
  o.task_duration = 60s;
  running r(o);
  const std::string id = aivideoapi_create(r, aivideoapi_body("1:1", "1k"));
  const json s = aivideoapi_status(r, id);
  CHECK(s["status"] == "pending");
  CHECK(s["progress"].is_null());
  CHECK_FALSE(s.contains("output"));
}

TEST_CASE("aivideoapi: validation and errors follow seed 004's error reference") {
  running r;
  json no_model = {{"input", {{"prompt", "x"}}}};
  auto res = post_json(r, "/aivideoapi/v1/images/generations", no_model);
  CHECK(res->status == 400);
  json j = parse(res);
  CHECK(j["error"]["code"] == "invalid_request");
  CHECK(j["error"]["type"] == "invalid_request_error");
  CHECK(j["error"]["message"] == "'model' is required.");

  json wrong_model = {{"model", "gpt-image-1"}, {"input", {{"prompt", "x"}}}};
  res = post_json(r, "/aivideoapi/v1/images/generations", wrong_model);
  CHECK(res->status == 404);
  CHECK(parse(res)["error"]["code"] == "model_not_found");

  json empty_input = {{"model", "gpt-image-2"}, {"input", json::object()}};
  res = post_json(r, "/aivideoapi/v1/images/generations", empty_input);
  CHECK(res->status == 400);

  json long_prompt = aivideoapi_body("1:1", "1k");
  long_prompt["input"]["prompt"] = std::string(20001, 'a');
  res = post_json(r, "/aivideoapi/v1/images/generations", long_prompt);
  CHECK(res->status == 400);
  long_prompt["input"]["prompt"] = std::string(20000, 'a');
  res = post_json(r, "/aivideoapi/v1/images/generations", long_prompt);
  CHECK(res->status == 200);

  res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("7:5", "1k"));
  CHECK(res->status == 400);
  res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1000x1000", "1k"));
  CHECK(res->status == 400);
  res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "8k"));
  CHECK(res->status == 400);

  res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "1k"),
                  {{"Authorization", "Bearer sk-wrong"}});
  CHECK(res->status == 401);
  j = parse(res);
  CHECK(j["error"]["code"] == "invalid_api_key");
  CHECK(j["error"]["type"] == "authentication_error");

  res = r.api().Get("/aivideoapi/v1/tasks/no-such-task", auth);
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(parse(res)["error"]["code"] == "task_not_found");
  CHECK(r.server.tasks_created() == 1);
}

TEST_CASE("aivideoapi: credits fall by seed 004's price per tier; failed tasks are free") {
  running r;
  json c = credits(r);
  CHECK(c["balance"] == 10000);
  CHECK(c["total_purchased"] == 10000);
  CHECK(c["total_consumed"] == 0);

  aivideoapi_create(r, aivideoapi_body("1:1", "1k"));  // 4.7
  aivideoapi_create(r, aivideoapi_body("1:1", "4k"));  // 14.1
  aivideoapi_create(r, aivideoapi_body("1:1", "2k"));  // 9.4
  c = credits(r);
  CHECK(c["balance"].get<double>() == doctest::Approx(10000 - 4.7 - 14.1 - 9.4));
  CHECK(c["total_consumed"].get<double>() == doctest::Approx(28.2));

  r.server.inject(emu::fault_kind::task_fails);
  const std::string failing = aivideoapi_create(r, aivideoapi_body("1:1", "4k"));
  CHECK(aivideoapi_status(r, failing)["status"] == "failed");
  CHECK(credits(r)["total_consumed"].get<double>() == doctest::Approx(28.2));
}

TEST_CASE("aivideoapi: a balance below the price is 402 insufficient_credits") {
  emu::options o = test_options();
  o.initial_credits = 5;
  running r(o);
  aivideoapi_create(r, aivideoapi_body("1:1", "1k"));  // 5 - 4.7 = 0.3 left
  const auto res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "1k"));
  CHECK(res->status == 402);
  const json j = parse(res);
  CHECK(j["error"]["code"] == "insufficient_credits");
  CHECK(j["error"]["type"] == "billing_error");
  CHECK(r.server.tasks_created() == 1);
}

TEST_CASE("aivideoapi: callback_url receives the task body once it finishes") {
  httplib::Server receiver;
  std::mutex m;
  std::condition_variable cv;
  std::vector<std::string> bodies;
  receiver.Post("/hook", [&](const httplib::Request& req, httplib::Response& res) {
    {
      std::lock_guard<std::mutex> lock(m);
      bodies.push_back(req.body);
    }
    cv.notify_all();
    res.set_content("ok", "text/plain");
  });
  const int port = receiver.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  std::thread receiver_thread([&] { receiver.listen_after_bind(); });

  {
    running r;
    json body = aivideoapi_body("16:9", "1k");
    body["callback_url"] = "http://127.0.0.1:" + std::to_string(port) + "/hook";
    const std::string id = aivideoapi_create(r, body);
    std::unique_lock<std::mutex> lock(m);
    REQUIRE(cv.wait_for(lock, 10s, [&] { return !bodies.empty(); }));
    const json posted = json::parse(bodies[0], nullptr, false);
    REQUIRE_FALSE(posted.is_discarded());
    CHECK(posted["id"] == id);
    CHECK(posted["status"] == "completed");
    REQUIRE(posted["output"]["urls"].size() == 1);
    lock.unlock();
    const auto png = fetch(posted["output"]["urls"][0]);
    REQUIRE(png);
    check_png(png->body, 1536, 864);  // seed 004: 16:9 at 1k
    CHECK(r.server.count(emu::request_kind::callback) == 1);
  }
  receiver.stop();
  receiver_thread.join();
}

// --- OpenAI ---------------------------------------------------------------------------------

TEST_CASE("openai: generations answer synchronously with b64_json PNGs of the requested size") {
  running r;
  json body = {{"model", "gpt-image-2"},
               {"prompt", "a lighthouse"},
               {"size", "1536x1024"},
               {"n", 2},
               {"quality", "high"}};
  auto res = post_json(r, "/openai/v1/images/generations", body);
  json j = parse(res);
  REQUIRE(res->status == 200);
  CHECK(j["created"].is_number_integer());
  CHECK(res->get_header_value("x-request-id").rfind("req_", 0) == 0);
  CHECK(j["size"] == "1536x1024");
  CHECK(j["quality"] == "high");
  CHECK(j["output_format"] == "png");
  CHECK(j["usage"]["total_tokens"].get<long>() ==
        j["usage"]["input_tokens"].get<long>() + j["usage"]["output_tokens"].get<long>());
  REQUIRE(j["data"].size() == 2);
  for (const auto& item : j["data"]) {
    CHECK_FALSE(item.contains("url"));
    check_png(base64_decode(item["b64_json"]), 1536, 1024);
  }

  // 2880x2880 has the pixels of 3840x2160 and meets the rule; `auto` picks 1024x1024.
  for (const auto& [size, w, h] :
       std::vector<std::tuple<std::string, std::uint32_t, std::uint32_t>>{{"2880x2880", 2880, 2880},
                                                                          {"auto", 1024, 1024}}) {
    body = {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", size}};
    res = post_json(r, "/openai/v1/images/generations", body);
    REQUIRE(res->status == 200);
    check_png(base64_decode(parse(res)["data"][0]["b64_json"]), w, h);
  }
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::openai) == 3);
  CHECK(r.server.tasks_created() == 0);  // OpenAI has no tasks
}

TEST_CASE("openai: invalid requests get OpenAI's error envelope") {
  running r;
  auto check_400 = [&](const json& body, const char* param) {
    CAPTURE(body.dump());
    const auto res = post_json(r, "/openai/v1/images/generations", body);
    const json j = parse(res);
    CHECK(res->status == 400);
    CHECK(j["error"]["type"] == "invalid_request_error");
    CHECK(j["error"]["param"] == param);
    CHECK(j["error"].contains("code"));
    CHECK(j["error"].contains("message"));
  };
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1000x1000"}}, "size");
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "4096x1024"}}, "size");
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "3840x1024"}}, "size");  // > 3:1
  check_400({{"model", "gpt-image-2"}, {"size", "1024x1024"}}, "prompt");
  check_400({{"model", "gpt-image-2"}, {"prompt", std::string(32001, 'p')}}, "prompt");
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"n", 11}}, "n");
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"quality", "ultra"}}, "quality");
  check_400({{"model", "gpt-image-2"}, {"prompt", "x"}, {"resolution", "2K"}}, "resolution");
  check_400({{"model", "gpt-image-2"},
             {"prompt", "x"},
             {"background", "transparent"},
             {"output_format", "jpeg"}},
            "background");

  // The size message suggests the nearest valid size (the library's nearest_supported).
  const auto res = post_json(r, "/openai/v1/images/generations",
                             {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1000x1000"}});
  CHECK(parse(res)["error"]["message"].get<std::string>().find("1008x1008") != std::string::npos);

  const auto unknown_model =
      post_json(r, "/openai/v1/images/generations", {{"model", "dall-e-9"}, {"prompt", "x"}});
  CHECK(unknown_model->status == 404);
  CHECK(parse(unknown_model)["error"]["code"] == "model_not_found");

  const auto no_key = post_json(r, "/openai/v1/images/generations",
                                {{"model", "gpt-image-2"}, {"prompt", "x"}}, {});
  CHECK(no_key->status == 401);
  const auto wrong_key =
      post_json(r, "/openai/v1/images/generations", {{"model", "gpt-image-2"}, {"prompt", "x"}},
                {{"Authorization", "Bearer sk-wrong"}});
  CHECK(wrong_key->status == 401);
  CHECK(parse(wrong_key)["error"]["code"] == "invalid_api_key");
}

TEST_CASE("openai: multipart edits take image files and answer with b64_json") {
  running r;
  const std::string reference = emu::encode_png(64, 64, "reference image");
  httplib::MultipartFormDataItems items = {{"image[]", reference, "a.png", "image/png"},
                                           {"image[]", reference, "b.png", "image/png"},
                                           {"prompt", "make it blue", "", ""},
                                           {"model", "gpt-image-2", "", ""},
                                           {"size", "1024x1536", "", ""}};
  auto res = r.api().Post("/openai/v1/images/edits", auth, items);
  json j = parse(res);
  REQUIRE(res->status == 200);
  check_png(base64_decode(j["data"][0]["b64_json"]), 1024, 1536);

  // Multipart edits default to 1024x1024 (PROVIDERS.md §1).
  httplib::MultipartFormDataItems minimal = {{"image", reference, "a.png", "image/png"},
                                             {"prompt", "make it blue", "", ""}};
  res = r.api().Post("/openai/v1/images/edits", auth, minimal);
  REQUIRE(res->status == 200);
  check_png(base64_decode(parse(res)["data"][0]["b64_json"]), 1024, 1024);

  httplib::MultipartFormDataItems no_image = {{"prompt", "make it blue", "", ""}};
  res = r.api().Post("/openai/v1/images/edits", auth, no_image);
  CHECK(res->status == 400);
  CHECK(parse(res)["error"]["param"] == "image");

  httplib::MultipartFormDataItems not_image = {{"image", "plain text", "a.txt", "text/plain"},
                                               {"prompt", "x", "", ""}};
  res = r.api().Post("/openai/v1/images/edits", auth, not_image);
  CHECK(res->status == 400);
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::openai) == 4);
}

TEST_CASE("openai: JSON edits take image_url references and the three classic sizes") {
  running r;
  json body = {{"model", "gpt-image-2"},
               {"prompt", "make it blue"},
               {"images", {{{"image_url", "https://example.com/a.png"}}}},
               {"size", "1536x1024"}};
  auto res = post_json(r, "/openai/v1/images/edits", body);
  REQUIRE(res->status == 200);
  check_png(base64_decode(parse(res)["data"][0]["b64_json"]), 1536, 1024);

  body["size"] = "2048x1152";  // fine for generations, not for JSON edits
  res = post_json(r, "/openai/v1/images/edits", body);
  CHECK(res->status == 400);
}

// --- routing --------------------------------------------------------------------------------

TEST_CASE("routing: unprefixed paths are inferred, or chosen by header or option") {
  running r;
  // An `input` object means aivideoapi.
  auto res = post_json(r, "/v1/images/generations", aivideoapi_body("1:1", "1k"));
  REQUIRE(res->status == 200);
  CHECK(parse(res)["data"].contains("taskId"));
  // A ratio size means toapis.
  res = post_json(r, "/v1/images/generations", toapis_body("3:2", "1K"));
  REQUIRE(res->status == 200);
  CHECK(parse(res)["object"] == "generation.task");
  // Anything else is openai.
  res = post_json(r, "/v1/images/generations",
                  {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1024x1024"}});
  REQUIRE(res->status == 200);
  CHECK(parse(res).contains("data"));
  // The header overrides the inference.
  httplib::Headers headers = auth;
  headers.emplace("X-Emulator-Dialect", "toapis");
  res = post_json(r, "/v1/images/generations",
                  {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1024x1024"}}, headers);
  REQUIRE(res->status == 200);
  CHECK(parse(res)["object"] == "generation.task");
  headers = auth;
  headers.emplace("X-Emulator-Dialect", "midjourney");
  res = post_json(r, "/v1/images/generations", toapis_body("3:2", "1K"), headers);
  CHECK(res->status == 400);
  // Paths a dialect does not serve are its own 404.
  res = r.api().Get("/toapis/v1/tasks/abc", auth);
  REQUIRE(res);
  CHECK(res->status == 404);
  res = r.api().Get("/aivideoapi/v1/images/generations/abc", auth);
  REQUIRE(res);
  CHECK(res->status == 404);
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::aivideoapi) == 1);
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::toapis) == 2);
  CHECK(r.server.count(emu::request_kind::create, emu::dialect::openai) == 1);

  emu::options o = test_options();
  o.default_dialect = emu::dialect::toapis;
  running fixed(o);
  res = post_json(fixed, "/v1/images/generations",
                  {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1024x1024"}});
  REQUIRE(res->status == 200);
  CHECK(parse(res)["object"] == "generation.task");
}

// --- faults ---------------------------------------------------------------------------------

namespace {

httplib::Headers with_fault(const char* kind) {
  httplib::Headers h = auth;
  h.emplace("X-Emulator-Fault", kind);
  return h;
}

// One create per dialect with a valid body.
httplib::Result create_in(const running& r, emu::dialect d, const httplib::Headers& headers) {
  switch (d) {
    case emu::dialect::openai:
      return post_json(r, "/openai/v1/images/generations",
                       {{"model", "gpt-image-2"}, {"prompt", "x"}, {"size", "1024x1024"}}, headers);
    case emu::dialect::toapis:
      return post_json(r, "/toapis/v1/images/generations", toapis_body("1:1", "1K"), headers);
    case emu::dialect::aivideoapi:
      break;
  }
  return post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "1k"), headers);
}

}  // namespace

TEST_CASE("faults: refusals answer each dialect's error and create nothing") {
  for (emu::dialect d : emu::all_dialects) {
    CAPTURE(emu::to_string(d));
    running r;

    auto res = create_in(r, d, with_fault("rate_limit"));
    REQUIRE(res);
    CHECK(res->status == 429);
    CHECK(res->get_header_value("Retry-After") == "1");
    CHECK(parse(res)["error"]["code"] == "rate_limit_exceeded");

    res = create_in(r, d, with_fault("upstream_503"));
    REQUIRE(res);
    CHECK(res->status == 503);
    CHECK(parse(res)["error"]["code"] == "upstream_error");

    res = create_in(r, d, with_fault("internal_500"));
    REQUIRE(res);
    CHECK(res->status == 500);
    const json internal = parse(res);
    if (d == emu::dialect::openai)
      CHECK(internal["error"]["type"] == "server_error");
    else
      CHECK(internal["error"]["code"] == "internal_error");

    res = create_in(r, d, with_fault("insufficient_credits"));
    REQUIRE(res);
    const json billing = parse(res);
    if (d == emu::dialect::openai) {
      CHECK(res->status == 429);
      CHECK(billing["error"]["code"] == "insufficient_quota");
    } else if (d == emu::dialect::toapis) {
      CHECK(res->status == 402);
      CHECK(billing["error"]["code"] == "insufficient_quota");
    } else {
      CHECK(res->status == 402);
      CHECK(billing["error"]["code"] == "insufficient_credits");
    }
    CHECK(r.server.count(emu::request_kind::create, d) == 4);
    CHECK(r.server.tasks_created() == 0);
  }
}

TEST_CASE("faults: lost_response accepts the create, counts it once, and sends nothing") {
  for (emu::dialect d : emu::all_dialects) {
    CAPTURE(emu::to_string(d));
    running r;
    const auto res = create_in(r, d, with_fault("lost_response"));
    CHECK_FALSE(res);
    CHECK(r.server.count(emu::request_kind::create, d) == 1);
    CHECK(r.server.tasks_created() == (d == emu::dialect::openai ? 0u : 1u));
    const auto log = r.server.requests();
    REQUIRE(log.size() == 1);
    CHECK(log[0].status == 0);
    CHECK(log[0].fault == emu::fault_kind::lost_response);
    if (d != emu::dialect::openai) {
      // The task exists and can be found by its id from the log.
      REQUIRE_FALSE(log[0].task_id.empty());
      const json s = d == emu::dialect::toapis ? toapis_status(r, log[0].task_id)
                                               : aivideoapi_status(r, log[0].task_id);
      CHECK(s["status"] == "completed");
    }
  }
}

TEST_CASE("faults: drop_mid_body, slow_body and malformed_json shape the response bytes") {
  for (emu::dialect d : emu::all_dialects) {
    CAPTURE(emu::to_string(d));
    running r;

    auto res = create_in(r, d, with_fault("drop_mid_body"));
    CHECK_FALSE(res);
    CHECK(res.error() == httplib::Error::Read);

    const auto before = std::chrono::steady_clock::now();
    res = create_in(r, d, with_fault("slow_body"));
    const auto took = std::chrono::steady_clock::now() - before;
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK_FALSE(json::parse(res->body, nullptr, false).is_discarded());
    CHECK(took >= 180ms);  // slow_body_duration is 200 ms, in ten pauses

    res = create_in(r, d, with_fault("malformed_json"));
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(json::parse(res->body, nullptr, false).is_discarded());

    CHECK(r.server.count(emu::request_kind::create, d) == 3);
    CHECK(r.server.tasks_created() == (d == emu::dialect::openai ? 0u : 3u));
  }
}

TEST_CASE("faults: task_fails and never_finishes change the task, not the create") {
  running r;
  std::string id = toapis_create(r, toapis_body("1:1", "1K"), with_fault("task_fails"));
  json s = toapis_status(r, id);
  CHECK(s["status"] == "failed");
  CHECK(s["error"]["code"] == "generation_failed");
  CHECK_FALSE(s.contains("result"));

  id = toapis_create(r, toapis_body("1:1", "1K"), with_fault("never_finishes"));
  for (int i = 0; i < 5; ++i) {
    s = toapis_status(r, id);
    CHECK(s["status"] == "in_progress");
    CHECK(s["progress"].get<int>() < 100);
  }

  auto res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "1k"),
                       with_fault("task_fails"));
  s = aivideoapi_status(r, parse(res)["data"]["taskId"]);
  CHECK(s["status"] == "failed");
  CHECK(s["error"]["code"] == "upstream_error");

  res = post_json(r, "/aivideoapi/v1/images/generations", aivideoapi_body("1:1", "1k"),
                  with_fault("never_finishes"));
  const std::string stuck = parse(res)["data"]["taskId"];
  for (int i = 0; i < 5; ++i) CHECK(aivideoapi_status(r, stuck)["status"] == "processing");

  // A failed task's result file does not exist.
  const auto file = fetch(r.server.files_url() + "/files/" + id + "/0.png");
  REQUIRE(file);
  CHECK(file->status == 404);
}

TEST_CASE("faults: injected faults are used up in order; standing ones stay") {
  running r;
  r.server.inject(emu::fault_spec{emu::fault_kind::rate_limit, emu::fault_target::create, 2});
  CHECK(create_in(r, emu::dialect::toapis, auth)->status == 429);
  CHECK(create_in(r, emu::dialect::toapis, auth)->status == 429);
  CHECK(create_in(r, emu::dialect::toapis, auth)->status == 200);

  // A status-targeted fault leaves creates alone.
  r.server.inject(emu::fault_spec{emu::fault_kind::upstream_503, emu::fault_target::status, 1});
  const std::string id = toapis_create(r, toapis_body("1:1", "1K"));
  auto res = r.api().Get(("/toapis/v1/images/generations/" + id).c_str(), auth);
  REQUIRE(res);
  CHECK(res->status == 503);
  CHECK(toapis_status(r, id)["status"] == "completed");

  emu::options o = test_options();
  o.faults.push_back(emu::fault_spec{emu::fault_kind::rate_limit, emu::fault_target::status, 0});
  o.retry_after = std::chrono::seconds(7);
  running standing(o);
  const std::string id2 = toapis_create(standing, toapis_body("1:1", "1K"));
  for (int i = 0; i < 3; ++i) {
    res = standing.api().Get(("/toapis/v1/images/generations/" + id2).c_str(), auth);
    REQUIRE(res);
    CHECK(res->status == 429);
    CHECK(res->get_header_value("Retry-After") == "7");
  }
  standing.server.clear_faults();
  CHECK(toapis_status(standing, id2)["status"] == "completed");
}

TEST_CASE("faults: downloads can fail too, and a key sent to the files host is recorded") {
  running r;
  const std::string id = toapis_create(r, toapis_body("3:2", "1K"));
  const std::string url = toapis_status(r, id)["result"]["data"][0]["url"];

  r.server.inject(emu::fault_spec{emu::fault_kind::drop_mid_body, emu::fault_target::download, 1});
  auto res = fetch(url);
  CHECK_FALSE(res);
  r.server.inject(emu::fault_spec{emu::fault_kind::rate_limit, emu::fault_target::download, 1});
  res = fetch(url);
  REQUIRE(res);
  CHECK(res->status == 429);
  CHECK(res->get_header_value("Retry-After") == "1");
  res = fetch(url, {{"X-Emulator-Fault", "upstream_503"}});
  REQUIRE(res);
  CHECK(res->status == 503);
  res = fetch(url);
  REQUIRE(res);
  check_png(res->body, 1536, 1024);
  CHECK(r.server.authorization_to_files() == 0);

  res = fetch(url, auth);
  REQUIRE(res);
  CHECK(r.server.authorization_to_files() == 1);
}

TEST_CASE("faults: an unknown X-Emulator-Fault is a 400 that lists the valid kinds") {
  running r;
  const auto res = create_in(r, emu::dialect::toapis, with_fault("gremlins"));
  REQUIRE(res);
  CHECK(res->status == 400);
  CHECK(res->body.find("never_finishes") != std::string::npos);
  CHECK(r.server.tasks_created() == 0);
}

// --- control endpoints and the log ----------------------------------------------------------

TEST_CASE("control: faults can be queued and the log read over HTTP") {
  running r;
  auto res = r.api().Get("/_emulator/health");
  REQUIRE(res);
  CHECK(res->status == 200);

  res = r.api().Post("/_emulator/faults", "upstream_503:create:1", "text/plain");
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(create_in(r, emu::dialect::aivideoapi, auth)->status == 503);
  CHECK(create_in(r, emu::dialect::aivideoapi, auth)->status == 200);

  res = r.api().Post("/_emulator/faults", "nonsense", "text/plain");
  REQUIRE(res);
  CHECK(res->status == 400);

  res = r.api().Get("/_emulator/log");
  const json log = parse(res);
  CHECK(log["creates"]["aivideoapi"] == 2);
  CHECK(log["creates"]["toapis"] == 0);
  CHECK(log["tasks_created"] == 1);
  CHECK(log["authorization_to_files"] == 0);

  res = r.api().Delete("/_emulator/faults");
  REQUIRE(res);
  CHECK(res->status == 200);
}

TEST_CASE("the request log has one line per request and never the key") {
  emu::options o = test_options();
  std::mutex m;
  std::vector<std::string> lines;
  o.log_sink = [&](const std::string& line) {
    std::lock_guard<std::mutex> lock(m);
    lines.push_back(line);
  };
  {
    running r(o);
    const std::string id = toapis_create(r, toapis_body("1:1", "1K"));
    toapis_status(r, id);
    post_json(r, "/toapis/v1/images/generations", toapis_body("1:1", "1K"),
              {{"Authorization", "Bearer sk-someone-elses-key"}});
    create_in(r, emu::dialect::openai, auth);
    fetch(r.server.files_url() + "/files/" + id + "/0.png", auth);
  }
  std::lock_guard<std::mutex> lock(m);
  REQUIRE(lines.size() == 5);
  for (const auto& line : lines) {
    CAPTURE(line);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find(test_key) == std::string::npos);
    CHECK(line.find("sk-someone-elses-key") == std::string::npos);
  }
  CHECK(lines[0].find("create -> 200") != std::string::npos);
  CHECK(lines[2].find("-> 401") != std::string::npos);
  CHECK(lines[4].find("AUTHORIZATION SENT TO A FILE HOST") != std::string::npos);
}
