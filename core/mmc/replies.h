#pragma once
// Parsed MMC/SPC replies as plain structs, and the parsers that build them from the bytes a drive returned.
// Every parser validates the lengths it relies on: a reply too short for its header, or whose header claims
// fields the transferred bytes do not contain, throws kiln::Error(E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE).
// Parsers take exactly the valid bytes (Result::transferred), never the whole allocation buffer.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace kiln::mmc {

/// IMAPI_MEDIA_PHYSICAL_TYPE (imapi2.h; MMC-NOTES A.10). Values are IMAPI's.
enum class MediaPhysicalType : std::int32_t {
  Unknown = 0, CdRom = 1, CdR = 2, CdRw = 3, DvdRom = 4, DvdRam = 5, DvdPlusR = 6, DvdPlusRw = 7,
  DvdPlusRDualLayer = 8, DvdDashR = 9, DvdDashRw = 10, DvdDashRDualLayer = 11, Disk = 12,
  DvdPlusRwDualLayer = 13, HdDvdRom = 14, HdDvdR = 15, HdDvdRam = 16, BdRom = 17, BdR = 18, BdRe = 19,
};

/// MMC profile numbers used by Kiln (MMC-6 §5.3.1 table 91; IMAPI_PROFILE_TYPE).
namespace profile {
inline constexpr std::uint16_t kNone = 0x0000;
inline constexpr std::uint16_t kCdRom = 0x0008;
inline constexpr std::uint16_t kCdR = 0x0009;
inline constexpr std::uint16_t kCdRw = 0x000A;
}  // namespace profile

/// Feature codes used by Kiln (MMC-6 §5.3; IMAPI_FEATURE_PAGE_TYPE).
namespace feature {
inline constexpr std::uint16_t kProfileList = 0x0000;
inline constexpr std::uint16_t kCore = 0x0001;
inline constexpr std::uint16_t kCdTrackAtOnce = 0x002D;
inline constexpr std::uint16_t kCdMastering = 0x002E;
}  // namespace feature

/// Standard INQUIRY data (SPC-4 §6.6.2). Strings are trimmed of trailing spaces.
struct Inquiry {
  std::uint8_t peripheralDeviceType = 0;  ///< 05h = MMC device
  std::string vendorId;                   ///< bytes 8–15  (IDiscRecorder2::VendorId)
  std::string productId;                  ///< bytes 16–31 (IDiscRecorder2::ProductId)
  std::string productRevision;            ///< bytes 32–35 (IDiscRecorder2::ProductRevision)
};

/// One feature descriptor of a GET CONFIGURATION reply (MMC-6 §5.2.2). `data` = the additional bytes after the
/// 4-byte descriptor header.
struct FeatureDescriptor {
  std::uint16_t code = 0;
  std::uint8_t version = 0;
  bool persistent = false;
  bool current = false;
  std::vector<std::uint8_t> data;
};

/// One profile descriptor of the Profile List feature 0000h (MMC-6 §5.3.1).
struct ProfileDescriptor {
  std::uint16_t profile = 0;
  bool current = false;
};

/// Parsed GET CONFIGURATION reply (MMC-6 §6.6.2.1 feature header + descriptors).
struct Configuration {
  std::uint16_t currentProfile = profile::kNone;  ///< header bytes 6–7; 0 = no medium / no current profile
  std::vector<ProfileDescriptor> profiles;        ///< from feature 0000h, in drive order
  std::vector<FeatureDescriptor> features;        ///< all descriptors, including 0000h
  /// The descriptor with `code`, or nullptr.
  const FeatureDescriptor* find(std::uint16_t code) const;
};

/// Feature 002Dh CD Track at Once (MMC-6 §5.3.17). `present` = the drive listed it; `current` = usable now.
struct CdTrackAtOnceFeature {
  bool present = false, current = false;
  bool bufferUnderrunFree = false;  ///< BUF: BUFE in page 05h is honoured
  bool rwRaw = false, rwPack = false, testWrite = false, cdRw = false, rwSubcode = false;
  std::uint16_t dataTypeSupported = 0;  ///< bit n set = data block type n supported
};

/// Feature 002Eh CD Mastering (SAO/raw) (MMC-6 §5.3.18).
struct CdMasteringFeature {
  bool present = false, current = false;
  bool bufferUnderrunFree = false, sessionAtOnce = false, rawMultiSession = false, raw = false;
  bool testWrite = false, cdRw = false, rwSubcode = false;
  std::uint32_t maxCueSheetLength = 0;  ///< bytes
};

