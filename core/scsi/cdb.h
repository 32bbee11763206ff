#pragma once
// Every CDB Kiln sends is built here (MMC-6 T10/1836-D; SPC-4 T10/1731-D; commands are in clause 6 of both and
// are cited below as "§6" plus the command name). Byte layouts match what
// wodim, cdrskin and cdrdao send (see /work/shared/interop/cdb-unique-blank-cdr.txt and tests/unit/test_cdb.cpp).
// LBAs are signed 32-bit big-endian two's complement (−150 = FF FF FF 6A; MMC-6 §4.2). Allocation lengths and
// transfer lengths are in bytes unless a function says "blocks". No function throws.
#include <cstdint>
#include <string_view>

#include "core/scsi/scsi_transport.h"

namespace kiln::scsi {

/// Operation codes (MMC-6 §6 table 6-1, SPC-4 §6). Use these in dispatch tables (the virtual drive) and logs.
namespace op {
inline constexpr std::uint8_t kTestUnitReady = 0x00;
inline constexpr std::uint8_t kRezeroUnit = 0x01;
inline constexpr std::uint8_t kRequestSense = 0x03;
inline constexpr std::uint8_t kInquiry = 0x12;
inline constexpr std::uint8_t kModeSelect6 = 0x15;
inline constexpr std::uint8_t kModeSense6 = 0x1A;
inline constexpr std::uint8_t kStartStopUnit = 0x1B;
inline constexpr std::uint8_t kPreventAllowMediumRemoval = 0x1E;
inline constexpr std::uint8_t kReadCapacity = 0x25;
inline constexpr std::uint8_t kRead10 = 0x28;
inline constexpr std::uint8_t kWrite10 = 0x2A;
inline constexpr std::uint8_t kSeek10 = 0x2B;
inline constexpr std::uint8_t kWriteAndVerify10 = 0x2E;
inline constexpr std::uint8_t kSynchronizeCache = 0x35;
inline constexpr std::uint8_t kReadBuffer = 0x3C;
inline constexpr std::uint8_t kReadSubchannel = 0x42;
inline constexpr std::uint8_t kReadTocPmaAtip = 0x43;
inline constexpr std::uint8_t kGetConfiguration = 0x46;
inline constexpr std::uint8_t kGetEventStatusNotification = 0x4A;
inline constexpr std::uint8_t kReadDiscInformation = 0x51;
inline constexpr std::uint8_t kReadTrackInformation = 0x52;
inline constexpr std::uint8_t kReserveTrack = 0x53;
inline constexpr std::uint8_t kSendOpcInformation = 0x54;
inline constexpr std::uint8_t kModeSelect10 = 0x55;
inline constexpr std::uint8_t kModeSense10 = 0x5A;
inline constexpr std::uint8_t kCloseTrackSession = 0x5B;
inline constexpr std::uint8_t kReadBufferCapacity = 0x5C;
inline constexpr std::uint8_t kSendCueSheet = 0x5D;
inline constexpr std::uint8_t kReportLuns = 0xA0;
inline constexpr std::uint8_t kBlank = 0xA1;
inline constexpr std::uint8_t kRead12 = 0xA8;
inline constexpr std::uint8_t kWrite12 = 0xAA;
inline constexpr std::uint8_t kGetPerformance = 0xAC;
inline constexpr std::uint8_t kReadDiscStructure = 0xAD;
inline constexpr std::uint8_t kSetStreaming = 0xB6;
inline constexpr std::uint8_t kReadCdMsf = 0xB9;
inline constexpr std::uint8_t kSetCdSpeed = 0xBB;
inline constexpr std::uint8_t kReadCd = 0xBE;
}  // namespace op

/// "WRITE(10)", "READ TOC/PMA/ATIP", …; "UNKNOWN" for opcodes not listed in scsi::op. For logs and error details.
std::string_view opcodeName(std::uint8_t opcode);

/// MODE SENSE page control field (SPC-4 §6, byte 2 bits 7–6).
enum class PageControl : std::uint8_t { Current = 0, Changeable = 1, Default = 2, Saved = 3 };

/// GET CONFIGURATION RT field (MMC-6 §6).
enum class FeatureRequest : std::uint8_t { All = 0, Current = 1, One = 2 };

/// READ TRACK INFORMATION address/number type (MMC-6 §6).
enum class TrackAddressType : std::uint8_t { Lba = 0, TrackNumber = 1, SessionNumber = 2 };
/// With TrackAddressType::TrackNumber: the invisible/incomplete track (MMC-6 §6).
inline constexpr std::uint32_t kInvisibleTrack = 0xFF;

/// READ TOC/PMA/ATIP format field (MMC-6 §6).
enum class TocFormat : std::uint8_t { Toc = 0, SessionInfo = 1, FullToc = 2, Pma = 3, Atip = 4, CdText = 5 };

/// CLOSE TRACK/SESSION close function (MMC-6 §6, CD values).
enum class CloseFunction : std::uint8_t { Track = 1, Session = 2 };

/// BLANK blanking type (MMC-6 §6).
enum class BlankType : std::uint8_t {
  Full = 0, Minimal = 1, Track = 2, UnreserveTrack = 3, TrackTail = 4, UncloseLastSession = 5, Session = 6
};

/// GET PERFORMANCE type field (MMC-6 §6).
enum class PerformanceType : std::uint8_t { Performance = 0x00, WriteSpeed = 0x03 };

/// SET CD SPEED rotational control (MMC-6 §6).
enum class Rotation : std::uint8_t { Clv = 0, Cav = 1 };
/// SET CD SPEED value meaning "as fast as possible" (MMC-6 §6).
inline constexpr std::uint16_t kSpeedMax = 0xFFFF;

/// GET EVENT STATUS NOTIFICATION class request bits (MMC-6 §6).
inline constexpr std::uint8_t kEventClassOperationalChange = 0x04;
inline constexpr std::uint8_t kEventClassPowerManagement = 0x08;
inline constexpr std::uint8_t kEventClassMedia = 0x10;
inline constexpr std::uint8_t kEventClassDeviceBusy = 0x40;

namespace cdb {

/// TEST UNIT READY (00h), 6 bytes. SPC-4 §6.
Cdb testUnitReady();
/// REQUEST SENSE (03h), 6 bytes, fixed format (DESC=0). `alloc` bytes, normally 18. SPC-4 §6.
Cdb requestSense(std::uint8_t alloc = 18);
/// INQUIRY (12h), 6 bytes; `alloc` bytes (36 = standard data); `evpd` selects VPD page `page`. SPC-4 §6.
Cdb inquiry(std::uint16_t alloc, bool evpd = false, std::uint8_t page = 0);
/// START STOP UNIT (1Bh), 6 bytes: loej+!start ejects, loej+start loads, start alone spins up. MMC-6 §6.
Cdb startStopUnit(bool loej, bool start, bool immed = false);
/// PREVENT ALLOW MEDIUM REMOVAL (1Eh), 6 bytes; `prevent` locks the tray. MMC-6 §6.
Cdb preventAllowMediumRemoval(bool prevent);
/// READ CAPACITY (25h), 10 bytes; reply 8 bytes: last LBA, block length. MMC-6 §6.
Cdb readCapacity();
/// READ(10) (28h), 10 bytes; `count` blocks from `lba`. MMC-6 §6.
Cdb read10(std::int32_t lba, std::uint16_t count);
/// WRITE(10) (2Ah), 10 bytes; `count` blocks at `lba` (TAO: the NWA). MMC-6 §6.
Cdb write10(std::int32_t lba, std::uint16_t count);
/// WRITE(12) (AAh), 12 bytes; `count` blocks; `streaming` sets byte 10 bit 7. MMC-6 §6.
Cdb write12(std::int32_t lba, std::uint32_t count, bool streaming = false);
/// SYNCHRONIZE CACHE (35h), 10 bytes; `immed` returns before the drive buffer is flushed. MMC-6 §6.
Cdb synchronizeCache(bool immed);
/// GET CONFIGURATION (46h), 10 bytes; features from `startingFeature`, `alloc` bytes. MMC-6 §6.
Cdb getConfiguration(FeatureRequest rt, std::uint16_t startingFeature, std::uint16_t alloc);
/// GET EVENT STATUS NOTIFICATION (4Ah), 10 bytes; `classMask` = kEventClass* bits, `alloc` bytes. MMC-6 §6.
Cdb getEventStatusNotification(bool polled, std::uint8_t classMask, std::uint16_t alloc);
/// READ DISC INFORMATION (51h), 10 bytes, data type 000b (standard disc information), `alloc` bytes. MMC-6 §6.
Cdb readDiscInformation(std::uint16_t alloc);
/// READ TRACK INFORMATION (52h), 10 bytes; `number` is an LBA, track or session per `type`. MMC-6 §6.
Cdb readTrackInformation(TrackAddressType type, std::uint32_t number, std::uint16_t alloc);
/// RESERVE TRACK (53h), 10 bytes, ARSV=0: reserve `sizeBlocks` blocks for the invisible track. MMC-6 §6.
Cdb reserveTrack(std::uint32_t sizeBlocks);
/// MODE SELECT(10) (55h), 10 bytes; `paramListLen` bytes follow (8-byte header + page). `pf` = page format.
/// SPC-4 §6, MMC-6 §7.
Cdb modeSelect10(bool pf, std::uint16_t paramListLen, bool sp = false);
/// MODE SENSE(10) (5Ah), 10 bytes; page `pageCode` (3Fh = all), `alloc` bytes; `dbd` disables block descriptors.
/// SPC-4 §6.
Cdb modeSense10(std::uint8_t pageCode, PageControl pc, std::uint16_t alloc, bool dbd = false);
/// CLOSE TRACK/SESSION (5Bh), 10 bytes; `number` = track number for CloseFunction::Track. MMC-6 §6.
Cdb closeTrackSession(bool immed, CloseFunction function, std::uint16_t number);
/// READ BUFFER CAPACITY (5Ch), 10 bytes; `block` = report in blocks instead of bytes. MMC-6 §6.
Cdb readBufferCapacity(bool block, std::uint16_t alloc);
/// SEND CUE SHEET (5Dh), 10 bytes; `len` bytes of cue sheet follow (multiple of 8; 24-bit). MMC-6 §6.
Cdb sendCueSheet(std::uint32_t len);
/// BLANK (A1h), 12 bytes; `number` = start LBA or track number per type. MMC-6 §6.
Cdb blank(BlankType type, bool immed, std::uint32_t number = 0);
/// GET PERFORMANCE (ACh), 12 bytes; `dataType` = byte 1 bits 4–0 (e.g. 10h write/nominal for type 0).
/// Reply length: 8 + maxDescriptors × 16 bytes. MMC-6 §6.
Cdb getPerformance(PerformanceType type, std::uint8_t dataType, std::int32_t startLba, std::uint16_t maxDescriptors);
/// SET CD SPEED (BBh), 12 bytes; speeds in kB/s (1000 bytes/s; 1x CD = 176.4), kSpeedMax = maximum. MMC-6 §6.
Cdb setCdSpeed(std::uint16_t readKBps, std::uint16_t writeKBps, Rotation rotation = Rotation::Clv);
/// READ CD (BEh), 12 bytes; `count` blocks (24-bit); byte 1 bits 4–2 = expected sector type (0 any, 1 CD-DA, …);
/// `flags` = byte 9 (SYNC/header/user data/EDC-ECC/C2), `subchannel` = byte 10 bits 2–0. MMC-6 §6.
Cdb readCd(std::int32_t lba, std::uint32_t count, std::uint8_t expectedSectorType, std::uint8_t flags,
           std::uint8_t subchannel);
/// READ TOC/PMA/ATIP (43h), 10 bytes; `msf` selects MSF addresses; `trackSession` = byte 6. MMC-6 §6.
Cdb readTocPmaAtip(TocFormat format, bool msf, std::uint8_t trackSession, std::uint16_t alloc);
/// READ DISC STRUCTURE (ADh), 12 bytes; media type 0 (DVD/HD), layer 0, AGID 0. MMC-6 §6.
Cdb readDiscStructure(std::uint8_t format, std::uint32_t address, std::uint16_t alloc);

}  // namespace cdb
}  // namespace kiln::scsi
