// gpt-image, run in-process against the emulator: files written with the table's pixel sizes,
// exit codes by class, the tables commands, and the built-in emulator mode.
#include <doctest/doctest.h>
#include <cli/cli.hpp>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace gi = gpt_image;
namespace emu = gpt_image_emulator;
using namespace std::chrono_literals;

namespace {

constexpr const char* key = "sk-cli-test-KEY-0123456789";

struct cli_run {
  int code;
  std::string out;
  std::string err;
};

cli_run run(std::vector<std::string> args, gpt_image_cli::environment env = {}) {
  std::ostringstream out, err;
  const int code = gpt_image_cli::run(args, env, out, err);
  return {code, out.str(), err.str()};
}

struct server {
  emu::emulator emulator;
  explicit server(std::chrono::milliseconds task = 0ms) : emulator(make_options(task)) {
    REQUIRE(emulator.start());
  }
  static emu::options make_options(std::chrono::milliseconds task) {
    emu::options o;
    o.api_key = key;
    o.task_duration = task;
    return o;
  }
  gpt_image_cli::environment env(emu::dialect d) const {
    gpt_image_cli::environment e;
    e.api_key = key;
    e.base_url = emulator.base_url(d);
    return e;
  }
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void check_png_file(const std::string& path, std::uint16_t width, std::uint16_t height) {
  const std::string bytes = read_file(path);
  const auto px = gi::image_dimensions(bytes);
  REQUIRE_MESSAGE(px.has_value(), path);
  CHECK(px->width == width);
  CHECK(px->height == height);
  std::remove(path.c_str());
}

}  // namespace

TEST_CASE("cli: generate writes the PNG and prints its pixel size (toapis)") {
  server s;
  auto r = run({"generate", "a lighthouse at dawn", "--provider", "toapis", "--size", "16:9",
                "--resolution", "2K", "--poll-interval", "0", "-o", "cli_toapis.png"},
               s.env(emu::dialect::toapis));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out == "cli_toapis.png 2048x1152 (" + r.out.substr(r.out.find('(') + 1));
  check_png_file("cli_toapis.png", 2048, 1152);  // seed 001: 16:9 at 2K
}

TEST_CASE("cli: n > 1 writes OUT-1, OUT-2 (openai)") {
  server s;
  auto r = run({"generate", "two boats", "--provider", "openai", "--size", "1024x1536", "-n", "2",
                "-o", "cli_boats.png"},
               s.env(emu::dialect::openai));
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.out.find("cli_boats-1.png 1024x1536") != std::string::npos);
  CHECK(r.out.find("cli_boats-2.png 1024x1536") != std::string::npos);
  check_png_file("cli_boats-1.png", 1024, 1536);
  check_png_file("cli_boats-2.png", 1024, 1536);
}

TEST_CASE("cli: aivideoapi generate, then credits") {
  server s;
  auto r = run({"generate", "a castle", "--provider", "aivideoapi", "--size", "1:3", "--resolution",
                "4k", "--poll-interval", "0", "-o", "cli_castle.png"},
               s.env(emu::dialect::aivideoapi));
  INFO(r.err);
  REQUIRE(r.code == 0);
  check_png_file("cli_castle.png", 1280, 3840);  // seed 004: 1:3 at 4k
  auto c = run({"credits", "--provider", "aivideoapi"}, s.env(emu::dialect::aivideoapi));
  CHECK(c.code == 0);
  CHECK(c.out.rfind("balance: ", 0) == 0);
}

TEST_CASE("cli: status and wait resume a task") {
  server s;
  gi::endpoint e = gi::endpoint::toapis(key);
  e.base_url = s.emulator.base_url(emu::dialect::toapis);
  gi::client client{e};
  gi::image_request request;
  request.prompt = "resume me";
  auto t = client.submit(request);
  REQUIRE(t);
  auto st = run({"status", t->id, "--provider", "toapis"}, s.env(emu::dialect::toapis));
  INFO(st.err);
  CHECK(st.code == 0);
  CHECK(st.out.find("task " + t->id + ": ") == 0);
  auto w =
      run({"wait", t->id, "--provider", "toapis", "--poll-interval", "0", "-o", "cli_resumed.png"},
          s.env(emu::dialect::toapis));
  INFO(w.err);
  REQUIRE(w.code == 0);
  check_png_file("cli_resumed.png", 1024, 1024);  // toapis default: 1:1 at 1K
}

