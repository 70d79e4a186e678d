// SPDX-License-Identifier: MIT
// gpt-image-emulator: serves the openai, toapis and aivideoapi dialects of GPT-Image-2 on loopback
// until interrupted. See --help.

#include "emulator.hpp"

#include <gpt_image/version.hpp>

#include <pthread.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace emu = gpt_image_emulator;

constexpr int exit_usage = 2;

void print_help() {
  std::cout << R"(gpt-image-emulator )" GPT_IMAGE_VERSION_STRING
               R"( - GPT-Image-2 on loopback, three dialects, real PNGs

Usage: gpt-image-emulator [options]

Options:
  --port N              API port (default 0: pick a free one and print it)
  --files-port N        result-file port (default 0: pick a free one)
  --host ADDR           API bind address (default 127.0.0.1)
  --files-host ADDR     result-file bind address (default 127.0.0.2 when --host is 127.0.0.1,
                        so result URLs name another host than the API; else --host)
  --key KEY             the only accepted API key (default: any non-empty Bearer token)
  --task-seconds S      time from create to completed, e.g. 3, 0.5 or 0 (default 3)
  --dialect D           dialect of unprefixed /v1/... paths: openai|toapis|aivideoapi
                        (default: inferred from the path and body)
  --fault SPEC          standing fault, repeatable; SPEC = KIND[:TARGET[:COUNT]]
  --retry-after S       Retry-After seconds of injected 429s (default 1)
  --slow-body-seconds S how long a slow_body response trickles (default 3)
  --credits N           aivideoapi starting balance in credits (default 10000)
  --quiet               do not log requests
  --version             print the version
  --help                this text

Routing: the first path segment selects the dialect, so a client's base URL does:
  http://HOST:PORT/openai      POST /v1/images/generations, POST /v1/images/edits
  http://HOST:PORT/toapis      POST /v1/images/generations, GET /v1/images/generations/{id},
                               POST /v1/uploads/images
  http://HOST:PORT/aivideoapi  POST /v1/images/generations, GET /v1/tasks/{id}, GET /v1/credits
Unprefixed /v1/... paths: header X-Emulator-Dialect, else --dialect, else inferred.
Authorization: Bearer KEY is required on every API path.

Faults (--fault, header X-Emulator-Fault: KIND for one request, or POST /_emulator/faults):
)";
  for (const auto& f : emu::fault_names)
    std::cout << "  " << f.name << std::string(22 - f.name.size(), ' ') << f.what << "\n";
  std::cout
      << R"(Targets: api (default), create, status, upload, credits, download, all; task_fails,
never_finishes, lost_response and insufficient_credits default to create.

Control (no key): GET /_emulator/health, GET /_emulator/log, POST /_emulator/faults (body: SPEC),
DELETE /_emulator/faults.

Each request is logged on one line to stdout; the key never is.
)";
}

bool parse_seconds(std::string_view text, std::chrono::milliseconds* out) {
  // Digits with at most one '.', e.g. "3", "0.25".
  if (text.empty() || text.size() > 12) return false;
  long whole = 0, fraction = 0, scale = 1000;
  bool dot = false;
  for (char c : text) {
    if (c == '.' && !dot) {
      dot = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
    if (!dot) {
      whole = whole * 10 + (c - '0');
    } else if (scale > 1) {
      scale /= 10;
      fraction += (c - '0') * scale;
    }
  }
  *out = std::chrono::milliseconds(whole * 1000 + fraction);
  return true;
}

bool parse_port(std::string_view text, int* out) {
  if (text == "0") {
    *out = 0;
    return true;
  }
  const auto p = gpt_image::detail::parse_positive_u16(text);
  if (!p) return false;
  *out = *p;
  return true;
}

int usage_error(const std::string& message) {
  std::cerr << "gpt-image-emulator: " << message << "\n(see gpt-image-emulator --help)\n";
  return exit_usage;
}

}  // namespace

