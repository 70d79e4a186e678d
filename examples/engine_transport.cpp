// Plugging an engine's own HTTP stack into the client: any type with send() and download() is a
// transport. This one pretends to be an engine that answers from memory; a real one would call
// the engine's HTTP API (and must report failures with make_transport_error, saying whether the
// request may have been sent, so that the client never bills twice).
#define GPT_IMAGE_NO_HTTPLIB  // this program brings its own transport
#include <gpt_image/gpt_image.hpp>

#include <cstdio>

namespace gi = gpt_image;

struct engine_transport {
  gi::result<gi::http_response> send(const gi::http_request& request, const gi::call_context&) {
    std::printf("engine: %s %s\n", request.method.c_str(), request.url.c_str());
    gi::http_response response;
    response.status = 200;
    response.body =
        R"({"code":200,"msg":"success","data":{"balance":9800,"total_purchased":10000,"total_consumed":200}})";
    return response;
  }
  gi::result<gi::http_response> download(const gi::http_request& request,
                                         const gi::call_context& context, gi::body_sink sink) {
    auto response = send(request, context);
    if (!response) return response;
    if (!sink(response->body.data(), response->body.size()))
      return gi::make_transport_error(gi::errc::cancelled, gi::send_state::maybe_sent, "sink",
                                      "the sink stopped the download");
    response->body.clear();
    return response;
  }
};

int main() {
  gi::basic_client<engine_transport> client{gi::endpoint::aivideoapi("sk-example")};
  auto credits = client.credits();
  if (!credits) return 1;
  std::printf("balance: %.0f credits\n", credits->balance);
  return 0;
}
