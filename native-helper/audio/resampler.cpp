#include "native-helper/audio/resampler.h"

#include <soxr.h>

#include <string>

#include "core/imapi/error.h"
#include "native-helper/audio/pcm.h"

namespace kiln::audio {

Resampler::Resampler(double inRate) : ratio_(kCdRate / inRate) {
  soxr_error_t err = nullptr;
  const soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
  const soxr_quality_spec_t quality = soxr_quality_spec(SOXR_HQ, 0);
  const soxr_runtime_spec_t runtime = soxr_runtime_spec(1);
  soxr_ = soxr_create(inRate, kCdRate, 2, &err, &io, &quality, &runtime);
  if (err || !soxr_) throw Error(HResult::E_FAIL, std::string("libsoxr: ") + (err ? err : "cannot create resampler"));
}

Resampler::~Resampler() {
  if (soxr_) soxr_delete(soxr_);
}

std::size_t Resampler::maxOutFrames(std::size_t inFrames) const {
  // soxr may release frames held back from earlier calls: allow a generous fixed margin on top of the ratio.
  return static_cast<std::size_t>(static_cast<double>(inFrames) * ratio_) + 4096;
}

std::size_t Resampler::process(const float* in, std::size_t inFrames, float* out, std::size_t outCapacity) {
  std::size_t done = 0;
  std::size_t produced = 0;
  const soxr_error_t err = soxr_process(soxr_, in, inFrames, &done, out, outCapacity, &produced);
  if (err) throw Error(HResult::E_FAIL, std::string("libsoxr: ") + err);
  if (in && done != inFrames) throw Error(HResult::E_FAIL, "libsoxr: output buffer too small");
  return produced;
}

}  // namespace kiln::audio
