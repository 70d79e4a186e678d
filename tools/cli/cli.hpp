// SPDX-License-Identifier: MIT
#pragma once
// gpt-image, the command-line client: every command as a function of (arguments, environment,
// output streams) so that tests can run it in-process. main.cpp only forwards to run().

#include "../emulator/emulator.hpp"

#include <gpt_image/gpt_image.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iomanip>
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace gpt_image_cli {

namespace gi = gpt_image;

// Exit codes, one per class of failure, so that scripts can react without parsing messages.
enum exit_code : int {
  exit_ok = 0,
  exit_internal = 1,
  exit_usage = 2,
  exit_validation = 3,
  exit_auth = 4,
  exit_billing = 5,
  exit_rate_limit = 6,
  exit_upstream = 7,
  exit_network = 8,
  exit_outcome_unknown = 9,
  exit_interrupted = 10,
  exit_local_io = 11,
};

inline constexpr std::string_view exit_code_help =
    "Exit codes:\n"
    "   0  success\n"
    "   1  unexpected internal error\n"
    "   2  usage: unknown command or option, missing or malformed argument\n"
    "   3  validation: the request is not valid for the provider (size, prompt, n, references)\n"
    "   4  authentication: missing, wrong or disabled API key; IP or permission refused\n"
    "   5  billing: insufficient credits or spend limit reached\n"
    "   6  rate limit: still rate limited after the retries\n"
    "   7  upstream: the provider failed (5xx, failed task, unreadable answer)\n"
    "   8  network: connection, timeout or TLS failure\n"
    "   9  outcome unknown: a create was sent but its answer was lost; it was NOT resent\n"
    "  10  interrupted: cancelled or the deadline passed (the task may still finish)\n"
    "  11  local files: a reference image could not be read or an output not written\n";

inline int exit_code_for(gi::errc code) {
  using gi::errc;
  switch (code) {
    case errc::invalid_request:
    case errc::invalid_reference_images:
    case errc::model_not_found:
    case errc::content_policy_violation:
    case errc::validation_failed:
    case errc::unsupported:
      return exit_validation;
    case errc::authentication_failed:
    case errc::ip_not_allowed:
    case errc::permission_denied:
      return exit_auth;
    case errc::insufficient_credits:
    case errc::spend_limit_exceeded:
      return exit_billing;
    case errc::rate_limit_exceeded:
      return exit_rate_limit;
    case errc::internal_error:
    case errc::upstream_error:
    case errc::service_unavailable:
    case errc::task_failed:
    case errc::task_not_found:
    case errc::not_found:
    case errc::http_error:
    case errc::malformed_response:
    case errc::response_too_large:
      return exit_upstream;
    case errc::connection_failed:
    case errc::timeout:
    case errc::tls_error:
      return exit_network;
    case errc::outcome_unknown:
      return exit_outcome_unknown;
    case errc::cancelled:
    case errc::deadline_exceeded:
      return exit_interrupted;
    case errc::io_error:
      return exit_local_io;
  }
  return exit_internal;
}

// What the CLI reads from its environment (main passes the real one; tests pass their own).
struct environment {
  std::string api_key;    // GPT_IMAGE_API_KEY
  std::string provider;   // GPT_IMAGE_PROVIDER
  std::string base_url;   // GPT_IMAGE_BASE_URL
  bool terminal = false;  // stderr is a terminal: draw a progress bar
};

inline environment real_environment() {
  environment env;
  if (const char* v = std::getenv("GPT_IMAGE_API_KEY")) env.api_key = v;
  if (const char* v = std::getenv("GPT_IMAGE_PROVIDER")) env.provider = v;
  if (const char* v = std::getenv("GPT_IMAGE_BASE_URL")) env.base_url = v;
  env.terminal = ::isatty(2) == 1;
  return env;
}

namespace detail {

struct usage_error {
  std::string message;
};

// Command-line arguments: `--name value`, `--name=value`, `-n value`, flags and positionals.
class arguments {
 public:
  arguments(std::vector<std::string> args, std::vector<std::string> flags,
            std::vector<std::string> valued)
      : flags_(std::move(flags)), valued_(std::move(valued)) {
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string a = args[i];
      if (a.size() < 2 || a[0] != '-' || a == "--") {
        positionals_.push_back(a);
        continue;
      }
      std::string value;
      bool has_value = false;
      if (const auto eq = a.find('='); eq != std::string::npos && a.rfind("--", 0) == 0) {
        value = a.substr(eq + 1);
        a = a.substr(0, eq);
        has_value = true;
      }
      if (is_one_of(a, flags_)) {
        if (has_value) problem_ = "option " + a + " takes no value";
        seen_[a].push_back("");
      } else if (is_one_of(a, valued_)) {
        if (!has_value) {
          if (i + 1 >= args.size()) {
            problem_ = "option " + a + " needs a value";
            continue;
          }
          value = args[++i];
        }
        seen_[a].push_back(value);
      } else {
        problem_ = "unknown option " + a;
      }
    }
  }

  const std::string& problem() const { return problem_; }
  const std::vector<std::string>& positionals() const { return positionals_; }
  bool has(const std::string& name) const { return seen_.count(name) != 0; }
  std::optional<std::string> value(const std::string& name) const {
    auto it = seen_.find(name);
    if (it == seen_.end()) return std::nullopt;
    return it->second.back();
  }
  std::vector<std::string> values(const std::string& name) const {
    auto it = seen_.find(name);
    return it == seen_.end() ? std::vector<std::string>{} : it->second;
  }

 private:
  static bool is_one_of(const std::string& a, const std::vector<std::string>& names) {
    for (const auto& n : names)
      if (n == a) return true;
    return false;
  }
  std::vector<std::string> flags_, valued_, positionals_;
  std::map<std::string, std::vector<std::string>> seen_;
  std::string problem_;
};

inline std::string human_bytes(std::size_t n) {
  std::ostringstream s;
  if (n >= (1u << 20))
    s << std::fixed << std::setprecision(1) << static_cast<double>(n) / (1u << 20) << " MiB";
  else if (n >= 1024)
    s << std::fixed << std::setprecision(1) << static_cast<double>(n) / 1024 << " KiB";
  else
    s << n << " B";
  return s.str();
}

inline std::string dollars(std::uint64_t micro_usd) {
  std::ostringstream s;
  s << '$' << micro_usd / 1000000 << '.' << std::setw(4) << std::setfill('0')
    << (micro_usd % 1000000) / 100;
  return s.str();
}

// Progress: a redrawn bar on a terminal, one line per change otherwise.
class progress_printer {
 public:
  progress_printer(std::ostream& err, bool terminal) : err_(err), terminal_(terminal) {}
  ~progress_printer() { finish(); }

  void operator()(const gi::progress& p) {
    const double seconds = std::chrono::duration<double>(p.elapsed).count();
    std::ostringstream line;
    line << std::string(gi::to_string(p.stage));
    if (p.stage == gi::stage::waiting) {
      line << " " << std::string(gi::to_string(p.state));
      if (p.percent) line << " " << *p.percent << "%";
    }
    if (p.stage == gi::stage::downloading) {
      line << " image " << (p.image + 1) << "/" << p.images << " " << human_bytes(p.bytes);
      if (p.bytes_total) line << " of " << human_bytes(p.bytes_total);
    }
    if (terminal_) {
      const int percent = p.stage == gi::stage::waiting ? p.percent.value_or(0)
                          : p.stage == gi::stage::downloading && p.bytes_total
                              ? static_cast<int>(100.0 * static_cast<double>(p.bytes) /
                                                 static_cast<double>(p.bytes_total))
                              : 0;
      const int filled = std::max(0, std::min(20, percent / 5));
      err_ << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '#')
           << std::string(static_cast<std::size_t>(20 - filled), ' ') << "] " << line.str() << "  "
           << std::fixed << std::setprecision(1) << seconds << "s" << std::flush;
      drawn_ = true;
      return;
    }
    // Plain output: one line per change of stage, state or percent; a download once it is whole.
    if (p.stage == gi::stage::downloading && p.bytes_total != 0 && p.bytes < p.bytes_total) return;
    std::ostringstream key;
    key << static_cast<int>(p.stage) << '/' << static_cast<int>(p.state) << '/'
        << p.percent.value_or(-1) << '/' << p.image;
    if (key.str() == last_) return;
    last_ = key.str();
    err_ << line.str() << " (" << std::fixed << std::setprecision(1) << seconds << "s)\n";
  }

  void finish() {
    if (drawn_) err_ << "\n";
    drawn_ = false;
  }

 private:
  std::ostream& err_;
  bool terminal_;
  bool drawn_ = false;
  std::string last_;
};

