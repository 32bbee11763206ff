#include "core/scsi/cdb.h"

#include "core/scsi/bytes.h"

namespace kiln::scsi {
namespace {

struct OpcodeName {
  std::uint8_t opcode;
  std::string_view name;
};

constexpr OpcodeName kOpcodeNames[] = {
    {op::kTestUnitReady, "TEST UNIT READY"},
    {op::kRezeroUnit, "REZERO UNIT"},
    {op::kRequestSense, "REQUEST SENSE"},
    {op::kInquiry, "INQUIRY"},
    {op::kModeSelect6, "MODE SELECT(6)"},
    {op::kModeSense6, "MODE SENSE(6)"},
    {op::kStartStopUnit, "START STOP UNIT"},
    {op::kPreventAllowMediumRemoval, "PREVENT ALLOW MEDIUM REMOVAL"},
    {op::kReadCapacity, "READ CAPACITY"},
    {op::kRead10, "READ(10)"},
    {op::kWrite10, "WRITE(10)"},
    {op::kSeek10, "SEEK(10)"},
    {op::kWriteAndVerify10, "WRITE AND VERIFY(10)"},
    {op::kSynchronizeCache, "SYNCHRONIZE CACHE"},
    {op::kReadBuffer, "READ BUFFER"},
    {op::kReadSubchannel, "READ SUB-CHANNEL"},
    {op::kReadTocPmaAtip, "READ TOC/PMA/ATIP"},
    {op::kGetConfiguration, "GET CONFIGURATION"},
    {op::kGetEventStatusNotification, "GET EVENT STATUS NOTIFICATION"},
    {op::kReadDiscInformation, "READ DISC INFORMATION"},
    {op::kReadTrackInformation, "READ TRACK INFORMATION"},
    {op::kReserveTrack, "RESERVE TRACK"},
    {op::kSendOpcInformation, "SEND OPC INFORMATION"},
    {op::kModeSelect10, "MODE SELECT(10)"},
    {op::kModeSense10, "MODE SENSE(10)"},
    {op::kCloseTrackSession, "CLOSE TRACK/SESSION"},
    {op::kReadBufferCapacity, "READ BUFFER CAPACITY"},
    {op::kSendCueSheet, "SEND CUE SHEET"},
    {op::kReportLuns, "REPORT LUNS"},
    {op::kBlank, "BLANK"},
    {op::kRead12, "READ(12)"},
    {op::kWrite12, "WRITE(12)"},
    {op::kGetPerformance, "GET PERFORMANCE"},
    {op::kReadDiscStructure, "READ DISC STRUCTURE"},
    {op::kSetStreaming, "SET STREAMING"},
    {op::kReadCdMsf, "READ CD MSF"},
    {op::kSetCdSpeed, "SET CD SPEED"},
    {op::kReadCd, "READ CD"},
};

Cdb make(std::uint8_t opcode, std::uint8_t length) {
  Cdb c;
  c.bytes[0] = opcode;
  c.length = length;
  return c;
}

std::span<std::uint8_t> bytes(Cdb& c) { return {c.bytes.data(), c.bytes.size()}; }

std::uint8_t bit(bool on, int position) { return static_cast<std::uint8_t>(on ? 1u << position : 0u); }

std::uint8_t u8(std::uint32_t v) { return static_cast<std::uint8_t>(v); }

}  // namespace

std::string_view opcodeName(std::uint8_t opcode) {
  for (const auto& entry : kOpcodeNames)
    if (entry.opcode == opcode) return entry.name;
  return "UNKNOWN";
}

namespace cdb {

Cdb testUnitReady() { return make(op::kTestUnitReady, 6); }

Cdb requestSense(std::uint8_t alloc) {
  Cdb c = make(op::kRequestSense, 6);
  c.bytes[4] = alloc;
  return c;
}

Cdb inquiry(std::uint16_t alloc, bool evpd, std::uint8_t page) {
  Cdb c = make(op::kInquiry, 6);
  c.bytes[1] = bit(evpd, 0);
  c.bytes[2] = evpd ? page : 0;
  putBe16(bytes(c), 3, alloc);
  return c;
}

Cdb startStopUnit(bool loej, bool start, bool immed) {
  Cdb c = make(op::kStartStopUnit, 6);
  c.bytes[1] = bit(immed, 0);
  c.bytes[4] = bit(loej, 1) | bit(start, 0);
  return c;
}

Cdb preventAllowMediumRemoval(bool prevent) {
  Cdb c = make(op::kPreventAllowMediumRemoval, 6);
  c.bytes[4] = bit(prevent, 0);
  return c;
}

Cdb readCapacity() { return make(op::kReadCapacity, 10); }

Cdb read10(std::int32_t lba, std::uint16_t count) {
  Cdb c = make(op::kRead10, 10);
  putBe32s(bytes(c), 2, lba);
  putBe16(bytes(c), 7, count);
  return c;
}

Cdb write10(std::int32_t lba, std::uint16_t count) {
  Cdb c = make(op::kWrite10, 10);
  putBe32s(bytes(c), 2, lba);
  putBe16(bytes(c), 7, count);
  return c;
}

Cdb write12(std::int32_t lba, std::uint32_t count, bool streaming) {
  Cdb c = make(op::kWrite12, 12);
  putBe32s(bytes(c), 2, lba);
  putBe32(bytes(c), 6, count);
  c.bytes[10] = bit(streaming, 7);
  return c;
}

Cdb synchronizeCache(bool immed) {
  Cdb c = make(op::kSynchronizeCache, 10);
  c.bytes[1] = bit(immed, 1);
  return c;
}

Cdb getConfiguration(FeatureRequest rt, std::uint16_t startingFeature, std::uint16_t alloc) {
  Cdb c = make(op::kGetConfiguration, 10);
  c.bytes[1] = static_cast<std::uint8_t>(rt) & 0x03;
  putBe16(bytes(c), 2, startingFeature);
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb getEventStatusNotification(bool polled, std::uint8_t classMask, std::uint16_t alloc) {
  Cdb c = make(op::kGetEventStatusNotification, 10);
  c.bytes[1] = bit(polled, 0);
  c.bytes[4] = classMask;
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb readDiscInformation(std::uint16_t alloc) {
  Cdb c = make(op::kReadDiscInformation, 10);
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb readTrackInformation(TrackAddressType type, std::uint32_t number, std::uint16_t alloc) {
  Cdb c = make(op::kReadTrackInformation, 10);
  c.bytes[1] = static_cast<std::uint8_t>(type) & 0x03;
  putBe32(bytes(c), 2, number);
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb reserveTrack(std::uint32_t sizeBlocks) {
  Cdb c = make(op::kReserveTrack, 10);
  putBe32(bytes(c), 5, sizeBlocks);
  return c;
}

Cdb modeSelect10(bool pf, std::uint16_t paramListLen, bool sp) {
  Cdb c = make(op::kModeSelect10, 10);
  c.bytes[1] = bit(pf, 4) | bit(sp, 0);
  putBe16(bytes(c), 7, paramListLen);
  return c;
}

Cdb modeSense10(std::uint8_t pageCode, PageControl pc, std::uint16_t alloc, bool dbd) {
  Cdb c = make(op::kModeSense10, 10);
  c.bytes[1] = bit(dbd, 3);
  c.bytes[2] = u8((static_cast<std::uint32_t>(pc) & 0x03) << 6 | (pageCode & 0x3Fu));
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb closeTrackSession(bool immed, CloseFunction function, std::uint16_t number) {
  Cdb c = make(op::kCloseTrackSession, 10);
  c.bytes[1] = bit(immed, 0);
  c.bytes[2] = static_cast<std::uint8_t>(function) & 0x07;
  putBe16(bytes(c), 4, number);
  return c;
}

Cdb readBufferCapacity(bool block, std::uint16_t alloc) {
  Cdb c = make(op::kReadBufferCapacity, 10);
  c.bytes[1] = bit(block, 0);
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb sendCueSheet(std::uint32_t len) {
  Cdb c = make(op::kSendCueSheet, 10);
  putBe24(bytes(c), 6, len);
  return c;
}

Cdb blank(BlankType type, bool immed, std::uint32_t number) {
  Cdb c = make(op::kBlank, 12);
  c.bytes[1] = bit(immed, 4) | (static_cast<std::uint8_t>(type) & 0x07);
  putBe32(bytes(c), 2, number);
  return c;
}

Cdb getPerformance(PerformanceType type, std::uint8_t dataType, std::int32_t startLba, std::uint16_t maxDescriptors) {
  Cdb c = make(op::kGetPerformance, 12);
  c.bytes[1] = dataType & 0x1F;
  putBe32s(bytes(c), 2, startLba);
  putBe16(bytes(c), 8, maxDescriptors);
  c.bytes[10] = static_cast<std::uint8_t>(type);
  return c;
}

Cdb setCdSpeed(std::uint16_t readKBps, std::uint16_t writeKBps, Rotation rotation) {
  Cdb c = make(op::kSetCdSpeed, 12);
  c.bytes[1] = static_cast<std::uint8_t>(rotation) & 0x03;
  putBe16(bytes(c), 2, readKBps);
  putBe16(bytes(c), 4, writeKBps);
  return c;
}

Cdb readCd(std::int32_t lba, std::uint32_t count, std::uint8_t expectedSectorType, std::uint8_t flags,
           std::uint8_t subchannel) {
  Cdb c = make(op::kReadCd, 12);
  c.bytes[1] = u8((expectedSectorType & 0x07u) << 2);
  putBe32s(bytes(c), 2, lba);
  putBe24(bytes(c), 6, count);
  c.bytes[9] = flags;
  c.bytes[10] = subchannel & 0x07;
  return c;
}

Cdb readTocPmaAtip(TocFormat format, bool msf, std::uint8_t trackSession, std::uint16_t alloc) {
  Cdb c = make(op::kReadTocPmaAtip, 10);
  c.bytes[1] = bit(msf, 1);
  c.bytes[2] = static_cast<std::uint8_t>(format) & 0x0F;
  c.bytes[6] = trackSession;
  putBe16(bytes(c), 7, alloc);
  return c;
}

Cdb readDiscStructure(std::uint8_t format, std::uint32_t address, std::uint16_t alloc) {
  Cdb c = make(op::kReadDiscStructure, 12);
  putBe32(bytes(c), 2, address);
  c.bytes[7] = format;
  putBe16(bytes(c), 8, alloc);
  return c;
}

}  // namespace cdb
}  // namespace kiln::scsi
