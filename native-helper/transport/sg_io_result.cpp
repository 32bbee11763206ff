#include "native-helper/transport/sg_io_result.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/scsi/sense.h"

namespace kiln::transport {
namespace {

std::string hex(unsigned value) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02Xh", value);
  return buf;
}

/// Throws for host/driver failures; returns when the SCSI status byte is meaningful.
void throwIfTransportFailed(const SgIoReply& r, const std::string& what) {
  const unsigned driver = r.driverStatus & 0x0F;
  const bool ranFullTimeout = r.timeoutMs != 0 && r.durationMs >= r.timeoutMs;
  if (r.hostStatus == kDidTimeOut || driver == kDriverTimeout || (r.hostStatus == kDidAbort && ranFullTimeout))
    throw Error(HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT,
                what + ": no answer within " + std::to_string(r.timeoutMs) + " ms");
  if (r.hostStatus == kDidNoConnect || r.hostStatus == kDidBadTarget)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, what + ": the drive is gone (host status " +
                                                                      hex(r.hostStatus) + ")");
  if (r.hostStatus != kDidOk)
    throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                what + ": transport error (host status " + hex(r.hostStatus) + ")");
  if (driver != 0 && driver != kDriverSense)
    throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                what + ": driver error (driver status " + hex(r.driverStatus) + ")");
}

}  // namespace

scsi::Result interpretSgIo(const SgIoReply& r, const std::string& what) {
  throwIfTransportFailed(r, what);
  scsi::Result result;
  std::size_t residue = r.resid < 0 ? 0 : static_cast<std::size_t>(r.resid);
  if (residue > r.requested) residue = r.requested;
  result.residue = residue;
  result.transferred = r.requested - residue;
  switch (r.status & 0xFE) {  // SAM-5 §5.3.1 table 39; bit 0 is reserved
    case 0x00:
      result.status = scsi::Status::Good;
      break;
    case 0x02:
      result.status = scsi::Status::CheckCondition;
      result.sense = scsi::parseSense(r.sense);  // valid=false when the kernel got no sense
      break;
    case 0x08:  // BUSY
    case 0x18:  // RESERVATION CONFLICT
    case 0x28:  // TASK SET FULL
      result.status = scsi::Status::Busy;
      break;
    default:
      throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                  what + ": unexpected SCSI status " + hex(r.status));
  }
  return result;
}

Error errnoError(int err, const std::string& path, bool opening) {
  const std::string verb = opening ? "cannot open " : "SG_IO on ";
  const std::string reason = std::strerror(err);
  switch (err) {
    case ENODEV:
    case ENXIO:
      return Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, verb + path + ": " + reason + " (the drive is gone)");
    case ENOENT:
      if (opening)
        return Error(HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND,
                     verb + path + ": no such device node (see `kiln devices`)");
      return Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, verb + path + ": " + reason);
    case EACCES:
    case EPERM:
      return Error(HResult::E_FAIL, verb + path + ": permission denied; add yourself to the group that owns it "
                                                  "(usually `cdrom`: sudo usermod -aG cdrom $USER, then log in "
                                                  "again) or run as root");
    case EBUSY:
      return Error(HResult::E_IMAPI_RECORDER_LOCKED, verb + path + ": the drive is in use by another program");
    case ETIMEDOUT:
      return Error(HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT, verb + path + ": " + reason);
    default:
      return Error(opening ? HResult::E_FAIL : HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                   verb + path + ": " + reason);
  }
}

}  // namespace kiln::transport
