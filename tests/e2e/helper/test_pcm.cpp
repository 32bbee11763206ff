#include <catch2/catch.hpp>

#include <vector>

#include "native-helper/audio/pcm.h"

using namespace kiln::audio;

static std::vector<int> s16(const std::vector<float>& in) {
  std::vector<std::uint8_t> bytes(in.size() * 2);
  floatToS16le(in.data(), in.size(), bytes.data());
  std::vector<int> out;
  for (std::size_t i = 0; i < in.size(); ++i)
    out.push_back(static_cast<std::int16_t>(bytes[2 * i] | (bytes[2 * i + 1] << 8)));
  return out;
}

TEST_CASE("floatToS16le scales by 32768, rounds to nearest and clips", "[pcm]") {
  CHECK(s16({0.0f, 1.0f, -1.0f, 2.0f, -2.0f}) == std::vector<int>{0, 32767, -32768, 32767, -32768});
  CHECK(s16({100.0f / 32768, -100.0f / 32768}) == std::vector<int>{100, -100});
  CHECK(s16({100.4f / 32768, 100.6f / 32768, -100.6f / 32768}) == std::vector<int>{100, 101, -101});
}

TEST_CASE("floatToS16le writes little-endian bytes", "[pcm]") {
  const float v = 0x1234 / 32768.0f;
  std::uint8_t out[2];
  floatToS16le(&v, 1, out);
  CHECK(out[0] == 0x34);
  CHECK(out[1] == 0x12);
}

TEST_CASE("toStereo duplicates mono and copies stereo", "[pcm]") {
  const std::vector<float> mono{0.1f, -0.2f, 0.3f};
  std::vector<float> out(6);
  toStereo(mono.data(), 3, 1, out.data());
  CHECK(out == std::vector<float>{0.1f, 0.1f, -0.2f, -0.2f, 0.3f, 0.3f});
  const std::vector<float> stereo{0.1f, 0.2f, 0.3f, 0.4f};
  std::vector<float> out2(4);
  toStereo(stereo.data(), 2, 2, out2.data());
  CHECK(out2 == stereo);
}

TEST_CASE("cdFramesFor rounds srcFrames x 44100 / srcRate half up", "[pcm]") {
  CHECK(cdFramesFor(44100, 44100) == 44100);
  CHECK(cdFramesFor(48000, 48000) == 44100);
  CHECK(cdFramesFor(1, 48000) == 1);           // 0.91875 → 1
  CHECK(cdFramesFor(12, 48000) == 11);         // 11.025 → 11
  CHECK(cdFramesFor(160, 96000) == 74);        // 73.5 → 74 (half up)
  CHECK(cdFramesFor(1976960, 48000) == 1816332);
  CHECK(cdFramesFor(0, 48000) == 0);
}
