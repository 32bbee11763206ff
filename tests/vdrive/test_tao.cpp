// Track-At-Once recording: NWA rules, TOC after closing, sessions, test write, read-back, persistence.
#include "core/cd/msf.h"
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Rig;

TEST_CASE("TAO: two tracks, pause between them, TOC formats 0/1/2 after finalising", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  CHECK(rig.writeTrack(300, 0x10) == 0);
  // Between tracks the invisible track starts 150 sectors (the drive-written pause) after the end.
  CHECK(rig.nwa() == 450);
  auto ti1 = rig.cmd({0x52, 1, 0, 0, 0, 1, 0, 0, 36, 0});
  CHECK(ti1.be32s(8) == 0);
  CHECK(ti1.be32s(24) == 300);
  CHECK(ti1.be32s(28) == 299);
  CHECK((ti1.data()[7] & 0x03) == 0x02);  // LRA valid, no NWA
  CHECK(rig.cmd({0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0}).be32s(16) == 359849 - 450);
  CHECK(rig.writeTrack(400, 0x20) == 450);
  // Open session: appendable, incomplete; TOC shows the closed tracks.
  auto di = rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0});
  CHECK((di.data()[2] & 0x0F) == 0x05);  // incomplete session, appendable disc
  CHECK(di.data()[6] == 3);              // last track in last session = invisible track 3
  REQUIRE(rig.closeSession().good());
  di = rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0});
  CHECK((di.data()[2] & 0x0F) == 0x0E);  // complete session, complete disc
  CHECK(di.data()[4] == 1);
  CHECK(di.data()[6] == 2);
  CHECK(di.be32(16) == 0xFFFFFFFF);
  // Format 0, LBA.
  auto toc = rig.cmd({0x43, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0});
  REQUIRE(toc.good());
  REQUIRE(toc.data().size() == 4 + 3 * 8);
  CHECK(toc.be16(0) == 26);
  CHECK(toc.data()[2] == 1);
  CHECK(toc.data()[3] == 2);
  CHECK(toc.data()[5] == 0x10);  // ADR 1, audio
  CHECK(toc.be32s(8) == 0);
  CHECK(toc.data()[14] == 2);
  CHECK(toc.be32s(16) == 450);
  CHECK(toc.data()[22] == 0xAA);
  CHECK(toc.be32s(24) == 850);
  // Format 0, MSF: track 2 at 00:08:00 (450 + 150), lead-out 00:13:25.
  auto msf = rig.cmd({0x43, 0x02, 0, 0, 0, 0, 2, 0, 0xFF, 0});
  REQUIRE(msf.data().size() == 4 + 2 * 8);
  CHECK(msf.data()[9] == 0);
  CHECK(msf.data()[10] == 8);
  CHECK(msf.data()[11] == 0);
  CHECK(msf.data()[17] == 0);
  CHECK(msf.data()[18] == 13);
  CHECK(msf.data()[19] == 25);
  // Format 1: one complete session starting with track 1 at LBA 0.
  auto s = rig.cmd({0x43, 0, 1, 0, 0, 0, 0, 0, 12, 0});
  CHECK(s.data() == vtest::Bytes{0, 0x0A, 1, 1, 0, 0x10, 1, 0, 0, 0, 0, 0});
  // Format 2: A0, A1, A2, track 1, track 2 (no B0: finalised).
  auto full = rig.cmd({0x43, 0x02, 2, 0, 0, 0, 0, 0, 0xFF, 0xFF});
  REQUIRE(full.good());
  REQUIRE(full.data().size() == 4 + 5 * 11);
  const auto& f = full.data();
  CHECK(f[4 + 3] == 0xA0);
  CHECK(f[4 + 8] == 1);
  // Byte 1 of every descriptor: ADR (1) in bits 7-4, CONTROL (0 = 2-channel audio) in bits 3-0 (MMC-6 READ TOC).
  for (std::size_t p = 4; p + 11 <= f.size(); p += 11) CHECK(f[p + 1] == 0x10);
  CHECK(f[15 + 3] == 0xA1);
  CHECK(f[15 + 8] == 2);
  CHECK(f[26 + 3] == 0xA2);
  CHECK((kiln::cd::msfToLba({f[26 + 8], f[26 + 9], f[26 + 10]})) == 850);
  CHECK(f[48 + 3] == 2);
  CHECK((kiln::cd::msfToLba({f[48 + 8], f[48 + 9], f[48 + 10]})) == 450);
  // Finalised: no invisible track, writes refused.
  CHECK(rig.cmd({0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0}).sense() == "5/24/00");
  CHECK(rig.write(1000, 1).sense() == "5/21/02");
  // The link area of the second laser start sits at the start of the pause.
  REQUIRE(rig.drive.mediumState().linkAreas.size() == 1);
  CHECK(rig.drive.mediumState().linkAreas[0].start == 300);
  CHECK(rig.drive.mediumState().tracks[1].pregap == 150);
}