TEST_CASE("cli: exit codes by class") {
  server s;
  SUBCASE("validation: a ratio not offered at the tier, with the nearest choices") {
    auto r = run({"generate", "x", "--provider", "toapis", "--size", "4:3", "--resolution", "1K"},
                 s.env(emu::dialect::toapis));
    CHECK(r.code == gpt_image_cli::exit_validation);
    CHECK(r.err.find("4:3 is not offered at 1K by toapis") != std::string::npos);
    CHECK(r.err.find("hint: ") != std::string::npos);
  }
  SUBCASE("authentication") {
    auto env = s.env(emu::dialect::toapis);
    env.api_key = "sk-not-the-key-99999";
    auto r = run({"generate", "x", "--provider", "toapis", "--poll-interval", "0"}, env);
    CHECK(r.code == gpt_image_cli::exit_auth);
    CHECK(r.err.find("sk-not-the-key-99999") == std::string::npos);
  }
  SUBCASE("billing") {
    s.emulator.inject(
        emu::fault_spec{emu::fault_kind::insufficient_credits, emu::fault_target::create, 1});
    auto r = run({"generate", "x", "--provider", "aivideoapi", "--poll-interval", "0"},
                 s.env(emu::dialect::aivideoapi));
    CHECK(r.code == gpt_image_cli::exit_billing);
  }
  SUBCASE("upstream: the task failed") {
    s.emulator.inject(emu::fault_spec{emu::fault_kind::task_fails, emu::fault_target::create, 1});
    auto r = run({"generate", "x", "--provider", "toapis", "--poll-interval", "0"},
                 s.env(emu::dialect::toapis));
    CHECK(r.code == gpt_image_cli::exit_upstream);
  }
  SUBCASE("outcome unknown: the create's response was lost; exactly one create") {
    s.emulator.inject(
        emu::fault_spec{emu::fault_kind::lost_response, emu::fault_target::create, 1});
    auto r = run({"generate", "x", "--provider", "toapis", "--poll-interval", "0"},
                 s.env(emu::dialect::toapis));
    CHECK(r.code == gpt_image_cli::exit_outcome_unknown);
    CHECK(s.emulator.count(emu::request_kind::create) == 1);
  }
  SUBCASE("network: nothing listens there") {
    auto env = s.env(emu::dialect::toapis);
    env.base_url = "http://127.0.0.1:1";
    // A refused connection is retried (1 s, 2 s, …); the deadline ends that early.
    auto r = run({"generate", "x", "--provider", "toapis", "--timeout", "1.5"}, env);
    CHECK(r.code == gpt_image_cli::exit_network);
  }
  SUBCASE("usage") {
    CHECK(run({"frobnicate"}).code == gpt_image_cli::exit_usage);
    CHECK(run({"generate"}).code == gpt_image_cli::exit_usage);
    CHECK(run({"generate", "x", "--size"}).code == gpt_image_cli::exit_usage);
    CHECK(run({"generate", "x", "--size", "wide"}).code == gpt_image_cli::exit_usage);
    CHECK(run({"cost", "--provider", "toapis"}).code == gpt_image_cli::exit_usage);
  }
}

TEST_CASE("cli: without a key or base URL it starts its own emulator and says so") {
  auto r = run({"generate", "offline", "--provider", "aivideoapi", "--size", "2:1", "--resolution",
                "1k", "--emulator-task-ms", "0", "--poll-interval", "0", "-o", "cli_offline.png"});
  INFO(r.err);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("using the built-in emulator") != std::string::npos);
  check_png_file("cli_offline.png", 2048, 1024);  // seed 004: 2:1 at 1k
}

TEST_CASE("cli: sizes and cost come from the tables") {
  auto sizes = run({"sizes", "--provider", "toapis"});
  CHECK(sizes.code == 0);
  CHECK(sizes.out.find("3840x2160") != std::string::npos);
  CHECK(sizes.out.find("1536x1024") != std::string::npos);
  auto aivideo = run({"sizes", "--provider", "aivideoapi"});
  CHECK(aivideo.out.find("1024x1024 / 1254x1254") != std::string::npos);  // seed 004's 1:1 at 1k

  CHECK(run({"cost", "--provider", "aivideoapi", "--resolution", "4k", "-n", "1"}).out ==
        "1 x 4k on aivideoapi: $0.0705 (14.1 credits)\n");
  CHECK(run({"cost", "--provider", "toapis", "--resolution", "1K", "-n", "10"}).out ==
        "10 x 1K on toapis: $0.1500\n");
  CHECK(run({"cost", "--provider", "openai", "--resolution", "2K", "-n", "2"}).out ==
        "2 x 2K on openai: $1.0000\n");
}

TEST_CASE("cli: --version and --help") {
  auto v = run({"--version"});
  CHECK(v.code == 0);
  CHECK(v.out == std::string("gpt-image ") + GPT_IMAGE_VERSION_STRING + "\n");
  auto h = run({"--help"});
  CHECK(h.code == 0);
  CHECK(h.out.find("outcome unknown") != std::string::npos);
  for (const char* command : {"generate", "status", "wait", "sizes", "cost", "credits"}) {
    auto c = run({command, "--help"});
    CHECK(c.code == 0);
    CHECK(c.out.find(std::string("gpt-image ") + command) != std::string::npos);
  }
}
