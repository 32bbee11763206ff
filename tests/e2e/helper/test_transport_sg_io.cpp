// SG_IO result mapping (native-helper/transport/sg_io_result.h) and libusb status mapping: what a real kernel
// reports after an ioctl, turned into scsi::Result or the ScsiTransport contract's errors.
#include <catch2/catch.hpp>

#include <cerrno>
#include <libusb-1.0/libusb.h>
#include <vector>

#include "core/imapi/error.h"
#include "native-helper/transport/libusb_pipe.h"
#include "native-helper/transport/sg_io_result.h"

using namespace kiln;
using kiln::transport::SgIoReply;

namespace {

HResult thrownBy(const SgIoReply& r) {
  try {
    transport::interpretSgIo(r, "/dev/sg0: command 2Ah");
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

// Fixed-format sense (SPC-4 §4.5.3) as the kernel copies it into the 32-byte buffer: 2/3A/01.
const std::vector<std::uint8_t> kNoMediumSense = {0x70, 0, 0x02, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x3A, 0x01, 0, 0, 0, 0};

}  // namespace

TEST_CASE("sg_io: GOOD with a short data-in phase reports transferred and residue") {
  SgIoReply r;
  r.requested = 2048;
  r.resid = 2048 - 36;
  const scsi::Result res = transport::interpretSgIo(r, "x");
  CHECK(res.status == scsi::Status::Good);
  CHECK(res.transferred == 36);
  CHECK(res.residue == 2012);
}

TEST_CASE("sg_io: a residue outside 0..dxfer_len is clamped") {
  SgIoReply r;
  r.requested = 100;
  r.resid = -4;
  CHECK(transport::interpretSgIo(r, "x").transferred == 100);
  r.resid = 500;
  CHECK(transport::interpretSgIo(r, "x").transferred == 0);
}

TEST_CASE("sg_io: CHECK CONDITION with DRIVER_SENSE carries the parsed autosense") {
  SgIoReply r;
  r.status = 0x02;
  r.driverStatus = transport::kDriverSense;
  r.sense = kNoMediumSense;
  const scsi::Result res = transport::interpretSgIo(r, "x");
  CHECK(res.status == scsi::Status::CheckCondition);
  REQUIRE(res.sense.valid);
  CHECK(res.sense.key == 0x2);
  CHECK(res.sense.asc == 0x3A);
  CHECK(res.sense.ascq == 0x01);
}

TEST_CASE("sg_io: CHECK CONDITION without sense bytes gives invalid sense, not an exception") {
  SgIoReply r;
  r.status = 0x02;
  const scsi::Result res = transport::interpretSgIo(r, "x");
  CHECK(res.status == scsi::Status::CheckCondition);
  CHECK_FALSE(res.sense.valid);
}

TEST_CASE("sg_io: BUSY, RESERVATION CONFLICT and TASK SET FULL are Busy; unknown status throws") {
  SgIoReply r;
  for (std::uint8_t s : {0x08, 0x18, 0x28}) {
    r.status = s;
    CHECK(transport::interpretSgIo(r, "x").status == scsi::Status::Busy);
  }
  r.status = 0x40;  // TASK ABORTED
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
}

TEST_CASE("sg_io: host and driver status map to the ScsiTransport contract's errors") {
  SgIoReply r;
  r.timeoutMs = 3000;
  r.hostStatus = transport::kDidTimeOut;
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
  r.hostStatus = transport::kDidOk;
  r.driverStatus = transport::kDriverTimeout;
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
  r.driverStatus = 0;
  r.hostStatus = transport::kDidAbort;
  r.durationMs = 3001;  // aborted because the timeout ran out
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT);
  r.durationMs = 10;    // aborted for another reason
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  r.hostStatus = transport::kDidNoConnect;
  CHECK(thrownBy(r) == HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  r.hostStatus = transport::kDidBadTarget;
  CHECK(thrownBy(r) == HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  r.hostStatus = transport::kDidError;  // what usb-storage reports after a transport failure
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  r.hostStatus = transport::kDidOk;
  r.driverStatus = 0x01;  // DRIVER_BUSY
  CHECK(thrownBy(r) == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
}

TEST_CASE("sg_io: errno of open/ioctl becomes an error with an actionable message") {
  const Error denied = transport::errnoError(EACCES, "/dev/sg0", true);
  CHECK(denied.code() == HResult::E_FAIL);
  CHECK_THAT(denied.detail(), Catch::Contains("cdrom"));
  CHECK(transport::errnoError(ENOENT, "/dev/sg9", true).code() == HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND);
  CHECK(transport::errnoError(ENODEV, "/dev/sg0", false).code() == HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  CHECK(transport::errnoError(ENXIO, "/dev/sg0", true).code() == HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST);
  CHECK(transport::errnoError(EBUSY, "/dev/sr0", true).code() == HResult::E_IMAPI_RECORDER_LOCKED);
  CHECK(transport::errnoError(EIO, "/dev/sg0", false).code() == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
}

TEST_CASE("libusb: transfer results map to BulkPipe statuses") {
  CHECK(transport::mapLibusbResult(0) == usb::TransferStatus::Ok);
  CHECK(transport::mapLibusbResult(13) == usb::TransferStatus::Ok);
  CHECK(transport::mapLibusbResult(LIBUSB_ERROR_PIPE) == usb::TransferStatus::Stall);
  CHECK(transport::mapLibusbResult(LIBUSB_ERROR_TIMEOUT) == usb::TransferStatus::Timeout);
  CHECK(transport::mapLibusbResult(LIBUSB_ERROR_NO_DEVICE) == usb::TransferStatus::Disconnected);
  CHECK(transport::mapLibusbResult(LIBUSB_ERROR_OVERFLOW) == usb::TransferStatus::Error);
  CHECK(transport::mapLibusbResult(LIBUSB_ERROR_IO) == usb::TransferStatus::Error);
}
