#pragma once
// Construction options of the virtual drive.
#include <cstdint>
#include <string>

namespace kiln::vdrive {

struct DriveOptions {
  /// Real-time emulation: the buffer drains at writeSpeedX × 75 sectors/s of Clock time. 0 = unthrottled.
  double writeSpeedX = 0;
  /// Drive buffer size reported by READ BUFFER CAPACITY and MODE SENSE page 2Ah (bytes).
  std::uint32_t bufferBytes = 2 * 1024 * 1024;
  /// Unit serial number (INQUIRY VPD page 80h).
  std::string serial = "KILN0000001";
  /// Product revision (INQUIRY bytes 32–35, 4 characters).
  std::string revision = "0.1";
};

}  // namespace kiln::vdrive
