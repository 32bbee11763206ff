// Identification, profiles/features, tray, events and sense handling at CDB level.
#include "vdrive_test_util.h"

using namespace kiln::vdrive;
using vtest::Rig;

TEST_CASE("INQUIRY: CD/DVD device, removable, KILN Virtual CD-RW, VPD pages", "[vdrive][ident]") {
  Rig rig;
  auto a = rig.cmd({0x12, 0, 0, 0, 36, 0});
  REQUIRE(a.good());
  REQUIRE(a.data().size() == 36);
  CHECK(a.data()[0] == 0x05);
  CHECK(a.data()[1] == 0x80);
  CHECK(std::string(a.data().begin() + 8, a.data().begin() + 16) == "KILN    ");
  CHECK(std::string(a.data().begin() + 16, a.data().begin() + 32) == "Virtual CD-RW   ");
  auto vpd0 = rig.cmd({0x12, 1, 0x00, 0, 6, 0});
  CHECK(vpd0.data() == vtest::Bytes{0x05, 0x00, 0x00, 0x02, 0x00, 0x80});
  auto vpd80 = rig.cmd({0x12, 1, 0x80, 0, 64, 0});
  REQUIRE(vpd80.good());
  CHECK(std::string(vpd80.data().begin() + 4, vpd80.data().end()) == "KILN0000001");
  CHECK(rig.cmd({0x12, 1, 0x83, 0, 64, 0}).sense() == "5/24/00");
  CHECK(rig.cmd({0x12, 0, 0x80, 0, 64, 0}).sense() == "5/24/00");  // page code without EVPD
  CHECK(rig.cmd({0x12, 0, 0, 0, 4, 0}).data().size() == 4);          // allocation length honoured
}

namespace {
/// Returns the feature descriptors of a GET CONFIGURATION answer as code → bytes.
std::map<int, vtest::Bytes> features(const vtest::Answer& a) {
  std::map<int, vtest::Bytes> out;
  const auto& d = a.data();
  for (std::size_t p = 8; p + 4 <= d.size();) {
    const std::size_t len = 4 + d[p + 3];
    out[d[p] << 8 | d[p + 1]] = vtest::Bytes(d.begin() + p, d.begin() + p + len);
    p += len;
  }
  return out;
}
}  // namespace

TEST_CASE("GET CONFIGURATION: current profile per medium, features and RT semantics", "[vdrive][ident]") {
  SECTION("CD-R: profile 0009h current, TAO and mastering features current") {
    Rig rig(MediaKind::CdR80);
    auto a = rig.cmd({0x46, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0});
    REQUIRE(a.good());
    CHECK(a.be16(6) == 0x0009);
    CHECK(a.be32(0) == a.data().size() - 4);
    auto f = features(a);
    for (int code : {0x0000, 0x0001, 0x0002, 0x0003, 0x0010, 0x001D, 0x001E, 0x002D, 0x002E, 0x0100, 0x0105, 0x0107})
      CHECK(f.count(code) == 1);
    // Profile list: 000Ah, 0009h (current), 0008h.
    const auto& pl = f[0x0000];
    REQUIRE(pl.size() == 4 + 12);
    CHECK((pl[4] << 8 | pl[5]) == 0x000A);
    CHECK(pl[6] == 0);
    CHECK((pl[8] << 8 | pl[9]) == 0x0009);
    CHECK(pl[10] == 1);
    CHECK((f[0x0001][4] << 24 | f[0x0001][5] << 16 | f[0x0001][6] << 8 | f[0x0001][7]) == 8);  // USB
    CHECK((f[0x002D][2] & 1) == 1);          // current
    CHECK(f[0x002D][4] == 0x46);             // BUF, test write, CD-RW
    CHECK((f[0x002D][6] << 8 | f[0x002D][7]) == 0x0001);  // data block type 0 only
    CHECK((f[0x002E][4] & 0x7F) == 0x7F);    // BUF SAO rawMS raw test CD-RW R-W
  }
  SECTION("CD-RW: profile 000Ah current") {
    Rig rig(MediaKind::CdRw80);
    CHECK(rig.cmd({0x46, 0, 0, 0, 0, 0, 0, 0, 8, 0}).be16(6) == 0x000A);
  }
  SECTION("no medium: profile 0000h, media features not current; RT=1 lists only current ones") {
    Rig rig;
    rig.drive.openTray();
    auto all = rig.cmd({0x46, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0});
    CHECK(all.be16(6) == 0x0000);
    CHECK((features(all)[0x001E][2] & 1) == 0);
    auto current = features(rig.cmd({0x46, 1, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0}));
    CHECK(current.count(0x001E) == 0);
    CHECK(current.count(0x0001) == 1);
  }
  SECTION("RT=2 returns exactly the starting feature; starting feature skips lower ones") {
    Rig rig;
    auto one = features(rig.cmd({0x46, 2, 0x00, 0x2D, 0, 0, 0, 0xFF, 0xFF, 0}));
    CHECK(one.size() == 1);
    CHECK(one.count(0x002D) == 1);
    auto none = rig.cmd({0x46, 2, 0x00, 0x37, 0, 0, 0, 0x00, 0x10, 0});  // CD-RW write support on CD-R
    CHECK(features(none).size() <= 1);
    auto from = features(rig.cmd({0x46, 0, 0x00, 0x20, 0, 0, 0, 0xFF, 0xFF, 0}));
    CHECK(from.begin()->first >= 0x20);
    CHECK(rig.cmd({0x46, 3, 0, 0, 0, 0, 0, 0, 8, 0}).sense() == "5/24/00");
  }
}

