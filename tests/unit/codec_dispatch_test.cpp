// providers/codec.hpp: one entry point per operation, dispatching on a provider chosen at run time.
#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <string>

namespace gi = gpt_image;

TEST_CASE("dispatch: each provider's encoder and decoder") {
  gi::image_request request;
  request.prompt = "a cat";
  auto openai = gi::encode_create(gi::provider::openai, request);
  auto toapis = gi::encode_create(gi::provider::toapis, request);
  auto aivideoapi = gi::encode_create(gi::provider::aivideoapi, request);
  REQUIRE(openai.has_value());
  REQUIRE(toapis.has_value());
  REQUIRE(aivideoapi.has_value());
  CHECK(openai->url == "https://api.openai.com/v1/images/generations");
  CHECK(toapis->url == "https://toapis.com/v1/images/generations");
  CHECK(aivideoapi->url == "https://api.aivideoapi.ai/v1/images/generations");
  CHECK(aivideoapi->body == R"({"input":{"prompt":"a cat"},"model":"gpt-image-2"})");

  auto status = gi::encode_status(gi::provider::toapis, "t1");
  REQUIRE(status.has_value());
  CHECK(status->url == "https://toapis.com/v1/images/generations/t1");
  auto task_status = gi::encode_status(gi::provider::aivideoapi, "t1");
  REQUIRE(task_status.has_value());
  CHECK(task_status->url == "https://api.aivideoapi.ai/v1/tasks/t1");

  auto queued =
      gi::decode_create(gi::provider::toapis, {200, {}, R"({"id":"t1","status":"queued"})"});
  REQUIRE(queued.has_value());
  CHECK(queued->state == gi::task_state::queued);
  auto done = gi::decode_status(
      gi::provider::aivideoapi,
      {200, {}, R"({"id":"t1","status":"completed","output":{"urls":["https://f/x.png"]}})"});
  REQUIRE(done.has_value());
  CHECK(done->outputs.at(0).url == "https://f/x.png");
  auto images = gi::decode_create(gi::provider::openai,
                                  {200, {}, R"({"created":1,"data":[{"b64_json":"QUJD"}]})"});
  REQUIRE(images.has_value());
  CHECK(images->state == gi::task_state::completed);
}

TEST_CASE("dispatch: operations a provider does not have are errc::unsupported") {
  auto status = gi::encode_status(gi::provider::openai, "x");
  REQUIRE_FALSE(status.has_value());
  CHECK(status.error().code == gi::errc::unsupported);
  CHECK(status.error().message ==
        "openai has no task status; its create response already holds the images");

  auto upload = gi::encode_upload(gi::provider::aivideoapi, gi::reference_image::from_bytes("x"));
  REQUIRE_FALSE(upload.has_value());
  CHECK(upload.error().code == gi::errc::unsupported);

  CHECK(gi::encode_upload(gi::provider::toapis, gi::reference_image::from_bytes("x")).has_value());
  CHECK_FALSE(gi::encode_credits(gi::provider::toapis).has_value());
  CHECK(gi::encode_credits(gi::provider::aivideoapi).has_value());
  CHECK(gi::decode_credits(gi::provider::openai, {200, {}, "{}"}).error().code ==
        gi::errc::unsupported);
  CHECK(gi::decode_upload(gi::provider::aivideoapi, {200, {}, "{}"}).error().code ==
        gi::errc::unsupported);
  CHECK(gi::decode_status(gi::provider::openai, {200, {}, "{}"}).error().code ==
        gi::errc::unsupported);
}

TEST_CASE("dispatch: base URLs and synchrony") {
  CHECK(gi::default_base_url(gi::provider::openai) == "https://api.openai.com");
  CHECK(gi::default_base_url(gi::provider::toapis) == "https://toapis.com");
  CHECK(gi::default_base_url(gi::provider::aivideoapi) == "https://api.aivideoapi.ai");
  CHECK_FALSE(gi::is_asynchronous(gi::provider::openai));
  CHECK(gi::is_asynchronous(gi::provider::toapis));
  CHECK(gi::is_asynchronous(gi::provider::aivideoapi));
}
