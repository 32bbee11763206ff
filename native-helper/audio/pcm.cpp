#include "native-helper/audio/pcm.h"

#include <cmath>

namespace kiln::audio {

void toStereo(const float* in, std::size_t frames, int channels, float* out) {
  if (channels == 2) {
    for (std::size_t i = 0; i < frames * 2; ++i) out[i] = in[i];
    return;
  }
  for (std::size_t i = 0; i < frames; ++i) out[2 * i] = out[2 * i + 1] = in[i];
}

void floatToS16le(const float* in, std::size_t samples, std::uint8_t* out) {
  for (std::size_t i = 0; i < samples; ++i) {
    long v = std::lrintf(in[i] * 32768.0f);
    if (v > 32767) v = 32767;
    if (v < -32768) v = -32768;
    const auto u = static_cast<std::uint16_t>(static_cast<std::int16_t>(v));
    out[2 * i] = static_cast<std::uint8_t>(u & 0xFF);
    out[2 * i + 1] = static_cast<std::uint8_t>(u >> 8);
  }
}

std::uint64_t cdFramesFor(std::uint64_t srcFrames, int srcRate) {
  const auto rate = static_cast<std::uint64_t>(srcRate);
  // 128-bit-free: srcFrames < 2^44 for any real file, so srcFrames × 44100 fits in 64 bits.
  return (srcFrames * kCdRate + rate / 2) / rate;
}

}  // namespace kiln::audio