TEST_CASE("TAO: write address and size rules", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  CHECK(rig.write(1, 1).sense() == "5/21/02");    // not at NWA
  CHECK(rig.write(-150, 1).sense() == "5/21/02");  // the lead-in pause is the drive's job
  CHECK(rig.write(0, 10).good());
  CHECK(rig.write(5, 1).sense() == "5/21/02");     // must continue sequentially
  CHECK(rig.write(10, 5).good());
  // Wrong data length for the transfer length (block type 0 = 2352 bytes).
  vtest::Bytes shortData(2000);
  CHECK(rig.cmd({0x2A, 0, 0, 0, 0, 15, 0, 0, 1, 0}, shortData).sense() == "5/24/00");
  // Block type 8 (Mode 1) is accepted by MODE SELECT but not recorded: 5/64/00.
  REQUIRE(rig.selectWriteParams(1, false, 0, 8).good());
  vtest::Bytes mode1(2048);
  CHECK(rig.cmd({0x2A, 0, 0, 0, 0, 15, 0, 0, 1, 0}, mode1).sense() == "5/64/00");
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  // Write with no medium.
  rig.drive.openTray();
  CHECK(rig.write(15, 1).sense() == "2/3A/00");
}

TEST_CASE("TAO: WRITE past the last possible lead-out start answers 5/21/00", "[vdrive][tao]") {
  Rig rig(MediaKind::CdR74);
  REQUIRE(rig.selectWriteParams(1, false, 3).good());
  rig.writeTrack(1);
  // One sector more than the free blocks of the invisible track, in a single WRITE(12) at its NWA.
  const std::int32_t nwa = rig.nwa();
  auto ti = rig.cmd({0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0});
  const std::uint32_t free = ti.be32(16);
  CHECK(free == 332849u - static_cast<std::uint32_t>(nwa));
  vtest::Bytes cdb(12, 0);
  cdb[0] = 0xAA;
  kiln::scsi::putBe32s(cdb, 2, nwa);
  kiln::scsi::putBe32(cdb, 6, free + 1);
  vtest::Bytes data(static_cast<std::size_t>(free + 1) * 2352);
  CHECK(rig.cmdBytes(cdb, data).sense() == "5/21/00");
}

