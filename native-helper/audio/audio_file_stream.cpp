#include "native-helper/audio/audio_file_stream.h"

#include <algorithm>
#include <cstring>

#include "core/imapi/error.h"
#include "native-helper/audio/pcm.h"

namespace kiln::audio {

AudioFileStream::AudioFileStream(const std::string& path) : decoder_(path) {
  const AudioFileInfo& in = decoder_.info();
  if (in.channels > 2)
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED,
                path + ": " + std::to_string(in.channels) + " channels; only mono and stereo can go on an audio CD");
  cdFrames_ = cdFramesFor(in.frames, in.sampleRate);
  if (in.sampleRate != kCdRate) resampler_ = std::make_unique<Resampler>(in.sampleRate);
  decoded_.resize(kChunkFrames * static_cast<std::size_t>(in.channels));
  stereo_.resize(kChunkFrames * 2);
  if (resampler_) resampled_.resize(resampler_->maxOutFrames(kChunkFrames) * 2);
}

std::size_t AudioFileStream::read(std::span<std::uint8_t> out) {
  std::size_t copied = 0;
  while (copied < out.size()) {
    if (pcmPos_ == pcm_.size()) {
      produceChunk();
      if (pcm_.empty()) break;
    }
    const std::size_t n = std::min(out.size() - copied, pcm_.size() - pcmPos_);
    std::memcpy(out.data() + copied, pcm_.data() + pcmPos_, n);
    copied += n;
    pcmPos_ += n;
  }
  return copied;
}

std::size_t AudioFileStream::nextStereoFrames() {
  while (!sourceDone_) {
    const std::size_t n = decoder_.readFrames(decoded_.data(), kChunkFrames);
    if (n == 0) {
      sourceDone_ = true;
      break;
    }
    toStereo(decoded_.data(), n, decoder_.info().channels, stereo_.data());
    if (!resampler_) return n;
    const std::size_t m = resampler_->process(stereo_.data(), n, resampled_.data(), resampled_.size() / 2);
    if (m) return m;
  }
  if (!resampler_ || flushed_) return 0;
  const std::size_t m = resampler_->process(nullptr, 0, resampled_.data(), resampled_.size() / 2);
  if (m == 0) flushed_ = true;
  return m;
}

void AudioFileStream::produceChunk() {
  pcm_.clear();
  pcmPos_ = 0;
  const std::uint64_t remaining = cdFrames_ - framesOut_;
  if (remaining == 0) return;
  std::size_t frames = nextStereoFrames();
  const float* src = resampler_ ? resampled_.data() : stereo_.data();
  if (frames == 0) {
    // The decoder ended early (header length longer than the audio): pad with silence to the promised size.
    frames = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, kChunkFrames));
    pcm_.assign(frames * kCdFrameBytes, 0);
  } else {
    frames = static_cast<std::size_t>(std::min<std::uint64_t>(remaining, frames));  // trim the tail
    pcm_.resize(frames * kCdFrameBytes);
    floatToS16le(src, frames * 2, pcm_.data());
  }
  framesOut_ += frames;
}

}  // namespace kiln::audio
