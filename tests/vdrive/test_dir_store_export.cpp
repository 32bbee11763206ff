// DirStore (sparse disc.img + state.json) and the CUE/BIN and cdrdao TOC exports, checked against independent
// readers when installed: cd-info (libcdio-utils) and cdrdao.
#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/imapi/error.h"
#include "vdrive/export.h"
#include "vdrive/native/dir_store.h"
#include "vdrive/native/export_files.h"
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kiln-vdrive-XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string path;
};

std::string run(const std::string& command) {
  std::string out;
  if (FILE* p = popen((command + " 2>&1").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

bool haveTool(const char* name) { return run(std::string("command -v ") + name).find(name) != std::string::npos; }

vtest::Bytes exec(VirtualDrive& d, std::initializer_list<int> cdb, const vtest::Bytes& out = {}) {
  vtest::Bytes c;
  for (int b : cdb) c.push_back(static_cast<std::uint8_t>(b));
  auto r = d.target().execute(c, out, 0xFFFF);
  REQUIRE(r.status == kiln::scsi::Status::Good);
  return r.dataIn;
}

/// Burns two TAO tracks (300 and 310 sectors, each sector filled with a per-track pattern) in session 1 and,
/// when `secondSession`, one more track in session 2.
void burn(VirtualDrive& d, bool secondSession) {
  vtest::Bytes page = exec(d, {0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0});
  page[0] = page[1] = 0;
  page[8 + 3] = secondSession ? 0xC0 : 0x00;
  exec(d, {0x55, 0x10, 0, 0, 0, 0, 0, 0, 60, 0}, page);
  auto track = [&d](std::int32_t start, int sectors, std::uint8_t pattern) {
    for (int done = 0; done < sectors;) {
      const int n = std::min(25, sectors - done);
      vtest::Bytes data(static_cast<std::size_t>(n) * 2352);
      for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(pattern + (i % 7));
      vtest::Bytes c(10, 0);
      c[0] = 0x2A;
      kiln::scsi::putBe32s(c, 2, start + done);
      kiln::scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
      REQUIRE(d.target().execute(c, data, 0).status == kiln::scsi::Status::Good);
      done += n;
    }
    exec(d, {0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  };
  track(0, 300, 0x10);
  track(450, 310, 0x40);
  exec(d, {0x5B, 0, 0x02, 0, 0, 0, 0, 0, 0, 0});
  if (secondSession) {
    track(760 + 11400, 300, 0x70);
    exec(d, {0x5B, 0, 0x02, 0, 0, 0, 0, 0, 0, 0});
  }
}

}  // namespace

TEST_CASE("DirStore: a burnt disc survives reopening; the image is sparse and addressed by LBA", "[vdrive][dirstore]") {
  TempDir tmp;
  kiln::FakeClock clock;
  {
    DirStore store(tmp.path);
    CHECK_FALSE(DirStore::hasDisc(tmp.path));
    VirtualDrive drive(store, MediaKind::CdR74, clock);
    CHECK(DirStore::hasDisc(tmp.path));
    burn(drive, true);
  }
  DirStore store(tmp.path);
  VirtualDrive drive(store, MediaKind::CdR80, clock);
  const auto& s = drive.mediumState();
  CHECK(s.kind == MediaKind::CdR74);
  REQUIRE(s.tracks.size() == 3);
  CHECK(s.tracks[2].start == 760 + 11400);
  CHECK(s.sessions.size() == 2);
  CHECK_FALSE(s.finalized);
  CHECK(s.linkAreas.size() == 1);
  // The image ends at the last written sector: (LBA + 150) × 2352.
  CHECK(fs::file_size(store.imagePath()) == std::uintmax_t(12160 + 300 + 150) * 2352);
  // Sector 450 (first of track 2) reads back with its pattern.
  auto sector = exec(drive, {0xBE, 0, 0, 0, 0x01, 0xC2, 0, 0, 1, 0x10, 0, 0});
  REQUIRE(sector.size() == 2352);
  CHECK(sector[0] == 0x40);
  CHECK(sector[8] == 0x41);
  // Next session NWA after the second closed session: +6900.
  auto ti = exec(drive, {0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0});
  CHECK(kiln::scsi::getBe32s(ti, 12) == 12160 + 300 + 6900);
  // JSON round trip is lossless.
  CHECK(mediumStateToJson(mediumStateFromJson(mediumStateToJson(s))) == mediumStateToJson(s));
  CHECK_THROWS_AS(mediumStateFromJson("{\"format\":\"other\"}"), kiln::Error);
}

TEST_CASE("Export: CUE/BIN with pregaps inside the BIN, read by cd-info", "[vdrive][export]") {
  TempDir tmp;
  kiln::FakeClock clock;
  MemoryStore store;
  VirtualDrive drive(store, MediaKind::CdR80, clock);
  burn(drive, false);
  const std::string cue = cueSheet(drive.mediumState(), "disc.bin");
  CHECK(cue.find("FILE \"disc.bin\" BINARY\n"
                 "  TRACK 01 AUDIO\n"
                 "    INDEX 01 00:00:00\n"
                 "  TRACK 02 AUDIO\n"
                 "    INDEX 00 00:04:00\n"
                 "    INDEX 01 00:06:00\n") != std::string::npos);
  const auto files = exportCueBin(store, drive.mediumState(), tmp.path, "disc");
  CHECK(fs::file_size(files.audio) == 760u * 2352);
  {
    std::ifstream bin(files.audio, std::ios::binary);
    bin.seekg(450 * 2352);
    CHECK(bin.get() == 0x40);
    bin.seekg(300 * 2352);
    CHECK(bin.get() == 0x00);  // the drive-written pause
  }
  if (!haveTool("cd-info")) {
    WARN("cd-info not installed: independent check skipped");
    return;
  }
  const std::string info = run("cd-info --no-device-info --no-cddb --cue-file " + files.sheet);
  INFO(info);
  CHECK(info.find("  1: 00:02:00  000000 audio") != std::string::npos);
  CHECK(info.find("  2: 00:08:00  000450 audio") != std::string::npos);
  CHECK(info.find("170: 00:12:10  000760 leadout") != std::string::npos);
}

TEST_CASE("Export: cdrdao TOC over a WAV copy, read by cdrdao show-toc", "[vdrive][export]") {
  TempDir tmp;
  kiln::FakeClock clock;
  MemoryStore store;
  VirtualDrive drive(store, MediaKind::CdR80, clock);
  burn(drive, false);
  const std::string toc = cdrdaoToc(drive.mediumState(), "disc.wav");
  CHECK(toc.find("FILE \"disc.wav\" 00:00:00 00:04:00\n") != std::string::npos);
  CHECK(toc.find("FILE \"disc.wav\" 00:04:00 00:06:10\nSTART 00:02:00\n") != std::string::npos);
  const auto files = exportCdrdaoToc(store, drive.mediumState(), tmp.path, "disc");
  CHECK(fs::file_size(files.audio) == 44u + 760u * 2352);
  if (!haveTool("cdrdao")) {
    WARN("cdrdao not installed: independent check skipped");
    return;
  }
  const std::string shown = run("cd " + tmp.path + " && cdrdao show-toc disc.toc");
  INFO(shown);
  CHECK(shown.find("TRACK  1") != std::string::npos);
  CHECK(shown.find("TRACK  2") != std::string::npos);
  CHECK(shown.find("PREGAP 00:02:00(   150)") != std::string::npos);
  CHECK(shown.find("START  00:06:00(   450)") != std::string::npos);
  CHECK(shown.find("END    00:10:10(   760)") != std::string::npos);
  // cdrdao reads the samples as written: sample frame 450 × 588 (first of track 2) holds bytes 40 41 42 43,
  // i.e. left 0x4140 = 16704 and right 0x4342 = 17218 little-endian (big-endian would be 16449/16963).
  const std::string data = run("cd " + tmp.path + " && cdrdao show-data disc.toc 2>/dev/null | grep '^ *264600:'");
  INFO(data);
  CHECK(data.find("264600: 16704  17218") != std::string::npos);
}
