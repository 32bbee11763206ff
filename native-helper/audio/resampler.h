#pragma once
// Stereo float sample-rate conversion to 44.1 kHz with libsoxr (SOXR_HQ: 20-bit precision, passband to 91 %
// of Nyquist, linear phase), single-threaded. Output is time-aligned with the input (soxr removes its delay).
#include <cstddef>

struct soxr;

namespace kiln::audio {

class Resampler {
 public:
  /// `inRate` Hz → 44100 Hz, 2 channels of interleaved float. Throws kiln::Error(E_FAIL) if soxr refuses.
  explicit Resampler(double inRate);
  ~Resampler();
  Resampler(const Resampler&) = delete;
  Resampler& operator=(const Resampler&) = delete;

  /// Consumes all `inFrames` stereo frames of `in` and writes up to `outCapacity` frames to `out`; returns the
  /// frames written. Pass in = nullptr (inFrames 0) to flush the tail at the end of the input; keep calling
  /// until it returns 0. `outCapacity` must be ≥ maxOutFrames(inFrames) so no input is left behind.
  std::size_t process(const float* in, std::size_t inFrames, float* out, std::size_t outCapacity);

  /// An upper bound of frames one process() call of `inFrames` can produce (includes buffered history).
  std::size_t maxOutFrames(std::size_t inFrames) const;

 private:
  soxr* soxr_ = nullptr;
  double ratio_;
};

}  // namespace kiln::audio