/// MM capabilities and mechanical status page 2Ah (MMC-3 §5.5.10 / MMC-6 Annex, legacy CD capabilities).
struct Capabilities {
  bool cdrRead = false, cdrwRead = false, cdrWrite = false, cdrwWrite = false, testWrite = false;
  bool bufferUnderrunFree = false, multiSession = false, cdDaAccurate = false;
  bool isrc = false, upc = false, lock = false, lockState = false, eject = false;
  std::uint8_t loadingMechanism = 0;        ///< byte 6 bits 7–5 (0 caddy, 1 tray, 2 pop-up, 4/5 changer)
  std::uint16_t bufferSizeKiB = 0;          ///< bytes 12–13, units of 1024 bytes
  std::uint16_t maxWriteSpeedKBps = 0;      ///< bytes 18–19 (obsolete in MMC-6), kB/s (1000 B/s)
  std::uint16_t currentWriteSpeedKBps = 0;  ///< bytes 28–29 when present, else 20–21; kB/s
  std::uint8_t rotationControlSelected = 0; ///< byte 27 bits 1–0: 0 CLV, 1 CAV
  std::vector<std::uint16_t> writeSpeedsKBps; ///< descriptors from byte 32, kB/s, drive order (fastest first)
};

/// Write Parameters mode page 05h (MMC-6 §7.5; MMC-NOTES D.2). `raw` keeps the page bytes as read (page code
/// byte first, no mode header) so fields Kiln does not model survive a read/modify/write.
struct WriteParameters {
  bool bufferUnderrunFree = false;   ///< BUFE, byte 2 bit 6
  bool testWrite = false;            ///< byte 2 bit 4 (simulation)
  std::uint8_t writeType = 0;        ///< byte 2 bits 3–0: 0 packet, 1 TAO, 2 SAO, 3 RAW
  std::uint8_t multiSession = 0;     ///< byte 3 bits 7–6: 00 finalize, 01 B0=FF:FF:FF, 11 next session allowed
  bool copy = false;                 ///< byte 3 bit 4 (SCMS)
  std::uint8_t trackMode = 0;        ///< byte 3 bits 3–0 (Q CONTROL: 0 = 2-channel audio)
  std::uint8_t dataBlockType = 0;    ///< byte 4 bits 3–0 (0 = 2352 raw audio)
  std::uint8_t sessionFormat = 0;    ///< byte 8 (00h CD-DA/CD-ROM)
  std::uint16_t audioPauseLength = 150; ///< bytes 14–15, sectors
  std::vector<std::uint8_t> raw;     ///< whole page as read, byte 0 = PS|05h
};

/// READ DISC INFORMATION standard data (MMC-6 §6.22.3.1).
struct DiscInformation {
  enum class Status : std::uint8_t { Blank = 0, Appendable = 1, Complete = 2, Other = 3 };
  enum class SessionState : std::uint8_t { Empty = 0, Incomplete = 1, Reserved = 2, Complete = 3 };
  bool erasable = false;
  Status discStatus = Status::Blank;
  SessionState lastSessionState = SessionState::Empty;
  std::uint16_t firstTrackNumber = 0;        ///< first track on disc
  std::uint16_t numberOfSessions = 0;        ///< includes the empty/incomplete one
  std::uint16_t firstTrackInLastSession = 0;
  std::uint16_t lastTrackInLastSession = 0;
  std::uint8_t discType = 0;                 ///< 00h CD-DA/CD-ROM, 10h CD-I, 20h XA, FFh undefined
  std::int32_t lastSessionLeadInStartLba = 0;      ///< from MSF bytes 17–19; valid on CD-R/RW
  std::int32_t lastPossibleLeadOutStartLba = 0;    ///< from MSF bytes 21–23
};

/// READ TRACK INFORMATION data (MMC-6 §6.27.3). Addresses are LBAs, sizes in sectors (blocks).
struct TrackInformation {
  std::uint16_t trackNumber = 0;
  std::uint16_t sessionNumber = 0;
  bool damage = false, copy = false;
  std::uint8_t trackMode = 0;     ///< byte 5 bits 3–0 (Q CONTROL)
  bool reservedTrack = false;     ///< RT
  bool blank = false;
  bool packet = false, fixedPacket = false;
  std::uint8_t dataMode = 0;      ///< byte 6 bits 3–0 (1 Mode 1, 2 Mode 2, Fh unknown)
  bool nwaValid = false, lraValid = false;
  std::int32_t trackStartLba = 0;
  std::int32_t nextWritableAddress = 0;   ///< valid if nwaValid
  std::uint32_t freeBlocks = 0;           ///< sectors still writable in this track (invisible track: disc free space)
  std::uint32_t fixedPacketSize = 0;
  std::uint32_t trackSize = 0;            ///< sectors
  std::int32_t lastRecordedAddress = 0;   ///< valid if lraValid (reply ≥ 32 bytes)
};

/// One READ TOC format 0 track descriptor (MMC-6 §6.26.3.2). trackNumber AAh = lead-out.
struct TocEntry {
  std::uint8_t adr = 0, control = 0;
  std::uint8_t trackNumber = 0;
  std::int32_t startLba = 0;
};

/// READ TOC format 0 (LBA addressing): first/last track and the descriptors including lead-out AAh.
struct Toc {
  std::uint8_t firstTrack = 0, lastTrack = 0;
  std::vector<TocEntry> entries;
  /// Start of the lead-out (entry AAh), or −1 if absent.
  std::int32_t leadOutLba() const;
};

