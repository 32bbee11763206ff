// RAW recording (write type 3, data block types 1/2/3) of images built by the core's RawImageCreator: the drive
// decodes Q (TOC, indexes, MCN, ISRC) and the lead-in R–W (CD-TEXT), stores the main channel and R–W, and a write
// that stops early leaves an incomplete disc that only BLANK (CD-RW) clears.
#include <variant>

#include "core/cd/cdtext.h"
#include "core/cd/subcode.h"
#include "raw_test_util.h"

using namespace kiln;
using namespace kiln::vdrive;
using formats::RawCdSectorType;
using vtest::Album;
using vtest::Answer;
using vtest::Bytes;
using vtest::Rig;

namespace {

Answer discInfo(Rig& rig) { return rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}); }

/// The layout the image encodes, as the drive should have recorded it.
void checkTracksMatchLayout(const MediumState& s, const cd::DiscLayout& layout) {
  REQUIRE(s.tracks.size() == layout.tracks.size());
  for (std::size_t i = 0; i < s.tracks.size(); ++i) {
    INFO("track " << i + 1);
    const auto& t = s.tracks[i];
    const auto& l = layout.tracks[i];
    CHECK(t.start == l.start);
    CHECK(t.pregap == l.pregap);
    CHECK(t.length == l.length);
    CHECK(t.control == l.control);
    CHECK(t.isrc == l.isrc);
    CHECK(t.indexStarts == l.indexStarts);
    CHECK_FALSE(t.damaged);
  }
}

}  // namespace

