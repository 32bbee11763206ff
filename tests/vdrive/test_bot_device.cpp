// The virtual drive at USB Bulk-Only level: CBW/CSW framing, the direction cases, stalls, reset, Get Max LUN,
// and UsbBotTransport (the real host code) talking to it.
#include <catch2/catch.hpp>

#include "core/scsi/cdb.h"
#include "core/usb/bot.h"
#include "core/usb/usb_bot_transport.h"
#include "vdrive_test_util.h"

using namespace kiln;
using namespace kiln::vdrive;
using vtest::Bytes;

namespace {

usb::Cbw makeCbw(std::initializer_list<int> cdb, std::uint32_t length, bool in, std::uint32_t tag = 7) {
  usb::Cbw cbw;
  cbw.tag = tag;
  cbw.dataTransferLength = length;
  cbw.dataIn = in;
  for (int b : cdb) cbw.cdb.bytes[cbw.cdb.length++] = static_cast<std::uint8_t>(b);
  return cbw;
}

usb::TransferStatus sendCbw(usb::BulkPipe& pipe, const usb::Cbw& cbw) {
  const auto bytes = usb::encodeCbw(cbw);
  return pipe.bulkOut(bytes, 1000).status;
}

usb::Csw readCsw(usb::BulkPipe& pipe) {
  std::uint8_t buf[13];
  auto r = pipe.bulkIn(buf, 1000);
  REQUIRE(r.status == usb::TransferStatus::Ok);
  REQUIRE(r.length == 13);
  return *usb::decodeCsw(std::span<const std::uint8_t>(buf, 13));
}

}  // namespace

TEST_CASE("BOT: INQUIRY and TEST UNIT READY through UsbBotTransport", "[vdrive][bot]") {
  vtest::Rig rig;
  usb::UsbBotTransport transport(rig.drive.hostPipe());
  CHECK(transport.getMaxLun() == 0);
  Bytes buf(36);
  scsi::Command inq{scsi::cdb::inquiry(36), scsi::DataDirection::In, buf};
  auto r = transport.execute(inq);
  REQUIRE(r.good());
  CHECK(r.transferred == 36);
  CHECK(buf[0] == 0x05);
  CHECK(std::string(buf.begin() + 8, buf.begin() + 12) == "KILN");
  CHECK(std::string(buf.begin() + 16, buf.begin() + 29) == "Virtual CD-RW");
  scsi::Command tur{scsi::cdb::testUnitReady(), scsi::DataDirection::None, {}};
  CHECK(transport.execute(tur).good());
}

TEST_CASE("BOT: CHECK CONDITION gives CSW status 1 and REQUEST SENSE returns the sense", "[vdrive][bot]") {
  vtest::Rig rig;
  rig.drive.openTray();
  usb::UsbBotTransport transport(rig.drive.hostPipe());
  scsi::Command tur{scsi::cdb::testUnitReady(), scsi::DataDirection::None, {}};
  auto r = transport.execute(tur);
  CHECK(r.status == scsi::Status::CheckCondition);
  CHECK(r.sense.key == 2);
  CHECK(r.sense.asc == 0x3A);
}

TEST_CASE("BOT: short IN data — short packet with residue, or STALL when on a packet boundary", "[vdrive][bot]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  // INQUIRY gives 36 bytes; the host asks for 96 → 36 is not a multiple of 512: short packet, residue 60.
  REQUIRE(sendCbw(pipe, makeCbw({0x12, 0, 0, 0, 96, 0}, 96, true)) == usb::TransferStatus::Ok);
  Bytes buf(96);
  auto in = pipe.bulkIn(buf, 1000);
  CHECK(in.status == usb::TransferStatus::Ok);
  CHECK(in.length == 36);
  auto csw = readCsw(pipe);
  CHECK(csw.tag == 7);
  CHECK(csw.status == usb::CswStatus::Passed);
  CHECK(csw.residue == 60);
  // READ TOC on a blank disc: CHECK CONDITION, no data (0 is a packet multiple) → STALL, clear halt, CSW 1.
  REQUIRE(sendCbw(pipe, makeCbw({0x43, 0, 0, 0, 0, 0, 0, 0, 12, 0}, 12, true, 8)) == usb::TransferStatus::Ok);
  in = pipe.bulkIn(buf, 1000);
  CHECK(in.status == usb::TransferStatus::Stall);
  CHECK(in.length == 0);
  CHECK(pipe.clearHalt(usb::Endpoint::BulkIn) == usb::TransferStatus::Ok);
  csw = readCsw(pipe);
  CHECK(csw.status == usb::CswStatus::Failed);
  CHECK(csw.residue == 12);
}

