#include <doctest/doctest.h>
#include <gpt_image/gpt_image.hpp>

#include <memory>
#include <string>

namespace gi = gpt_image;

namespace {
gi::result<int> parse_digit(char c) {
  if (c < '0' || c > '9') return gi::error{gi::errc::validation_failed, "not a digit"};
  return c - '0';
}
}  // namespace

TEST_CASE("result<T> holds a value") {
  gi::result<int> r = parse_digit('7');
  CHECK(r.has_value());
  CHECK(static_cast<bool>(r));
  CHECK(r.value() == 7);
  CHECK(*r == 7);
  CHECK(r.value_or(-1) == 7);
}

TEST_CASE("result<T> holds an error") {
  gi::result<int> r = parse_digit('x');
  CHECK_FALSE(r.has_value());
  CHECK_FALSE(static_cast<bool>(r));
  CHECK(r.error().code == gi::errc::validation_failed);
  CHECK(r.error().message == "not a digit");
  CHECK(r.value_or(-1) == -1);
}

TEST_CASE("result<T>::operator-> reaches members") {
  gi::result<std::string> r = std::string("abc");
  CHECK(r->size() == 3);
}

TEST_CASE("and_then chains and short-circuits on error") {
  auto twice = [](int v) -> gi::result<int> { return v * 2; };
  CHECK(parse_digit('4').and_then(twice).value() == 8);
  auto failed = parse_digit('?').and_then(twice);
  REQUIRE_FALSE(failed);
  CHECK(failed.error().message == "not a digit");

  bool called = false;
  auto never = [&called](int) -> gi::result<int> {
    called = true;
    return 0;
  };
  (void)parse_digit('?').and_then(never);
  CHECK_FALSE(called);
}

TEST_CASE("transform maps the value, keeps the error, and maps to void") {
  CHECK(parse_digit('3').transform([](int v) { return std::to_string(v); }).value() == "3");
  auto failed = parse_digit('a').transform([](int v) { return v + 1; });
  CHECK(failed.error().code == gi::errc::validation_failed);
  int seen = 0;
  gi::result<void> done = parse_digit('5').transform([&seen](int v) { seen = v; });
  CHECK(done.has_value());
  CHECK(seen == 5);
}

TEST_CASE("result works with move-only values") {
  gi::result<std::unique_ptr<int>> r = std::make_unique<int>(42);
  REQUIRE(r);
  std::unique_ptr<int> owned = std::move(r).value();
  CHECK(*owned == 42);
  auto mapped = gi::result<std::unique_ptr<int>>(std::make_unique<int>(1))
                    .transform([](std::unique_ptr<int> p) { return *p + 1; });
  CHECK(mapped.value() == 2);
}

TEST_CASE("result<void>") {
  gi::result<void> ok;
  CHECK(ok.has_value());
  gi::result<void> bad = gi::error{gi::errc::io_error, "disk full"};
  CHECK_FALSE(bad);
  CHECK(bad.error().code == gi::errc::io_error);
  CHECK(ok.and_then([]() -> gi::result<int> { return 9; }).value() == 9);
  CHECK(bad.and_then([]() -> gi::result<int> { return 9; }).error().message == "disk full");
  CHECK(ok.transform([] { return 1; }).value() == 1);
}

TEST_CASE("error carries the wire facts") {
  gi::error e{gi::errc::rate_limit_exceeded, 429, "rate_limit_exceeded", "slow down"};
  e.retry_after = std::chrono::seconds(2);
  e.request_id = "task_img_abc123def456";
  gi::result<int> r = e;
  CHECK(r.error().http_status == 429);
  CHECK(r.error().wire_code == "rate_limit_exceeded");
  REQUIRE(r.error().retry_after.has_value());
  CHECK(r.error().retry_after->count() == 2000);
  CHECK(r.error().request_id == "task_img_abc123def456");
  CHECK(r.error() == e);
  gi::error other = e;
  other.message = "different";
  CHECK(r.error() != other);
}

#if defined(__cpp_exceptions)
TEST_CASE("value() on an error throws bad_result_access carrying the error") {
  gi::result<int> r = parse_digit('x');
  CHECK_THROWS_AS((void)r.value(), gi::bad_result_access);
  try {
    (void)r.value();
  } catch (const gi::bad_result_access& e) {
    CHECK(std::string(e.what()) == "not a digit");
    CHECK(e.error().code == gi::errc::validation_failed);
  }
  gi::result<void> v = gi::error{gi::errc::timeout, "too slow"};
  CHECK_THROWS_AS(v.value(), gi::bad_result_access);
}
#endif

TEST_CASE("version macros and the version object agree") {
  CHECK(gi::version.major == GPT_IMAGE_VERSION_MAJOR);
  CHECK(gi::version.minor == GPT_IMAGE_VERSION_MINOR);
  CHECK(gi::version.patch == GPT_IMAGE_VERSION_PATCH);
  CHECK(std::string(gi::version.string) == std::to_string(GPT_IMAGE_VERSION_MAJOR) + "." +
                                               std::to_string(GPT_IMAGE_VERSION_MINOR) + "." +
                                               std::to_string(GPT_IMAGE_VERSION_PATCH));
}