TEST_CASE("RAW: block types 1/2/3 record the image; TOC, indexes, MCN, ISRC, CD-TEXT and audio", "[vdrive][raw]") {
  const int type = GENERATE(1, 2, 3);
  INFO("data block type " << type);
  Rig rig;
  Album album(static_cast<RawCdSectorType>(type));
  Album reference(static_cast<RawCdSectorType>(type));
  const cd::DiscLayout layout = album.creator.discLayout();
  vtest::burnRaw(rig, *album.image);

  const MediumState& s = rig.drive.mediumState();
  checkTracksMatchLayout(s, layout);
  CHECK(s.finalized);
  CHECK_FALSE(s.incomplete);
  CHECK(s.mcn == "0724384960650");
  CHECK(s.notes.empty());
  CHECK(s.subchannel == (type != 1));
  if (type == 1) {
    CHECK(s.cdText.empty());
  } else {
    REQUIRE_FALSE(s.cdText.empty());
    CHECK(cd::parseCdTextPacks(s.cdText).blocks.front().texts == album.text.blocks.front().texts);
  }

  // READ TOC format 0 is exactly what IRawCDImageCreator::ExpectedTableOfContents promised.
  Answer toc0 = rig.cmd({0x43, 0, 0, 0, 0, 0, 0, 0x03, 0x00, 0});
  REQUIRE(toc0.good());
  CHECK(toc0.data() == album.creator.expectedTableOfContents());
  Answer toc1 = rig.cmd({0x43, 0, 1, 0, 0, 0, 0, 0, 12, 0});
  REQUIRE(toc1.good());
  CHECK(toc1.data()[6] == 1);
  CHECK(toc1.be32s(8) == 0);
  Answer toc2 = rig.cmd({0x43, 0, 2, 0, 0, 0, 0, 0x03, 0x00, 0});
  REQUIRE(toc2.good());
  const Bytes& d2 = toc2.data();
  REQUIRE(d2.size() == 4 + 11 * 6);
  CHECK(d2[4 + 3] == 0xA0);
  CHECK(d2[4 + 8] == 1);  // first track
  CHECK(d2[15 + 3] == 0xA1);
  CHECK(d2[15 + 8] == 3);  // last track
  CHECK(d2[26 + 3] == 0xA2);
  const cd::Msf leadOut = cd::lbaToMsf(album.image->layout().leadOutStart());
  CHECK(d2[26 + 8] == leadOut.m);
  CHECK(d2[26 + 9] == leadOut.s);
  CHECK(d2[26 + 10] == leadOut.f);
  CHECK(d2[59 + 1] == 0x12);  // track 3: ADR 1 (high nibble), CONTROL 2 = copy permitted

  // READ TOC format 5 returns the CD-TEXT packs (type 1 carries none: 5/24/00).
  Answer text = rig.cmd({0x43, 0, 5, 0, 0, 0, 0, 0xFF, 0xFF, 0});
  if (type == 1) {
    CHECK(text.sense() == "5/24/00");
  } else {
    REQUIRE(text.good());
    REQUIRE(text.data().size() == 4 + 18 * s.cdText.size());
    CHECK(text.be16(0) == text.data().size() - 2);
    CHECK(std::equal(s.cdText.front().begin(), s.cdText.front().end(), text.data().begin() + 4));
  }

  Answer info = discInfo(rig);
  CHECK((info.data()[2] & 0x03) == 2);  // complete
  CHECK(((info.data()[2] >> 2) & 0x03) == 3);

  // Main channel from −150 to the lead-out is what the image carried.
  reference.image->skipSectors(-150 - reference.image->firstLba());
  std::int64_t mainMismatches = 0, subMismatches = 0;
  Bytes want(static_cast<std::size_t>(reference.image->bytesPerSector())), got(2352), sub(96);
  for (std::int32_t lba = -150; lba < album.image->layout().leadOutStart(); ++lba) {
    REQUIRE(reference.image->read(want) == want.size());
    rig.store.readSectors(lba, got);
    if (!std::equal(got.begin(), got.end(), want.begin())) ++mainMismatches;
    if (type == 3) {
      rig.store.readSubchannel(lba, sub);
      if (!std::equal(sub.begin(), sub.end(), want.begin() + 2352)) ++subMismatches;
    }
  }
  CHECK(mainMismatches == 0);
  CHECK(subMismatches == 0);

  // READ CD of track 2's first sector: its audio and a Q that says track 2 index 1; INDEX 02 where it was marked.
  const std::int32_t t2 = layout.tracks[1].start;
  Answer rd = rig.cmd({0xBE, 0x04, (t2 >> 24) & 0xFF, (t2 >> 16) & 0xFF, (t2 >> 8) & 0xFF, t2 & 0xFF, 0, 0, 1, 0xF8, 2, 0});
  REQUIRE(rd.good());
  REQUIRE(rd.data().size() == 2352 + 16);
  for (int i = 0; i < 2352; i += 97) CHECK(rd.data()[i] == vtest::SeedStream::byteAt(static_cast<std::uint64_t>(i), 2));
  const std::int32_t idx2 = layout.tracks[1].indexStarts.at(0);
  Answer rq = rig.cmd({0xBE, 0x04, (idx2 >> 24) & 0xFF, (idx2 >> 16) & 0xFF, (idx2 >> 8) & 0xFF, idx2 & 0xFF, 0, 0, 1, 0, 2, 0});
  REQUIRE(rq.good());
  const auto q = cd::unpackPq16(rq.data().data()).first;
  const auto frame = cd::decodeQ(q);
  REQUIRE(frame);
  REQUIRE(std::holds_alternative<cd::QPosition>(*frame));
  CHECK(std::get<cd::QPosition>(*frame).track == 2);
  CHECK(std::get<cd::QPosition>(*frame).index == 2);

  // READ SUB-CHANNEL: MCN and track 2's ISRC.
  Answer mcn = rig.cmd({0x42, 0, 0x40, 0x02, 0, 0, 0, 0, 24, 0});
  REQUIRE(mcn.good());
  CHECK(std::string(mcn.data().begin() + 9, mcn.data().begin() + 22) == "0724384960650");
  Answer isrc = rig.cmd({0x42, 0, 0x40, 0x03, 0, 0, 2, 0, 24, 0});
  REQUIRE(isrc.good());
  CHECK(std::string(isrc.data().begin() + 9, isrc.data().begin() + 21) == "GBAYE6700149");
}

