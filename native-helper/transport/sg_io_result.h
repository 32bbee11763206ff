#pragma once
// Turning what one Linux SG_IO ioctl reported (sg_io_hdr_t after the call: status, host/driver status, resid,
// autosense) into a scsi::Result or the transport error the ScsiTransport contract names. Pure (no ioctl) so it
// can be tested without a device. Linux SCSI generic HOWTO ("sg_io_hdr_t"), SAM-5 §5.3 (status), SPC-4 §4.5 (sense).
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "core/imapi/error.h"
#include "core/scsi/scsi_transport.h"

namespace kiln::transport {

/// Linux host_status values (include/scsi/scsi_status.h "DID_*") Kiln tells apart.
enum HostStatus : std::uint16_t {
  kDidOk = 0x00,
  kDidNoConnect = 0x01,  ///< the device is gone
  kDidBusBusy = 0x02,
  kDidTimeOut = 0x03,    ///< the command timed out
  kDidBadTarget = 0x04,  ///< the device is gone
  kDidAbort = 0x05,      ///< aborted (also how some paths report a timeout)
  kDidError = 0x07,      ///< transport error (e.g. usb-storage gave up on a phase)
  kDidReset = 0x08,
};

/// Linux driver_status values (low nibble; SG_ERR_DRIVER_*).
enum DriverStatus : std::uint16_t { kDriverTimeout = 0x06, kDriverSense = 0x08 };

/// The fields of sg_io_hdr_t after SG_IO returned 0, plus the request's sizes.
struct SgIoReply {
  std::uint8_t status = 0;          ///< SCSI status byte (SAM-5 §5.3.1), not the shifted masked_status
  std::uint16_t hostStatus = 0;     ///< DID_*
  std::uint16_t driverStatus = 0;   ///< DRIVER_* (suggestions in the high nibble are ignored)
  int resid = 0;                    ///< dxfer_len − bytes actually moved (may be reported < 0 or > dxfer_len: clamped)
  std::size_t requested = 0;        ///< dxfer_len, bytes
  std::uint32_t durationMs = 0;     ///< duration, ms
  std::uint32_t timeoutMs = 0;      ///< the timeout the command ran with, ms
  std::span<const std::uint8_t> sense{};  ///< the sense buffer's first sb_len_wr bytes
};

/// Maps one reply. Returns Result{Good|CheckCondition|Busy, transferred, residue, sense(parsed with
/// scsi::parseSense)}. Throws kiln::Error: E_IMAPI_RECORDER_COMMAND_TIMEOUT for DID_TIME_OUT / DRIVER_TIMEOUT (or
/// DID_ABORT after the full timeout); HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST for DID_NO_CONNECT / DID_BAD_TARGET;
/// E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE for any other host/driver error or a status byte Kiln does not
/// know. `what` (e.g. "/dev/sg0: WRITE (10)") prefixes the error detail.
scsi::Result interpretSgIo(const SgIoReply& reply, const std::string& what);

/// The kiln::Error for an errno from open() (`opening`) or ioctl(SG_IO) on `path`:
/// ENODEV/ENXIO (and ENOENT for the ioctl) → HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST; ENOENT on open →
/// HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND; EACCES/EPERM → E_FAIL with a message saying to join the `cdrom`
/// group (or run as root); EBUSY → E_IMAPI_RECORDER_LOCKED; ETIMEDOUT → E_IMAPI_RECORDER_COMMAND_TIMEOUT;
/// anything else → E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE (ioctl) or E_FAIL (open).
Error errnoError(int err, const std::string& path, bool opening);

}  // namespace kiln::transport
