// VdriveBotFunction: the production path of kiln-usbredir (vdrive's BotDevice + MmcDevice) seen through the
// BotFunction interface the usbredir side uses: NAK as Wait, data then CSW, STALL, phase error, bus reset.
#include <catch2/catch.hpp>

#include "core/usb/bot.h"
#include "core/util/clock.h"
#include "interop/usbredir/vdrive_bot_function.h"
#include "vdrive/bot_device.h"
#include "vdrive/memory_store.h"
#include "vdrive/mmc_device.h"

using namespace kiln;
using namespace kiln::interop;

namespace {

struct Rig {
  vdrive::MemoryStore store;
  FakeClock clock;
  vdrive::FaultInjector faults;
  vdrive::MmcDevice mmc{store, vdrive::MediaKind::CdR80, clock, faults, vdrive::DriveOptions{}};
  vdrive::BotDevice bot{mmc, [this](std::span<const std::uint8_t> cdb) { return mmc.expectedDataOut(cdb); }, faults};
  VdriveBotFunction function{bot};
};

std::vector<std::uint8_t> cbw(std::uint32_t tag, std::uint32_t length, bool in, std::vector<std::uint8_t> cdb) {
  usb::Cbw c;
  c.tag = tag;
  c.dataTransferLength = length;
  c.dataIn = in;
  c.cdb.length = static_cast<std::uint8_t>(cdb.size());
  std::copy(cdb.begin(), cdb.end(), c.cdb.bytes.begin());
  const auto bytes = usb::encodeCbw(c);
  return {bytes.begin(), bytes.end()};
}

usb::Csw csw(const InReply& r) {
  REQUIRE(r.kind == InReply::Kind::Data);
  const auto c = usb::decodeCsw(r.bytes);
  REQUIRE(c.has_value());
  return *c;
}

}  // namespace

TEST_CASE("vdrive function: nothing pending is a NAK, INQUIRY gives data then a CSW") {
  Rig rig;
  CHECK(rig.function.bulkIn(512).kind == InReply::Kind::Wait);
  REQUIRE(rig.function.bulkOut(cbw(1, 36, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  const InReply data = rig.function.bulkIn(512);
  REQUIRE(data.kind == InReply::Kind::Data);
  REQUIRE(data.bytes.size() == 36);
  CHECK(data.bytes[0] == 0x05);  // MMC device
  CHECK(std::string(data.bytes.begin() + 8, data.bytes.begin() + 12) == "KILN");
  const usb::Csw c = csw(rig.function.bulkIn(512));
  CHECK(c.tag == 1);
  CHECK(c.status == usb::CswStatus::Passed);
  // The device does not expect OUT data while its CSW is pending: NAK, not STALL.
  REQUIRE(rig.function.bulkOut(cbw(2, 0, false, {0, 0, 0, 0, 0, 0})) == BotFunction::OutResult::Accepted);
  CHECK(rig.function.bulkOut(cbw(3, 0, false, {0, 0, 0, 0, 0, 0})) == BotFunction::OutResult::Wait);
  CHECK(csw(rig.function.bulkIn(13)).tag == 2);
}

TEST_CASE("vdrive function: a CSW into a request shorter than 13 bytes is babble") {
  Rig rig;
  REQUIRE(rig.function.bulkOut(cbw(4, 0, false, {0, 0, 0, 0, 0, 0})) == BotFunction::OutResult::Accepted);
  CHECK(rig.function.bulkIn(8).kind == InReply::Kind::Babble);
}

TEST_CASE("vdrive function: phase error fault, then reset recovery works") {
  Rig rig;
  rig.faults.phaseErrorOn(1);
  REQUIRE(rig.function.bulkOut(cbw(5, 36, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  InReply r = rig.function.bulkIn(36);
  while (r.kind == InReply::Kind::Stall) {  // the device may halt IN before the CSW
    rig.function.clearHalt(kEndpointBulkIn);
    r = rig.function.bulkIn(36);
  }
  if (r.bytes.size() != usb::kCswLength) r = rig.function.bulkIn(13);
  CHECK(csw(r).status == usb::CswStatus::PhaseError);
  rig.function.busReset();
  CHECK_FALSE(rig.function.halted(kEndpointBulkIn));
  REQUIRE(rig.function.bulkOut(cbw(6, 36, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  CHECK(rig.function.bulkIn(36).bytes.size() == 36);
  CHECK(csw(rig.function.bulkIn(13)).status == usb::CswStatus::Passed);
}

TEST_CASE("vdrive function: a stalled data phase halts the endpoint until CLEAR_FEATURE") {
  Rig rig;
  rig.faults.stallDataPhase(0x12, 1);
  REQUIRE(rig.function.bulkOut(cbw(7, 36, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  const InReply r = rig.function.bulkIn(36);
  CHECK(r.kind == InReply::Kind::Stall);
  CHECK(rig.function.halted(kEndpointBulkIn));
  rig.function.clearHalt(kEndpointBulkIn);
  const usb::Csw c = csw(rig.function.bulkIn(13));
  CHECK(c.status == usb::CswStatus::Failed);
  CHECK(c.residue == 36);
}