TEST_CASE("TAO: appendable session, second session at lead-out + 11400, third at + 6900", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 3).good());
  rig.writeTrack(300);
  REQUIRE(rig.closeSession().good());
  auto di = rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0});
  CHECK((di.data()[2] & 0x0F) == 0x01);  // empty last session, appendable disc
  CHECK(di.data()[4] == 2);              // the empty next session counts
  CHECK(di.data()[5] == 2);
  CHECK(di.data()[6] == 2);
  const std::int32_t nwa2 = rig.nwa();
  CHECK(nwa2 == 300 + 11400);
  // Lead-in of the next session: lead-out 6750 after the first session's lead-out start.
  CHECK(kiln::cd::msfToLba({di.data()[17], di.data()[18], di.data()[19]}) == 300 + 6750);
  CHECK(rig.writeTrack(300) == nwa2);
  REQUIRE(rig.closeSession().good());
  CHECK(rig.nwa() == nwa2 + 300 + 6900);
  // Full TOC: session 1 has B0 (next program area, max lead-out) and C0; session 2 its own A0..A2 and B0.
  auto full = rig.cmd({0x43, 0x02, 2, 0, 0, 0, 0, 0, 0xFF, 0xFF});
  REQUIRE(full.good());
  const auto& f = full.data();
  CHECK(f[2] == 1);
  CHECK(f[3] == 2);
  std::vector<int> points;
  for (std::size_t p = 4; p + 11 <= f.size(); p += 11) points.push_back(f[p] * 1000 + f[p + 3]);
  CHECK(points == std::vector<int>{1000 + 0xA0, 1000 + 0xA1, 1000 + 0xA2, 1001, 1000 + 0xB0, 1000 + 0xC0,
                                   2000 + 0xA0, 2000 + 0xA1, 2000 + 0xA2, 2002, 2000 + 0xB0});
  const std::size_t b0 = 4 + 4 * 11;
  CHECK(f[b0 + 1] == 0x50);  // ADR 5 in the high nibble
  CHECK(kiln::cd::msfToLba({f[b0 + 8], f[b0 + 9], f[b0 + 10]}) == 359849);
  // Session info: last complete session 2, first track 2.
  auto s = rig.cmd({0x43, 0, 1, 0, 0, 0, 0, 0, 12, 0});
  CHECK(s.data()[3] == 2);
  CHECK(s.data()[6] == 2);
  CHECK(s.be32s(8) == nwa2);
  // Track info by session number 2 is track 2.
  CHECK(rig.cmd({0x52, 2, 0, 0, 0, 2, 0, 0, 36, 0}).data()[2] == 2);
}

TEST_CASE("TAO: Test Write records nothing and leaves the disc blank", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, true, 0).good());
  CHECK(rig.writeTrack(100) == 0);
  CHECK(rig.nwa() == 250);  // the simulation advances like a real burn
  CHECK(rig.writeTrack(50) == 250);
  REQUIRE(rig.closeSession().good());
  CHECK(rig.store.storedSectorCount() == 0);
  CHECK(rig.drive.mediumState().tracks.empty());
  auto di = rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0});
  CHECK((di.data()[2] & 0x03) == 0);
  CHECK(rig.nwa() == 0);
}

