#include "native-helper/audio/prefetch_stream.h"

#include <algorithm>
#include <cstring>

namespace kiln::audio {

PrefetchStream::PrefetchStream(std::unique_ptr<formats::AudioStream> inner, std::size_t chunkBytes, std::size_t depth)
    : inner_(std::move(inner)), size_(inner_->sizeBytes()), chunkBytes_(chunkBytes), depth_(depth) {
  worker_ = std::thread([this] { run(); });
}

PrefetchStream::~PrefetchStream() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  worker_.join();
}

void PrefetchStream::run() {
  try {
    for (;;) {
      std::vector<std::uint8_t> chunk(chunkBytes_);
      std::size_t filled = 0;
      while (filled < chunk.size()) {
        const std::size_t n = inner_->read(std::span<std::uint8_t>(chunk).subspan(filled));
        if (n == 0) break;
        filled += n;
      }
      chunk.resize(filled);
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return stop_ || queue_.size() < depth_; });
      if (stop_) return;
      if (filled) queue_.push_back(std::move(chunk));
      if (filled < chunkBytes_) {
        done_ = true;
        changed_.notify_all();
        return;
      }
      changed_.notify_all();
    }
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    error_ = std::current_exception();
    done_ = true;
    changed_.notify_all();
  }
}

std::size_t PrefetchStream::read(std::span<std::uint8_t> out) {
  std::size_t copied = 0;
  while (copied < out.size()) {
    if (currentPos_ == current_.size()) {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || done_; });
      if (queue_.empty()) {
        if (error_ && copied == 0) std::rethrow_exception(error_);
        break;
      }
      current_ = std::move(queue_.front());
      queue_.pop_front();
      currentPos_ = 0;
      lock.unlock();
      changed_.notify_all();
    }
    const std::size_t n = std::min(out.size() - copied, current_.size() - currentPos_);
    std::memcpy(out.data() + copied, current_.data() + currentPos_, n);
    copied += n;
    currentPos_ += n;
  }
  return copied;
}

}  // namespace kiln::audio
