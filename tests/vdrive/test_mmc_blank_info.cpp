// Status of blank media: ATIP, disc information, invisible track, capacity, TOC refusal.
#include "core/cd/msf.h"
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using kiln::cd::msfToLba;
using vtest::Rig;

namespace {
struct Expect {
  MediaKind kind;
  kiln::cd::Msf leadIn, leadOut;
  bool rw;
};
}  // namespace

TEST_CASE("Blank media: ATIP, disc info, invisible track on CD-R80, CD-R74, CD-RW80", "[vdrive][info]") {
  for (const Expect e : {Expect{MediaKind::CdR80, {97, 26, 66}, {79, 59, 74}, false},
                         Expect{MediaKind::CdR74, {97, 27, 0}, {73, 59, 74}, false},
                         Expect{MediaKind::CdRw80, {97, 20, 0}, {79, 59, 74}, true}}) {
    Rig rig(e.kind);
    auto atip = rig.cmd({0x43, 0, 0x04, 0, 0, 0, 0, 0, 28, 0});
    REQUIRE(atip.good());
    REQUIRE(atip.data().size() == 28);
    CHECK(atip.be16(0) == 26);
    CHECK(atip.data()[8] == e.leadIn.m);
    CHECK(atip.data()[9] == e.leadIn.s);
    CHECK(atip.data()[10] == e.leadIn.f);
    CHECK(atip.data()[12] == e.leadOut.m);
    CHECK(atip.data()[13] == e.leadOut.s);
    CHECK(atip.data()[14] == e.leadOut.f);
    CHECK(((atip.data()[6] & 0x40) != 0) == e.rw);

    auto di = rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0});
    REQUIRE(di.good());
    CHECK(di.be16(0) == 32);
    CHECK((di.data()[2] & 0x03) == 0);          // blank
    CHECK(((di.data()[2] >> 2) & 0x03) == 0);   // last session empty
    CHECK(((di.data()[2] & 0x10) != 0) == e.rw);  // erasable
    CHECK(di.data()[3] == 1);
    CHECK(di.data()[4] == 1);
    CHECK(di.data()[5] == 1);
    CHECK(di.data()[6] == 1);
    CHECK(di.data()[17] == e.leadIn.m);
    CHECK(di.data()[21] == e.leadOut.m);
    CHECK(di.data()[22] == e.leadOut.s);
    CHECK(di.data()[23] == e.leadOut.f);

    auto ti = rig.cmd({0x52, 1, 0, 0, 0, 0xFF, 0, 0, 36, 0});
    REQUIRE(ti.good());
    CHECK(ti.data()[2] == 1);
    CHECK((ti.data()[6] & 0x40) != 0);  // blank
    CHECK((ti.data()[7] & 0x01) == 1);  // NWA valid
    CHECK(ti.be32s(8) == 0);
    CHECK(ti.be32s(12) == 0);
    CHECK(ti.be32s(16) == msfToLba(e.leadOut));  // free blocks = last possible lead-out start
    // Same track by number 1 and by LBA 0 and by session 1.
    CHECK(rig.cmd({0x52, 1, 0, 0, 0, 1, 0, 0, 36, 0}).data() == ti.data());
    CHECK(rig.cmd({0x52, 0, 0, 0, 0, 0, 0, 0, 36, 0}).data() == ti.data());
    CHECK(rig.cmd({0x52, 2, 0, 0, 0, 1, 0, 0, 36, 0}).data() == ti.data());
    CHECK(rig.cmd({0x52, 1, 0, 0, 0, 2, 0, 0, 36, 0}).sense() == "5/24/00");

    for (int format : {0, 1, 2})
      CHECK(rig.cmd({0x43, 0, format, 0, 0, 0, 0, 0, 12, 0}).sense() == "5/24/00");
    CHECK(rig.cmd({0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0}).good());
    CHECK(rig.cmd({0x28, 0, 0, 0, 0, 0x11, 0, 0, 1, 0}).sense() == "5/21/00");
  }
}

TEST_CASE("Speeds: GET PERFORMANCE types 00h/03h, SET CD SPEED clamps, READ BUFFER CAPACITY", "[vdrive][info]") {
  Rig rig;
  auto perf = rig.cmd({0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0x03, 0});
  REQUIRE(perf.good());
  REQUIRE(perf.data().size() == 8 + 5 * 16);
  CHECK(perf.be32(8 + 12) == 8467);           // 48x first
  CHECK(perf.be32(8 + 4 * 16 + 12) == 706);   // 4x last
  auto hdr = rig.cmd({0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
  CHECK(hdr.data().size() == 8);
  auto one = rig.cmd({0xAC, 0x10, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0});
  CHECK(one.data().size() == 24);
  CHECK(rig.cmd({0xAC, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x01, 0}).sense() == "5/24/00");
  // 7080 kB/s (40x) rounds down to 24x; FFFFh = max; below 4x → 4x.
  auto writeSpeed = [&rig] { return rig.cmd({0x5A, 0, 0x2A, 0, 0, 0, 0, 0, 0xFF, 0}).be16(8 + 28); };
  CHECK(rig.cmd({0xBB, 0, 0xFF, 0xFF, 0x1B, 0xA8, 0, 0, 0, 0, 0, 0}).good());
  CHECK(writeSpeed() == 4234);
  rig.cmd({0xBB, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0});
  CHECK(writeSpeed() == 8467);
  rig.cmd({0xBB, 0, 0xFF, 0xFF, 0x00, 0x10, 0, 0, 0, 0, 0, 0});
  CHECK(writeSpeed() == 706);
  auto buf = rig.cmd({0x5C, 0, 0, 0, 0, 0, 0, 0, 12, 0});
  CHECK(buf.be32(4) == 2 * 1024 * 1024);
  CHECK(buf.be32(8) == 2 * 1024 * 1024);
}
