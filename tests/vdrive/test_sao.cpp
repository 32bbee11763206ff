// Session-at-once as cdrskin drives it: MODE SELECT write type 2, SEND CUE SHEET, WRITE from LBA −150 to the
// lead-out, SYNCHRONIZE CACHE. Test Write leaves the disc blank; a real write records the cue sheet's tracks.
#include "core/cd/msf.h"
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Bytes;
using vtest::Rig;

namespace {

/// Lead-in, track 1 (INDEX 00 at 00:00:00, INDEX 01 at 00:02:00), track 2 (00:06:00 / 00:08:00), lead-out 00:12:00.
Bytes twoTrackCue() {
  return {0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0,  //
          0x01, 0x01, 0x00, 0x00, 0, 0, 0, 0,  //
          0x01, 0x01, 0x01, 0x00, 0, 0, 2, 0,  //
          0x01, 0x02, 0x00, 0x00, 0, 0, 6, 0,  //
          0x01, 0x02, 0x01, 0x00, 0, 0, 8, 0,  //
          0x01, 0xAA, 0x01, 0x01, 0, 0, 12, 0};
}

void writeRange(Rig& rig, std::int32_t from, std::int32_t to) {
  for (std::int32_t lba = from; lba < to;) {
    const int n = std::min(32, to - lba);
    REQUIRE(rig.write(lba, n).sense() == "GOOD");
    lba += n;
  }
}

}  // namespace

TEST_CASE("SAO: SEND CUE SHEET needs write type 2 and a well-formed sheet", "[vdrive][sao]") {
  Rig rig;
  const Bytes cue = twoTrackCue();
  const int len = static_cast<int>(cue.size());
  CHECK(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, len, 0}, cue).sense() == "5/2C/00");  // still TAO
  REQUIRE(rig.selectWriteParams(2, true).good());
  Bytes bad = cue;
  bad[22] = 9;  // track 1 INDEX 01 after track 2's INDEX 00: addresses decrease
  CHECK(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, len, 0}, bad).sense() == "5/26/00");
  Bytes data = cue;
  data[19] = 0x10;  // Mode 1 data form: not recorded by this drive
  CHECK(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, len, 0}, data).sense() == "5/26/00");
  CHECK(rig.write(-150, 1).sense() == "5/2C/00");  // no cue sheet accepted yet
}

TEST_CASE("SAO: cdrskin-style dummy burn leaves the disc blank", "[vdrive][sao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(2, true).good());
  const Bytes cue = twoTrackCue();
  REQUIRE(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(cue.size()), 0}, cue).good());
  CHECK(rig.write(0, 1).sense() == "5/21/02");  // must start at −150
  writeRange(rig, -150, 750);
  CHECK(rig.write(750, 1).sense() == "5/21/00");  // past the cue sheet's lead-out
  REQUIRE(rig.cmd({0x35, 0x02, 0, 0, 0, 0, 0, 0, 0, 0}).good());
  CHECK(rig.drive.mediumState().tracks.empty());
  CHECK(rig.store.storedSectorCount() == 0);
}

TEST_CASE("SAO: a real write records the cue sheet's tracks and closes the session", "[vdrive][sao]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(2, false, 0).good());
  const Bytes cue = twoTrackCue();
  REQUIRE(rig.cmd({0x5D, 0, 0, 0, 0, 0, 0, 0, static_cast<int>(cue.size()), 0}, cue).good());
  writeRange(rig, -150, 750);
  REQUIRE(rig.cmd({0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
  const auto& s = rig.drive.mediumState();
  REQUIRE(s.tracks.size() == 2);
  CHECK(s.tracks[0].start == 0);
  CHECK(s.tracks[0].length == 300);
  CHECK(s.tracks[1].start == 450);
  CHECK(s.tracks[1].pregap == 150);
  CHECK(s.tracks[1].length == 300);
  CHECK(s.finalized);
  auto toc = rig.cmd({0x43, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0});
  CHECK(toc.be32s(16) == 450);
  CHECK(toc.be32s(24) == 750);
  CHECK(rig.store.storedSectorCount() == 900);
}
