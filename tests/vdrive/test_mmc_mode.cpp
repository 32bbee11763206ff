// MODE SENSE(10) / MODE SELECT(10): pages 01h, 05h, 2Ah, 3Fh, page control, write parameter validation.
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Rig;

TEST_CASE("MODE SENSE(10): pages 01h/05h/2Ah/3Fh and page control", "[vdrive][mode]") {
  Rig rig;
  auto p05 = rig.cmd({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0});
  REQUIRE(p05.good());
  REQUIRE(p05.data().size() == 60);
  CHECK(p05.be16(0) == 58);
  CHECK(p05.data()[8] == 0x05);
  CHECK(p05.data()[9] == 0x32);
  CHECK((p05.data()[10] & 0x0F) == 1);                       // TAO default
  CHECK((p05.data()[8 + 14] << 8 | p05.data()[8 + 15]) == 150);  // audio pause
  auto p2a = rig.cmd({0x5A, 0, 0x2A, 0, 0, 0, 0, 0, 0x80, 0});
  REQUIRE(p2a.good());
  const auto& c = p2a.data();
  CHECK(c[8] == 0x2A);
  CHECK(c[8 + 2] == 0x03);  // reads CD-R/RW
  CHECK(c[8 + 3] == 0x07);  // writes CD-R/RW, test write
  CHECK((c[8 + 4] & 0x80) == 0x80);  // BUF
  CHECK(((c[8 + 12] << 8) | c[8 + 13]) == 2048);  // buffer KiB
  CHECK(((c[8 + 30] << 8) | c[8 + 31]) == 5);      // write speed descriptors
  CHECK(((c[8 + 34] << 8) | c[8 + 35]) == 8467);   // 48x first
  auto all = rig.cmd({0x5A, 0, 0x3F, 0, 0, 0, 0, 0, 0xFF, 0});
  CHECK(all.data().size() == 8 + 12 + 52 + 52);
  auto changeable = rig.cmd({0x5A, 0, 0x45, 0, 0, 0, 0, 0, 60, 0});
  CHECK(changeable.data()[10] == 0x7F);
  auto defaults = rig.cmd({0x5A, 0, 0xBF, 0, 0, 0, 0, 0, 16, 0});
  CHECK(defaults.good());
  CHECK(rig.cmd({0x5A, 0, 0xC5, 0, 0, 0, 0, 0, 60, 0}).sense() == "5/39/00");  // saved values
  CHECK(rig.cmd({0x5A, 0, 0x30, 0, 0, 0, 0, 0, 8, 0}).sense() == "5/24/00");  // vendor page
  CHECK(rig.cmd({0x5A, 0, 0x2A, 0, 0, 0, 0, 0, 2, 0}).data().size() == 2);    // allocation honoured
}

TEST_CASE("MODE SELECT(10) page 05h: round trip and rejected combinations", "[vdrive][mode]") {
  Rig rig;
  REQUIRE(rig.selectWriteParams(1, true, 3, 0, true, 150).good());
  auto p = rig.cmd({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0}).data();
  CHECK(p[10] == (0x40 | 0x10 | 0x01));
  CHECK(p[11] == 0xC0);
  CHECK(p[12] == 0);
  REQUIRE(rig.selectWriteParams(2, false, 0, 3).good());  // SAO with raw P-W (cdrdao CD-TEXT recipe)
  REQUIRE(rig.selectWriteParams(3, false, 0, 1).good());  // RAW 16
  REQUIRE(rig.selectWriteParams(1, false, 0, 8).good());  // TAO Mode 1
  CHECK(rig.selectWriteParams(1, false, 0, 3).sense() == "5/26/00");  // TAO + raw block type
  CHECK(rig.selectWriteParams(3, false, 0, 0).sense() == "5/26/00");  // RAW + 2352 cooked audio
  CHECK(rig.selectWriteParams(0, false, 0, 8).sense() == "5/26/00");  // packet writing
  CHECK(rig.selectWriteParams(4, false, 0, 8).sense() == "5/26/00");  // layer jump
  CHECK(rig.selectWriteParams(1, false, 0, 5).sense() == "5/26/00");  // reserved block type
  // The rejected selects changed nothing.
  CHECK(rig.cmd({0x5A, 0, 0x05, 0, 0, 0, 0, 0, 60, 0}).data()[12] == 8);
  // Page 2Ah is not changeable; SP (save) is not supported.
  auto p2a = rig.cmd({0x5A, 0, 0x2A, 0, 0, 0, 0, 0, 0xFF, 0}).data();
  p2a[0] = p2a[1] = 0;
  CHECK(rig.cmd({0x55, 0x10, 0, 0, 0, 0, 0, 0, static_cast<int>(p2a.size()), 0}, p2a).sense() == "5/26/00");
  vtest::Bytes p01 = {0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x06, 0x00, 0x05, 0, 0, 0, 0};
  CHECK(rig.cmd({0x55, 0x10, 0, 0, 0, 0, 0, 0, 16, 0}, p01).good());  // wodim's 16-byte page 01h select
  CHECK(rig.cmd({0x55, 0x11, 0, 0, 0, 0, 0, 0, 16, 0}, p01).sense() == "5/39/00");
}
