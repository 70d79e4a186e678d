// SPDX-License-Identifier: MIT
#pragma once
// In-process HTTP(S) servers on 127.0.0.1 for the transport tests, started and stopped
// deterministically: the port comes from bind_to_any_port (no guessing, no collisions), start()
// returns once the accept loop runs, and the destructor opens the gate (releasing handlers that
// block on it) before it stops the server and joins its thread. Nothing here sleeps to
// synchronise.
//
// The server's threads run with SIGPIPE blocked (worker threads inherit the mask of the thread
// that starts them): a client that gives up mid-response must not kill the test process, and the
// test threads keep the default disposition so that the transport's own SIGPIPE handling is what
// gets tested.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace test_support {

// A one-shot gate: handlers wait() on it, the test (or the server's destructor) open()s it.
class gate {
 public:
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    cv_.notify_all();
  }
  // Waits until opened; gives up after `limit` so that a broken test cannot hang forever.
  bool wait(std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, limit, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  bool open_ = false;
};

// Counts events and lets a thread wait for the n-th one (e.g. "the request reached the handler").
class counter {
 public:
  void bump() {
    std::lock_guard<std::mutex> lock(mutex_);
    ++count_;
    cv_.notify_all();
  }
  int value() {
    std::lock_guard<std::mutex> lock(mutex_);
    return count_;
  }
  bool wait_for_at_least(int n, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
    std::unique_lock<std::mutex> lock(mutex_);
    return cv_.wait_for(lock, limit, [&] { return count_ >= n; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  int count_ = 0;
};

class loopback_server {
 public:
  loopback_server() : server_(std::make_unique<httplib::Server>()), scheme_("http") { tune(); }
  explicit loopback_server(std::unique_ptr<httplib::Server> server, std::string scheme)
      : server_(std::move(server)), scheme_(std::move(scheme)) {
    tune();
  }
  loopback_server(const loopback_server&) = delete;
  loopback_server& operator=(const loopback_server&) = delete;
  ~loopback_server() { stop(); }

  httplib::Server& server() { return *server_; }
  httplib::Server* operator->() { return server_.get(); }
  const std::shared_ptr<test_support::gate>& gate() const { return gate_; }

  // Register handlers first, then start.
  void start() {
    port_ = server_->bind_to_any_port("127.0.0.1");
    if (port_ <= 0) std::abort();
    thread_ = std::thread([this] {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGPIPE);
      pthread_sigmask(SIG_BLOCK, &set, nullptr);
      server_->listen_after_bind();
    });
    while (!server_->is_running()) std::this_thread::yield();
  }
  void stop() {
    gate_->open();
    if (thread_.joinable()) {
      server_->stop();
      thread_.join();
    }
  }

  int port() const { return port_; }
  std::string origin(const std::string& host = "127.0.0.1") const {
    return scheme_ + "://" + host + ":" + std::to_string(port_);
  }
  std::string url(const std::string& path, const std::string& host = "127.0.0.1") const {
    return origin(host) + path;
  }

 private:
  void tune() {
    // A real server answers small requests without waiting for Nagle; bounded keep-alive keeps
    // stop() quick even if a client connection lingers.
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_timeout(1);
  }
  std::unique_ptr<httplib::Server> server_;
  std::string scheme_;
  std::shared_ptr<test_support::gate> gate_ = std::make_shared<test_support::gate>();
  std::thread thread_;
  int port_ = 0;
};

// A TCP port on 127.0.0.1 that is bound but never listens: connecting to it is refused, for as
// long as this object lives (so no other process can grab the port meanwhile).
class refused_port {
 public:
  refused_port() {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      std::abort();
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
  }
  ~refused_port() { ::close(fd_); }
  refused_port(const refused_port&) = delete;
  refused_port& operator=(const refused_port&) = delete;
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

// A raw TCP listener whose every connection is handled by `on_accept(fd)` on a background thread
// (which must close the descriptor) — for misbehaviour an HTTP server library will not produce.
class raw_listener {
 public:
  template <class F>
  explicit raw_listener(F on_accept) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd_, 8) != 0)
      std::abort();
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this, on_accept] {
      sigset_t set;
      sigemptyset(&set);
      sigaddset(&set, SIGPIPE);
      pthread_sigmask(SIG_BLOCK, &set, nullptr);
      for (;;) {
        const int client = ::accept(fd_, nullptr, nullptr);
        if (client < 0) return;  // shut down
        if (stopping_) {
          ::close(client);
          return;
        }
        on_accept(client);
      }
    });
  }
  ~raw_listener() {
    stopping_ = true;
    ::shutdown(fd_, SHUT_RDWR);  // wakes accept()
    thread_.join();
    ::close(fd_);
  }
  raw_listener(const raw_listener&) = delete;
  raw_listener& operator=(const raw_listener&) = delete;
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace test_support
