#pragma once
// Test audio whose bytes are a function of (seed, offset), shared by the vdrive and integration suites: tracks
// written from different seeds are told apart and checked byte for byte without keeping copies.
#include <algorithm>
#include <cstdint>
#include <span>

#include "core/formats/audio_stream.h"

namespace kiln::test {

class SeedStream final : public kiln::formats::AudioStream {
 public:
  SeedStream(std::uint64_t size, std::uint8_t seed) : size_(size), seed_(seed) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t> out) override {
    const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(out.size(), size_ - pos_));
    for (std::size_t i = 0; i < n; ++i) out[i] = byteAt(pos_ + i, seed_);
    pos_ += n;
    return n;
  }
  /// The byte at offset `i` of the stream with `seed`.
  static std::uint8_t byteAt(std::uint64_t i, std::uint8_t seed) {
    return static_cast<std::uint8_t>((i * 13 + seed * 31 + (i >> 9)) & 0xFF);
  }

 private:
  std::uint64_t size_, pos_ = 0;
  std::uint8_t seed_;
};

}  // namespace kiln::test
