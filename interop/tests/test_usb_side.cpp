// kiln-usbredir's USB side without QEMU: descriptors, fault specs and the stub-path Bulk-Only device (TargetBotFunction).
#include <catch2/catch.hpp>

#include "core/imapi/error.h"
#include "core/usb/bot.h"
#include "interop/usbredir/fault_spec.h"
#include "interop/usbredir/stub_target.h"
#include "interop/usbredir/target_bot_function.h"
#include "interop/usbredir/usb_descriptors.h"

using namespace kiln;
using namespace kiln::interop;

namespace {

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

TEST_CASE("descriptors: a high-speed Bulk-Only CD writer with bulk 81h/02h of 512 bytes") {
  const UsbIdentity id;
  const auto device = usbDescriptor(id, 0x0100);
  REQUIRE(device);
  CHECK(device->size() == 18);
  CHECK((*device)[4] == 0x00);  // class defined by the interface
  CHECK(((*device)[9] << 8 | (*device)[8]) == kVendorId);
  const auto config = usbDescriptor(id, 0x0200);
  REQUIRE(config);
  REQUIRE(config->size() == 32);
  CHECK(((*config)[3] << 8 | (*config)[2]) == 32);                    // wTotalLength
  CHECK((*config)[9 + 5] == 0x08);                                    // mass storage
  CHECK((*config)[9 + 6] == 0x02);                                    // SFF-8020i
  CHECK((*config)[9 + 7] == 0x50);                                    // Bulk-Only
  CHECK((*config)[18 + 2] == 0x81);
  CHECK(((*config)[18 + 5] << 8 | (*config)[18 + 4]) == 512);
  CHECK((*config)[25 + 2] == 0x02);
  CHECK(usbDescriptor(id, 0x0300) == std::vector<std::uint8_t>{4, 3, 0x09, 0x04});
  const auto serial = usbDescriptor(id, 0x0303);
  REQUIRE(serial);
  CHECK(serial->size() == 2 + 2 * id.serial.size());
  CHECK_FALSE(usbDescriptor(id, 0x0304));
  CHECK_FALSE(usbDescriptor(id, 0x0F00));  // no BOS: bcdUSB is 2.00
}

TEST_CASE("fault specs arm the injector, bad ones are E_INVALIDARG") {
  vdrive::FaultInjector f;
  applyFaultSpec("not-ready-commands=2", f, 0);
  CHECK(f.consumeNotReady(0));
  CHECK(f.consumeNotReady(0));
  CHECK_FALSE(f.consumeNotReady(0));
  applyFaultSpec("not-ready-ms=500", f, 1000);
  CHECK(f.consumeNotReady(1499));
  CHECK_FALSE(f.consumeNotReady(1500));
  applyFaultSpec("stall=2a:2", f, 0);
  CHECK_FALSE(f.consumeStall(0x2A));
  CHECK(f.consumeStall(0x2A));
  applyFaultSpec("write-error-lba=100", f, 0);
  CHECK(f.consumeWriteError(90, 20) == std::optional<std::int32_t>(100));
  for (const char* bad : {"stall=zz", "drop", "not-ready-ms=-5", "eject-now", "unit-attention=1"}) {
    try {
      applyFaultSpec(bad, f, 0);
      FAIL("accepted " << bad);
    } catch (const Error& e) {
      CHECK(e.code() == HResult::E_INVALIDARG);
    }
  }
}

TEST_CASE("stub BOT device: data, short transfer, CSW with residue") {
  StubTarget target;
  TargetBotFunction bot(target);
  CHECK(bot.bulkIn(512).kind == InReply::Kind::Wait);  // no command yet: NAK
  REQUIRE(bot.bulkOut(cbw(7, 96, true, {0x12, 0, 0, 0, 96, 0})) == BotFunction::OutResult::Accepted);
  const InReply data = bot.bulkIn(512);
  REQUIRE(data.kind == InReply::Kind::Data);
  CHECK(data.bytes.size() == 36);  // short packet ends the data phase
  CHECK(data.bytes[0] == 0x05);
  const usb::Csw c = csw(bot.bulkIn(512));
  CHECK(c.tag == 7);
  CHECK(c.status == usb::CswStatus::Passed);
  CHECK(c.residue == 96 - 36);
}

TEST_CASE("stub BOT device: a data phase that fills the requests exactly ends with a zero-length packet") {
  StubTarget target;
  TargetBotFunction bot(target);
  REQUIRE(bot.bulkOut(cbw(1, 64, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  CHECK(bot.bulkIn(18).bytes.size() == 18);
  CHECK(bot.bulkIn(18).bytes.size() == 18);
  const InReply zlp = bot.bulkIn(28);  // host expects 64, device had 36: terminate the transfer
  CHECK(zlp.kind == InReply::Kind::Data);
  CHECK(zlp.bytes.empty());
  CHECK(csw(bot.bulkIn(13)).residue == 64 - 36);
}

TEST_CASE("stub BOT device: a failed IN command stalls bulk IN, the CSW follows CLEAR_FEATURE") {
  StubTarget target;
  TargetBotFunction bot(target);
  REQUIRE(bot.bulkOut(cbw(2, 2048, true, {0x28, 0, 0, 0, 0, 16, 0, 0, 1, 0})) == BotFunction::OutResult::Accepted);
  CHECK(bot.bulkIn(2048).kind == InReply::Kind::Stall);
  CHECK(bot.halted(kEndpointBulkIn));
  CHECK(bot.bulkIn(13).kind == InReply::Kind::Stall);
  bot.clearHalt(kEndpointBulkIn);
  const usb::Csw c = csw(bot.bulkIn(13));
  CHECK(c.status == usb::CswStatus::Failed);
  CHECK(c.residue == 2048);
  // The next CBW is accepted again.
  CHECK(bot.bulkOut(cbw(3, 0, false, {0x00, 0, 0, 0, 0, 0})) == BotFunction::OutResult::Accepted);
  CHECK(csw(bot.bulkIn(13)).status == usb::CswStatus::Failed);  // stub: no medium
}

TEST_CASE("stub BOT device: an invalid CBW halts both endpoints until the Bulk-Only reset") {
  StubTarget target;
  TargetBotFunction bot(target);
  std::vector<std::uint8_t> junk(31, 0xAB);
  CHECK(bot.bulkOut(junk) == BotFunction::OutResult::Stall);
  bot.clearHalt(kEndpointBulkIn);
  bot.clearHalt(kEndpointBulkOut);
  CHECK(bot.halted(kEndpointBulkIn));  // BOT §6.6.1: clearing alone does not help
  bot.massStorageReset();
  bot.clearHalt(kEndpointBulkIn);
  bot.clearHalt(kEndpointBulkOut);
  CHECK_FALSE(bot.halted(kEndpointBulkIn));
  CHECK(bot.bulkOut(cbw(9, 36, true, {0x12, 0, 0, 0, 36, 0})) == BotFunction::OutResult::Accepted);
  CHECK(bot.bulkIn(36).bytes.size() == 36);
}
