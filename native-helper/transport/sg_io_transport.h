#pragma once
// scsi::ScsiTransport over Linux SG_IO: one ioctl per CDB on /dev/sg* or /dev/sr* (the SCSI generic driver or the
// block layer's SG_IO), autosense into a 32-byte buffer. Linux SCSI generic HOWTO (sg v3 interface), SPC-4 §4.2.
#include <string>

#include "core/scsi/scsi_transport.h"

namespace kiln::transport {

class SgIoTransport final : public scsi::ScsiTransport {
 public:
  static constexpr std::size_t kSenseBytes = 32;  ///< autosense buffer (fixed format needs 18, descriptor more)

  /// Opens `path` O_RDWR|O_NONBLOCK (non-blocking so an empty tray does not make open() wait). Throws kiln::Error
  /// from errnoError (file not found, permission denied with the `cdrom` group hint, device gone, busy), and
  /// E_INVALIDARG when the node does not speak SG_IO (SG_GET_VERSION_NUM fails: not a SCSI device).
  explicit SgIoTransport(const std::string& path);
  ~SgIoTransport() override;
  SgIoTransport(const SgIoTransport&) = delete;
  SgIoTransport& operator=(const SgIoTransport&) = delete;

  /// One SG_IO: data phase per Command::direction, timeout Command::timeoutMs (ms). CHECK CONDITION comes back as
  /// a Result with the parsed sense; transport failures throw (see interpretSgIo / errnoError).
  scsi::Result execute(const scsi::Command& command) override;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
};

}  // namespace kiln::transport
