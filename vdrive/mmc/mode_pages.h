#pragma once
// The drive's mode pages (MMC-6 §7): 01h Read/Write Error Recovery, 05h Write Parameters (MMC-6 §7.5,
// byte layout in MMC-NOTES D.2) and 2Ah CD/DVD Capabilities (MMC-3 §5.5.10, still sent by wodim/cdrskin/Linux sr).
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vdrive/scsi_target.h"

namespace kiln::vdrive::mmc {

/// Page control of MODE SENSE byte 2 bits 7–6 (SPC-4 §6.10).
enum class PageControl : std::uint8_t { Current = 0, Changeable = 1, Default = 2, Saved = 3 };

/// Page 05h write types (byte 2 bits 3–0).
enum WriteType : std::uint8_t { kWritePacket = 0, kWriteTao = 1, kWriteSao = 2, kWriteRaw = 3 };

/// Speeds the drive reports and accepts: CD 1x = 176.4 kB/s (1 kB = 1000 bytes), rounded.
std::uint16_t speedKbPerSecond(int speedX);
inline constexpr std::array<int, 5> kWriteSpeedsX = {4, 8, 16, 24, 48};  ///< write speed descriptors, ascending
inline constexpr int kMaxReadSpeedX = 48;

class ModePages {
 public:
  static constexpr std::size_t kPage01Bytes = 12;  ///< page code + length 0Ah
  static constexpr std::size_t kPage05Bytes = 52;  ///< page code + length 32h

  ModePages();

  // Page 05h fields (current values).
  std::uint8_t writeType() const { return p05_[2] & 0x0F; }
  bool testWrite() const { return (p05_[2] & 0x10) != 0; }
  bool bufferUnderrunFree() const { return (p05_[2] & 0x40) != 0; }  ///< BUFE
  std::uint8_t multiSession() const { return p05_[3] >> 6; }         ///< 00b finalise, 11b next session allowed
  std::uint8_t trackMode() const { return p05_[3] & 0x0F; }          ///< Q CONTROL nibble for the next track
  std::uint8_t dataBlockType() const { return p05_[4] & 0x0F; }
  /// MCN (bytes 17–29) when MCVAL (byte 16 bit 7) is set, else empty.
  std::string mediaCatalogNumber() const;
  /// ISRC (bytes 33–44) when TCVAL (byte 32 bit 7) is set, else empty.
  std::string isrc() const;
  std::uint16_t audioPauseLength() const { return static_cast<std::uint16_t>(p05_[14] << 8 | p05_[15]); }

  /// The page bytes as MODE SENSE returns them for `pc` (Saved is rejected by the caller).
  /// `page2a` is built by the caller (it depends on drive state: lock, speeds).
  std::vector<std::uint8_t> page01(PageControl pc) const;
  std::vector<std::uint8_t> page05(PageControl pc) const;

  /// Applies one page from a MODE SELECT(10) parameter list (changeable bits only). Returns false when the page
  /// must be rejected with 5/26/00 INVALID FIELD IN PARAMETER LIST: unknown or read-only page (2Ah), page too
  /// short, or an invalid write type/data block type combination (MMC-6 §7.5.4).
  bool selectPage(std::span<const std::uint8_t> page);

  /// True if `blockType` may be used with `writeType` (TAO: 0, 8–13; SAO: 0–3, 8–13; RAW: 1–3).
  static bool validCombination(std::uint8_t writeType, std::uint8_t blockType);
  /// Bytes per sector the host sends for `blockType` (0 → 2352, 1 → 2368, 2/3 → 2448, 8 → 2048 …; 0 if invalid).
  static std::uint32_t blockBytes(std::uint8_t blockType);

 private:
  std::array<std::uint8_t, kPage01Bytes> p01_{};
  std::array<std::uint8_t, kPage05Bytes> p05_{};
};

}  // namespace kiln::vdrive::mmc
