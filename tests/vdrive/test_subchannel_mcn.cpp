// MCN/ISRC from page 05h recorded with the track, READ SUB-CHANNEL, READ HEADER, GET PERFORMANCE lengths,
// Random Readable currency — behaviour found by the interop lab (real kernel + cd-info/cdrskin).
#include "vdrive/export.h"
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Bytes;
using vtest::Rig;

namespace {

/// Selects TAO audio with an MCN (disc) and an ISRC (next track) in page 05h.
void selectWithCodes(Rig& rig, const std::string& mcn, const std::string& isrc) {
  Bytes list = rig.cmd({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0}).data();
  list[0] = list[1] = 0;
  const std::size_t o = 8;
  list[o + 16] = 0x80;
  std::copy(mcn.begin(), mcn.end(), list.begin() + o + 17);
  list[o + 32] = 0x80;
  std::copy(isrc.begin(), isrc.end(), list.begin() + o + 33);
  REQUIRE(rig.cmd({0x55, 0x10, 0, 0, 0, 0, 0, 0, 60, 0}, list).good());
}

}  // namespace

TEST_CASE("MCN and ISRC from page 05h: READ SUB-CHANNEL, state, CUE and TOC export", "[vdrive][subchannel]") {
  Rig rig;
  // Blank disc: MCN format answers with MCVal 0; ISRC of a missing track is an invalid field.
  auto blankMcn = rig.cmd({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 0x18, 0});
  REQUIRE(blankMcn.good());
  REQUIRE(blankMcn.data().size() == 24);
  CHECK(blankMcn.data()[1] == 0x15);
  CHECK(blankMcn.data()[8] == 0x00);
  CHECK(rig.cmd({0x42, 0, 0x40, 0x03, 0, 0, 1, 0, 0x18, 0}).sense() == "5/24/00");
  selectWithCodes(rig, "0123456789012", "USKLN2600001");
  rig.writeTrack(300);
  auto mcn = rig.cmd({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 0x18, 0});
  CHECK(mcn.data()[8] == 0x80);
  CHECK(std::string(mcn.data().begin() + 9, mcn.data().begin() + 22) == "0123456789012");
  auto isrc = rig.cmd({0x42, 0, 0x40, 0x03, 0, 0, 1, 0, 0x18, 0});
  CHECK(isrc.data()[6] == 1);
  CHECK(isrc.data()[8] == 0x80);
  CHECK(std::string(isrc.data().begin() + 9, isrc.data().begin() + 21) == "USKLN2600001");
  auto pos = rig.cmd({0x42, 0x02, 0x40, 0x01, 0, 0, 0, 0, 0x10, 0});
  REQUIRE(pos.data().size() == 16);
  CHECK(pos.data()[4] == 0x01);
  CHECK(pos.data()[6] == 1);
  CHECK(pos.data()[10] == 2);  // MSF 00:02:00
  auto headerOnly = rig.cmd({0x42, 0, 0x00, 0x01, 0, 0, 0, 0, 0x10, 0});
  CHECK(headerOnly.data().size() == 4);
  CHECK(rig.cmd({0x42, 0, 0x40, 0x07, 0, 0, 0, 0, 0x10, 0}).sense() == "5/24/00");
  const auto& s = rig.drive.mediumState();
  CHECK(s.mcn == "0123456789012");
  CHECK(s.tracks[0].isrc == "USKLN2600001");
  const std::string cue = cueSheet(s, "d.bin");
  CHECK(cue.find("CATALOG 0123456789012\n") != std::string::npos);
  CHECK(cue.find("    ISRC USKLN2600001\n") != std::string::npos);
  const std::string toc = cdrdaoToc(s, "d.wav");
  CHECK(toc.find("CATALOG \"0123456789012\"\n") != std::string::npos);
  CHECK(toc.find("ISRC \"USKLN2600001\"\n") != std::string::npos);
  // READ HEADER on CD-DA: illegal mode; outside the recorded area: LBA out of range.
  CHECK(rig.cmd({0x44, 0, 0, 0, 0, 10, 0, 0, 8, 0}).sense() == "5/64/00");
  CHECK(rig.cmd({0x44, 0, 0, 0, 0x10, 0, 0, 0, 8, 0}).sense() == "5/21/00");
}

TEST_CASE("GET PERFORMANCE reports the length of all descriptors whatever the count asked", "[vdrive][info]") {
  Rig rig;
  auto none = rig.cmd({0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0});
  REQUIRE(none.data().size() == 8);
  CHECK(none.be32(0) == 4 + 5 * 16);
  auto two = rig.cmd({0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0x03, 0});
  CHECK(two.data().size() == 8 + 2 * 16);
  CHECK(two.be32(0) == 4 + 5 * 16);
  auto nominal = rig.cmd({0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(nominal.be32(0) == 4 + 16);
}

TEST_CASE("Random Readable (0010h) is current only when something is recorded", "[vdrive][ident]") {
  Rig rig;
  auto current = [&rig] {
    auto a = rig.cmd({0x46, 2, 0x00, 0x10, 0, 0, 0, 0, 0x20, 0});
    REQUIRE(a.data().size() == 8 + 12);
    return (a.data()[8 + 2] & 1) == 1;
  };
  CHECK_FALSE(current());
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  rig.writeTrack(300);
  CHECK(current());
}

TEST_CASE("READ CD sub-channel carries the MCN and ISRC frames the drive inserts", "[vdrive][subchannel]") {
  Rig rig;
  selectWithCodes(rig, "0123456789012", "USKLN2600001");
  rig.writeTrack(300);
  auto adrOf = [&rig](int lba) {
    auto a = rig.cmd({0xBE, 0, 0, 0, 0, lba, 0, 0, 1, 0x00, 0x02, 0});  // 16-byte formatted Q only
    REQUIRE(a.data().size() == 16);
    return a.data()[0] & 0x0F;
  };
  CHECK(adrOf(49) == 1);
  CHECK(adrOf(50) == 2);   // (50 + 150) % 100 == 0: MCN
  CHECK(adrOf(60) == 3);   // (60 + 150) % 100 == 10: ISRC
  CHECK(adrOf(0) == 1);    // the first sector of index 1 always carries the position
  auto q = rig.cmd({0xBE, 0, 0xFF, 0xFF, 0xFF, 0x6A, 0, 0, 1, 0x00, 0x02, 0});  // LBA −150: track 1 pregap
  REQUIRE(q.good());
  CHECK(q.data()[1] == 0x01);
  CHECK(q.data()[2] == 0x00);
  CHECK(q.data()[15] == 0x80);
}
