#pragma once
// An AudioStream of known size whose real stream is opened on the first read() and destroyed once it has
// delivered everything. RawImageCreator needs every track's stream up front but reads them one after another;
// with LazyStream only the track being written holds a decoder (and its decode-ahead thread), so memory stays
// constant for any number of tracks.
#include <functional>
#include <memory>

#include "core/formats/audio_stream.h"

namespace kiln::audio {

class LazyStream final : public formats::AudioStream {
 public:
  using Factory = std::function<std::unique_ptr<formats::AudioStream>()>;
  /// `size` must equal the opened stream's sizeBytes() (checked at open: E_FAIL if not).
  LazyStream(std::uint64_t size, Factory open) : size_(size), open_(std::move(open)) {}
  std::uint64_t sizeBytes() const override { return size_; }
  /// Throws the factory's / inner stream's kiln::Error; HRESULT_FROM_WIN32_ERROR_READ_FAULT if the inner stream
  /// ends early.
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  std::uint64_t size_;
  Factory open_;
  std::unique_ptr<formats::AudioStream> inner_;
  std::uint64_t delivered_ = 0;
};

}  // namespace kiln::audio