TEST_CASE("RAW: addressing — lead-in start first, sequential, one block type, blank disc only", "[vdrive][raw]") {
  Rig rig;
  CHECK(rig.nwa() == 0);  // TAO (the default write type): the first track's INDEX 01
  CHECK(rig.selectWriteParams(3, false, 0, 0).sense() == "5/26/00");  // RAW needs block type 1–3
  REQUIRE(rig.selectWriteParams(3, false, 0, 3).good());
  CHECK(rig.nwa() == -11634);  // RAW on a blank disc: the ATIP lead-in start, as cdrecord expects of real drives
  auto rawWrite = [&rig](std::int32_t lba, int n, std::size_t bytes = 2448) {
    Bytes c(10, 0);
    c[0] = 0x2A;
    scsi::putBe32s(c, 2, lba);
    scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
    return rig.cmdBytes(c, Bytes(bytes * static_cast<std::size_t>(n), 0));
  };
  CHECK(rawWrite(-150, 1).sense() == "5/21/02");     // not at the lead-in start
  CHECK(rawWrite(-11633, 1).sense() == "5/21/02");
  CHECK(rawWrite(-11634, 2, 2352).sense() == "5/24/00");  // 2352-byte blocks while 2448 are selected
  CHECK(rawWrite(-11634, 2).sense() == "GOOD");
  CHECK(rawWrite(-11634, 2).sense() == "5/21/02");   // not sequential
  CHECK(rawWrite(-11631, 2).sense() == "5/21/02");
  REQUIRE(rig.selectWriteParams(3, false, 0, 2).good());
  CHECK(rawWrite(-11632, 1).sense() == "5/64/00");   // block type changed mid-write
  REQUIRE(rig.selectWriteParams(3, false, 0, 3).good());
  CHECK(rawWrite(-11632, 1).sense() == "GOOD");
  CHECK(rawWrite(359849 + 6750, 1).sense() == "5/21/02");

  Rig full;
  Album album;
  vtest::burnRaw(full, *album.image);
  REQUIRE(full.selectWriteParams(3, false, 0, 3).good());
  Bytes c = {0x2A, 0, 0xFF, 0xFF, 0xD2, 0x8E, 0, 0, 1, 0};  // LBA −11634
  CHECK(full.cmdBytes(c, Bytes(2448, 0)).sense() == "5/21/02");  // the disc is no longer blank
}

