// SPDX-License-Identifier: MIT
#pragma once
// Cooperative cancellation, in the spirit of std::stop_source / std::stop_token (C++20) but
// available in C++17: a `cancel_source` owns the decision, any number of `cancel_token` copies
// observe it, and a `cancel_callback` runs code at the moment of cancellation — which is how a
// transport interrupts a read that is blocked in the kernel instead of waiting for it to time out.
//
// Thread safety: every member of all three types may be called from any thread. `cancel()` runs
// the registered callbacks on the cancelling thread, in registration order; a callback must be
// short and must not block (the transports only shut a socket down).

#include <gpt_image/version.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

GPT_IMAGE_BEGIN_NAMESPACE

namespace detail {
struct cancel_state {
  std::atomic<bool> cancelled{false};
  std::mutex mutex;  // guards `callbacks` and `next_id`; held while callbacks run
  std::vector<std::pair<std::uint64_t, std::function<void()>>> callbacks;
  std::uint64_t next_id = 1;
};
}  // namespace detail

// Observes a cancel_source. A default-constructed token is never cancelled.
class cancel_token {
 public:
  cancel_token() = default;

  bool is_cancelled() const noexcept {
    return state_ != nullptr && state_->cancelled.load(std::memory_order_acquire);
  }
  // False for a default-constructed token: nothing can ever cancel it.
  bool can_be_cancelled() const noexcept { return state_ != nullptr; }

 private:
  friend class cancel_source;
  friend class cancel_callback;
  explicit cancel_token(std::shared_ptr<detail::cancel_state> s) : state_(std::move(s)) {}
  std::shared_ptr<detail::cancel_state> state_;
};

// Owns the decision to cancel. Copies share the same state.
class cancel_source {
 public:
  cancel_source() : state_(std::make_shared<detail::cancel_state>()) {}

  cancel_token token() const noexcept { return cancel_token(state_); }
  bool is_cancelled() const noexcept { return state_->cancelled.load(std::memory_order_acquire); }

  // Requests cancellation and runs the registered callbacks. Returns true for the call that
  // actually cancelled, false when the source was already cancelled.
  bool cancel() {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (state_->cancelled.exchange(true, std::memory_order_acq_rel)) return false;
    // Run under the lock: a cancel_callback being destroyed on another thread waits here, so a
    // callback never runs after its registration has gone away.
    auto callbacks = std::move(state_->callbacks);
    state_->callbacks.clear();
    for (auto& entry : callbacks) entry.second();
    return true;
  }

 private:
  std::shared_ptr<detail::cancel_state> state_;
};

// Runs `f` once when the token is cancelled — immediately, on the constructing thread, if it
// already is. Deregisters on destruction; the destructor waits while `f` is running on another
// thread, so `f` may safely refer to objects that outlive the cancel_callback. `f` must not
// destroy its own cancel_callback.
class cancel_callback {
 public:
  template <class F>
  cancel_callback(const cancel_token& token, F&& f) : state_(token.state_) {
    if (!state_) return;
    std::unique_lock<std::mutex> lock(state_->mutex);
    if (state_->cancelled.load(std::memory_order_acquire)) {
      lock.unlock();
      std::forward<F>(f)();
      state_.reset();
      return;
    }
    id_ = state_->next_id++;
    state_->callbacks.emplace_back(id_, std::function<void()>(std::forward<F>(f)));
  }
  cancel_callback(const cancel_callback&) = delete;
  cancel_callback& operator=(const cancel_callback&) = delete;
  ~cancel_callback() {
    if (!state_) return;
    std::lock_guard<std::mutex> lock(state_->mutex);
    auto& callbacks = state_->callbacks;
    for (auto it = callbacks.begin(); it != callbacks.end(); ++it) {
      if (it->first == id_) {
        callbacks.erase(it);
        break;
      }
    }
  }

 private:
  std::shared_ptr<detail::cancel_state> state_;
  std::uint64_t id_ = 0;
};

GPT_IMAGE_END_NAMESPACE
