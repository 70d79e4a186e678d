// Per-request latency of small sequential requests on loopback — what 200 status polls cost:
//
//   transport_get     httplib_transport, keep-alive + TCP_NODELAY, GET (a status poll)
//   transport_post    httplib_transport, POST with a small JSON body (a create)
//   transport_https   httplib_transport over TLS (test CA), GET, connection kept alive
//   raw_get_nagle     plain httplib::Client with cpp-httplib's defaults (Nagle on), GET
//   raw_post_nagle    plain httplib::Client with cpp-httplib's defaults (Nagle on), POST — the
//                     ~40 ms delayed-ACK stall that TCP_NODELAY removes
//
// Each benchmark runs exactly 200 requests per repetition; p50/p99 are per request.
// Build (see tests/benchmarks/CMakeLists.txt, or by hand):
//   g++ -O2 -std=c++17 $(pkg-config --cflags cpp-httplib) -Iinclude -Itests
//       tests/benchmarks/transport_latency_bench.cpp
//       -lbenchmark -lcpp-httplib -lssl -lcrypto -lz -pthread
#include <gpt_image/transports/httplib.hpp>

#include "support/loopback_server.hpp"
#include "support/tls_cert.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace {

constexpr const char* status_body =
    R"({"id":"task_01J","object":"generation.task","status":"in_progress","progress":42})";

struct servers {
  test_support::test_pki pki;
  test_support::loopback_server plain;
  test_support::loopback_server tls{
      std::make_unique<httplib::SSLServer>(pki.server_cert(), pki.server_key()), "https"};

  servers() {
    for (auto* server : {&plain, &tls}) {
      (*server)->set_keep_alive_max_count(100000);
      (*server)->set_keep_alive_timeout(30);
      (*server)->Get("/v1/images/generations/task_01J",
                     [](const httplib::Request&, httplib::Response& res) {
                       res.set_content(status_body, "application/json");
                     });
      (*server)->Post("/v1/images/generations",
                      [](const httplib::Request&, httplib::Response& res) {
                        res.set_content(status_body, "application/json");
                      });
      server->start();
    }
  }
};
servers* loopback = nullptr;

template <class Request>
void measure(benchmark::State& state, Request&& request) {
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(state.max_iterations));
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    if (!request()) {
      state.SkipWithError("request failed");
      break;
    }
    micros.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count());
  }
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  state.counters["p50_us"] = micros[micros.size() / 2];
  state.counters["p99_us"] = micros[std::min(micros.size() - 1, micros.size() * 99 / 100)];
}

gpt_image::http_request poll_request(const std::string& origin) {
  gpt_image::http_request request;
  request.url = origin + "/v1/images/generations/task_01J";
  request.headers = {{"Authorization", "Bearer sk-bench"}, {"Accept", "application/json"}};
  return request;
}

void BM_transport_get(benchmark::State& state) {
  gpt_image::httplib_transport transport;
  const auto request = poll_request(loopback->plain.origin());
  measure(state, [&] { return transport.send(request, {}).has_value(); });
}

void BM_transport_post(benchmark::State& state) {
  gpt_image::httplib_transport transport;
  gpt_image::http_request request;
  request.method = "POST";
  request.url = loopback->plain.url("/v1/images/generations");
  request.content_type = "application/json";
  request.body =
      R"({"model":"gpt-image-2","prompt":"a lighthouse","size":"16:9","resolution":"2K"})";
  measure(state, [&] { return transport.send(request, {}).has_value(); });
}

void BM_transport_https(benchmark::State& state) {
  gpt_image::httplib_transport_options options;
  options.ca_file = loopback->pki.ca_file();
  gpt_image::httplib_transport transport(options);
  const auto request = poll_request(loopback->tls.origin());
  measure(state, [&] { return transport.send(request, {}).has_value(); });
}

void BM_raw_get_nagle(benchmark::State& state) {
  httplib::Client client("127.0.0.1", loopback->plain.port());
  client.set_keep_alive(true);
  measure(state, [&] {
    auto res =
        client.Get("/v1/images/generations/task_01J", {{"Authorization", "Bearer sk-bench"}});
    return res && res->status == 200;
  });
}

void BM_raw_post_nagle(benchmark::State& state) {
  httplib::Client client("127.0.0.1", loopback->plain.port());
  client.set_keep_alive(true);
  measure(state, [&] {
    auto res =
        client.Post("/v1/images/generations", R"({"model":"gpt-image-2","prompt":"a lighthouse"})",
                    "application/json");
    return res && res->status == 200;
  });
}

}  // namespace

BENCHMARK(BM_transport_get)->Iterations(200)->Repetitions(5)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_transport_post)->Iterations(200)->Repetitions(5)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_transport_https)->Iterations(200)->Repetitions(5)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_raw_get_nagle)->Iterations(200)->Repetitions(3)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_raw_post_nagle)->Iterations(200)->Repetitions(1)->Unit(benchmark::kMicrosecond);

int main(int argc, char** argv) {
  servers running;
  loopback = &running;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  loopback = nullptr;
  return 0;
}
