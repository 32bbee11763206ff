// Drive buffer and real-time pacing on a FakeClock, buffer underrun with and without BUFE, and MMC-level faults.
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Rig;

namespace {
DriveOptions realTime(double x) {
  DriveOptions o;
  o.writeSpeedX = x;
  return o;
}
std::uint32_t freeBytes(Rig& rig) { return rig.cmd({0x5C, 0, 0, 0, 0, 0, 0, 0, 12, 0}).be32(8); }
}  // namespace

TEST_CASE("Buffer: fills with WRITE, drains at speed x 75 sectors/s of clock time", "[vdrive][buffer]") {
  Rig rig(MediaKind::CdR80, realTime(1));
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  const std::uint32_t capacity = 2 * 1024 * 1024;
  CHECK(freeBytes(rig) == capacity);
  REQUIRE(rig.write(0, 27).good());
  CHECK(freeBytes(rig) == capacity - 27 * 2352);
  rig.clock.advance(100);  // 7.5 sectors at 1x
  CHECK(freeBytes(rig) == capacity - 27 * 2352 + 7 * 2352 + 1176);
  SECTION("a full buffer makes WRITE wait on the clock") {
    const double before = rig.clock.nowMs();
    for (int i = 1; i <= 40; ++i) REQUIRE(rig.write(27 * i, 27).good());
    // 1107 sectors written in total, the buffer holds ≈ 891.6: the rest had to drain at 75 sectors/s.
    const double waited = rig.clock.nowMs() - before;
    CHECK(waited > 2500);
    CHECK(waited < 3000);
    CHECK(freeBytes(rig) < 27 * 2352);
    // SYNCHRONIZE CACHE waits until everything is recorded.
    REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    CHECK(freeBytes(rig) == capacity);
    CHECK(rig.clock.nowMs() - before > 1107 / 75.0 * 1000 - 200);
  }
}

TEST_CASE("Buffer underrun: loss of streaming without BUFE, pause and resume with BUFE", "[vdrive][buffer]") {
  SECTION("BUFE = 0 → 3/0C/09 and a damaged track closed at what was written") {
    Rig rig(MediaKind::CdR80, realTime(4));
    REQUIRE(rig.selectWriteParams(1, false, 0, 0, false).good());
    REQUIRE(rig.write(0, 27).good());
    rig.clock.advance(10);
    REQUIRE(rig.write(27, 27).good());  // in time
    rig.clock.advance(1000);            // 54 sectors drain in 180 ms at 4x
    CHECK(rig.write(54, 27).sense() == "3/0C/09");
    auto ti = rig.cmd({0x52, 1, 0, 0, 0, 1, 0, 0, 36, 0});
    CHECK((ti.data()[5] & 0x20) != 0);  // damage
    CHECK(ti.be32(24) == 54);
    CHECK(rig.nwa() == 54 + 150);
  }
  SECTION("BUFE = 1 → no error, recording resumes") {
    Rig rig(MediaKind::CdR80, realTime(4));
    REQUIRE(rig.selectWriteParams(1, false, 0, 0, true).good());
    REQUIRE(rig.write(0, 27).good());
    rig.clock.advance(1000);
    CHECK(rig.write(27, 27).good());
    REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    CHECK(rig.drive.mediumState().tracks[0].length == 54);
    CHECK_FALSE(rig.drive.mediumState().tracks[0].damaged);
  }
  SECTION("unthrottled (speed 0) never underruns") {
    Rig rig;
    REQUIRE(rig.selectWriteParams(1, false, 0).good());
    REQUIRE(rig.write(0, 27).good());
    rig.clock.advance(1e6);
    CHECK(rig.write(27, 27).good());
  }
}

TEST_CASE("Faults: not ready for a time or a number of commands", "[vdrive][faults]") {
  Rig rig;
  rig.drive.faults().notReadyUntil(rig.clock.nowMs(), 500);
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "2/04/01");
  CHECK(rig.cmd({0x12, 0, 0, 0, 36, 0}).good());  // INQUIRY is always answered
  rig.clock.advance(499);
  CHECK(rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}).sense() == "2/04/01");
  rig.clock.advance(1);
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
  rig.drive.faults().notReadyForCommands(2);
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "2/04/01");
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "2/04/01");
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
}

TEST_CASE("Faults: medium removed after N writes", "[vdrive][faults]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  rig.drive.faults().removeMediumAfterWrites(2);
  CHECK(rig.write(0, 10).good());
  CHECK(rig.write(10, 10).good());
  CHECK(rig.write(20, 10).sense() == "2/3A/00");
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "2/3A/00");
  REQUIRE(rig.drive.mediumState().tracks.size() == 1);
  CHECK(rig.drive.mediumState().tracks[0].length == 20);
  CHECK(rig.drive.mediumState().tracks[0].damaged);
  rig.drive.closeTray();
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "6/28/00");
  CHECK(rig.nwa() == 170);
}

TEST_CASE("Faults: write error at an LBA keeps the sectors before it", "[vdrive][faults]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  rig.drive.faults().writeErrorAt(37);
  CHECK(rig.write(0, 27).good());
  CHECK(rig.write(27, 27).sense() == "3/0C/00");
  auto sense = rig.cmd({0x03, 0, 0, 0, 18, 0});
  CHECK(sense.data()[0] == 0xF0);  // INFORMATION valid
  CHECK(sense.be32(3) == 37);
  CHECK(rig.drive.mediumState().tracks[0].length == 37);
  CHECK(rig.store.storedSectorCount() == 37);
}

TEST_CASE("Faults: unit attention once, not on INQUIRY", "[vdrive][faults]") {
  Rig rig;
  rig.drive.faults().unitAttentionOnce();
  CHECK(rig.cmd({0x12, 0, 0, 0, 36, 0}).good());
  CHECK(rig.cmd({0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0}).good());
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "6/28/00");
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
}

TEST_CASE("Buffer: SET CD SPEED changes the pace when real-time emulation is on", "[vdrive][buffer]") {
  Rig rig(MediaKind::CdR80, realTime(4));
  REQUIRE(rig.selectWriteParams(1, false, 0, 0, true).good());
  const std::uint32_t capacity = 2 * 1024 * 1024;
  REQUIRE(rig.write(0, 27).good());
  rig.clock.advance(10);  // 4x: 3 sectors
  CHECK(freeBytes(rig) == capacity - 24 * 2352);
  REQUIRE(rig.cmd({0xBB, 0, 0xFF, 0xFF, 0x0B, 0x05, 0, 0, 0, 0, 0, 0}).good());  // 2821 kB/s → 8x (16x = 2822)
  rig.clock.advance(10);  // 8x: 6 sectors
  CHECK(freeBytes(rig) == capacity - 18 * 2352);
  Rig unpaced;
  REQUIRE(unpaced.cmd({0xBB, 0, 0xFF, 0xFF, 0x0B, 0x05, 0, 0, 0, 0, 0, 0}).good());
  REQUIRE(unpaced.write(0, 27).good());
  CHECK(freeBytes(unpaced) == capacity);  // still unthrottled
}
