// Response bytes -> image bytes for OpenAI ImagesResponse bodies of 1K/2K/4K-sized images:
//
//   dom_naive    nlohmann DOM parse + copy of the string + naive per-character decode (baseline)
//   dom_only     the DOM parse alone, for reference
//   scan         gpt_image::decode_b64_json on the whole body (scan + decode in one pass)
//   stream       gpt_image::b64_json_stream_decoder fed 16 KiB chunks, as from the network
//   base64_only  gpt_image::base64_decode of the bare base64 text (the decoder's raw speed)
//
// Build (see tests/benchmarks/CMakeLists.txt, or by hand):
//   g++ -O2 -std=c++17 -Iinclude tests/benchmarks/b64_bench.cpp -lbenchmark -lpthread
// Run: ./b64_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include <gpt_image/b64_json.hpp>
#include <gpt_image/base64.hpp>

#include "b64_payload.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <string>

namespace {

const std::string& body_for(std::size_t image_bytes) {
  static std::map<std::size_t, std::string> bodies;
  auto it = bodies.find(image_bytes);
  if (it == bodies.end()) it = bodies.emplace(image_bytes, bench::make_body(image_bytes)).first;
  return it->second;
}

void set_counters(benchmark::State& state, const std::string& body) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(body.size()));
  state.counters["body_MB"] = static_cast<double>(body.size()) / 1e6;
}

void fail_if(benchmark::State& state, bool failed) {
  if (failed) state.SkipWithError("decode failed");
}

void BM_dom_naive(benchmark::State& state) {
  const std::string& body = body_for(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const std::size_t size = bench::dom_naive_decode(body);
    fail_if(state, size != static_cast<std::size_t>(state.range(0)));
    benchmark::DoNotOptimize(size);
  }
  set_counters(state, body);
}

void BM_dom_only(benchmark::State& state) {
  const std::string& body = body_for(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto document = nlohmann::json::parse(body, nullptr, false);
    fail_if(state, document.is_discarded());
    benchmark::DoNotOptimize(document);
  }
  set_counters(state, body);
}

void BM_scan(benchmark::State& state) {
  const std::string& body = body_for(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    auto images = gpt_image::decode_b64_json(body);
    fail_if(state,
            !images || images->images.at(0).size() != static_cast<std::size_t>(state.range(0)));
    benchmark::DoNotOptimize(images);
  }
  set_counters(state, body);
}

void BM_stream(benchmark::State& state) {
  const std::string& body = body_for(static_cast<std::size_t>(state.range(0)));
  constexpr std::size_t chunk = 16 * 1024;
  for (auto _ : state) {
    gpt_image::b64_json_stream_decoder decoder(body.size());
    bool ok = true;
    for (std::size_t at = 0; ok && at < body.size(); at += chunk)
      ok = decoder.feed(body.data() + at, std::min(chunk, body.size() - at)).has_value();
    auto images = decoder.finish();
    fail_if(state, !ok || !images);
    benchmark::DoNotOptimize(images);
  }
  set_counters(state, body);
}

void BM_base64_only(benchmark::State& state) {
  const std::string& body = body_for(static_cast<std::size_t>(state.range(0)));
  const std::string_view text = std::string_view(body).substr(
      bench::body_head.size(), body.size() - bench::body_head.size() - bench::body_tail.size());
  std::string out(gpt_image::base64_decoded_size_max(text.size()), '\0');
  for (auto _ : state) {
    auto written = gpt_image::base64_decode_into(text, out.data(), out.size());
    fail_if(state, !written);
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, body);
}

void sizes(benchmark::internal::Benchmark* b) {
  for (const auto& size : bench::payload_sizes) b->Arg(static_cast<std::int64_t>(size.image_bytes));
  b->Unit(benchmark::kMillisecond);
  b->ArgName("image_bytes");
}

}  // namespace

BENCHMARK(BM_dom_naive)->Apply(sizes);
BENCHMARK(BM_dom_only)->Apply(sizes);
BENCHMARK(BM_scan)->Apply(sizes);
BENCHMARK(BM_stream)->Apply(sizes);
BENCHMARK(BM_base64_only)->Apply(sizes);

BENCHMARK_MAIN();
