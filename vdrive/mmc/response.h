#pragma once
// Building the target's answers: GOOD with data, or CHECK CONDITION with a sense triple (SPC-4 §4.5; the ASC/ASCQ
// values MMC-6 Annex F lists for CD recorders). Modelled on QEMU scsi-disk's SENSE_CODE(...) helpers.
#include <cstdint>
#include <vector>

#include "vdrive/scsi_target.h"

namespace kiln::vdrive::mmc {

/// Sense keys (SPC-4 Table 51).
enum SenseKey : std::uint8_t {
  kNoSense = 0x0, kNotReady = 0x2, kMediumError = 0x3, kIllegalRequest = 0x5, kUnitAttention = 0x6,
};

/// GOOD without data.
inline TargetResponse good() { return {}; }

/// GOOD with `data`, cut to the CDB's allocation length `allocation` (bytes).
inline TargetResponse goodData(std::vector<std::uint8_t> data, std::uint32_t allocation) {
  if (data.size() > allocation) data.resize(allocation);
  TargetResponse r;
  r.dataIn = std::move(data);
  return r;
}

inline TargetResponse checkCondition(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq) {
  TargetResponse r;
  r.status = scsi::Status::CheckCondition;
  r.senseKey = key;
  r.asc = asc;
  r.ascq = ascq;
  return r;
}

/// CHECK CONDITION with the sense INFORMATION field set (e.g. the failing LBA of a write error).
inline TargetResponse checkConditionAt(std::uint8_t key, std::uint8_t asc, std::uint8_t ascq, std::uint32_t info) {
  TargetResponse r = checkCondition(key, asc, ascq);
  r.information = info;
  r.informationValid = true;
  return r;
}

inline TargetResponse illegalRequest(std::uint8_t asc, std::uint8_t ascq = 0) { return checkCondition(kIllegalRequest, asc, ascq); }
inline TargetResponse notReady(std::uint8_t asc, std::uint8_t ascq = 0) { return checkCondition(kNotReady, asc, ascq); }
inline TargetResponse mediumError(std::uint8_t asc, std::uint8_t ascq = 0) { return checkCondition(kMediumError, asc, ascq); }

// The answers used across handlers, named as in SPC-4/MMC-6 Annex F.
inline TargetResponse invalidOpcode() { return illegalRequest(0x20); }             ///< 5/20/00
inline TargetResponse invalidFieldInCdb() { return illegalRequest(0x24); }         ///< 5/24/00
inline TargetResponse invalidFieldInParameterList() { return illegalRequest(0x26); }  ///< 5/26/00
inline TargetResponse lbaOutOfRange() { return illegalRequest(0x21, 0x00); }       ///< 5/21/00
inline TargetResponse invalidAddressForWrite() { return illegalRequest(0x21, 0x02); }  ///< 5/21/02
inline TargetResponse commandSequenceError() { return illegalRequest(0x2C); }      ///< 5/2C/00
inline TargetResponse illegalModeForTrack() { return illegalRequest(0x64); }       ///< 5/64/00
inline TargetResponse savingNotSupported() { return illegalRequest(0x39); }        ///< 5/39/00
inline TargetResponse incompatibleMedium() { return illegalRequest(0x30); }        ///< 5/30/00
inline TargetResponse removalPrevented() { return illegalRequest(0x53, 0x02); }    ///< 5/53/02
inline TargetResponse mediumNotPresent() { return notReady(0x3A); }                ///< 2/3A/00
inline TargetResponse becomingReady() { return notReady(0x04, 0x01); }             ///< 2/04/01
inline TargetResponse mediumMayHaveChanged() { return checkCondition(kUnitAttention, 0x28, 0x00); }  ///< 6/28/00
inline TargetResponse lossOfStreaming() { return mediumError(0x0C, 0x09); }        ///< 3/0C/09

}  // namespace kiln::vdrive::mmc
