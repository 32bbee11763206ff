#pragma once
// The device side of SCSI: what the virtual drive's MMC model implements and what every front end
// (USB BOT device, usbredir, tests) calls. One call = one command; SPC-4 §4.2, MMC-6 §6.
#include <cstdint>
#include <span>
#include <vector>

#include "core/scsi/scsi_transport.h"

namespace kiln::vdrive {

/// The answer to one CDB as a device gives it: status, data for the host (IN commands) and sense.
struct TargetResponse {
  scsi::Status status = scsi::Status::Good;
  std::vector<std::uint8_t> dataIn;  ///< at most the CDB's allocation length / the CBW's transfer length
  std::uint8_t senseKey = 0, asc = 0, ascq = 0;
  std::uint32_t information = 0;     ///< sense INFORMATION field (valid when informationValid)
  bool informationValid = false;
};

/// A SCSI target (LUN 0). For data-OUT commands `dataOut` holds all bytes the host sent for this command.
/// `expectedInLength` is the host's data-IN buffer length (BOT dCBWDataTransferLength) so replies can be cut.
class ScsiTarget {
 public:
  virtual ~ScsiTarget() = default;
  virtual TargetResponse execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                                 std::uint32_t expectedInLength) = 0;
  /// The transport gave up the command's data phase (BOT: the device STALLed it, CSW status 1). A device then has
  /// sense for the REQUEST SENSE that follows: ABORTED COMMAND 0B/4B/00 DATA PHASE ERROR (SPC-4 Annex D).
  /// Default: nothing (a target without sense memory).
  virtual void dataPhaseAborted(std::span<const std::uint8_t> /*cdb*/) {}
};

}  // namespace kiln::vdrive