TEST_CASE("RAW: a cancelled write leaves an incomplete disc; BLANK on a CD-RW makes it blank", "[vdrive][raw]") {
  Rig rig(MediaKind::CdRw80);
  Album album;
  // Lead-in (12000 sectors from 97:20:00), the pause and 200 sectors of track 1, then the host gives up.
  vtest::burnRaw(rig, *album.image, 12000 + 150 + 200);
  const MediumState& s = rig.drive.mediumState();
  CHECK(s.incomplete);
  CHECK_FALSE(s.finalized);
  REQUIRE(s.tracks.size() == 1);
  CHECK(s.tracks[0].damaged);
  CHECK(s.tracks[0].length == 200);
  REQUIRE_FALSE(s.notes.empty());
  CHECK(s.notes.back().find("before the lead-out") != std::string::npos);
  Answer info = discInfo(rig);
  CHECK((info.data()[2] & 0x03) == 1);         // disc status 01b: incomplete
  CHECK(((info.data()[2] >> 2) & 0x03) == 1);  // last session incomplete
  Answer ti = rig.cmd({0x52, 0x01, 0, 0, 0, 0xFF, 0, 0, 36, 0});
  CHECK((!ti.good() || (ti.data()[7] & 0x01) == 0));  // no next writable address
  REQUIRE(rig.selectWriteParams(1).good());
  CHECK(rig.write(0, 1).sense() == "5/21/02");  // TAO cannot append either
  Answer rd = rig.cmd({0xBE, 0x04, 0, 0, 0, 10, 0, 0, 1, 0xF8, 0, 0});
  REQUIRE(rd.good());  // what was recorded can be read
  CHECK(rd.data()[0] == vtest::SeedStream::byteAt(10 * 2352, 1));

  // The state survives a restart of the drive (it was saved when the write began).
  VirtualDrive again(rig.store, MediaKind::CdR80, rig.clock);
  CHECK(again.mediumState().incomplete);

  REQUIRE(rig.cmd({0xA1, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());  // BLANK minimal
  CHECK_FALSE(rig.drive.mediumState().incomplete);
  CHECK(rig.drive.mediumState().tracks.empty());
  CHECK((discInfo(rig).data()[2] & 0x03) == 0);  // blank
  CHECK(rig.store.storedSectorCount() == 0);
  Bytes sub(96, 0xEE);
  rig.store.readSubchannel(0, sub);
  CHECK(sub == Bytes(96, 0));
  // …and takes a complete RAW write again.
  Album second;
  vtest::burnRaw(rig, *second.image);
  CHECK(rig.drive.mediumState().finalized);
}

TEST_CASE("RAW: a cancelled write on a CD-R cannot be blanked", "[vdrive][raw]") {
  Rig rig;
  Album album;
  vtest::burnRaw(rig, *album.image, 5000);  // inside the lead-in
  CHECK(rig.drive.mediumState().incomplete);
  CHECK(rig.drive.mediumState().tracks.empty());
  CHECK((discInfo(rig).data()[2] & 0x03) == 1);
  CHECK(rig.cmd({0xA1, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}).sense() == "5/30/00");
  CHECK(rig.drive.mediumState().incomplete);
}

TEST_CASE("RAW: sectors with a bad Q CRC are recorded as given and noted", "[vdrive][raw]") {
  Rig rig;
  Album album;
  int corrupted = 0;
  vtest::burnRaw(rig, *album.image, -1, [&corrupted](std::int32_t lba, std::uint8_t* sector) {
    if (lba >= 1000 && lba < 1010) {
      sector[2352 + 40] ^= 0x40;  // one Q bit of the 96-byte P–W
      sector[0] = 0x5A;
      ++corrupted;
    }
  });
  REQUIRE(corrupted == 10);
  const MediumState& s = rig.drive.mediumState();
  CHECK(s.finalized);
  REQUIRE(s.notes.size() == 1);
  CHECK(s.notes[0].find("10 sector(s) with a bad Q CRC (first at LBA 1000)") != std::string::npos);
  checkTracksMatchLayout(s, album.creator.discLayout());
  CHECK(rig.store.highestWrittenLba() >= 1009);
  Bytes got(2352);
  rig.store.readSectors(1005, got);
  CHECK(got[0] == 0x5A);
}

TEST_CASE("RAW: Test Write decodes and paces but leaves the disc blank", "[vdrive][raw]") {
  Rig rig;
  Album album(RawCdSectorType::PqOnly);
  REQUIRE(rig.selectWriteParams(3, true, 0, 1).good());
  album.image->skipSectors(-11634 - album.image->firstLba());
  for (std::int32_t lba = -11634; lba < album.image->layout().end();) {
    const int n = std::min<std::int32_t>(27, album.image->layout().end() - lba);
    Bytes data(2368 * static_cast<std::size_t>(n));
    REQUIRE(album.image->read(data) == data.size());
    Bytes c(10, 0);
    c[0] = 0x2A;
    scsi::putBe32s(c, 2, lba);
    scsi::putBe16(c, 7, static_cast<std::uint32_t>(n));
    REQUIRE(rig.cmdBytes(c, data).good());
    lba += n;
  }
  REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
  CHECK(rig.drive.mediumState().tracks.empty());
  CHECK_FALSE(rig.drive.mediumState().incomplete);
  CHECK(rig.store.storedSectorCount() == 0);
  CHECK((discInfo(rig).data()[2] & 0x03) == 0);
}

TEST_CASE("RAW: a write error stops the write and leaves the disc incomplete", "[vdrive][raw]") {
  Rig rig;
  Album album;
  REQUIRE(rig.selectWriteParams(3, false, 0, 3).good());
  rig.drive.faults().writeErrorAt(500);
  album.image->skipSectors(-11634 - album.image->firstLba());
  std::string last;
  for (std::int32_t lba = -11634; lba < 600 && last != "3/0C/00"; lba += 26) {
    Bytes data(2448 * 26);
    REQUIRE(album.image->read(data) == data.size());
    Bytes c = {0x2A, 0, 0, 0, 0, 0, 0, 0, 26, 0};
    scsi::putBe32s(c, 2, lba);
    last = rig.cmdBytes(c, data).sense();
  }
  CHECK(last == "3/0C/00");
  CHECK(rig.drive.mediumState().incomplete);
  REQUIRE(rig.drive.mediumState().tracks.size() == 2);
  CHECK(rig.drive.mediumState().tracks[1].end() == 500);
}
