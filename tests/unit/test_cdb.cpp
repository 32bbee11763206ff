#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "core/scsi/bytes.h"
#include "core/scsi/cdb.h"

using namespace kiln::scsi;

namespace {

std::vector<std::uint8_t> hex(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::uint8_t> out;
  std::string byte;
  while (in >> byte) out.push_back(static_cast<std::uint8_t>(std::stoul(byte, nullptr, 16)));
  return out;
}

std::vector<std::uint8_t> wire(const Cdb& cdb) { return {cdb.view().begin(), cdb.view().end()}; }

}  // namespace

// Expected bytes copied from /work/shared/interop/cdb-unique-blank-cdr.txt (what wodim/cdrskin/cdrdao sent).
TEST_CASE("CDB builders match the bytes real burning tools send", "[cdb]") {
  CHECK(wire(cdb::testUnitReady()) == hex("00 00 00 00 00 00"));
  CHECK(wire(cdb::requestSense(18)) == hex("03 00 00 00 12 00"));
  CHECK(wire(cdb::inquiry(36)) == hex("12 00 00 00 24 00"));
  CHECK(wire(cdb::inquiry(4, true, 0x00)) == hex("12 01 00 00 04 00"));
  CHECK(wire(cdb::inquiry(16, true, 0x80)) == hex("12 01 80 00 10 00"));
  CHECK(wire(cdb::startStopUnit(true, true)) == hex("1b 00 00 00 03 00"));
  CHECK(wire(cdb::startStopUnit(false, true)) == hex("1b 00 00 00 01 00"));
  CHECK(wire(cdb::startStopUnit(false, true, true)) == hex("1b 01 00 00 01 00"));
  CHECK(wire(cdb::startStopUnit(false, false, true)) == hex("1b 01 00 00 00 00"));
  CHECK(wire(cdb::preventAllowMediumRemoval(true)) == hex("1e 00 00 00 01 00"));
  CHECK(wire(cdb::preventAllowMediumRemoval(false)) == hex("1e 00 00 00 00 00"));
  CHECK(wire(cdb::readCapacity()) == hex("25 00 00 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::synchronizeCache(false)) == hex("35 00 00 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::synchronizeCache(true)) == hex("35 02 00 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::getConfiguration(FeatureRequest::All, 0x28, 16)) == hex("46 00 00 28 00 00 00 00 10 00"));
  CHECK(wire(cdb::getConfiguration(FeatureRequest::One, 0x37, 16)) == hex("46 02 00 37 00 00 00 00 10 00"));
  CHECK(wire(cdb::getConfiguration(FeatureRequest::All, 0, 0x9c)) == hex("46 00 00 00 00 00 00 00 9c 00"));
  CHECK(wire(cdb::getEventStatusNotification(true, kEventClassMedia, 8)) == hex("4a 01 00 00 10 00 00 00 08 00"));
  CHECK(wire(cdb::readDiscInformation(34)) == hex("51 00 00 00 00 00 00 00 22 00"));
  CHECK(wire(cdb::readTrackInformation(TrackAddressType::TrackNumber, 1, 8)) == hex("52 01 00 00 00 01 00 00 08 00"));
  CHECK(wire(cdb::readTrackInformation(TrackAddressType::TrackNumber, kInvisibleTrack, 0x1c)) ==
        hex("52 01 00 00 00 ff 00 00 1c 00"));
  CHECK(wire(cdb::modeSelect10(true, 60)) == hex("55 10 00 00 00 00 00 00 3c 00"));
  CHECK(wire(cdb::modeSense10(0x2A, PageControl::Current, 128)) == hex("5a 00 2a 00 00 00 00 00 80 00"));
  CHECK(wire(cdb::modeSense10(0x05, PageControl::Current, 60)) == hex("5a 00 05 00 00 00 00 00 3c 00"));
  CHECK(wire(cdb::modeSense10(0x3F, PageControl::Default, 16)) == hex("5a 00 bf 00 00 00 00 00 10 00"));
  CHECK(wire(cdb::closeTrackSession(false, CloseFunction::Session, 0)) == hex("5b 00 02 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::readBufferCapacity(false, 12)) == hex("5c 00 00 00 00 00 00 00 0c 00"));
  CHECK(wire(cdb::sendCueSheet(32)) == hex("5d 00 00 00 00 00 00 00 20 00"));
  CHECK(wire(cdb::getPerformance(PerformanceType::Performance, 0x10, 0, 0)) ==
        hex("ac 10 00 00 00 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::getPerformance(PerformanceType::Performance, 0x10, 0, 1)) ==
        hex("ac 10 00 00 00 00 00 00 00 01 00 00"));
  CHECK(wire(cdb::setCdSpeed(0x1b90, 0x1ba8)) == hex("bb 00 1b 90 1b a8 00 00 00 00 00 00"));
  CHECK(wire(cdb::setCdSpeed(0x1e78, 0x1b90)) == hex("bb 00 1e 78 1b 90 00 00 00 00 00 00"));
  CHECK(wire(cdb::readTocPmaAtip(TocFormat::Toc, false, 0, 12)) == hex("43 00 00 00 00 00 00 00 0c 00"));
  CHECK(wire(cdb::readTocPmaAtip(TocFormat::SessionInfo, false, 0, 12)) == hex("43 00 01 00 00 00 00 00 0c 00"));
  CHECK(wire(cdb::readTocPmaAtip(TocFormat::Toc, true, 0xAA, 12)) == hex("43 02 00 00 00 00 aa 00 0c 00"));
  CHECK(wire(cdb::readTocPmaAtip(TocFormat::Atip, true, 0, 28)) == hex("43 02 04 00 00 00 00 00 1c 00"));
  CHECK(wire(cdb::readTocPmaAtip(TocFormat::Atip, false, 0, 4)) == hex("43 00 04 00 00 00 00 00 04 00"));
  CHECK(wire(cdb::readDiscStructure(0, 0, 32)) == hex("ad 00 00 00 00 00 00 00 00 20 00 00"));
}

TEST_CASE("LBAs are 32-bit big-endian two's complement, lengths in the right bytes", "[cdb]") {
  CHECK(wire(cdb::write10(-150, 27)) == hex("2a 00 ff ff ff 6a 00 00 1b 00"));
  CHECK(wire(cdb::write10(0, 26)) == hex("2a 00 00 00 00 00 00 00 1a 00"));
  CHECK(wire(cdb::write10(359849, 0xFFFF)) == hex("2a 00 00 05 7d a9 00 ff ff 00"));
  CHECK(wire(cdb::read10(-11635, 1)) == hex("28 00 ff ff d2 8d 00 00 01 00"));
  CHECK(wire(cdb::write12(-150, 0x01020304, true)) == hex("aa 00 ff ff ff 6a 01 02 03 04 80 00"));
  CHECK(wire(cdb::write12(16, 2, false)) == hex("aa 00 00 00 00 10 00 00 00 02 00 00"));
  CHECK(wire(cdb::readCd(-150, 0x010203, 1, 0x10, 0x02)) == hex("be 04 ff ff ff 6a 01 02 03 10 02 00"));
  CHECK(wire(cdb::getPerformance(PerformanceType::WriteSpeed, 0, -1, 4)) == hex("ac 00 ff ff ff ff 00 00 00 04 03 00"));
  CHECK(wire(cdb::blank(BlankType::Minimal, true)) == hex("a1 11 00 00 00 00 00 00 00 00 00 00"));
  CHECK(wire(cdb::blank(BlankType::Track, false, 0x00010203)) == hex("a1 02 00 01 02 03 00 00 00 00 00 00"));
  CHECK(wire(cdb::reserveTrack(300)) == hex("53 00 00 00 00 00 00 01 2c 00"));
  CHECK(wire(cdb::closeTrackSession(true, CloseFunction::Track, 0x0102)) == hex("5b 01 01 00 01 02 00 00 00 00"));
  CHECK(wire(cdb::sendCueSheet(0x012345)) == hex("5d 00 00 00 00 00 01 23 45 00"));
  CHECK(wire(cdb::modeSense10(0x2A, PageControl::Changeable, 0x1234, true)) == hex("5a 08 6a 00 00 00 00 12 34 00"));
  CHECK(wire(cdb::modeSelect10(false, 16, true)) == hex("55 01 00 00 00 00 00 00 10 00"));
  CHECK(wire(cdb::readBufferCapacity(true, 12)) == hex("5c 01 00 00 00 00 00 00 0c 00"));
  CHECK(wire(cdb::inquiry(0x0123)) == hex("12 00 00 01 23 00"));
  CHECK(wire(cdb::setCdSpeed(kSpeedMax, kSpeedMax, Rotation::Cav)) == hex("bb 01 ff ff ff ff 00 00 00 00 00 00"));
  CHECK(wire(cdb::getEventStatusNotification(false, kEventClassDeviceBusy | kEventClassOperationalChange, 0x100)) ==
        hex("4a 00 00 00 44 00 00 01 00 00"));
}

TEST_CASE("CDB lengths and opcodes", "[cdb]") {
  CHECK(cdb::testUnitReady().length == 6);
  CHECK(cdb::inquiry(36).length == 6);
  CHECK(cdb::read10(0, 1).length == 10);
  CHECK(cdb::readTocPmaAtip(TocFormat::Toc, false, 0, 4).length == 10);
  CHECK(cdb::blank(BlankType::Full, false).length == 12);
  CHECK(cdb::readCd(0, 1, 0, 0xF8, 0).length == 12);
  CHECK(cdb::write12(0, 1).opcode() == op::kWrite12);
  // bytes past the CDB length stay zero so CBW encoding can copy all 16
  const Cdb c = cdb::write10(-1, 0xFFFF);
  for (std::size_t i = c.length; i < c.bytes.size(); ++i) CHECK(c.bytes[i] == 0);
}

TEST_CASE("opcode names for logs", "[cdb]") {
  CHECK(opcodeName(0x2A) == "WRITE(10)");
  CHECK(opcodeName(op::kReadTocPmaAtip) == "READ TOC/PMA/ATIP");
  CHECK(opcodeName(op::kCloseTrackSession) == "CLOSE TRACK/SESSION");
  CHECK(opcodeName(op::kTestUnitReady) == "TEST UNIT READY");
  CHECK(opcodeName(0xFF) == "UNKNOWN");
}

TEST_CASE("big-endian helpers round-trip signed and unsigned values", "[cdb][bytes]") {
  std::uint8_t buf[8] = {};
  putBe32s(buf, 1, -150);
  CHECK(buf[1] == 0xFF);
  CHECK(buf[4] == 0x6A);
  CHECK(getBe32s(buf, 1) == -150);
  CHECK(getBe32(buf, 1) == 0xFFFFFF6Au);
  putBe32s(buf, 0, INT32_MIN);
  CHECK(getBe32s(buf, 0) == INT32_MIN);
  putBe24(buf, 2, 0xABCDEF);
  CHECK(getBe24(buf, 2) == 0xABCDEFu);
  putBe16(buf, 6, 0xBEEF);
  CHECK(getBe16(buf, 6) == 0xBEEF);
  putLe32(buf, 0, 0x43425355);
  CHECK(buf[0] == 'U');
  CHECK(buf[3] == 'C');
  CHECK(getLe32(buf, 0) == 0x43425355u);
}
