#include <catch2/catch.hpp>

#include <numeric>
#include <string>
#include <vector>

#include "core/imapi/error.h"
#include "core/scsi/cdb.h"
#include "core/scsi/sense_map.h"
#include "core/usb/bot.h"
#include "core/usb/usb_bot_transport.h"
#include "fake_bulk_pipe.h"

using namespace kiln;
using kiln::test::FakeBulkPipe;
using usb::CswStatus;
using usb::TransferStatus;
using Events = std::vector<std::string>;

namespace {

scsi::Command inCommand(const scsi::Cdb& cdb, std::vector<std::uint8_t>& buffer) {
  scsi::Command c;
  c.cdb = cdb;
  c.direction = scsi::DataDirection::In;
  c.data = buffer;
  return c;
}

scsi::Command outCommand(const scsi::Cdb& cdb, std::vector<std::uint8_t>& buffer) {
  scsi::Command c = inCommand(cdb, buffer);
  c.direction = scsi::DataDirection::Out;
  return c;
}

scsi::Command noData(const scsi::Cdb& cdb) {
  scsi::Command c;
  c.cdb = cdb;
  return c;
}

std::vector<std::uint8_t> counting(std::size_t n) {
  std::vector<std::uint8_t> v(n);
  std::iota(v.begin(), v.end(), std::uint8_t{1});
  return v;
}

const Events kResetRecovery = {"CTRL FF", "CLEAR IN", "CLEAR OUT"};

Events concat(std::initializer_list<Events> parts) {
  Events all;
  for (const auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return all;
}

template <typename F>
HResult thrownCode(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

}  // namespace

// ---- framing (BOT §5.1, §5.2, §6.3) -------------------------------------------------------------------------------

TEST_CASE("CBW encodes to the 31 wire bytes and decodes back", "[bot]") {
  usb::Cbw cbw{0x11223344, 36, true, 0, scsi::cdb::inquiry(36)};
  const auto wire = usb::encodeCbw(cbw);
  const std::vector<std::uint8_t> expected = {0x55, 0x53, 0x42, 0x43, 0x44, 0x33, 0x22, 0x11, 36, 0, 0, 0, 0x80, 0, 6,
                                              0x12, 0,    0,    0,    36,   0,    0,    0,    0,  0, 0, 0, 0,    0, 0, 0};
  CHECK(std::vector<std::uint8_t>(wire.begin(), wire.end()) == expected);
  const auto back = usb::decodeCbw(wire);
  REQUIRE(back);
  CHECK(back->tag == 0x11223344u);
  CHECK(back->dataTransferLength == 36u);
  CHECK(back->dataIn);
  CHECK(back->cdb.length == 6);
  CHECK(back->cdb.opcode() == 0x12);
  CHECK(back->cdb.bytes[4] == 36);

  // no data: direction bit is sent as 0
  CHECK(usb::encodeCbw({1, 0, true, 0, scsi::cdb::testUnitReady()})[12] == 0x00);
  CHECK(usb::encodeCbw({1, 0, false, 2, scsi::cdb::blank(scsi::BlankType::Minimal, true)})[13] == 2);
  CHECK(usb::encodeCbw({1, 0, false, 0, scsi::cdb::blank(scsi::BlankType::Minimal, true)})[14] == 12);
}

TEST_CASE("decodeCbw rejects CBWs that are not valid and meaningful", "[bot]") {
  const auto good = usb::encodeCbw({7, 0, false, 0, scsi::cdb::testUnitReady()});
  CHECK(usb::decodeCbw(good));
  CHECK_FALSE(usb::decodeCbw(std::span<const std::uint8_t>(good).first(30)));
  std::vector<std::uint8_t> longer(good.begin(), good.end());
  longer.push_back(0);
  CHECK_FALSE(usb::decodeCbw(longer));
  auto bad = good;
  bad[3] = 0x44;  // signature
  CHECK_FALSE(usb::decodeCbw(bad));
  bad = good;
  bad[14] = 0;  // CB length 0
  CHECK_FALSE(usb::decodeCbw(bad));
  bad[14] = 17;
  CHECK_FALSE(usb::decodeCbw(bad));
  bad = good;
  bad[12] = 0x01;  // reserved flag bit
  CHECK_FALSE(usb::decodeCbw(bad));
  bad = good;
  bad[13] = 0x10;  // reserved LUN bits
  CHECK_FALSE(usb::decodeCbw(bad));
}

TEST_CASE("CSW encode/decode and the host's validity checks", "[bot]") {
  const auto wire = usb::encodeCsw({0x01020304, 232, CswStatus::Failed});
  const std::vector<std::uint8_t> expected = {0x55, 0x53, 0x42, 0x53, 4, 3, 2, 1, 232, 0, 0, 0, 1};
  CHECK(std::vector<std::uint8_t>(wire.begin(), wire.end()) == expected);

  usb::Csw csw;
  CHECK(usb::checkCsw(wire, 0x01020304, 252, &csw) == usb::CswCheck::Valid);
  CHECK(csw.residue == 232u);
  CHECK(csw.status == CswStatus::Failed);
  CHECK(usb::checkCsw(std::span<const std::uint8_t>(wire).first(12), 0x01020304, 252) == usb::CswCheck::WrongLength);
  CHECK(usb::checkCsw(wire, 0x01020305, 252) == usb::CswCheck::TagMismatch);
  CHECK(usb::checkCsw(wire, 0x01020304, 100) == usb::CswCheck::ResidueTooLarge);
  auto bad = wire;
  bad[0] = 0x56;
  CHECK(usb::checkCsw(bad, 0x01020304, 252) == usb::CswCheck::BadSignature);
  bad = wire;
  bad[12] = 3;
  CHECK(usb::checkCsw(bad, 0x01020304, 252) == usb::CswCheck::BadStatus);
  // a phase error's residue is not judged: the host resets anyway
  const auto phase = usb::encodeCsw({9, 1000, CswStatus::PhaseError});
  CHECK(usb::checkCsw(phase, 9, 0) == usb::CswCheck::Valid);
  const auto decoded = usb::decodeCsw(phase);
  REQUIRE(decoded);
  CHECK(decoded->status == CswStatus::PhaseError);
}

// ---- host transport (BOT §5.3, §6.7) ------------------------------------------------------------------------------

TEST_CASE("good IN command: CBW, data, CSW; tags increment", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  std::vector<std::uint8_t> buffer(36);
  pipe.acceptOut();
  pipe.inData(counting(36));
  pipe.inCsw(0, CswStatus::Passed);
  auto command = inCommand(scsi::cdb::inquiry(36), buffer);
  command.timeoutMs = 1234;
  const auto r = transport.execute(command);
  CHECK(r.good());
  CHECK(r.transferred == 36);
  CHECK(r.residue == 0);
  CHECK(buffer == counting(36));
  CHECK(pipe.events == Events{"OUT 31", "IN 36", "IN 13"});
  CHECK(pipe.timeouts == std::vector<std::uint32_t>{1234, 1234, 1234});
  const auto cbws = pipe.cbws();
  REQUIRE(cbws.size() == 1);
  CHECK(cbws[0].tag == 1);
  CHECK(cbws[0].dataIn);
  CHECK(cbws[0].dataTransferLength == 36);
  CHECK(cbws[0].cdb.opcode() == scsi::op::kInquiry);

  pipe.acceptOut();
  pipe.inCsw(0, CswStatus::Passed);
  CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
  CHECK(pipe.cbws().at(1).tag == 2);
  CHECK(transport.nextTag() == 3);
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("good OUT and no-data commands", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe, {0, 64 * 1024, 100});
  auto page = counting(60);
  pipe.acceptOut();
  pipe.acceptOut();
  pipe.inCsw(0, CswStatus::Passed);
  const auto r = transport.execute(outCommand(scsi::cdb::modeSelect10(true, 60), page));
  CHECK(r.good());
  CHECK(r.transferred == 60);
  CHECK(pipe.events == Events{"OUT 31", "OUT 60", "IN 13"});
  REQUIRE(pipe.sent.size() == 2);
  CHECK(pipe.sent[1] == page);
  CHECK(pipe.cbws()[0].tag == 100);
  CHECK_FALSE(pipe.cbws()[0].dataIn);
  CHECK(pipe.cbws()[0].dataTransferLength == 60);

  pipe.events.clear();
  pipe.acceptOut();
  pipe.inCsw(0, CswStatus::Passed);
  const auto t = transport.execute(noData(scsi::cdb::synchronizeCache(true)));
  CHECK(t.good());
  CHECK(t.transferred == 0);
  CHECK(pipe.events == Events{"OUT 31", "IN 13"});
  CHECK(pipe.cbws()[1].dataTransferLength == 0);
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("short IN transfer: transferred and residue from the data phase and CSW", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  std::vector<std::uint8_t> buffer(252);
  pipe.acceptOut();
  pipe.inData(counting(20));
  pipe.inCsw(232, CswStatus::Passed);
  const auto r = transport.execute(inCommand(scsi::cdb::getConfiguration(scsi::FeatureRequest::All, 0, 252), buffer));
  CHECK(r.good());
  CHECK(r.transferred == 20);
  CHECK(r.residue == 232);
  CHECK(pipe.events == Events{"OUT 31", "IN 252", "IN 13"});
}

TEST_CASE("CSW status 1 triggers REQUEST SENSE as its own BOT command", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  pipe.acceptOut();
  pipe.inCsw(0, CswStatus::Failed);
  pipe.acceptOut();
  std::vector<std::uint8_t> sense(18, 0);
  sense[0] = 0x70, sense[2] = 0x02, sense[7] = 10, sense[12] = 0x3A, sense[13] = 0x01;
  pipe.inData(sense);
  pipe.inCsw(0, CswStatus::Passed);
  const auto r = transport.execute(noData(scsi::cdb::testUnitReady()));
  CHECK(r.status == scsi::Status::CheckCondition);
  CHECK_FALSE(r.good());
  CHECK(r.sense.valid);
  CHECK(r.sense.key == 2);
  CHECK(r.sense.asc == 0x3A);
  CHECK(r.sense.ascq == 0x01);
  CHECK(scsi::senseToHResult(r.sense) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK(pipe.events == Events{"OUT 31", "IN 13", "OUT 31", "IN 18", "IN 13"});
  const auto cbws = pipe.cbws();
  REQUIRE(cbws.size() == 2);
  CHECK(cbws[1].tag == 2);
  CHECK(cbws[1].cdb.opcode() == scsi::op::kRequestSense);
  CHECK(cbws[1].cdb.bytes[4] == 18);
  CHECK(cbws[1].dataTransferLength == 18);
  CHECK(cbws[1].dataIn);
}

TEST_CASE("REQUEST SENSE that itself fails leaves sense invalid", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  pipe.acceptOut();
  pipe.inCsw(0, CswStatus::Failed);
  pipe.acceptOut();
  pipe.inData({});
  pipe.inCsw(18, CswStatus::Failed);
  const auto r = transport.execute(noData(scsi::cdb::testUnitReady()));
  CHECK(r.status == scsi::Status::CheckCondition);
  CHECK_FALSE(r.sense.valid);
  CHECK(scsi::senseToHResult(r.sense) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
}

TEST_CASE("phase error: reset recovery (BOMS reset + both clear halts), then one retry", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  std::vector<std::uint8_t> buffer(8);
  pipe.acceptOut();
  pipe.inData(counting(8));
  pipe.inCsw(0, CswStatus::PhaseError);
  pipe.acceptOut();
  pipe.inData(counting(8));
  pipe.inCsw(0, CswStatus::Passed);
  const auto r = transport.execute(inCommand(scsi::cdb::readCapacity(), buffer));
  CHECK(r.good());
  CHECK(r.transferred == 8);
  CHECK(pipe.events == concat({{"OUT 31", "IN 8", "IN 13"}, kResetRecovery, {"OUT 31", "IN 8", "IN 13"}}));
  REQUIRE(pipe.controls.size() == 1);
  CHECK(pipe.controls[0].requestType == 0x21);
  CHECK(pipe.controls[0].request == 0xFF);
  CHECK(pipe.controls[0].value == 0);
  CHECK(pipe.controls[0].index == 3);
  CHECK(pipe.cbws().at(1).tag == 2);  // the retry is a new CBW with a new tag
}

TEST_CASE("phase error twice: E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  for (int i = 0; i < 2; ++i) {
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::PhaseError);
  }
  CHECK(thrownCode([&] { transport.execute(noData(scsi::cdb::testUnitReady())); }) ==
        HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  CHECK(pipe.events == concat({{"OUT 31", "IN 13"}, kResetRecovery, {"OUT 31", "IN 13"}, kResetRecovery}));
  CHECK(pipe.scriptDone());
}

TEST_CASE("invalid CSW (bad signature, wrong tag, residue too large) is handled like a phase error",
          "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);

  SECTION("bad signature, then good retry") {
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed, 0, 0x12345678);
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed);
    CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
    CHECK(pipe.events == concat({{"OUT 31", "IN 13"}, kResetRecovery, {"OUT 31", "IN 13"}}));
  }
  SECTION("wrong tag twice") {
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed, 1);
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed, 0xFFFFFFFF);
    CHECK(thrownCode([&] { transport.execute(noData(scsi::cdb::testUnitReady())); }) ==
          HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
    CHECK(pipe.controls.size() == 2);
  }
  SECTION("residue larger than the transfer length") {
    pipe.acceptOut();
    pipe.inCsw(5, CswStatus::Passed);
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed);
    CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
    CHECK(pipe.controls.size() == 1);
  }
  SECTION("short CSW") {
    pipe.acceptOut();
    pipe.inData({0x55, 0x53, 0x42, 0x53, 1, 0, 0});
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed);
    CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
    CHECK(pipe.controls.size() == 1);
  }
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("STALL on the data phase: clear that endpoint, then read the CSW", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);

  SECTION("IN") {
    std::vector<std::uint8_t> buffer(2048);
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Stall);
    pipe.inCsw(2048, CswStatus::Failed);
    pipe.acceptOut();  // REQUEST SENSE
    std::vector<std::uint8_t> sense(18, 0);
    sense[0] = 0x70, sense[2] = 0x05, sense[7] = 10, sense[12] = 0x20;
    pipe.inData(sense);
    pipe.inCsw(0, CswStatus::Passed);
    const auto r = transport.execute(inCommand(scsi::cdb::read10(16, 1), buffer));
    CHECK(r.status == scsi::Status::CheckCondition);
    CHECK(r.transferred == 0);
    CHECK(r.residue == 2048);
    CHECK(r.sense.asc == 0x20);
    CHECK(pipe.events == Events{"OUT 31", "IN 2048", "CLEAR IN", "IN 13", "OUT 31", "IN 18", "IN 13"});
  }
  SECTION("OUT") {
    std::vector<std::uint8_t> audio(2352 * 4);
    pipe.acceptOut();
    pipe.outStatus(TransferStatus::Stall);
    pipe.inCsw(static_cast<std::uint32_t>(audio.size()), CswStatus::Passed);
    const auto r = transport.execute(outCommand(scsi::cdb::write10(0, 4), audio));
    CHECK(r.good());
    CHECK(r.transferred == 0);
    CHECK(r.residue == audio.size());
    CHECK(pipe.events == Events{"OUT 31", "OUT 9408", "CLEAR OUT", "IN 13"});
  }
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("STALL when reading the CSW: clear bulk IN and read it once more", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);

  SECTION("second read succeeds") {
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Stall);
    pipe.inCsw(0, CswStatus::Passed);
    CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
    CHECK(pipe.events == Events{"OUT 31", "IN 13", "CLEAR IN", "IN 13"});
  }
  SECTION("stalls again: reset recovery and retry") {
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Stall);
    pipe.inStatus(TransferStatus::Stall);
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed);
    CHECK(transport.execute(noData(scsi::cdb::testUnitReady())).good());
    CHECK(pipe.events ==
          concat({{"OUT 31", "IN 13", "CLEAR IN", "IN 13", "CLEAR IN"}, kResetRecovery, {"OUT 31", "IN 13"}}));
  }
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("timeout: reset recovery, then E_IMAPI_RECORDER_COMMAND_TIMEOUT", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  std::vector<std::uint8_t> buffer(12);

  SECTION("data phase") {
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Timeout);
    CHECK(thrownCode([&] { transport.execute(inCommand(scsi::cdb::readBufferCapacity(false, 12), buffer)); }) ==
          HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
    CHECK(pipe.events == concat({{"OUT 31", "IN 12"}, kResetRecovery}));
  }
  SECTION("status phase") {
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Timeout);
    try {
      transport.execute(noData(scsi::cdb::closeTrackSession(false, scsi::CloseFunction::Session, 0)));
      FAIL("no exception");
    } catch (const Error& e) {
      CHECK(e.code() == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
      CHECK(e.detail().find("CLOSE TRACK/SESSION") != std::string::npos);
    }
    CHECK(pipe.events == concat({{"OUT 31", "IN 13"}, kResetRecovery}));
  }
}

