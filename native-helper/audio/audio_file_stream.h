#pragma once
// An audio file as a formats::AudioStream: decoded, mapped to stereo, resampled to 44.1 kHz when needed and
// converted to 16-bit little-endian, in fixed chunks (memory does not grow with the track length).
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/formats/audio_stream.h"
#include "native-helper/audio/resampler.h"
#include "native-helper/audio/sndfile_decoder.h"

namespace kiln::audio {

/// One input track. sizeBytes() is exact before the first read: round(srcFrames × 44100 / srcRate) × 4 bytes;
/// the decoder/resampler output is padded with silence or trimmed to exactly that length.
/// Channels: 1 (duplicated to both sides) or 2. More channels are rejected (no downmix: a correct downmix needs
/// the file's channel layout and levels, which is the user's decision).
class AudioFileStream final : public formats::AudioStream {
 public:
  /// Decoding chunk, frames at the source rate.
  static constexpr std::size_t kChunkFrames = 16384;

  /// Opens `path` read-only. Throws like SndfileDecoder; more than 2 channels →
  /// E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED.
  explicit AudioFileStream(const std::string& path);

  const AudioFileInfo& info() const { return decoder_.info(); }
  /// Frames the stream delivers (44.1 kHz).
  std::uint64_t cdFrames() const { return cdFrames_; }
  std::uint64_t sizeBytes() const override { return cdFrames_ * 4; }
  /// Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_READ_FAULT) on a decode error.
  std::size_t read(std::span<std::uint8_t> out) override;

 private:
  /// Refills pcm_ with the next chunk of 16-bit stereo (possibly empty only when the stream is complete).
  void produceChunk();
  /// Next frames of 44.1 kHz stereo float into stereo_; returns frame count (0 = decoder and resampler done).
  std::size_t nextStereoFrames();

  SndfileDecoder decoder_;
  std::unique_ptr<Resampler> resampler_;
  std::uint64_t cdFrames_ = 0;
  std::uint64_t framesOut_ = 0;   ///< frames already placed in pcm_ (delivered or pending)
  bool sourceDone_ = false;
  bool flushed_ = false;
  std::vector<float> decoded_, stereo_, resampled_;
  std::vector<std::uint8_t> pcm_;
  std::size_t pcmPos_ = 0;
};

}  // namespace kiln::audio
