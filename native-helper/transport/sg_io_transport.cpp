#include "native-helper/transport/sg_io_transport.h"

#include <fcntl.h>
#include <scsi/sg.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>

#include "native-helper/transport/sg_io_result.h"

namespace kiln::transport {
namespace {

int sgDirection(scsi::DataDirection d, std::size_t bytes) {
  if (bytes == 0) return SG_DXFER_NONE;
  return d == scsi::DataDirection::In ? SG_DXFER_FROM_DEV : d == scsi::DataDirection::Out ? SG_DXFER_TO_DEV : SG_DXFER_NONE;
}

std::string describeCommand(const std::string& path, const scsi::Command& c) {
  char op[8];
  std::snprintf(op, sizeof op, "%02Xh", c.cdb.opcode());
  return path + ": command " + op;
}

}  // namespace

SgIoTransport::SgIoTransport(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC);
  if (fd_ < 0) throw errnoError(errno, path, true);
  int version = 0;
  // /dev/sg* answers SG_GET_VERSION_NUM; /dev/sr* (block layer SG_IO) too. Anything else is not a SCSI device.
  if (::ioctl(fd_, SG_GET_VERSION_NUM, &version) < 0 || version < 30000) {
    ::close(fd_);
    fd_ = -1;
    throw Error(HResult::E_INVALIDARG, path + " is not a SCSI generic or CD-ROM device (no SG_IO v3)");
  }
}

SgIoTransport::~SgIoTransport() {
  if (fd_ >= 0) ::close(fd_);
}

scsi::Result SgIoTransport::execute(const scsi::Command& command) {
  std::array<std::uint8_t, kSenseBytes> sense{};
  std::array<std::uint8_t, 16> cdb = command.cdb.bytes;
  sg_io_hdr_t h{};
  h.interface_id = 'S';
  const std::size_t bytes = command.direction == scsi::DataDirection::None ? 0 : command.data.size();
  h.dxfer_direction = sgDirection(command.direction, bytes);
  h.cmd_len = command.cdb.length;
  h.cmdp = cdb.data();
  h.mx_sb_len = static_cast<unsigned char>(sense.size());
  h.sbp = sense.data();
  h.dxfer_len = static_cast<unsigned>(bytes);
  h.dxferp = bytes ? command.data.data() : nullptr;
  h.timeout = command.timeoutMs;
  if (::ioctl(fd_, SG_IO, &h) < 0) throw errnoError(errno, path_, false);
  SgIoReply reply;
  reply.status = h.status;
  reply.hostStatus = h.host_status;
  reply.driverStatus = h.driver_status;
  reply.resid = h.resid;
  reply.requested = bytes;
  reply.durationMs = h.duration;
  reply.timeoutMs = command.timeoutMs;
  reply.sense = std::span<const std::uint8_t>(sense.data(), h.sb_len_wr <= sense.size() ? h.sb_len_wr : sense.size());
  return interpretSgIo(reply, describeCommand(path_, command));
}

}  // namespace kiln::transport
