#pragma once
// Test inputs made with libsndfile: a sine (or any generator) written as a file of the given format.
#include <sndfile.h>

#include <cmath>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiln::test {

namespace detail {
inline sf_count_t writeFrames(SNDFILE* f, const float* data, sf_count_t frames) { return sf_writef_float(f, data, frames); }
inline sf_count_t writeFrames(SNDFILE* f, const short* data, sf_count_t frames) { return sf_writef_short(f, data, frames); }

/// Writes `frames` frames of `channels` samples of type T (float or short) with libsndfile.
template <typename T>
void writeSamples(const std::string& path, int rate, int channels, long frames, int format,
                  const std::function<T(long, int)>& sample) {
  SF_INFO info{};
  info.samplerate = rate;
  info.channels = channels;
  info.format = format;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  if (!f) throw std::runtime_error(sf_strerror(nullptr));
  std::vector<T> buf(static_cast<std::size_t>(frames) * channels);
  for (long i = 0; i < frames; ++i)
    for (int c = 0; c < channels; ++c) buf[static_cast<std::size_t>(i) * channels + c] = sample(i, c);
  writeFrames(f, buf.data(), frames);
  sf_close(f);
}
}  // namespace detail

/// Writes `frames` frames; sample(frame, channel) gives the float value. `format` e.g. SF_FORMAT_WAV|SF_FORMAT_PCM_16.
inline void writeAudio(const std::string& path, int rate, int channels, long frames, int format,
                       const std::function<float(long, int)>& sample) {
  detail::writeSamples<float>(path, rate, channels, frames, format, sample);
}

/// Writes exact 16-bit samples (libsndfile scales floats by 32767 when writing PCM_16, so bit-exact tests use this).
inline void writeS16(const std::string& path, int rate, int channels, long frames, int format,
                     const std::function<short(long, int)>& sample) {
  detail::writeSamples<short>(path, rate, channels, frames, format, sample);
}

inline std::function<float(long, int)> sine(double hz, int rate, double amplitude = 0.5) {
  return [=](long i, int) { return static_cast<float>(amplitude * std::sin(2 * M_PI * hz * i / rate)); };
}

}  // namespace kiln::test
