#pragma once
// A placeholder SCSI target for bringing up the usbredir plumbing before the virtual drive's MMC model is linked:
// an MMC drive with an empty tray (INQUIRY, TEST UNIT READY → 2/3A/00, REQUEST SENSE, MODE SENSE(10) page 2Ah;
// everything else 5/20/00). Selected with `kiln-usbredir --stub`.
#include "vdrive/scsi_target.h"

namespace kiln::interop {

class StubTarget final : public vdrive::ScsiTarget {
 public:
  vdrive::TargetResponse execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                                 std::uint32_t expectedInLength) override;

 private:
  std::uint8_t lastKey_ = 0, lastAsc_ = 0, lastAscq_ = 0;  ///< sense for the next REQUEST SENSE
};

}  // namespace kiln::interop
