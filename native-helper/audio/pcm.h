#pragma once
// Sample conversions between the decoder (float, any channel count) and the CD format: 44.1 kHz, 16-bit signed
// little-endian, interleaved stereo (Red Book / IEC 60908 audio, ECMA-130 §16 byte order as WAV).
#include <cstddef>
#include <cstdint>

namespace kiln::audio {

/// Bytes per CD sample frame (left + right, 16 bits each).
inline constexpr std::size_t kCdFrameBytes = 4;
/// The CD sample rate, frames per second.
inline constexpr int kCdRate = 44100;

/// Copies `frames` frames of interleaved `channels`-channel float into interleaved stereo: mono is duplicated to
/// both channels, stereo copied. `channels` must be 1 or 2 (callers reject others up front). `in` and `out` may
/// not overlap; `out` holds frames × 2 floats.
void toStereo(const float* in, std::size_t frames, int channels, float* out);

/// float samples (full scale ±1.0) → 16-bit signed little-endian: round to nearest (lrintf of x·32768) and clip
/// to [−32768, 32767]. This is libvorbisfile's ov_read conversion, so Ogg Vorbis decodes bit-identically to
/// `oggdec -R` / `sox`; 16-bit PCM sources round-trip exactly. No dither. `out` holds samples × 2 bytes.
void floatToS16le(const float* in, std::size_t samples, std::uint8_t* out);

/// Output frames for `srcFrames` at `srcRate` Hz: round(srcFrames × 44100 / srcRate), half up.
/// `srcRate` must be > 0.
std::uint64_t cdFramesFor(std::uint64_t srcFrames, int srcRate);

}  // namespace kiln::audio