TEST_CASE("BOT: invalid CBW stalls both endpoints until reset recovery", "[vdrive][bot]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  Bytes junk(31, 0xAB);
  CHECK(pipe.bulkOut(junk, 1000).status == usb::TransferStatus::Stall);
  Bytes buf(13);
  CHECK(pipe.bulkIn(buf, 1000).status == usb::TransferStatus::Stall);
  // Clearing the halts alone does not help: still stalled.
  pipe.clearHalt(usb::Endpoint::BulkIn);
  pipe.clearHalt(usb::Endpoint::BulkOut);
  CHECK(sendCbw(pipe, makeCbw({0x00, 0, 0, 0, 0, 0}, 0, false)) == usb::TransferStatus::Stall);
  // Short CBW (30 bytes) is invalid as well; then reset recovery makes the device work again.
  usb::UsbBotTransport transport(pipe);
  transport.resetRecovery();
  CHECK_FALSE(rig.drive.bot().inHalted());
  CHECK_FALSE(rig.drive.bot().outHalted());
  scsi::Command tur{scsi::cdb::testUnitReady(), scsi::DataDirection::None, {}};
  CHECK(transport.execute(tur).good());
  Bytes shortCbw(30, 0);
  CHECK(pipe.bulkOut(shortCbw, 1000).status == usb::TransferStatus::Stall);
}

TEST_CASE("BOT: direction mismatches answer phase error (cases 2, 3, 7, 8, 13)", "[vdrive][bot]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  Bytes buf(64);
  SECTION("case 2: host expects no data, INQUIRY has data") {
    REQUIRE(sendCbw(pipe, makeCbw({0x12, 0, 0, 0, 36, 0}, 0, false)) == usb::TransferStatus::Ok);
    CHECK(readCsw(pipe).status == usb::CswStatus::PhaseError);
  }
  SECTION("case 7: host expects less than the device sends") {
    REQUIRE(sendCbw(pipe, makeCbw({0x12, 0, 0, 0, 36, 0}, 8, true)) == usb::TransferStatus::Ok);
    auto in = pipe.bulkIn(std::span<std::uint8_t>(buf).first(8), 1000);
    CHECK(in.length == 8);
    CHECK(readCsw(pipe).status == usb::CswStatus::PhaseError);
  }
  SECTION("case 8: host expects IN, MODE SELECT wants OUT data") {
    REQUIRE(sendCbw(pipe, makeCbw({0x55, 0x10, 0, 0, 0, 0, 0, 0, 16, 0}, 16, true)) == usb::TransferStatus::Ok);
    CHECK(pipe.bulkIn(buf, 1000).status == usb::TransferStatus::Stall);
    pipe.clearHalt(usb::Endpoint::BulkIn);
    CHECK(readCsw(pipe).status == usb::CswStatus::PhaseError);
  }
  SECTION("case 3: host expects no data, MODE SELECT wants OUT data") {
    REQUIRE(sendCbw(pipe, makeCbw({0x55, 0x10, 0, 0, 0, 0, 0, 0, 16, 0}, 0, false)) == usb::TransferStatus::Ok);
    CHECK(readCsw(pipe).status == usb::CswStatus::PhaseError);
  }
  SECTION("case 13: host sends less than the command needs") {
    REQUIRE(sendCbw(pipe, makeCbw({0x55, 0x10, 0, 0, 0, 0, 0, 0, 16, 0}, 8, false)) == usb::TransferStatus::Ok);
    Bytes out(8, 0);
    CHECK(pipe.bulkOut(out, 1000).status == usb::TransferStatus::Ok);
    CHECK(readCsw(pipe).status == usb::CswStatus::PhaseError);
  }
  SECTION("case 9: host sends data to a no-data command → OUT stalled, CSW with full residue") {
    REQUIRE(sendCbw(pipe, makeCbw({0x00, 0, 0, 0, 0, 0}, 8, false)) == usb::TransferStatus::Ok);
    Bytes out(8, 0);
    CHECK(pipe.bulkOut(out, 1000).status == usb::TransferStatus::Stall);
    pipe.clearHalt(usb::Endpoint::BulkOut);
    const auto csw = readCsw(pipe);
    CHECK(csw.status == usb::CswStatus::Passed);
    CHECK(csw.residue == 8);
  }
}

TEST_CASE("BOT: OUT data in several transfers, residue when the host sends more (case 11)", "[vdrive][bot]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  // MODE SELECT of a 16-byte list (header + page 01h) sent as 10 + 14 bytes in a 24-byte data phase.
  Bytes list = {0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x06, 0x00, 0x05, 0, 0, 0, 0};
  list.resize(24, 0);
  REQUIRE(sendCbw(pipe, makeCbw({0x55, 0x10, 0, 0, 0, 0, 0, 0, 16, 0}, 24, false)) == usb::TransferStatus::Ok);
  CHECK(pipe.bulkOut(std::span<const std::uint8_t>(list).first(10), 1000).length == 10);
  CHECK(pipe.bulkOut(std::span<const std::uint8_t>(list).subspan(10), 1000).length == 14);
  const auto csw = readCsw(pipe);
  CHECK(csw.status == usb::CswStatus::Passed);
  CHECK(csw.residue == 8);
}

