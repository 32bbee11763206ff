// A RAW-recorded disc kept in a DirStore (disc.img + disc.sub + state.json) and exported: CUE/BIN with CATALOG,
// ISRC, FLAGS, INDEX 00/01/02 and CD-TEXT; cdrdao TOC with CATALOG, ISRC, CD_TEXT and TRACK AUDIO RW_RAW over a
// DATAFILE of 2448-byte records. Checked against independent readers when installed: cd-info (libcdio), cueprint
// (cuetools), cdrdao show-toc / show-data.
#include <fstream>
#include <iterator>

#include "core/cd/cdtext.h"
#include "vdrive/export.h"
#include "vdrive/native/dir_store.h"
#include "vdrive/native/export_files.h"
#include "raw_test_util.h"

using namespace kiln;
using namespace kiln::vdrive;
using vtest::Bytes;

namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

/// The test album burnt in RAW mode (block type 3) onto a DirStore disc in `dir`.
void burnAlbum(const std::string& dir) {
  DirStore store(dir + "/disc");
  FakeClock clock;
  VirtualDrive drive(store, MediaKind::CdR80, clock);
  vtest::Album album;
  // vtest::burnRaw works on a MemoryStore Rig; the same recipe over this drive.
  Bytes page = drive.target().execute(Bytes{0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0}, {}, 0xFFFF).dataIn;
  page[0] = page[1] = 0;
  page[8] &= 0x3F;
  page[8 + 2] = 0x03;
  page[8 + 3] = 0x00;
  page[8 + 4] = 0x03;
  REQUIRE(drive.target().execute(Bytes{0x55, 0x10, 0, 0, 0, 0, 0, 0, static_cast<std::uint8_t>(page.size()), 0}, page, 0)
              .status == scsi::Status::Good);
  album.image->skipSectors(-11634 - album.image->firstLba());
  for (std::int32_t lba = -11634; lba < album.image->layout().end();) {
    const int n = std::min<std::int32_t>(26, album.image->layout().end() - lba);
    Bytes data(2448 * static_cast<std::size_t>(n));
    REQUIRE(album.image->read(data) == data.size());
    Bytes c(10, 0);
    c[0] = 0x2A;
    scsi::putBe32s(c, 2, lba);
    scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
    REQUIRE(drive.target().execute(c, data, 0).status == scsi::Status::Good);
    lba += n;
  }
  REQUIRE(drive.target().execute(Bytes{0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {}, 0).status == scsi::Status::Good);
}

}  // namespace

