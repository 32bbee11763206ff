#pragma once
// Helpers for the disc-at-once tests: deterministic audio streams, a test album built with the core's
// RawImageCreator (the same image a RawCdWriter sends), and a CDB-level RAW burn of such an image.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include <stdlib.h>

#include "core/formats/raw_image_creator.h"
#include "common/seed_stream.h"
#include "vdrive_test_util.h"

namespace vtest {

using SeedStream = kiln::test::SeedStream;

/// The test album: track 1 (400 sectors), track 2 (400, a 75-sector silent pregap, INDEX 02 at +100, ISRC),
/// track 3 (320, the last 30 sectors of track 2's audio as its INDEX 00, copy permitted), MCN, and — for the
/// 2448-byte types — CD-TEXT in English (album + tracks: title, performer, songwriter, composer, arranger, message).
struct Album {
  SeedStream t1{400ull * 2352, 1}, t2{400ull * 2352, 2}, t3{320ull * 2352, 3};
  kiln::formats::RawImageCreator creator;
  std::unique_ptr<kiln::formats::RawImageStream> image;
  kiln::cd::CdText text;

  explicit Album(kiln::formats::RawCdSectorType type = kiln::formats::RawCdSectorType::Raw) {
    using namespace kiln;
    creator.setResultingImageType(type);
    creator.addTrack(formats::CdSectorType::Audio, t1);
    creator.addTrack(formats::CdSectorType::Audio, t2);
    creator.addTrack(formats::CdSectorType::Audio, t3);
    creator.setMediaCatalogNumber("0724384960650");
    creator.trackInfo(2).setIsrc("GBAYE6700149");
    creator.trackInfo(2).setPregapSectors(75);
    creator.trackInfo(2).addTrackIndex(100);
    creator.trackInfo(3).setAudioPregapSectors(30);
    creator.trackInfo(3).setDigitalAudioCopySetting(formats::DigitalCopySetting::Permitted);
    if (type != formats::RawCdSectorType::PqOnly) {
      cd::CdTextBlock b;
      b.texts[cd::kCdTextTitle] = {"Raw Album", "First", "Second", "Third"};
      b.texts[cd::kCdTextPerformer] = {"The Band", "Singer A", "Singer B", "Singer C"};
      b.texts[cd::kCdTextSongwriter] = {"Writer", "", "W2", ""};
      b.texts[cd::kCdTextComposer] = {"Composer", "C1", "", ""};
      b.texts[cd::kCdTextArranger] = {"Arranger", "", "", "A3"};
      b.texts[cd::kCdTextMessage] = {"Hello", "", "", ""};
      text.blocks = {b};
      creator.setCdText(text);
    }
    image = creator.createResultImage();
  }
};

/// Burns `image` in RAW mode at CDB level: page 05h write type 3 + the image's block type, WRITE(10) from the ATIP
/// lead-in start in chunks of 26 sectors; stops after `maxSectors` (−1 = all), then SYNCHRONIZE CACHE.
/// `alter(lba, sector)` may change a sector before it is sent.
inline void burnRaw(Rig& rig, kiln::formats::RawImageStream& image, std::int32_t maxSectors = -1,
                    const std::function<void(std::int32_t, std::uint8_t*)>& alter = {}) {
  const int blockType = static_cast<int>(image.sectorType());
  REQUIRE(rig.selectWriteParams(3, false, 0, blockType).good());
  const std::int32_t leadIn = kiln::vdrive::atipFor(rig.drive.mediumState().kind).leadInStart;
  image.skipSectors(leadIn - image.firstLba());
  const auto bytes = static_cast<std::size_t>(image.bytesPerSector());
  std::int32_t lba = leadIn;
  const std::int32_t end = maxSectors < 0 ? image.firstLba() + image.sectorCount() : leadIn + maxSectors;
  while (lba < end) {
    const int n = std::min(26, end - lba);
    Bytes data(bytes * static_cast<std::size_t>(n));
    REQUIRE(image.read(data) == data.size());
    if (alter)
      for (int i = 0; i < n; ++i) alter(lba + i, data.data() + static_cast<std::size_t>(i) * bytes);
    Bytes c(10, 0);
    c[0] = 0x2A;
    kiln::scsi::putBe32s(c, 2, lba);
    kiln::scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
    REQUIRE(rig.cmdBytes(c, data).sense() == "GOOD");
    lba += n;
  }
  REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
}

/// A temporary directory removed at scope end.
struct TempDir {
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kiln-vraw-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  std::string path;
};

/// Runs a shell command, returns stdout + stderr.
inline std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = popen((command + " 2>&1").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

inline bool haveTool(const char* name) { return run(std::string("command -v ") + name).find(name) != std::string::npos; }

}  // namespace vtest