TEST_CASE("BOT: Get Max LUN and reset class requests", "[vdrive][bot]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  std::uint8_t lun = 9;
  auto r = pipe.control({0xA1, usb::kRequestGetMaxLun, 0, 0}, std::span<std::uint8_t>(&lun, 1), 1000);
  CHECK(r.status == usb::TransferStatus::Ok);
  CHECK(lun == 0);
  CHECK(pipe.control({0x21, 0x42, 0, 0}, {}, 1000).status == usb::TransferStatus::Stall);
  // Reset in the middle of a command (CSW not read yet) returns to the command phase.
  REQUIRE(sendCbw(pipe, makeCbw({0x00, 0, 0, 0, 0, 0}, 0, false)) == usb::TransferStatus::Ok);
  CHECK(pipe.control({0x21, usb::kRequestBotReset, 0, 0}, {}, 1000).status == usb::TransferStatus::Ok);
  REQUIRE(sendCbw(pipe, makeCbw({0x00, 0, 0, 0, 0, 0}, 0, false, 9)) == usb::TransferStatus::Ok);
  CHECK(readCsw(pipe).tag == 9);
}

TEST_CASE("BOT faults: stalled data phase, phase error, dropped command", "[vdrive][bot][faults]") {
  vtest::Rig rig;
  auto& pipe = rig.drive.hostPipe();
  Bytes buf(36);
  SECTION("stall the 2nd INQUIRY's data phase") {
    rig.drive.faults().stallDataPhase(0x12, 2);
    REQUIRE(sendCbw(pipe, makeCbw({0x12, 0, 0, 0, 36, 0}, 36, true)) == usb::TransferStatus::Ok);
    CHECK(pipe.bulkIn(buf, 1000).length == 36);
    CHECK(readCsw(pipe).status == usb::CswStatus::Passed);
    REQUIRE(sendCbw(pipe, makeCbw({0x12, 0, 0, 0, 36, 0}, 36, true)) == usb::TransferStatus::Ok);
    CHECK(pipe.bulkIn(buf, 1000).status == usb::TransferStatus::Stall);
    pipe.clearHalt(usb::Endpoint::BulkIn);
    const auto csw = readCsw(pipe);
    CHECK(csw.status == usb::CswStatus::Failed);
    CHECK(csw.residue == 36);
  }
  SECTION("phase error on the next command; the transport recovers with reset + retry") {
    rig.drive.faults().phaseErrorOn(1);
    usb::UsbBotTransport transport(pipe);
    scsi::Command inq{scsi::cdb::inquiry(36), scsi::DataDirection::In, buf};
    auto r = transport.execute(inq);
    CHECK(r.good());
    CHECK(buf[0] == 0x05);
  }
  SECTION("dropped command: the host times out until reset recovery") {
    rig.drive.faults().dropCommand(1);
    REQUIRE(sendCbw(pipe, makeCbw({0x00, 0, 0, 0, 0, 0}, 0, false)) == usb::TransferStatus::Ok);
    Bytes csw(13);
    CHECK(pipe.bulkIn(csw, 10).status == usb::TransferStatus::Timeout);
    usb::UsbBotTransport transport(pipe);
    transport.resetRecovery();
    scsi::Command tur{scsi::cdb::testUnitReady(), scsi::DataDirection::None, {}};
    CHECK(transport.execute(tur).good());
  }
}

TEST_CASE("BOT: a TAO track written through UsbBotTransport in chunked data phases", "[vdrive][bot][tao]") {
  vtest::Rig rig;
  REQUIRE(rig.selectWriteParams(1, false, 0).good());
  usb::UsbBotTransport transport(rig.drive.hostPipe(), usb::UsbBotOptions{0, 16 * 1024, 1, 5000});
  Bytes data(40 * 2352);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 7);
  scsi::Command write{scsi::cdb::write10(0, 40), scsi::DataDirection::Out, data};
  auto r = transport.execute(write);
  REQUIRE(r.good());
  CHECK(r.transferred == data.size());
  scsi::Command sync{scsi::cdb::synchronizeCache(false), scsi::DataDirection::None, {}};
  REQUIRE(transport.execute(sync).good());
  Bytes back(2352);
  scsi::Cdb readCd{};
  const std::uint8_t c[12] = {0xBE, 0, 0, 0, 0, 39, 0, 0, 1, 0x10, 0, 0};
  std::copy(c, c + 12, readCd.bytes.begin());
  readCd.length = 12;
  r = transport.execute(scsi::Command{readCd, scsi::DataDirection::In, back});
  REQUIRE(r.good());
  CHECK(std::equal(back.begin(), back.end(), data.begin() + 39 * 2352));
  // A WRITE at the wrong address: CHECK CONDITION with 5/21/02 through REQUEST SENSE.
  scsi::Command bad{scsi::cdb::write10(100, 1), scsi::DataDirection::Out, std::span<std::uint8_t>(data).first(2352)};
  r = transport.execute(bad);
  CHECK(r.status == scsi::Status::CheckCondition);
  CHECK(r.sense.key == 5);
  CHECK(r.sense.asc == 0x21);
  CHECK(r.sense.ascq == 0x02);
}
