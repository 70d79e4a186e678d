// Decodes one 4K-sized ImagesResponse (24 MiB image, 33.5 MB body) by one path and reports the
// process' peak resident memory, for tests/benchmarks/peak_memory.sh:
//
//   b64_peak dom     the body in memory, nlohmann DOM + string copy + naive decode (baseline)
//   b64_peak scan    the body in memory, gpt_image::decode_b64_json
//   b64_peak stream  the body generated piece by piece as if from the network (16 KiB pieces,
//                    never held whole) into gpt_image::b64_json_stream_decoder
//
// Output: one line, "mode=… peak_kib=… baseline_kib=… body_bytes=… image_bytes=…".
#include <gpt_image/b64_json.hpp>

#include "b64_payload.hpp"

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {
long peak_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}
}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: b64_peak dom|scan|stream [image_MiB, default 24]\n");
    return 2;
  }
  const std::string mode = argv[1];
  const std::size_t image_bytes =
      (argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 24) * bench::mib;
  const long baseline = peak_kib();
  std::size_t body_bytes = 0;
  std::size_t decoded = 0;

  if (mode == "dom" || mode == "scan") {
    const std::string body = bench::make_body(image_bytes);
    body_bytes = body.size();
    if (mode == "dom") {
      decoded = bench::dom_naive_decode(body);
    } else {
      auto images = gpt_image::decode_b64_json(body);
      if (!images) {
        std::fprintf(stderr, "%s\n", images.error().message.c_str());
        return 1;
      }
      decoded = images->images.at(0).size();
    }
  } else if (mode == "stream") {
    const std::size_t expected = bench::body_head.size() +
                                 gpt_image::base64_encoded_size(image_bytes) +
                                 bench::body_tail.size();
    gpt_image::b64_json_stream_decoder decoder(expected);
    bool ok = true;
    bench::generate_body(image_bytes, 16 * 1024, [&](const char* data, std::size_t n) {
      body_bytes += n;
      if (ok && !decoder.feed(data, n)) ok = false;
    });
    auto images = decoder.finish();
    if (!ok || !images) {
      std::fprintf(stderr, "stream decode failed\n");
      return 1;
    }
    decoded = images->images.at(0).size();
  } else {
    std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
    return 2;
  }
  if (decoded != image_bytes) {
    std::fprintf(stderr, "decoded %zu bytes, expected %zu\n", decoded, image_bytes);
    return 1;
  }
  std::printf("mode=%s peak_kib=%ld baseline_kib=%ld body_bytes=%zu image_bytes=%zu\n",
              mode.c_str(), peak_kib(), baseline, body_bytes, image_bytes);
  return 0;
}
