// Session-at-once with CD-TEXT as cdrdao writes it (MMC-NOTES D.3): MCN and ISRC cue entries, the lead-in entry's
// DATA FORM 41h, the lead-in written from the ATIP start with 2448-byte blocks carrying the packs in R–W, INDEX 02,
// a pregap holding audio; then the CUE export shows all of it.
#include "core/cd/cdtext.h"
#include "vdrive/export.h"
#include "raw_test_util.h"

using namespace kiln;
using namespace kiln::vdrive;
using vtest::Bytes;
using vtest::Rig;

namespace {

/// MCN, lead-in (CD-TEXT), track 1 ISRC + INDEX 00/01/02 (−150, 0, 150), track 2 INDEX 00/01 (300, 375), lead-out 750.
Bytes cdTextCue(std::uint8_t leadInForm = 0x41) {
  return {0x02, '0', '7', '2', '4', '3', '8', '4',     //
          0x02, '9', '6', '0', '6', '5', '0', 0,       //
          0x01, 0x00, 0x00, leadInForm, 0, 0, 0, 0,    //
          0x03, 0x01, 'U', 'S', 'A', 'B', 'C', '2',    //
          0x03, 0x01, '5', '0', '0', '0', '0', '1',    //
          0x01, 0x01, 0x00, 0x00, 0, 0, 0, 0,          //
          0x01, 0x01, 0x01, 0x00, 0, 0, 2, 0,          //
          0x01, 0x01, 0x02, 0x00, 0, 0, 4, 0,          //
          0x01, 0x02, 0x00, 0x00, 0, 0, 6, 0,          //
          0x01, 0x02, 0x01, 0x00, 0, 0, 7, 0,          //
          0x01, 0xAA, 0x01, 0x01, 0, 0, 12, 0};
}

cd::CdText saoText() {
  cd::CdTextBlock b;
  b.texts[cd::kCdTextTitle] = {"Sao Album", "Opening", "Closing"};
  b.texts[cd::kCdTextPerformer] = {"Sao Band", "", "Guest"};
  cd::CdText t;
  t.lastTrack = 2;
  t.blocks = {b};
  return t;
}

vtest::Answer write10(Rig& rig, std::int32_t lba, int n, const Bytes& data) {
  Bytes c(10, 0);
  c[0] = 0x2A;
  scsi::putBe32s(c, 2, lba);
  scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
  return rig.cmdBytes(c, data);
}

/// The lead-in from the ATIP start with block type 3 (packs interleaved as recorded), then the program area with
/// block type 0; every program sector is filled with (lba & 0xFF) so pregap audio is visible.
void burnCdTextSao(Rig& rig) {
  REQUIRE(rig.selectWriteParams(2, false, 0, 3).good());
  const Bytes cue = cdTextCue();
  REQUIRE(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(cue.size()), 0}, cue).good());
  const cd::CdTextLeadIn leadIn(cd::buildCdTextPacks(saoText()), true);
  for (std::int32_t lba = -11634; lba < -150;) {
    const int n = std::min(26, -150 - lba);
    Bytes data(2448 * static_cast<std::size_t>(n), 0);
    for (int i = 0; i < n; ++i) leadIn.rw(lba + i + 11634, &data[static_cast<std::size_t>(i) * 2448 + 2352]);
    REQUIRE(write10(rig, lba, n, data).sense() == "GOOD");
    lba += n;
  }
  REQUIRE(rig.selectWriteParams(2, false, 0, 0).good());
  for (std::int32_t lba = -150; lba < 750;) {
    const int n = std::min(27, 750 - lba);
    Bytes data(2352 * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
      std::fill_n(data.begin() + i * 2352, 2352, static_cast<std::uint8_t>((lba + i) & 0xFF));
    REQUIRE(write10(rig, lba, n, data).sense() == "GOOD");
    lba += n;
  }
  REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
}

}  // namespace

TEST_CASE("SAO: CD-TEXT in the lead-in, MCN/ISRC entries, INDEX 02 and an audio pregap are recorded", "[vdrive][sao]") {
  Rig rig;
  burnCdTextSao(rig);
  const MediumState& s = rig.drive.mediumState();
  REQUIRE(s.tracks.size() == 2);
  CHECK(s.finalized);
  CHECK(s.mcn == "0724384960650");
  CHECK(s.tracks[0].start == 0);
  CHECK(s.tracks[0].pregap == 150);
  CHECK(s.tracks[0].length == 300);
  CHECK(s.tracks[0].isrc == "USABC2500001");
  CHECK(s.tracks[0].indexStarts == std::vector<std::int32_t>{150});
  CHECK(s.tracks[1].start == 375);
  CHECK(s.tracks[1].pregap == 75);
  CHECK(s.tracks[1].length == 375);
  CHECK(s.tracks[1].isrc.empty());
  REQUIRE_FALSE(s.cdText.empty());
  CHECK(cd::parseCdTextPacks(s.cdText).blocks.front().texts == saoText().blocks.front().texts);
  Bytes pregap(2352);
  rig.store.readSectors(310, pregap);
  CHECK(pregap[0] == (310 & 0xFF));  // the pregap holds the audio that was sent

  const std::string cue = cueSheet(s, "disc.bin");
  INFO(cue);
  CHECK(cue.find("CATALOG 0724384960650\n") != std::string::npos);
  CHECK(cue.find("TITLE \"Sao Album\"\nPERFORMER \"Sao Band\"\nFILE") != std::string::npos);
  CHECK(cue.find("  TRACK 01 AUDIO\n    TITLE \"Opening\"\n    ISRC USABC2500001\n    INDEX 01 00:00:00\n"
                 "    INDEX 02 00:02:00\n") != std::string::npos);
  CHECK(cue.find("  TRACK 02 AUDIO\n    TITLE \"Closing\"\n    PERFORMER \"Guest\"\n    INDEX 00 00:04:00\n"
                 "    INDEX 01 00:05:00\n") != std::string::npos);
  const std::string toc = cdrdaoToc(s, "disc.wav");
  INFO(toc);
  CHECK(toc.find("CATALOG \"0724384960650\"") != std::string::npos);
  CHECK(toc.find("LANGUAGE_MAP { 0 : EN }") != std::string::npos);
  CHECK(toc.find("TITLE \"Closing\"") != std::string::npos);
  CHECK(toc.find("INDEX 00:02:00") != std::string::npos);
}

TEST_CASE("SAO: the CD-TEXT lead-in is optional and needs 2448-byte blocks", "[vdrive][sao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(2, false, 0, 0).good());
  const Bytes cue = cdTextCue();
  REQUIRE(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(cue.size()), 0}, cue).good());
  CHECK(write10(rig, -11634, 1, Bytes(2352, 0)).sense() == "5/64/00");  // lead-in without R–W
  CHECK(write10(rig, -150, 1, Bytes(2352, 0)).sense() == "GOOD");       // the host may skip the lead-in
  Bytes badIsrc = cdTextCue();
  badIsrc[26] = '#';
  Rig other;
  REQUIRE(other.selectWriteParams(2, false, 0, 0).good());
  CHECK(other.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(badIsrc.size()), 0}, badIsrc).sense() == "5/26/00");
  Bytes badMcn = cdTextCue();
  badMcn[3] = 'x';
  CHECK(other.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(badMcn.size()), 0}, badMcn).sense() == "5/26/00");
}
