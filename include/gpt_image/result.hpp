// SPDX-License-Identifier: MIT
#pragma once
// `result<T>`: a value or an `error`, in the spirit of std::expected (C++23), usable with
// -fno-exceptions. Every fallible call of the library returns one. `.value()` on an error throws
// `bad_result_access` where exceptions exist and aborts where they do not; `*` and `->` are
// unchecked, as with std::optional.

#include <gpt_image/error.hpp>
#include <gpt_image/version.hpp>

#include <cstdlib>
#include <exception>
#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

GPT_IMAGE_BEGIN_NAMESPACE

#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
class bad_result_access : public std::exception {
 public:
  explicit bad_result_access(gpt_image::error e) : error_(std::move(e)) {}
  const char* what() const noexcept override { return error_.message.c_str(); }
  const gpt_image::error& error() const noexcept { return error_; }

 private:
  gpt_image::error error_;
};
#endif

namespace detail {
[[noreturn]] inline void throw_bad_result_access(const error& e) {
#if defined(__cpp_exceptions) || defined(__EXCEPTIONS)
  throw bad_result_access(e);
#else
  (void)e;
  std::abort();
#endif
}
}  // namespace detail

template <class T>
class result;

namespace detail {
template <class R>
struct is_result : std::false_type {};
template <class U>
struct is_result<result<U>> : std::true_type {};
}  // namespace detail

template <>
class [[nodiscard]] result<void> {
 public:
  using value_type = void;

  result() = default;
  result(const gpt_image::error& e) : error_(e) {}  // NOLINT: implicit by design
  result(gpt_image::error&& e) : error_(std::move(e)) {}

  bool has_value() const noexcept { return !error_.has_value(); }
  explicit operator bool() const noexcept { return has_value(); }
  void value() const {
    if (!has_value()) detail::throw_bad_result_access(*error_);
  }
  // Precondition: !has_value().
  const gpt_image::error& error() const& { return *error_; }
  gpt_image::error& error() & { return *error_; }
  gpt_image::error&& error() && { return std::move(*error_); }

  template <class F>
  auto and_then(F&& f) const {
    using R = std::decay_t<std::invoke_result_t<F>>;
    static_assert(detail::is_result<R>::value,
                  "gpt_image::result::and_then: the function must return a gpt_image::result");
    if (!has_value()) return R(*error_);
    return std::forward<F>(f)();
  }
  template <class F>
  auto transform(F&& f) const {
    using U = std::decay_t<std::invoke_result_t<F>>;
    if (!has_value()) return result<U>(*error_);
    if constexpr (std::is_void_v<U>) {
      std::forward<F>(f)();
      return result<void>();
    } else {
      return result<U>(std::forward<F>(f)());
    }
  }

 private:
  std::optional<gpt_image::error> error_;
};

template <class T>
class [[nodiscard]] result {
  static_assert(!std::is_reference_v<T>, "gpt_image::result<T>: T must not be a reference");
  static_assert(!std::is_same_v<std::decay_t<T>, gpt_image::error>,
                "gpt_image::result<T>: T must not be gpt_image::error");

 public:
  using value_type = T;

  template <class U = T, std::enable_if_t<std::is_default_constructible_v<U>, int> = 0>
  result() : storage_(std::in_place_index<0>) {}
  result(const T& v) : storage_(std::in_place_index<0>, v) {}  // NOLINT: implicit by design
  result(T&& v) : storage_(std::in_place_index<0>, std::move(v)) {}
  result(const gpt_image::error& e) : storage_(std::in_place_index<1>, e) {}  // NOLINT
  result(gpt_image::error&& e) : storage_(std::in_place_index<1>, std::move(e)) {}

  bool has_value() const noexcept { return storage_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & {
    if (!has_value()) detail::throw_bad_result_access(error());
    return *std::get_if<0>(&storage_);
  }
  const T& value() const& {
    if (!has_value()) detail::throw_bad_result_access(error());
    return *std::get_if<0>(&storage_);
  }
  T&& value() && { return std::move(value()); }

  // Precondition: !has_value().
  const gpt_image::error& error() const& { return *std::get_if<1>(&storage_); }
  gpt_image::error& error() & { return *std::get_if<1>(&storage_); }
  gpt_image::error&& error() && { return std::move(*std::get_if<1>(&storage_)); }

  // Precondition: has_value().
  T& operator*() & { return *std::get_if<0>(&storage_); }
  const T& operator*() const& { return *std::get_if<0>(&storage_); }
  T&& operator*() && { return std::move(*std::get_if<0>(&storage_)); }
  T* operator->() { return std::get_if<0>(&storage_); }
  const T* operator->() const { return std::get_if<0>(&storage_); }

  template <class U>
  T value_or(U&& fallback) const& {
    return has_value() ? **this : static_cast<T>(std::forward<U>(fallback));
  }
  template <class U>
  T value_or(U&& fallback) && {
    return has_value() ? std::move(**this) : static_cast<T>(std::forward<U>(fallback));
  }

  // f(T) -> result<U>; an error passes through untouched.
  template <class F>
  auto and_then(F&& f) const& {
    using R = std::decay_t<std::invoke_result_t<F, const T&>>;
    static_assert(detail::is_result<R>::value,
                  "gpt_image::result::and_then: the function must return a gpt_image::result");
    if (!has_value()) return R(error());
    return std::forward<F>(f)(**this);
  }
  template <class F>
  auto and_then(F&& f) && {
    using R = std::decay_t<std::invoke_result_t<F, T&&>>;
    static_assert(detail::is_result<R>::value,
                  "gpt_image::result::and_then: the function must return a gpt_image::result");
    if (!has_value()) return R(std::move(*this).error());
    return std::forward<F>(f)(std::move(**this));
  }

  // f(T) -> U; wraps the return value in result<U> (result<void> for a void function).
  template <class F>
  auto transform(F&& f) const& {
    using U = std::decay_t<std::invoke_result_t<F, const T&>>;
    if (!has_value()) return result<U>(error());
    if constexpr (std::is_void_v<U>) {
      std::forward<F>(f)(**this);
      return result<void>();
    } else {
      return result<U>(std::forward<F>(f)(**this));
    }
  }
  template <class F>
  auto transform(F&& f) && {
    using U = std::decay_t<std::invoke_result_t<F, T&&>>;
    if (!has_value()) return result<U>(std::move(*this).error());
    if constexpr (std::is_void_v<U>) {
      std::forward<F>(f)(std::move(**this));
      return result<void>();
    } else {
      return result<U>(std::forward<F>(f)(std::move(**this)));
    }
  }

 private:
  std::variant<T, gpt_image::error> storage_;
};

GPT_IMAGE_END_NAMESPACE