TEST_CASE("TAO: READ CD returns what was written, with Q sub-channel; READ(10) refuses audio", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  rig.writeTrack(300, 0x10);
  rig.writeTrack(300, 0x40);
  REQUIRE(rig.closeSession().good());
  // Sector 5 of track 1 was filled with 0x15.
  auto one = rig.cmd({0xBE, 0x04, 0, 0, 0, 5, 0, 0, 1, 0x10, 0, 0});
  REQUIRE(one.good());
  REQUIRE(one.data().size() == 2352);
  CHECK(std::all_of(one.data().begin(), one.data().end(), [](std::uint8_t b) { return b == 0x15; }));
  // Pause between the tracks reads as zeros, with Q index 0 counting down and P set.
  auto pause = rig.cmd({0xBE, 0x00, 0, 0, 0x01, 0x2C + 10, 0, 0, 1, 0xF8, 0x02, 0});  // LBA 310, +16 Q
  REQUIRE(pause.data().size() == 2352 + 16);
  CHECK(std::all_of(pause.data().begin(), pause.data().begin() + 2352, [](std::uint8_t b) { return b == 0; }));
  const std::uint8_t* q = &pause.data()[2352];
  CHECK(q[0] == 0x01);
  CHECK(q[1] == 0x02);  // track 2
  CHECK(q[2] == 0x00);  // index 0
  CHECK(q[4] == 0x01);  // relative 00:01:65 before index 1 (140 sectors) → sec 1
  CHECK(q[5] == 0x65);
  CHECK(q[15] == 0x80);  // P
  // Raw P-W of LBA 0: Q bits in bit 6, CRC correct when reassembled.
  auto raw = rig.cmd({0xBE, 0x00, 0, 0, 0, 0, 0, 0, 1, 0x00, 0x01, 0});
  REQUIRE(raw.data().size() == 96);
  std::uint8_t qq[12] = {};
  for (int i = 0; i < 96; ++i) qq[i / 8] |= static_cast<std::uint8_t>(((raw.data()[i] >> 6) & 1) << (7 - i % 8));
  CHECK(qq[1] == 0x01);
  CHECK(qq[2] == 0x01);
  CHECK(qq[7] == 0x00);
  CHECK(qq[8] == 0x02);  // absolute 00:02:00
  std::uint16_t crc = 0;
  for (int i = 0; i < 10; ++i) {
    crc ^= static_cast<std::uint16_t>(qq[i] << 8);
    for (int b = 0; b < 8; ++b) crc = static_cast<std::uint16_t>(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
  }
  CHECK(static_cast<std::uint16_t>(~crc) == (qq[10] << 8 | qq[11]));
  // A READ CD larger than the host buffer is cut to it.
  CHECK(rig.cmd({0xBE, 0x04, 0, 0, 0, 0, 0, 0x02, 0x00, 0x10, 0, 0}, {}, 3 * 2352).data().size() == 3 * 2352);
  CHECK(rig.cmd({0x28, 0, 0, 0, 0, 5, 0, 0, 1, 0}).sense() == "5/64/00");
  CHECK(rig.cmd({0xBE, 0x08, 0, 0, 0, 5, 0, 0, 1, 0x10, 0, 0}).sense() == "5/64/00");  // expected Mode 1
  CHECK(rig.cmd({0xBE, 0x00, 0, 0, 0x03, 0x52, 0, 0, 1, 0x10, 0, 0}).sense() == "5/21/00");  // LBA 850
  auto cap = rig.cmd({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(cap.be32(0) == 749);
}

TEST_CASE("TAO: state survives reopening the store; an open track is closed at its last sector", "[vdrive][tao]") {
  MemoryStore store;
  kiln::FakeClock clock;
  {
    VirtualDrive drive(store, MediaKind::CdR80, clock);
    vtest::Bytes data(20 * 2352, 0x33);
    const std::uint8_t w[10] = {0x2A, 0, 0, 0, 0, 0, 0, 0, 20, 0};
    REQUIRE(drive.target().execute(w, data, 0).status == kiln::scsi::Status::Good);
    CHECK(store.saveCount() >= 2);  // blank disc, then the track start
  }
  VirtualDrive reopened(store, MediaKind::CdR74, clock);  // the stored kind wins
  const auto& s = reopened.mediumState();
  CHECK(s.kind == MediaKind::CdR80);
  REQUIRE(s.tracks.size() == 1);
  CHECK_FALSE(s.tracks[0].open);
  CHECK(s.tracks[0].length == 20);
  const std::uint8_t ti[10] = {0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0};
  auto a = reopened.target().execute(ti, {}, 36);
  CHECK(kiln::scsi::getBe32s(a.dataIn, 12) == 170);
}

TEST_CASE("CLOSE TRACK fixes the track like SYNCHRONIZE CACHE; BLANK on CD-RW and CD-R", "[vdrive][tao]") {
  Rig rig(MediaKind::CdRw80);
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  REQUIRE(rig.write(0, 27).good());
  CHECK(rig.cmd({0x5B, 0, 0x01, 0, 0, 0xFF, 0, 0, 0, 0}).good());
  CHECK(rig.nwa() == 177);
  CHECK(rig.cmd({0x5B, 0, 0x05, 0, 0, 0, 0, 0, 0, 0}).sense() == "5/24/00");
  REQUIRE(rig.closeSession().good());
  CHECK(rig.cmd({0xA1, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());  // minimal blank
  CHECK(rig.drive.mediumState().tracks.empty());
  CHECK(rig.store.storedSectorCount() == 0);
  CHECK(rig.nwa() == 0);
  CHECK(rig.cmd({0xA1, 0x02, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}).sense() == "5/24/00");
  Rig cdr;
  CHECK(cdr.cmd({0xA1, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).sense() == "5/30/00");
}

TEST_CASE("READ TOC: the SFF-8020i format in control byte bits 7-6 (Linux multisession query)", "[vdrive][tao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 3).good());
  rig.writeTrack(300);
  REQUIRE(rig.closeSession().good());
  rig.writeTrack(300);
  REQUIRE(rig.closeSession().good());
  auto s = rig.cmd({0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0x40});
  REQUIRE(s.good());
  CHECK(s.data()[3] == 2);          // last complete session
  CHECK(s.be32s(8) == 300 + 11400);  // its first track
}