int main(int argc, char** argv) {
  emu::options opts;
  bool quiet = false;
  const std::vector<std::string> args(argv + 1, argv + argc);
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    auto value = [&](std::string* out) {
      if (i + 1 >= args.size()) return false;
      *out = args[++i];
      return true;
    };
    std::string v;
    if (arg == "--help" || arg == "-h") {
      print_help();
      return 0;
    } else if (arg == "--version") {
      std::cout << "gpt-image-emulator " << GPT_IMAGE_VERSION_STRING << "\n";
      return 0;
    } else if (arg == "--quiet") {
      quiet = true;
    } else if (arg == "--port") {
      if (!value(&v) || !parse_port(v, &opts.port))
        return usage_error("--port needs a port number 0-65535");
    } else if (arg == "--files-port") {
      if (!value(&v) || !parse_port(v, &opts.files_port))
        return usage_error("--files-port needs a port number 0-65535");
    } else if (arg == "--host") {
      if (!value(&opts.host) || opts.host.empty()) return usage_error("--host needs an address");
    } else if (arg == "--files-host") {
      if (!value(&opts.files_host) || opts.files_host.empty())
        return usage_error("--files-host needs an address");
    } else if (arg == "--key") {
      if (!value(&opts.api_key) || opts.api_key.empty())
        return usage_error("--key needs a non-empty key");
    } else if (arg == "--task-seconds") {
      if (!value(&v) || !parse_seconds(v, &opts.task_duration))
        return usage_error("--task-seconds needs a number of seconds such as 3 or 0.5");
    } else if (arg == "--slow-body-seconds") {
      if (!value(&v) || !parse_seconds(v, &opts.slow_body_duration))
        return usage_error("--slow-body-seconds needs a number of seconds such as 3 or 0.5");
    } else if (arg == "--retry-after") {
      std::chrono::milliseconds ms{};
      if (!value(&v) || !parse_seconds(v, &ms) || ms.count() % 1000 != 0)
        return usage_error("--retry-after needs a whole number of seconds");
      opts.retry_after = std::chrono::duration_cast<std::chrono::seconds>(ms);
    } else if (arg == "--credits") {
      std::chrono::milliseconds thousandths{};
      if (!value(&v) || !parse_seconds(v, &thousandths))
        return usage_error("--credits needs a number such as 10000");
      opts.initial_credits = static_cast<double>(thousandths.count()) / 1000.0;
    } else if (arg == "--dialect") {
      if (!value(&v)) return usage_error("--dialect needs openai|toapis|aivideoapi");
      opts.default_dialect = emu::parse_dialect(v);
      if (!opts.default_dialect)
        return usage_error("unknown dialect '" + v + "'; valid: openai|toapis|aivideoapi");
    } else if (arg == "--fault") {
      std::string problem;
      if (!value(&v)) return usage_error("--fault needs KIND[:TARGET[:COUNT]]");
      const auto spec = emu::parse_fault_spec(v, &problem);
      if (!spec) return usage_error(problem);
      opts.faults.push_back(*spec);
    } else {
      return usage_error("unknown option '" + arg + "'");
    }
  }
  if (!quiet) opts.log_sink = [](const std::string& line) { std::cout << line << std::endl; };

  // Block the stop signals before any thread starts, so only sigwait() below receives them. A shell
  // starts background jobs with SIGINT ignored, and an ignored signal is discarded rather than
  // left pending for sigwait(); restore the default so that `kill -INT` stops the emulator too.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  emu::emulator emulator(opts);
  const emu::ports ports = emulator.start();
  if (!ports) {
    std::cerr << "gpt-image-emulator: " << ports.error << "\n";
    return 1;
  }
  std::cout << "gpt-image-emulator listening on " << emulator.base_url() << " (files on "
            << emulator.files_url() << ")" << std::endl;

  int received = 0;
  sigwait(&stop_signals, &received);
  emulator.stop();
  return 0;
}
