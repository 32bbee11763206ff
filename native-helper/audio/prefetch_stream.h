#pragma once
// Decode-ahead: runs another AudioStream's read() on a worker thread into a bounded queue of chunks, so decoding
// overlaps the writer's WRITE commands. Memory is bounded by depth × chunkBytes whatever the track length.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

#include "core/formats/audio_stream.h"

namespace kiln::audio {

class PrefetchStream final : public formats::AudioStream {
 public:
  static constexpr std::size_t kDefaultChunkBytes = 588 * 4 * 256;  ///< 256 CD sectors ≈ 602 KB
  static constexpr std::size_t kDefaultDepth = 6;

  /// Starts decoding `inner` at once on a worker thread. `chunkBytes` > 0, `depth` ≥ 1.
  explicit PrefetchStream(std::unique_ptr<formats::AudioStream> inner, std::size_t chunkBytes = kDefaultChunkBytes,
                          std::size_t depth = kDefaultDepth);
  /// Stops and joins the worker (discarding what it decoded).
  ~PrefetchStream() override;
  PrefetchStream(const PrefetchStream&) = delete;
  PrefetchStream& operator=(const PrefetchStream&) = delete;

  std::uint64_t sizeBytes() const override { return size_; }
  /// Blocks until data is available. Rethrows (as is) any kiln::Error the inner stream threw.
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  void run();

  std::unique_ptr<formats::AudioStream> inner_;
  const std::uint64_t size_;
  const std::size_t chunkBytes_, depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<std::uint8_t>> queue_;
  std::vector<std::uint8_t> current_;
  std::size_t currentPos_ = 0;
  bool done_ = false, stop_ = false;
  std::exception_ptr error_;
  std::thread worker_;
};

}  // namespace kiln::audio
