// A bounded pool of connections shared by the server's threads: each caller
// gets a connection of its own (a connection is never used by two threads at
// once), new ones are opened on demand up to `capacity`, and callers beyond
// that wait for one to come back.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "sql_connection.hpp"

namespace powerdesk::store {

class ConnectionPool {
 public:
  using Factory = std::function<std::unique_ptr<SqlConnection>()>;

  ConnectionPool(std::size_t capacity, Factory factory) : capacity_(capacity), factory_(std::move(factory)) {}
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A connection on loan; it goes back to the pool (or is discarded when
  // broken) when the lease ends.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (connection_) pool_->release(std::move(connection_));
    }
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  // Seeds the pool with a connection opened elsewhere (the one that ran the migrations).
  void adopt(std::unique_ptr<SqlConnection> connection) {
    std::lock_guard lock(mutex_);
    ++open_;
    idle_.push_back(std::move(connection));
    available_.notify_one();
  }

  Lease acquire() {
    std::unique_lock lock(mutex_);
    available_.wait(lock, [&] { return !idle_.empty() || open_ < capacity_; });
    if (!idle_.empty()) {
      std::unique_ptr<SqlConnection> connection = std::move(idle_.back());
      idle_.pop_back();
      lock.unlock();
      try {
        connection->ensure_usable();
      } catch (...) {
        forget(std::move(connection));
        throw;
      }
      return Lease(*this, std::move(connection));
    }
    ++open_;  // reserve the slot, then connect without holding the lock
    lock.unlock();
    try {
      return Lease(*this, factory_());
    } catch (...) {
      forget(nullptr);
      throw;
    }
  }

 private:
  void release(std::unique_ptr<SqlConnection> connection) {
    if (!connection->recycle()) {
      forget(std::move(connection));
      return;
    }
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
    available_.notify_one();
  }

  // Gives up a slot; the connection (if any) is closed outside the lock.
  void forget(std::unique_ptr<SqlConnection> connection) {
    {
      std::lock_guard lock(mutex_);
      --open_;
      available_.notify_one();
    }
    connection.reset();
  }

  const std::size_t capacity_;
  const Factory factory_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
  std::size_t open_ = 0;  // idle + on loan + being opened
};

}  // namespace powerdesk::store
