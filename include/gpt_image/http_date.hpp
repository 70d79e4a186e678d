// SPDX-License-Identifier: MIT
#pragma once
// HTTP-date (RFC 9110 §5.6.7), as a Retry-After header may carry it instead of a number of
// seconds: "Sun, 06 Nov 1994 08:49:37 GMT". Only the preferred IMF-fixdate form is accepted; the
// obsolete RFC 850 and asctime forms are not sent by the providers this library speaks to.

#include <gpt_image/version.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr std::optional<unsigned> http_date_digits(std::string_view text, std::size_t at,
                                                   std::size_t count) noexcept {
  if (at + count > text.size()) return std::nullopt;
  unsigned value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<unsigned>(text[i] - '0');
  }
  return value;
}
}  // namespace detail

// Seconds since the Unix epoch of an IMF-fixdate, or nullopt when `text` is not one.
constexpr std::optional<std::int64_t> parse_http_date(std::string_view text) noexcept {
  // "Sun, 06 Nov 1994 08:49:37 GMT": 29 characters at fixed positions.
  if (text.size() != 29 || text[3] != ',' || text[4] != ' ' || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT")
    return std::nullopt;
  constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  const std::string_view month_name = text.substr(8, 3);
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (months.substr(i * 3, 3) == month_name) month = i + 1;
  const auto day = detail::http_date_digits(text, 5, 2);
  const auto year = detail::http_date_digits(text, 12, 4);
  const auto hour = detail::http_date_digits(text, 17, 2);
  const auto minute = detail::http_date_digits(text, 20, 2);
  const auto second = detail::http_date_digits(text, 23, 2);
  if (month == 0 || !day || !year || !hour || !minute || !second || *day < 1 || *day > 31 ||
      *hour > 23 || *minute > 59 || *second > 60)
    return std::nullopt;
  return detail::days_from_civil(*year, month, *day) * 86400 + *hour * 3600 + *minute * 60 +
         *second;
}

namespace detail {
inline std::string_view trim_http_space(std::string_view value) noexcept {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return value;
}
inline constexpr std::int64_t retry_after_limit_seconds = 7 * 86400;  // more is not a retry
}  // namespace detail

// A Retry-After in its delay-seconds form ("120"). Needs no clock, so codecs use it.
inline std::optional<std::chrono::milliseconds> parse_retry_after_seconds(std::string_view value) {
  value = detail::trim_http_space(value);
  if (value.empty() || value.size() > 9 || value.find_first_not_of("0123456789") != value.npos)
    return std::nullopt;
  std::int64_t seconds = 0;
  for (char c : value) seconds = seconds * 10 + (c - '0');
  if (seconds > detail::retry_after_limit_seconds) return std::nullopt;
  return std::chrono::milliseconds(seconds * 1000);
}

// The delay a Retry-After value asks for, measured from `now`: a number of seconds, or an
// HTTP-date (a date in the past means "now"). nullopt when the value is neither, or is absurd
// (more than a week).
inline std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  if (auto seconds = parse_retry_after_seconds(value)) return seconds;
  const auto date = parse_http_date(detail::trim_http_space(value));
  if (!date) return std::nullopt;
  const auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch());
  const std::int64_t delta_ms = *date * 1000 - now_ms.count();
  if (delta_ms > detail::retry_after_limit_seconds * 1000) return std::nullopt;
  return std::chrono::milliseconds(delta_ms > 0 ? delta_ms : 0);
}

GPT_IMAGE_END_NAMESPACE
