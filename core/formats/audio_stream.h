#pragma once
// The audio source a writer consumes: the IStream that IMAPI's AddAudioTrack takes, reduced to what a burner
// needs. Format: 44.1 kHz, 16-bit signed little-endian, interleaved stereo (left, right) — WAV PCM without header.
#include <cstddef>
#include <cstdint>
#include <span>

namespace kiln::formats {

class AudioStream {
 public:
  virtual ~AudioStream() = default;
  /// Exact number of bytes the stream will deliver (IStream::Stat cbSize). Writers check it before writing:
  /// not a multiple of 4 → E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED; too large → E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE.
  virtual std::uint64_t sizeBytes() const = 0;
  /// Fills up to out.size() bytes; returns the count, 0 only at the end. Throws kiln::Error on a read/decode
  /// failure (the writer stops and reports it). Must deliver exactly sizeBytes() in total.
  virtual std::size_t read(std::span<std::uint8_t> out) = 0;
};

/// A stream over bytes already in memory (tests, small inputs). Does not own the bytes.
class MemoryAudioStream final : public AudioStream {
 public:
  explicit MemoryAudioStream(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}
  std::uint64_t sizeBytes() const override { return bytes_.size(); }
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
};

}  // namespace kiln::formats
