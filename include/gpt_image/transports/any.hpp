// SPDX-License-Identifier: MIT
#pragma once
// `any_transport`: any transport behind one type, for choosing it at run time (a config file says
// "use the engine's HTTP stack" or "use cpp-httplib"; a test swaps in fake_transport). One virtual
// call per operation; move-only. Holds the transport by value, or refers to one the caller keeps
// alive with any_transport::ref(t). Needs no RTTI: target<T>() compares a per-type tag.
//
//   gpt_image::any_transport t = use_engine ? gpt_image::any_transport(engine_transport{})
//                                           :
//                                           gpt_image::any_transport(gpt_image::httplib_transport{});
//   gpt_image::basic_client<gpt_image::any_transport> client{endpoint, std::move(t)};

#include <gpt_image/http.hpp>
#include <gpt_image/result.hpp>
#include <gpt_image/transport.hpp>
#include <gpt_image/version.hpp>

#include <memory>
#include <type_traits>
#include <utility>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
template <class T>
inline constexpr char transport_type_tag = 0;  // its address identifies T
}  // namespace detail

class any_transport {
 public:
  template <class T, std::enable_if_t<!std::is_same_v<std::decay_t<T>, any_transport> &&
                                          is_transport<std::decay_t<T>>::value,
                                      int> = 0>
  any_transport(T&& transport)  // NOLINT: implicit by design, like std::function
      : impl_(std::make_unique<owning<std::decay_t<T>>>(std::forward<T>(transport))) {}

  // Refers to `transport` without owning it; it must outlive the any_transport.
  template <class T>
  static any_transport ref(T& transport) {
    GPT_IMAGE_ASSERT_TRANSPORT(T);
    return any_transport(std::make_unique<referring<T>>(transport));
  }

  any_transport(any_transport&&) noexcept = default;
  any_transport& operator=(any_transport&&) noexcept = default;
  any_transport(const any_transport&) = delete;
  any_transport& operator=(const any_transport&) = delete;
  ~any_transport() = default;

  result<http_response> send(const http_request& request, const call_context& context) {
    return impl_->send(request, context);
  }
  result<http_response> download(const http_request& request, const call_context& context,
                                 body_sink sink) {
    return impl_->download(request, context, sink);
  }

  // The wrapped transport when it is a T, else nullptr.
  template <class T>
  T* target() noexcept {
    return impl_->tag() == &detail::transport_type_tag<T> ? static_cast<T*>(impl_->get()) : nullptr;
  }
  template <class T>
  const T* target() const noexcept {
    return impl_->tag() == &detail::transport_type_tag<T> ? static_cast<const T*>(impl_->get())
                                                          : nullptr;
  }

 private:
  struct base {
    virtual ~base() = default;
    virtual result<http_response> send(const http_request&, const call_context&) = 0;
    virtual result<http_response> download(const http_request&, const call_context&, body_sink) = 0;
    virtual const void* tag() const noexcept = 0;
    virtual void* get() noexcept = 0;
  };
  template <class T>
  struct owning final : base {
    template <class U>
    explicit owning(U&& t) : transport(std::forward<U>(t)) {}
    result<http_response> send(const http_request& r, const call_context& c) override {
      return transport.send(r, c);
    }
    result<http_response> download(const http_request& r, const call_context& c,
                                   body_sink s) override {
      return transport.download(r, c, s);
    }
    const void* tag() const noexcept override { return &detail::transport_type_tag<T>; }
    void* get() noexcept override { return std::addressof(transport); }
    T transport;
  };
  template <class T>
  struct referring final : base {
    explicit referring(T& t) : transport(&t) {}
    result<http_response> send(const http_request& r, const call_context& c) override {
      return transport->send(r, c);
    }
    result<http_response> download(const http_request& r, const call_context& c,
                                   body_sink s) override {
      return transport->download(r, c, s);
    }
    const void* tag() const noexcept override { return &detail::transport_type_tag<T>; }
    void* get() noexcept override { return transport; }
    T* transport;
  };

  explicit any_transport(std::unique_ptr<base> impl) : impl_(std::move(impl)) {}

  std::unique_ptr<base> impl_;
};

GPT_IMAGE_END_NAMESPACE