TEST_CASE("DAO export: DirStore keeps sub-channel and CD-TEXT; CUE/BIN and RW_RAW TOC read by cd-info, cueprint, cdrdao",
          "[vdrive][raw][export]") {
  vtest::TempDir tmp;
  burnAlbum(tmp.path);
  DirStore store(tmp.path + "/disc");  // reopened: everything comes from state.json + disc.img + disc.sub
  FakeClock clock;
  VirtualDrive drive(store, MediaKind::CdRw80, clock);
  const MediumState& s = drive.mediumState();
  REQUIRE(s.tracks.size() == 3);
  CHECK(s.subchannel);
  CHECK(s.tracks[1].indexStarts.size() == 1);
  CHECK(s.tracks[1].isrc == "GBAYE6700149");
  REQUIRE(discCdText(s));
  CHECK(discCdText(s)->blocks.front().texts.at(cd::kCdTextTitle).at(2) == "Second");
  CHECK(std::filesystem::file_size(store.subchannelPath()) > 0);

  const auto cue = exportCueBin(store, s, tmp.path + "/out", "disc");
  const std::string sheet = readText(cue.sheet);
  INFO(sheet);
  CHECK(sheet.find("CATALOG 0724384960650") != std::string::npos);
  CHECK(sheet.find("TITLE \"Raw Album\"") != std::string::npos);
  CHECK(sheet.find("MESSAGE \"Hello\"") != std::string::npos);
  CHECK(sheet.find("    ISRC GBAYE6700149") != std::string::npos);
  CHECK(sheet.find("    FLAGS DCP") != std::string::npos);
  // Track 2: silent pregap 400..474, INDEX 01 at 475 (00:06:25), INDEX 02 at 575 (00:07:50).
  CHECK(sheet.find("    INDEX 00 00:05:25\n    INDEX 01 00:06:25\n    INDEX 02 00:07:50\n") != std::string::npos);
  CHECK(std::filesystem::file_size(cue.audio) == std::uint64_t(s.sessions.back().leadOutStart) * 2352);

  if (vtest::haveTool("cd-info")) {
    const std::string out = vtest::run("cd-info --no-device-info --no-cddb --cue-file '" + cue.sheet + "'");
    INFO(out);
    CHECK(out.find("0724384960650") != std::string::npos);  // MCN
    CHECK(out.find("Raw Album") != std::string::npos);      // album CD-TEXT
    CHECK(out.find("Singer B") != std::string::npos);       // track CD-TEXT
    CHECK(out.find("Composer") != std::string::npos);
    CHECK(out.find("000475") != std::string::npos);          // track 2 LSN
  }
  if (vtest::haveTool("cueprint")) {
    const std::string out = vtest::run("cueprint '" + cue.sheet + "'");
    INFO(out);
    CHECK(out.find("GBAYE6700149") != std::string::npos);
    CHECK(out.find("Third") != std::string::npos);
  }

  const auto toc = exportCdrdaoToc(store, s, tmp.path + "/out", "disc");
  const std::string tocText = readText(toc.sheet);
  INFO(tocText);
  CHECK(tocText.find("TRACK AUDIO RW_RAW") != std::string::npos);
  CHECK(toc.audio.size() > 3);
  CHECK(toc.audio.substr(toc.audio.size() - 3) == ".rw");
  CHECK(std::filesystem::file_size(toc.audio) == std::uint64_t(s.sessions.back().leadOutStart) * 2448);
  // The DATAFILE record of LBA 475 (track 2 INDEX 01): audio byte-swapped to big-endian, R–W bits only.
  {
    std::ifstream in(toc.audio, std::ios::binary);
    in.seekg(475 * 2448);
    Bytes rec(2448);
    in.read(reinterpret_cast<char*>(rec.data()), 2448);
    CHECK(rec[0] == vtest::SeedStream::byteAt(1, 2));
    CHECK(rec[1] == vtest::SeedStream::byteAt(0, 2));
    bool rwOnly = true;
    for (std::size_t k = 2352; k < 2448; ++k) rwOnly = rwOnly && (rec[k] & 0xC0) == 0;
    CHECK(rwOnly);
  }
  if (vtest::haveTool("cdrdao")) {
    const std::string out = vtest::run("cd '" + tmp.path + "/out' && cdrdao show-toc disc.toc");
    INFO(out);
    CHECK(out.find("CATALOG NUMBER: 0724384960650") != std::string::npos);
    CHECK(out.find("Mode AUDIO RW_RAW") != std::string::npos);
    CHECK(out.find("ISRC GB AYE 67 00149") != std::string::npos);
    CHECK(out.find("INDEX  2 00:07:50(   575)") != std::string::npos);
    CHECK(out.find("PREGAP 00:01:00(    75)") != std::string::npos);
    CHECK(out.find("COPY PERMITTED") != std::string::npos);
    CHECK(out.find("ERROR") == std::string::npos);
    // show-data prints samples as cdrdao reads them: the first sample of track 2 (sample frame 475 × 588) must be
    // the little-endian value the BIN holds, i.e. the DATAFILE's big-endian bytes were read as intended.
    const std::string data = vtest::run("cd '" + tmp.path + "/out' && cdrdao show-data disc.toc | grep -m1 '^ *279300:'");
    INFO(data);
    const auto sample = [](std::uint8_t lo, std::uint8_t hi) { return std::to_string(std::int16_t(lo | hi << 8)); };
    const std::string left = sample(vtest::SeedStream::byteAt(0, 2), vtest::SeedStream::byteAt(1, 2));
    const std::string right = sample(vtest::SeedStream::byteAt(2, 2), vtest::SeedStream::byteAt(3, 2));
    CHECK(data.find(left) != std::string::npos);
    CHECK(data.find(right) != std::string::npos);
  }
}
