#pragma once
// IMAPI2 enumerations shared by the disc-at-once pieces: RawImageCreator (IRawCDImageCreator), RawTrackInfo
// (IRawCDImageTrackInfo) and RawCdWriter (IDiscFormat2RawCD). Values are IMAPI's (imapi2.h; MMC-NOTES A.4, A.5).
#include <cstdint>

namespace kiln::formats {

/// IMAPI_CD_SECTOR_TYPE: what a track's stream holds. RawImageCreator accepts only Audio (IMAPI does the same).
enum class CdSectorType : std::int32_t {
  Audio = 0,          ///< 2352 bytes: 588 stereo frames, 16-bit little-endian (WAV PCM)
  ModeZero = 1,       ///< 2336
  Mode1 = 2,          ///< 2048
  Mode2Form0 = 3,     ///< 2336
  Mode2Form1 = 4,     ///< 2048
  Mode2Form2 = 5,     ///< 2336
  Mode1Raw = 6,       ///< 2352, header + EDC/ECC + scrambling applied
  Mode2Form0Raw = 7,
  Mode2Form1Raw = 8,
  Mode2Form2Raw = 9,
};

/// IMAPI_FORMAT2_RAW_CD_DATA_SECTOR_TYPE = Write Parameters page 05h Data Block Type 1/2/3 (MMC-6 §7.5.4.10;
/// MMC-NOTES D.2). The sub-channel follows the 2352 main-channel bytes of each sector.
enum class RawCdSectorType : std::int32_t {
  PqOnly = 1,  ///< 2368 bytes: 16-byte P-Q (cd::packPq16: Q with the plain CRC, P in byte 15 bit 7)
  Cooked = 2,  ///< 2448 bytes: 96 bytes P–W, one symbol per byte, R–W de-interleaved ("packed") packs
  Raw = 3,     ///< 2448 bytes: 96 bytes P–W, one symbol per byte, R–W as recorded (interleaved)
};

/// Bytes per sector of a raw image / RAW write with this sector type: 2368 or 2448.
constexpr std::int32_t rawSectorBytes(RawCdSectorType t) { return t == RawCdSectorType::PqOnly ? 2368 : 2448; }

/// True for the three values above.
constexpr bool isValidRawCdSectorType(RawCdSectorType t) {
  return t == RawCdSectorType::PqOnly || t == RawCdSectorType::Cooked || t == RawCdSectorType::Raw;
}

/// IMAPI_CD_TRACK_DIGITAL_COPY_SETTING: Q CONTROL bit 1 (copy permitted) of the track (ECMA-130 §22.3.1).
enum class DigitalCopySetting : std::int32_t {
  Permitted = 0,   ///< copy bit 1 throughout
  Prohibited = 1,  ///< copy bit 0 throughout (the IMAPI default)
  Scms = 2,        ///< Serial Copy Management System: copy bit alternates every 4 sectors (one generation)
};

/// Where IMAPI places the first sector of a raw image: MSF 95:00:00 = LBA −22650 (MMC-NOTES A.4/A.5, D.1).
inline constexpr std::int32_t kRawImageStartLba = -22650;
/// Lead-out sectors the image creator writes (90 s, the customary single-session lead-out).
inline constexpr std::int32_t kRawLeadOutSectors = 6750;
/// Last LBA a track may use: 88:29:74 (so the 90-s lead-out stays within 89:59:74). IMAPI AddTrack remarks.
inline constexpr std::int32_t kRawLastUserLba = 398'099;
/// Last LBA the special pregap may use: 88:25:74 (IMAPI AddSpecialPregap remarks).
inline constexpr std::int32_t kRawLastSpecialPregapLba = 397'799;

}  // namespace kiln::formats
