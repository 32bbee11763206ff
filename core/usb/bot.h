#pragma once
// USB Mass Storage Class Bulk-Only Transport 1.0 framing: the Command Block Wrapper (§5.1) and the Command Status
// Wrapper (§5.2), with the host's validity checks (§6.3). Shared by the host transport (usb/usb_bot_transport.h)
// and the virtual drive's device side. All multi-byte fields are little-endian (§5.1).
#include <array>
#include <cstdint>
#include <optional>
#include <span>

#include "core/scsi/scsi_transport.h"

namespace kiln::usb {

inline constexpr std::uint32_t kCbwSignature = 0x43425355;  ///< 'USBC' (BOT §5.1)
inline constexpr std::uint32_t kCswSignature = 0x53425355;  ///< 'USBS' (BOT §5.2)
inline constexpr std::size_t kCbwLength = 31;               ///< bytes (BOT §5.1)
inline constexpr std::size_t kCswLength = 13;               ///< bytes (BOT §5.2)

/// Command Block Wrapper (BOT §5.1). `dataIn` is bmCBWFlags bit 7 (device → host); it is meaningless when
/// dataTransferLength is 0 and encoded as 0 then.
struct Cbw {
  std::uint32_t tag = 0;                 ///< dCBWTag, echoed in the CSW
  std::uint32_t dataTransferLength = 0;  ///< dCBWDataTransferLength, bytes the host expects to move
  bool dataIn = false;
  std::uint8_t lun = 0;                  ///< bCBWLUN bits 3–0
  scsi::Cdb cdb{};                       ///< bCBWCBLength (1–16) = cdb.length; unused CDB bytes are sent as 0
};

/// bCSWStatus (BOT §5.2, table 5.3).
enum class CswStatus : std::uint8_t { Passed = 0, Failed = 1, PhaseError = 2 };

/// Command Status Wrapper (BOT §5.2).
struct Csw {
  std::uint32_t tag = 0;      ///< dCSWTag = the CBW's tag
  std::uint32_t residue = 0;  ///< dCSWDataResidue, bytes: expected − processed
  CswStatus status = CswStatus::Passed;
};

/// Outcome of the host's CSW checks (BOT §6.3.1 "valid", §6.3.2 "meaningful").
enum class CswCheck : std::uint8_t {
  Valid,
  WrongLength,       ///< not 13 bytes
  BadSignature,      ///< not 'USBS'
  TagMismatch,       ///< dCSWTag ≠ dCBWTag
  BadStatus,         ///< bCSWStatus > 2 (reserved values)
  ResidueTooLarge,   ///< residue > dCBWDataTransferLength (not meaningful, treat like a phase error)
};

/// Encodes `cbw` into the 31 wire bytes. A cdb.length outside 1–16 is clamped into range (programming error).
std::array<std::uint8_t, kCbwLength> encodeCbw(const Cbw& cbw);

/// Device side: decodes 31 bytes. Returns nullopt unless the CBW is valid and meaningful (BOT §6.2.1/§6.2.2):
/// exactly 31 bytes, signature 'USBC', reserved bits clear (LUN ≤ 15, flags only bit 7), CB length 1–16.
std::optional<Cbw> decodeCbw(std::span<const std::uint8_t> bytes);

/// Encodes `csw` into the 13 wire bytes (device side).
std::array<std::uint8_t, kCswLength> encodeCsw(const Csw& csw);

/// Decodes 13 CSW bytes without judging them: nullopt only if the length is not 13. Status is raw; use checkCsw.
std::optional<Csw> decodeCsw(std::span<const std::uint8_t> bytes);

/// Host side: decodes and checks a CSW against the CBW it answers (BOT §6.3). On Valid, `*out` (if given) holds it.
CswCheck checkCsw(std::span<const std::uint8_t> bytes, std::uint32_t expectedTag, std::uint32_t expectedLength,
                  Csw* out = nullptr);

}  // namespace kiln::usb
