#pragma once
// Sense data decoding (SPC-4 §4.5): fixed format (response codes 70h/71h) and descriptor format (72h/73h) into
// scsi::SenseData, plus names for sense keys and the ASC/ASCQ pairs MMC drives report (SPC-4 Annex D, MMC-6 Annex F).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/scsi/scsi_transport.h"

namespace kiln::scsi {

/// Sense keys (SPC-4 §4.5.6, table 27).
enum SenseKey : std::uint8_t {
  kNoSense = 0x0,
  kRecoveredError = 0x1,
  kNotReady = 0x2,
  kMediumError = 0x3,
  kHardwareError = 0x4,
  kIllegalRequest = 0x5,
  kUnitAttention = 0x6,
  kDataProtect = 0x7,
  kBlankCheck = 0x8,
  kVendorSpecific = 0x9,
  kCopyAborted = 0xA,
  kAbortedCommand = 0xB,
  kVolumeOverflow = 0xD,
  kMiscompare = 0xE,
};

/// Decodes sense bytes as returned by REQUEST SENSE or autosense. Never reads out of bounds: too-short input or an
/// unknown response code yields valid=false; fields beyond the returned length (additional sense length) stay 0.
/// Fixed format: key byte 2, information bytes 3–6 (VALID bit), ASC/ASCQ bytes 12–13, SKSV/progress bytes 15–17.
/// Descriptor format: key/ASC/ASCQ bytes 1–3, descriptors from byte 8 (00h information, 02h sense-key specific).
SenseData parseSense(std::span<const std::uint8_t> bytes);

/// "NOT READY", "ILLEGAL REQUEST", …; "RESERVED" for 0Fh/0Ch. SPC-4 §4.5.6.
std::string_view senseKeyName(std::uint8_t key);

/// The ASC/ASCQ text, e.g. "MEDIUM NOT PRESENT" (3A/xx), "WRITE ERROR - LOSS OF STREAMING" (0C/09); for pairs not
/// in Kiln's list: the sense key name plus "ASC 2Ch ASCQ 00h". `key` is used only for that fallback.
std::string describeSense(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq);

/// "2/3A/00 MEDIUM NOT PRESENT" (hex key/ASC/ASCQ and describeSense), or "no sense data" when !sense.valid.
std::string formatSense(const SenseData& sense);

}  // namespace kiln::scsi