TEST_CASE("disconnect: HRESULT_FROM_WIN32(ERROR_DEV_NOT_EXIST)", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  std::vector<std::uint8_t> buffer(36);

  SECTION("command phase") {
    pipe.outStatus(TransferStatus::Disconnected);
    CHECK(thrownCode([&] { transport.execute(noData(scsi::cdb::testUnitReady())); }) ==
          HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
    CHECK(pipe.events == Events{"OUT 31"});
  }
  SECTION("data phase") {
    pipe.acceptOut();
    pipe.inStatus(TransferStatus::Disconnected);
    CHECK(thrownCode([&] { transport.execute(inCommand(scsi::cdb::inquiry(36), buffer)); }) ==
          HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  }
  SECTION("during reset recovery") {
    pipe.acceptOut();
    pipe.inCsw(0, CswStatus::PhaseError);
    pipe.controlResult = {TransferStatus::Disconnected, 0};
    CHECK(thrownCode([&] { transport.execute(noData(scsi::cdb::testUnitReady())); }) ==
          HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  }
}

TEST_CASE("large data phases move in chunks of at most maxTransferBytes", "[bot][transport]") {
  FakeBulkPipe pipe;
  SECTION("IN, default 64 KiB") {
    usb::UsbBotTransport transport(pipe);
    std::vector<std::uint8_t> buffer(200 * 1024);
    pipe.acceptOut();
    for (int i = 0; i < 3; ++i) pipe.inData(std::vector<std::uint8_t>(65536, static_cast<std::uint8_t>(i + 1)));
    pipe.inData(std::vector<std::uint8_t>(8192, 9));
    pipe.inCsw(0, CswStatus::Passed);
    const auto r = transport.execute(inCommand(scsi::cdb::read10(0, 100), buffer));
    CHECK(r.transferred == buffer.size());
    CHECK(pipe.events == Events{"OUT 31", "IN 65536", "IN 65536", "IN 65536", "IN 8192", "IN 13"});
    CHECK(buffer[65535] == 1);
    CHECK(buffer[65536] == 2);
    CHECK(buffer.back() == 9);
    CHECK(pipe.cbws()[0].dataTransferLength == 200 * 1024);
  }
  SECTION("OUT, 1000-byte limit") {
    usb::UsbBotTransport transport(pipe, {0, 1000});
    auto audio = counting(2352);
    for (int i = 0; i < 4; ++i) pipe.acceptOut();
    pipe.inCsw(0, CswStatus::Passed);
    const auto r = transport.execute(outCommand(scsi::cdb::write10(-150, 1), audio));
    CHECK(r.transferred == 2352);
    CHECK(pipe.events == Events{"OUT 31", "OUT 1000", "OUT 1000", "OUT 352", "IN 13"});
    std::vector<std::uint8_t> joined;
    for (std::size_t i = 1; i < pipe.sent.size(); ++i) joined.insert(joined.end(), pipe.sent[i].begin(), pipe.sent[i].end());
    CHECK(joined == audio);
  }
  SECTION("a short chunk ends the data phase early") {
    usb::UsbBotTransport transport(pipe, {0, 1000});
    std::vector<std::uint8_t> buffer(3000);
    pipe.acceptOut();
    pipe.inData(std::vector<std::uint8_t>(1000, 1));
    pipe.inData(std::vector<std::uint8_t>(10, 2));
    pipe.inCsw(1990, CswStatus::Passed);
    const auto r = transport.execute(inCommand(scsi::cdb::readCd(0, 1, 0, 0xF8, 0), buffer));
    CHECK(r.transferred == 1010);
    CHECK(r.residue == 1990);
    CHECK(pipe.events == Events{"OUT 31", "IN 1000", "IN 1000", "IN 13"});
  }
  CHECK(pipe.unscripted == 0);
}

TEST_CASE("GET MAX LUN: class request FEh; STALL means 0", "[bot][transport]") {
  FakeBulkPipe pipe;
  usb::UsbBotTransport transport(pipe);
  pipe.controlInData = {2};
  CHECK(transport.getMaxLun() == 2);
  REQUIRE(pipe.controls.size() == 1);
  CHECK(pipe.controls[0].requestType == 0xA1);
  CHECK(pipe.controls[0].request == 0xFE);
  CHECK(pipe.controls[0].index == 3);
  pipe.controlResult = {TransferStatus::Stall, 0};
  CHECK(transport.getMaxLun() == 0);
  pipe.controlResult = {TransferStatus::Disconnected, 0};
  CHECK(thrownCode([&] { transport.getMaxLun(); }) == HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
}
