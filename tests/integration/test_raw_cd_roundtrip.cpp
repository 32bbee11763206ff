// The disc-at-once round trip through files: RawImageCreator → RawCdWriter → virtual drive → CUE/BIN export.
// Separate from test_raw_cd_writer.cpp because it needs vdrive/native/ (file export), which the WASM build lacks.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/cd/cdtext.h"
#include "core/formats/raw_cd_writer.h"
#include "core/formats/raw_image_creator.h"
#include "common/seed_stream.h"
#include "integration/rig.h"
#include "vdrive/native/export_files.h"

using namespace kiln;
using namespace kiln::formats;
using kiln::test::Rig;
using kiln::test::SeedStream;

namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("raw cd: gapless album round trip — RawCdWriter → vdrive → CUE/BIN, bit-exact, boundaries kept") {
  // Three gapless tracks of whole sectors (so the image adds no padding), MCN, ISRCs, CD-TEXT.
  const std::int32_t sectors[3] = {450, 333, 517};
  auto bytesOf = [&sectors](int t) { return static_cast<std::uint64_t>(sectors[t]) * 2352; };
  SeedStream t1(bytesOf(0), 1), t2(bytesOf(1), 2), t3(bytesOf(2), 3);
  RawImageCreator creator;
  creator.addTrack(CdSectorType::Audio, t1);
  creator.addTrack(CdSectorType::Audio, t2);
  creator.addTrack(CdSectorType::Audio, t3);
  creator.setMediaCatalogNumber("4006381333931");
  creator.trackInfo(1).setIsrc("USRC17607839");
  creator.trackInfo(3).setIsrc("GBUM71029604");
  cd::CdTextBlock block;
  block.texts[cd::kCdTextTitle] = {"Gapless", "Intro", "Bridge", "Outro"};
  block.texts[cd::kCdTextPerformer] = {"Kiln Ensemble", "", "", ""};
  cd::CdText text;
  text.blocks = {block};
  creator.setCdText(text);
  auto image = creator.createResultImage();

  Rig rig;
  RawCdWriter writer;
  writer.setRecorder(&rig.recorder);
  writer.setClientName("kiln-tests");
  writer.prepareMedia();
  writer.writeMedia(*image);
  writer.releaseMedia();
  REQUIRE_FALSE(writer.mediaIndeterminate());

  const std::string dir = (std::filesystem::temp_directory_path() / "kiln-raw-roundtrip").string();
  std::filesystem::remove_all(dir);
  const auto files = vdrive::exportCueBin(rig.store, rig.medium().state(), dir, "album");
  const std::string cue = slurp(files.sheet);
  const std::string bin = slurp(files.audio);
  INFO(cue);
  // No inserted silence: the BIN is exactly the three tracks back to back, bit for bit.
  REQUIRE(bin.size() == std::size_t(sectors[0] + sectors[1] + sectors[2]) * 2352);
  std::size_t at = 0, mismatches = 0;
  for (int t = 0; t < 3; ++t)
    for (std::uint64_t i = 0; i < std::uint64_t(sectors[t]) * 2352; ++i, ++at)
      if (static_cast<std::uint8_t>(bin[at]) != SeedStream::byteAt(i, static_cast<std::uint8_t>(t + 1))) ++mismatches;
  CHECK(mismatches == 0);
  // Boundaries where the image put them: INDEX 01 at 0, 450, 783; gapless, so no INDEX 00 after track 1.
  CHECK(cue.find("  TRACK 01 AUDIO\n    TITLE \"Intro\"\n    ISRC USRC17607839\n    INDEX 01 00:00:00\n") !=
        std::string::npos);
  CHECK(cue.find("  TRACK 02 AUDIO\n    TITLE \"Bridge\"\n    INDEX 01 00:06:00\n") != std::string::npos);
  CHECK(cue.find("  TRACK 03 AUDIO\n    TITLE \"Outro\"\n    ISRC GBUM71029604\n    INDEX 01 00:10:33\n") !=
        std::string::npos);
  CHECK(cue.find("CATALOG 4006381333931\n") != std::string::npos);
  CHECK(cue.find("TITLE \"Gapless\"\nPERFORMER \"Kiln Ensemble\"\n") != std::string::npos);
  CHECK(cue.find("INDEX 00") == std::string::npos);
  std::filesystem::remove_all(dir);
}
