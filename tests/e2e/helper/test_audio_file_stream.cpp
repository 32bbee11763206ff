#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <vector>

#include "core/imapi/error.h"
#include "native-helper/audio/audio_file_stream.h"
#include "temp_dir.h"
#include "wav_writer.h"

using kiln::audio::AudioFileStream;
using kiln::test::TempDir;
using kiln::test::writeAudio;

namespace {

/// Reads the whole stream in odd-sized pieces (not a multiple of 4) to exercise partial frames.
std::vector<std::uint8_t> readAll(kiln::formats::AudioStream& s, std::size_t piece = 1001) {
  std::vector<std::uint8_t> all, buf(piece);
  while (const std::size_t n = s.read(buf)) all.insert(all.end(), buf.begin(), buf.begin() + n);
  return all;
}

std::int16_t sampleAt(const std::vector<std::uint8_t>& pcm, std::size_t i) {
  return static_cast<std::int16_t>(pcm[2 * i] | (pcm[2 * i + 1] << 8));
}

double rms(const std::vector<std::uint8_t>& pcm, std::size_t from, std::size_t to) {
  double s = 0;
  for (std::size_t i = from; i < to; ++i) s += static_cast<double>(sampleAt(pcm, i)) * sampleAt(pcm, i);
  return std::sqrt(s / static_cast<double>(to - from));
}

kiln::HResult codeOf(const std::string& path) {
  try {
    AudioFileStream s(path);
  } catch (const kiln::Error& e) {
    return e.code();
  }
  return kiln::HResult::S_OK;
}

}  // namespace

TEST_CASE("16-bit 44.1 kHz stereo WAV comes out bit-identical", "[audio]") {
  TempDir dir;
  const std::string path = dir.file("a.wav");
  kiln::test::writeS16(path, 44100, 2, 10000, SF_FORMAT_WAV | SF_FORMAT_PCM_16,
                       [](long i, int c) { return static_cast<short>(((i * 37 + c * 1000) % 60000) - 30000); });
  AudioFileStream s(path);
  REQUIRE(s.sizeBytes() == 40000);
  const auto pcm = readAll(s);
  REQUIRE(pcm.size() == 40000);
  for (long i = 0; i < 10000; ++i)
    for (int c = 0; c < 2; ++c) REQUIRE(sampleAt(pcm, i * 2 + c) == ((i * 37 + c * 1000) % 60000) - 30000);
}

TEST_CASE("48 kHz input is resampled to exactly round(frames x 44100 / 48000)", "[audio]") {
  TempDir dir;
  const std::string path = dir.file("a48.flac");
  writeAudio(path, 48000, 2, 48013, SF_FORMAT_FLAC | SF_FORMAT_PCM_16, kiln::test::sine(1000, 48000));
  AudioFileStream s(path);
  CHECK(s.cdFrames() == 44112);  // 48013 × 0.91875 = 44111.94
  CHECK(s.sizeBytes() == 44112 * 4);
  const auto pcm = readAll(s, 777);
  CHECK(pcm.size() == 44112 * 4);
  // amplitude 0.5 sine: RMS 0.5/√2 × 32768 ≈ 11585, away from the edges
  CHECK(rms(pcm, 4000, 80000) == Approx(11585).epsilon(0.01));
}

TEST_CASE("Resampler passes 19 kHz and removes 23.5 kHz (no aliasing at 20.6 kHz)", "[audio]") {
  TempDir dir;
  const std::string pass = dir.file("pass.wav"), stop = dir.file("stop.wav");
  writeAudio(pass, 48000, 1, 48000, SF_FORMAT_WAV | SF_FORMAT_FLOAT, kiln::test::sine(19000, 48000));
  writeAudio(stop, 48000, 1, 48000, SF_FORMAT_WAV | SF_FORMAT_FLOAT, kiln::test::sine(23500, 48000));
  AudioFileStream p(pass), q(stop);
  const auto pp = readAll(p), qq = readAll(q);
  CHECK(rms(pp, 8000, 80000) == Approx(11585).epsilon(0.02));
  CHECK(rms(qq, 8000, 80000) < 11585 * 1e-3);  // > 60 dB down
}

TEST_CASE("Mono is duplicated to both channels", "[audio]") {
  TempDir dir;
  const std::string path = dir.file("mono.wav");
  writeAudio(path, 44100, 1, 5000, SF_FORMAT_WAV | SF_FORMAT_PCM_16, kiln::test::sine(440, 44100));
  AudioFileStream s(path);
  const auto pcm = readAll(s);
  REQUIRE(pcm.size() == 20000);
  for (std::size_t i = 0; i < 5000; ++i) REQUIRE(sampleAt(pcm, 2 * i) == sampleAt(pcm, 2 * i + 1));
  CHECK(rms(pcm, 0, 10000) > 10000);
}

TEST_CASE("More than two channels, non-audio and missing files are rejected with IMAPI codes", "[audio]") {
  TempDir dir;
  writeAudio(dir.file("six.wav"), 44100, 6, 100, SF_FORMAT_WAV | SF_FORMAT_PCM_16, kiln::test::sine(440, 44100));
  std::ofstream(dir.file("text.wav")) << "this is not audio\n";
  CHECK(codeOf(dir.file("six.wav")) == kiln::HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED);
  CHECK(codeOf(dir.file("text.wav")) == kiln::HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED);
  CHECK(codeOf(dir.file("missing.flac")) == kiln::HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND);
  CHECK(codeOf(dir.path().string()) == kiln::HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND);
}

TEST_CASE("Opening a file does not modify it", "[audio]") {
  TempDir dir;
  const std::string path = dir.file("a.wav");
  writeAudio(path, 44100, 2, 1000, SF_FORMAT_WAV | SF_FORMAT_PCM_16, kiln::test::sine(440, 44100));
  const auto before = std::filesystem::last_write_time(path);
  const auto size = std::filesystem::file_size(path);
  {
    AudioFileStream s(path);
    readAll(s);
  }
  CHECK(std::filesystem::last_write_time(path) == before);
  CHECK(std::filesystem::file_size(path) == size);
}