inline std::string output_name(const std::string& out, std::size_t index, std::size_t count,
                               std::string_view mime) {
  std::string base = out, ext;
  const auto slash = out.find_last_of('/');
  const auto dot = out.find_last_of('.');
  if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) {
    base = out.substr(0, dot);
    ext = out.substr(dot);
  } else {
    ext = mime == "image/jpeg" ? ".jpg" : mime == "image/webp" ? ".webp" : ".png";
  }
  if (count > 1) base += "-" + std::to_string(index + 1);
  return base + ext;
}

}  // namespace detail

class cli {
 public:
  cli(environment env, std::ostream& out, std::ostream& err)
      : env_(std::move(env)), out_(out), err_(err) {}

  int run(const std::vector<std::string>& args) {
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
      out_ << main_help();
      return args.empty() ? exit_usage : exit_ok;
    }
    if (args[0] == "--version") {
      out_ << "gpt-image " << gi::version.string << "\n";
      return exit_ok;
    }
    const std::string command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "generate") return generate(rest);
    if (command == "status") return status(rest);
    if (command == "wait") return wait(rest);
    if (command == "sizes") return sizes(rest);
    if (command == "cost") return cost(rest);
    if (command == "credits") return credits(rest);
    return usage("unknown command '" + command +
                 "'; commands: generate, status, wait, sizes, cost, credits (see --help)");
  }

  static std::string main_help() {
    std::ostringstream s;
    s << "gpt-image " << gi::version.string
      << " — generate images with GPT-Image-2 (OpenAI, ToAPIs, aivideoapi)\n\n"
         "Usage:\n"
         "  gpt-image generate PROMPT [options]   generate images and write them to files\n"
         "  gpt-image status TASK_ID              one status query of a gateway task\n"
         "  gpt-image wait TASK_ID [-o OUT]       wait for a task and download its images\n"
         "  gpt-image sizes [--provider P]        the provider's size table\n"
         "  gpt-image cost --provider P --resolution R [-n N]   list price estimate\n"
         "  gpt-image credits                     the account balance (aivideoapi)\n"
         "  gpt-image --version | --help | COMMAND --help\n\n"
         "Environment: GPT_IMAGE_API_KEY, GPT_IMAGE_PROVIDER (openai|toapis|aivideoapi; default\n"
         "toapis), GPT_IMAGE_BASE_URL. With neither a key nor a base URL (or with --emulator),\n"
         "gpt-image starts its built-in emulator on a free loopback port and uses it.\n\n"
      << exit_code_help;
    return s.str();
  }

 private:
  static const std::vector<std::string>& connection_options() {
    static const std::vector<std::string> o = {"--provider", "--base-url", "--timeout",
                                               "--poll-interval", "--emulator-task-ms"};
    return o;
  }
  static std::string connection_help() {
    return "  --provider P          openai | toapis | aivideoapi (GPT_IMAGE_PROVIDER; default "
           "toapis)\n"
           "  --base-url URL        the API origin (GPT_IMAGE_BASE_URL; default: the provider's)\n"
           "  --emulator            use the built-in emulator even when a key is set\n"
           "  --timeout SECONDS     give up after this long (default 600)\n"
           "  --poll-interval S     seconds between status polls (default: the provider's pace)\n"
           "  --emulator-task-ms N  emulator only: how long a task takes (default 3000)\n";
  }

  int usage(const std::string& message) {
    err_ << "gpt-image: " << message << "\n";
    return exit_usage;
  }

  int fail(const gi::error& e) {
    err_ << "error: " << e.message;
    if (!e.request_id.empty() && e.message.find(e.request_id) == std::string::npos)
      err_ << " [task " << e.request_id << "]";
    err_ << "\n";
    const auto& info = gi::describe(e.code);
    if (!info.fix.empty()) err_ << "hint: " << info.fix << "\n";
    return exit_code_for(e.code);
  }

  // The endpoint from options and environment; starts the emulator when there is nothing to
  // talk to, or when asked.
  std::optional<gi::endpoint> connect(const detail::arguments& a, int& code) {
    gi::endpoint e;
    const std::string provider_text = a.value("--provider").value_or(env_.provider);
    if (!provider_text.empty()) {
      const auto p = gi::parse_provider(provider_text);
      if (!p) {
        code = usage("--provider '" + provider_text + "' is not one of openai, toapis, aivideoapi");
        return std::nullopt;
      }
      e.service = *p;
    }
    e.api_key = env_.api_key;
    e.base_url = a.value("--base-url").value_or(env_.base_url);
    const bool use_emulator = a.has("--emulator") || (e.api_key.empty() && e.base_url.empty());
    if (use_emulator) {
      gpt_image_emulator::options o;
      o.api_key = "sk-emulator-" + std::to_string(::getpid());
      if (auto ms = a.value("--emulator-task-ms")) {
        const auto parsed = parse_count(*ms);
        if (!parsed) {
          code = usage("--emulator-task-ms needs a whole number of milliseconds");
          return std::nullopt;
        }
        o.task_duration = std::chrono::milliseconds(*parsed);
      }
      emulator_ = std::make_unique<gpt_image_emulator::emulator>(o);
      const auto ports = emulator_->start();
      if (!ports) {
        err_ << "error: the built-in emulator could not start: " << ports.error << "\n";
        code = exit_network;
        return std::nullopt;
      }
      e.api_key = o.api_key;
      e.base_url =
          emulator_->base_url(*gpt_image_emulator::parse_dialect(gi::to_string(e.service)));
      err_ << "using the built-in emulator at " << e.base_url
           << " (no API key or base URL given; set GPT_IMAGE_API_KEY for the real service)\n";
    } else if (e.api_key.empty()) {
      err_ << "warning: GPT_IMAGE_API_KEY is not set; requests will be sent without a key\n";
    }
    return e;
  }

  static std::optional<long> parse_count(const std::string& text) {
    if (text.empty() || text.size() > 9 ||
        text.find_first_not_of("0123456789") != std::string::npos)
      return std::nullopt;
    return std::stol(text);
  }

  std::optional<gi::client_options> client_options(const detail::arguments& a, int& code) {
    gi::client_options o;
    if (auto interval = a.value("--poll-interval")) {
      const auto seconds = parse_seconds(*interval);
      if (!seconds) {
        code = usage("--poll-interval needs a number of seconds, e.g. 5 or 0.5");
        return std::nullopt;
      }
      o.polling = gi::poll_policy{*seconds, *seconds, 0.0};
    }
    return o;
  }

  std::optional<gi::call_options> call_options(const detail::arguments& a, int& code) {
    gi::call_options o;
    if (auto timeout = a.value("--timeout")) {
      const auto seconds = parse_seconds(*timeout);
      if (!seconds || seconds->count() == 0) {
        code = usage("--timeout needs a positive number of seconds");
        return std::nullopt;
      }
      o.deadline = *seconds;
    }
    return o;
  }

  static std::optional<std::chrono::milliseconds> parse_seconds(const std::string& text) {
    std::istringstream in(text);
    double seconds = -1;
    in >> seconds;
    if (!in || !in.eof() || seconds < 0 || seconds > 86400) return std::nullopt;
    return std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }

  // --- generate --------------------------------------------------------------------------------
  int generate(const std::vector<std::string>& args) {
    std::vector<std::string> valued = connection_options();
    for (const char* o : {"--size", "--resolution", "-n", "--quality", "--format", "--ref", "-o",
                          "--output", "--model", "--background", "--compression"})
      valued.push_back(o);
    detail::arguments a(args, {"--help", "-h", "--emulator"}, valued);
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image generate PROMPT [options]\n\n"
              "  --size S              a ratio (16:9), pixels (1536x1024) or auto\n"
              "  --resolution R        1K | 2K | 4K (with a ratio)\n"
              "  -n N                  number of images\n"
              "  --quality Q           low | medium | high | auto\n"
              "  --format F            png | jpeg | webp\n"
              "  --compression N       0-100 (jpeg, webp)\n"
              "  --background B        auto | opaque | transparent\n"
              "  --ref FILE_OR_URL     a reference image (repeatable); local files are uploaded\n"
              "                        or sent inline as the provider requires\n"
              "  --model M             default gpt-image-2\n"
              "  -o, --output OUT      output file (default gpt-image.png; OUT-1, OUT-2… for n > "
              "1)\n"
           << connection_help() << "\n"
           << exit_code_help;
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem() + " (see gpt-image generate --help)");
    if (a.positionals().size() != 1)
      return usage("generate needs exactly one PROMPT argument (quote it)");

    gi::image_request request;
    request.prompt = a.positionals()[0];
    if (auto m = a.value("--model")) request.model = *m;
    int code = exit_ok;
    auto endpoint = connect(a, code);
    if (!endpoint) return code;
    if (auto size = parse_size(a, endpoint->service, code)) {
      request.size = *size;
    } else if (code != exit_ok) {
      return code;
    }
    if (auto n = a.value("-n")) {
      const auto parsed = parse_count(*n);
      if (!parsed || *parsed < 1) return usage("-n needs a whole number of images, 1 or more");
      request.n = static_cast<int>(*parsed);
    }
    if (auto q = a.value("--quality")) {
      if (*q == "low")
        request.quality = gi::image_quality::low;
      else if (*q == "medium")
        request.quality = gi::image_quality::medium;
      else if (*q == "high")
        request.quality = gi::image_quality::high;
      else if (*q == "auto")
        request.quality = gi::image_quality::automatic;
      else
        return usage("--quality '" + *q + "' is not one of low, medium, high, auto");
    }
    if (auto f = a.value("--format")) {
      if (*f == "png")
        request.output_format = gi::image_format::png;
      else if (*f == "jpeg" || *f == "jpg")
        request.output_format = gi::image_format::jpeg;
      else if (*f == "webp")
        request.output_format = gi::image_format::webp;
      else
        return usage("--format '" + *f + "' is not one of png, jpeg, webp");
    }
    if (auto c = a.value("--compression")) {
      const auto parsed = parse_count(*c);
      if (!parsed || *parsed > 100)
        return usage("--compression needs a whole number from 0 to 100");
      request.output_compression = static_cast<int>(*parsed);
    }
    if (auto b = a.value("--background")) {
      if (*b == "auto")
        request.background = gi::image_background::automatic;
      else if (*b == "opaque")
        request.background = gi::image_background::opaque;
      else if (*b == "transparent")
        request.background = gi::image_background::transparent;
      else
        return usage("--background '" + *b + "' is not one of auto, opaque, transparent");
    }
    for (const auto& ref : a.values("--ref")) {
      const bool is_url = ref.rfind("http://", 0) == 0 || ref.rfind("https://", 0) == 0;
      request.reference_images.push_back(is_url ? gi::reference_image::from_url(ref)
                                                : gi::reference_image::from_file(ref));
    }
    const std::string out = a.value("-o").value_or(a.value("--output").value_or("gpt-image.png"));

    auto options = client_options(a, code);
    if (!options) return code;
    auto call = call_options(a, code);
    if (!call) return code;
    gi::client client{*endpoint, gi::httplib_transport{}, *options};
    detail::progress_printer printer(err_, env_.terminal);
    call->on_progress = [&printer](const gi::progress& p) { printer(p); };
    auto images = client.generate(request, *call);
    printer.finish();
    if (!images) return fail(images.error());
    return write_images(*images, out);
  }

  std::optional<gi::image_size> parse_size(const detail::arguments& a, gi::provider p, int& code) {
    const auto size = a.value("--size");
    const auto resolution = a.value("--resolution");
    std::optional<gi::tier> tier;
    if (resolution) {
      tier = gi::parse_tier(*resolution);
      if (!tier) {
        code = usage("--resolution '" + *resolution + "' is not one of 1K, 2K, 4K");
        return std::nullopt;
      }
    }
    if (!size) {
      if (tier) return gi::image_size::ratio(gi::aspect{1, 1}, tier);
      return std::nullopt;
    }
    if (*size == "auto") return gi::image_size::automatic();
    if (auto ratio = gi::parse_aspect(*size)) return gi::image_size::ratio(*ratio, tier);
    if (auto px = gi::parse_pixels(*size)) {
      if (tier) {
        code = usage("--resolution goes with a ratio --size (e.g. 16:9), not with pixels");
        return std::nullopt;
      }
      return gi::image_size::exact(*px);
    }
    code = usage("--size '" + *size + "' is not a ratio (16:9), pixels (1536x1024) or auto; " +
                 "see gpt-image sizes --provider " + std::string(gi::to_string(p)));
    return std::nullopt;
  }

  int write_images(const gi::images& images, const std::string& out) {
    for (std::size_t i = 0; i < images.size(); ++i) {
      const auto& img = images[i];
      const std::string name = detail::output_name(out, i, images.size(), img.mime_type);
      std::ofstream file(name, std::ios::binary | std::ios::trunc);
      file.write(img.bytes.data(), static_cast<std::streamsize>(img.bytes.size()));
      file.close();
      if (!file) {
        err_ << "error: cannot write '" << name << "'\n";
        return exit_local_io;
      }
      out_ << name;
      if (const auto px = gi::image_dimensions(img.bytes))
        out_ << " " << px->width << "x" << px->height;
      out_ << " (" << detail::human_bytes(img.bytes.size()) << ")\n";
    }
    return exit_ok;
  }

  // --- status / wait / credits ---------------------------------------------------------------
  int status(const std::vector<std::string>& args) {
    detail::arguments a(args, {"--help", "-h", "--emulator"}, connection_options());
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image status TASK_ID [options]\n\n" << connection_help();
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem());
    if (a.positionals().size() != 1) return usage("status needs exactly one TASK_ID");
    int code = exit_ok;
    auto endpoint = connect(a, code);
    if (!endpoint) return code;
    auto call = call_options(a, code);
    if (!call) return code;
    gi::client client{*endpoint};
    auto t = client.status(a.positionals()[0], *call);
    if (!t) return fail(t.error());
    out_ << "task " << (t->id.empty() ? a.positionals()[0] : t->id) << ": "
         << gi::to_string(t->state);
    if (t->progress) out_ << " " << *t->progress << "%";
    out_ << "\n";
    for (const auto& ref : t->outputs)
      if (ref.has_url()) out_ << "  " << ref.url << "\n";
    if (t->failure) out_ << "  error: " << t->failure->message << "\n";
    return exit_ok;
  }

  int wait(const std::vector<std::string>& args) {
    std::vector<std::string> valued = connection_options();
    valued.push_back("-o");
    valued.push_back("--output");
    detail::arguments a(args, {"--help", "-h", "--emulator"}, valued);
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image wait TASK_ID [-o OUT] [options]\n\n"
              "Resumes waiting for a task (e.g. after a timeout) and downloads its images.\n\n"
           << connection_help();
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem());
    if (a.positionals().size() != 1) return usage("wait needs exactly one TASK_ID");
    int code = exit_ok;
    auto endpoint = connect(a, code);
    if (!endpoint) return code;
    auto options = client_options(a, code);
    if (!options) return code;
    auto call = call_options(a, code);
    if (!call) return code;
    gi::client client{*endpoint, gi::httplib_transport{}, *options};
    gi::task t;
    t.id = a.positionals()[0];
    t.state = gi::task_state::queued;
    detail::progress_printer printer(err_, env_.terminal);
    call->on_progress = [&printer](const gi::progress& p) { printer(p); };
    auto images = client.wait(t, *call);
    printer.finish();
    if (!images) return fail(images.error());
    return write_images(*images,
                        a.value("-o").value_or(a.value("--output").value_or("gpt-image.png")));
  }

  int credits(const std::vector<std::string>& args) {
    detail::arguments a(args, {"--help", "-h", "--emulator"}, connection_options());
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image credits [options]\n\nThe account balance (aivideoapi).\n\n"
           << connection_help();
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem());
    int code = exit_ok;
    auto endpoint = connect(a, code);
    if (!endpoint) return code;
    gi::client client{*endpoint};
    auto c = client.credits();
    if (!c) return fail(c.error());
    out_ << "balance: " << c->balance << " credits";
    if (endpoint->service == gi::provider::aivideoapi)
      out_ << " ("
           << detail::dollars(static_cast<std::uint64_t>(
                  c->balance * static_cast<double>(gi::aivideoapi_micro_usd_per_credit)))
           << ")";
    out_ << "\n";
    return exit_ok;
  }

  // --- sizes / cost: tables only, nothing is sent ----------------------------------------------
  int sizes(const std::vector<std::string>& args) {
    detail::arguments a(args, {"--help", "-h"}, {"--provider"});
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image sizes [--provider P]\n\nThe ratio x resolution -> pixels table.\n";
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem());
    std::vector<gi::provider> providers;
    if (auto p = a.value("--provider").value_or(env_.provider); !p.empty()) {
      const auto parsed = gi::parse_provider(p);
      if (!parsed) return usage("--provider '" + p + "' is not one of openai, toapis, aivideoapi");
      providers.push_back(*parsed);
    } else {
      providers.assign(std::begin(gi::all_providers), std::end(gi::all_providers));
    }
    for (const auto p : providers) {
      out_ << gi::to_string(p) << "\n";
      out_ << "  " << std::left << std::setw(8) << "ratio";
      for (const auto t : gi::all_tiers) out_ << std::setw(22) << gi::tier_name(t, p);
      out_ << "\n";
      std::vector<gi::aspect> ratios;
      for (const auto& c : gi::choices(p)) {
        bool known = false;
        for (const auto& r : ratios) known = known || r == c.ratio;
        if (!known) ratios.push_back(c.ratio);
      }
      for (const auto& r : ratios) {
        out_ << "  " << std::setw(8) << std::string(gi::format_aspect(r).view());
        for (const auto t : gi::all_tiers) {
          std::string cell = "-";
          for (const auto& c : gi::choices(p, t)) {
            if (c.ratio != r) continue;
            cell = std::string(gi::format_pixels(c.size).view());
            if (c.alternate) cell += " / " + std::string(gi::format_pixels(*c.alternate).view());
          }
          out_ << std::setw(22) << cell;
        }
        out_ << "\n";
      }
      if (p == gi::provider::openai)
        out_ << "  (plus any WxH with sides multiples of 16, ratio at most 3:1, 655,360 to "
                "8,294,400 pixels, edge at most 3840)\n";
      out_ << std::right;
    }
    return exit_ok;
  }

  int cost(const std::vector<std::string>& args) {
    detail::arguments a(args, {"--help", "-h"}, {"--provider", "--resolution", "-n"});
    if (a.has("--help") || a.has("-h")) {
      out_ << "Usage: gpt-image cost --provider P --resolution R [-n N]\n\n"
              "The list price of N images (from the providers' published prices).\n";
      return exit_ok;
    }
    if (!a.problem().empty()) return usage(a.problem());
    const std::string p_text = a.value("--provider").value_or(env_.provider);
    const auto p = gi::parse_provider(p_text);
    if (!p) return usage("cost needs --provider openai|toapis|aivideoapi");
    const auto r = a.value("--resolution");
    const auto t = r ? gi::parse_tier(*r) : std::nullopt;
    if (!t) return usage("cost needs --resolution 1K|2K|4K");
    long n = 1;
    if (auto n_text = a.value("-n")) {
      const auto parsed = parse_count(*n_text);
      if (!parsed || *parsed < 1) return usage("-n needs a whole number of images, 1 or more");
      n = *parsed;
    }
    const auto price = gi::estimate(*p, *t, static_cast<std::uint32_t>(n));
    out_ << n << " x " << gi::tier_name(*t, *p) << " on " << gi::to_string(*p) << ": "
         << detail::dollars(price.micro_usd);
    if (price.milli_credits)
      out_ << " (" << price.milli_credits / 1000 << "." << (price.milli_credits % 1000) / 100
           << " credits)";
    out_ << "\n";
    return exit_ok;
  }

  environment env_;
  std::ostream& out_;
  std::ostream& err_;
  std::unique_ptr<gpt_image_emulator::emulator> emulator_;
};

inline int run(const std::vector<std::string>& args, const environment& env, std::ostream& out,
               std::ostream& err) {
  cli c(env, out, err);
  return c.run(args);
}

}  // namespace gpt_image_cli