TEST_CASE("Tray: eject, prevent, not ready, load with unit attention once and media event", "[vdrive][ident]") {
  Rig rig;
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
  CHECK(rig.cmd({0x1E, 0, 0, 0, 1, 0}).good());                       // prevent
  CHECK(rig.cmd({0x1B, 0, 0, 0, 0x02, 0}).sense() == "5/53/02");       // eject refused
  CHECK(rig.cmd({0x1E, 0, 0, 0, 0, 0}).good());                       // allow
  CHECK(rig.cmd({0x1B, 0, 0, 0, 0x02, 0}).good());                    // eject
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "2/3A/00");
  auto sense = rig.cmd({0x03, 0, 0, 0, 18, 0});
  REQUIRE(sense.data().size() == 18);
  CHECK(sense.data()[0] == 0x70);
  CHECK(sense.data()[2] == 0x02);
  CHECK(sense.data()[12] == 0x3A);
  CHECK(rig.cmd({0x51, 0, 0, 0, 0, 0, 0, 0, 34, 0}).sense() == "2/3A/00");
  auto event = rig.cmd({0x4A, 1, 0, 0, 0x10, 0, 0, 0, 8, 0});
  CHECK(event.data()[4] == 3);     // media removal
  CHECK(event.data()[5] == 0x01);  // tray open, no medium
  CHECK(rig.cmd({0x1B, 0, 0, 0, 0x03, 0}).good());  // load
  event = rig.cmd({0x4A, 1, 0, 0, 0x10, 0, 0, 0, 8, 0});
  CHECK(event.data()[4] == 2);     // new media
  CHECK(event.data()[5] == 0x02);  // present
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).sense() == "6/28/00");  // once
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
  CHECK(rig.cmd({0x4A, 0, 0, 0, 0x10, 0, 0, 0, 8, 0}).sense() == "5/24/00");  // asynchronous not supported
}

TEST_CASE("REQUEST SENSE: keeps the last CHECK CONDITION once; unknown opcodes 5/20/00", "[vdrive][ident]") {
  Rig rig;
  for (auto op : {0x3C, 0xAD, 0x53, 0xA0, 0xFF}) {
    vtest::Bytes cdb(12, 0);
    cdb[0] = static_cast<std::uint8_t>(op);
    CHECK(rig.cmdBytes(cdb).sense() == "5/20/00");
  }
  auto s = rig.cmd({0x03, 0, 0, 0, 18, 0});
  CHECK(s.data()[2] == 0x05);
  CHECK(s.data()[12] == 0x20);
  auto again = rig.cmd({0x03, 0, 0, 0, 18, 0});
  CHECK(again.data()[2] == 0x00);  // consumed
  // A GOOD command in between clears the sense.
  CHECK(rig.cmd({0x5A, 0, 0x30, 0, 0, 0, 0, 0, 8, 0}).sense() == "5/24/00");
  CHECK(rig.cmd({0x00, 0, 0, 0, 0, 0}).good());
  CHECK(rig.cmd({0x03, 0, 0, 0, 18, 0}).data()[2] == 0x00);
}