/// READ TOC format 1 (MMC-6 §6.26.3.3): first/last complete session and the first track of the last one.
struct SessionInfo {
  std::uint8_t firstCompleteSession = 0, lastCompleteSession = 0;
  std::uint8_t firstTrackInLastSession = 0;
  std::int32_t firstTrackInLastSessionLba = 0;
};

/// READ TOC format 4 ATIP (MMC-6 §6.26.3.6; MMC-NOTES D.4). Only meaningful on CD-R/RW.
struct Atip {
  std::uint8_t indicativeTargetWritingPower = 0, referenceSpeed = 0;
  bool unrestrictedUse = false;
  bool discTypeRewritable = false;   ///< byte 6 bit 6 (0 CD-R, 1 CD-RW)
  std::uint8_t discSubType = 0;
  std::int32_t leadInStartLba = 0;         ///< from MSF bytes 8–10 (e.g. 97:15:35 → −12490)
  std::int32_t lastPossibleLeadOutLba = 0; ///< from MSF bytes 12–14 (e.g. 79:59:74 → 359849)
};

/// One GET PERFORMANCE type 03h write speed descriptor (MMC-6 §6.8.2.6.4), speed converted to CD sectors/s
/// (IMAPI unit: 75 = 1x; kB/s × 1000 / 2352, rounded).
struct WriteSpeedDescriptor {
  std::int32_t sectorsPerSecond = 0;
  bool pureCAV = false;            ///< WRC = 01b
  std::int32_t endLba = 0;         ///< last LBA this speed applies to
  std::uint32_t writeSpeedKBps = 0;
  std::uint32_t readSpeedKBps = 0;
};

/// READ BUFFER CAPACITY (MMC-6 §6.21.3), byte form.
struct BufferCapacity {
  std::uint32_t totalBytes = 0;  ///< length of buffer
  std::uint32_t freeBytes = 0;   ///< blank length of buffer
};

/// kB/s (1000 bytes/s, the unit of SET CD SPEED and GET PERFORMANCE) → audio sectors/s (2352 bytes), rounded.
std::int32_t kbpsToSectorsPerSecond(std::uint32_t kbps);
/// Sectors/s → kB/s, rounded up so drives that round down still select the requested speed (MMC-NOTES D.5).
std::uint32_t sectorsPerSecondToKbps(std::int32_t sectorsPerSecond);

// Parsers. All throw kiln::Error(E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE) on malformed replies.
/// Standard INQUIRY data; needs ≥ 36 bytes.
Inquiry parseInquiry(std::span<const std::uint8_t> reply);
/// GET CONFIGURATION; needs the 8-byte header; descriptors must fit inside the header's data length and the reply.
Configuration parseConfiguration(std::span<const std::uint8_t> reply);
/// Feature 002Dh from a parsed configuration (absent → present=false). Descriptor shorter than 4 data bytes throws.
CdTrackAtOnceFeature parseCdTrackAtOnceFeature(const Configuration& config);
/// Feature 002Eh from a parsed configuration (absent → present=false).
CdMasteringFeature parseCdMasteringFeature(const Configuration& config);
/// MODE SENSE(10) reply holding page 2Ah (8-byte header, block descriptors skipped); page must be ≥ 20 bytes.
Capabilities parseCapabilitiesPage(std::span<const std::uint8_t> modeSense10Reply);
/// MODE SENSE(10) reply holding page 05h; page must be ≥ 16 bytes (through audio pause length).
WriteParameters parseWriteParametersPage(std::span<const std::uint8_t> modeSense10Reply);
/// The MODE SELECT(10) parameter list for `params`: 8-byte zero header (block descriptor length 0) then the page
/// from `params.raw` with PS cleared and the modelled fields applied. MMC-NOTES D.2, SPC-4 §7.5.
std::vector<std::uint8_t> buildWriteParametersSelect(const WriteParameters& params);
/// READ DISC INFORMATION; needs ≥ 24 bytes (through last possible lead-out).
DiscInformation parseDiscInformation(std::span<const std::uint8_t> reply);
/// READ TRACK INFORMATION; needs ≥ 28 bytes; LRA is read when ≥ 32 bytes.
TrackInformation parseTrackInformation(std::span<const std::uint8_t> reply);
/// READ TOC format 0 with LBA addresses; descriptor bytes must be a multiple of 8.
Toc parseToc(std::span<const std::uint8_t> reply);
/// READ TOC format 1; needs 12 bytes.
SessionInfo parseSessionInfo(std::span<const std::uint8_t> reply);
/// READ TOC format 4; needs ≥ 15 bytes (through lead-out MSF).
Atip parseAtip(std::span<const std::uint8_t> reply);
/// GET PERFORMANCE type 03h; descriptors (16 bytes each) that fit in the header length and the reply.
std::vector<WriteSpeedDescriptor> parseWriteSpeedDescriptors(std::span<const std::uint8_t> reply);
/// READ BUFFER CAPACITY; needs 12 bytes.
BufferCapacity parseBufferCapacity(std::span<const std::uint8_t> reply);

}  // namespace kiln::mmc
