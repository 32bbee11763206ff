#pragma once
// THE one place where SCSI sense becomes an IMAPI HRESULT. One ordered table (most specific row first); callers
// that give a sense a command-specific meaning (MODE SENSE 5/24/00 → E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE,
// GET CONFIGURATION 5/20/00 → E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED, …) check for it before calling here.
#include <cstdint>
#include <span>

#include "core/imapi/error.h"
#include "core/imapi/hresult.h"
#include "core/scsi/scsi_transport.h"

namespace kiln::scsi {

/// Wildcard for SenseMapRow::asc / ascq.
inline constexpr std::int16_t kAnySense = -1;

/// One row: sense key (exact), ASC and ASCQ (exact or kAnySense) → HRESULT.
struct SenseMapRow {
  std::uint8_t key;
  std::int16_t asc;
  std::int16_t ascq;
  HResult result;
};

/// The table itself, in match order (for docs and tests).
std::span<const SenseMapRow> senseMapTable();

/// First matching row's HRESULT. NO SENSE / RECOVERED ERROR → S_IMAPI_COMMAND_HAS_SENSE_DATA (a success code);
/// no row matches → E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE; !sense.valid (CHECK CONDITION without usable sense)
/// → E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE.
HResult senseToHResult(const SenseData& sense);

/// An Error for a failed command: code = senseToHResult (a success code is raised to
/// E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE, since the caller treats the command as failed), detail e.g.
/// "WRITE(10) failed: sense 2/3A/00 MEDIUM NOT PRESENT" (+ " at LBA n" when the information field is valid).
Error senseError(const Cdb& cdb, const SenseData& sense);

}  // namespace kiln::scsi
