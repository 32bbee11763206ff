// Buffer and speed: READ BUFFER CAPACITY (MMC-6 §6.27), GET PERFORMANCE (§6.7) types 00h and 03h,
// SET CD SPEED (§6.37): speeds in kB/s (1000 bytes), 1x = 176.4 kB/s.
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

TargetResponse readBufferCapacity(DriveContext& ctx, const Request& r) {
  const std::uint32_t allocation = std::uint32_t(r.at(7)) << 8 | r.at(8);
  std::vector<std::uint8_t> data(12, 0);
  scsi::putBe16(data, 0, 10);
  const std::uint32_t free = ctx.buffer.freeBytes();
  if (r.at(1) & 0x01) {  // Block: available space in 2048-byte blocks, lengths reserved
    data[3] = 0x01;  // Block bit echoed as in MMC-6 Table 376 (reserved otherwise)
    scsi::putBe32(data, 8, free / 2048);
  } else {
    scsi::putBe32(data, 4, ctx.buffer.capacityBytes());
    scsi::putBe32(data, 8, free);
  }
  return goodData(std::move(data), allocation);
}

TargetResponse getPerformance(DriveContext& ctx, const Request& r) {
  const std::uint16_t maxDescriptors = scsi::getBe16(r.cdb, 8);
  const std::uint8_t type = r.at(10);
  const std::uint32_t capacity = static_cast<std::uint32_t>(ctx.medium.atip().lastLeadOutStart);
  std::vector<std::uint8_t> data(8, 0);
  if (type == 0x00) {
    const bool write = (r.at(1) & 0x04) != 0;
    data[4] = write ? 0x02 : 0x00;
    if (maxDescriptors > 0) {
      std::uint8_t d[16] = {};
      const std::uint16_t speed = write ? ctx.writeSpeedKbs : speedKbPerSecond(kMaxReadSpeedX);
      scsi::putBe32(d, 4, speed);
      scsi::putBe32(d, 8, capacity - 1);
      scsi::putBe32(d, 12, speed);
      data.insert(data.end(), d, d + 16);
    }
  } else if (type == 0x03) {  // write speed descriptors, fastest first
    const std::size_t n = std::min<std::size_t>(maxDescriptors, kWriteSpeedsX.size());
    for (std::size_t i = 0; i < n; ++i) {
      std::uint8_t d[16] = {};
      scsi::putBe32(d, 4, capacity - 1);
      scsi::putBe32(d, 8, speedKbPerSecond(kMaxReadSpeedX));
      scsi::putBe32(d, 12, speedKbPerSecond(kWriteSpeedsX[kWriteSpeedsX.size() - 1 - i]));
      data.insert(data.end(), d, d + 16);
    }
  } else {
    return invalidFieldInCdb();
  }
  scsi::putBe32(data, 0, static_cast<std::uint32_t>(data.size() - 4));
  return goodData(std::move(data), static_cast<std::uint32_t>(data.size()));
}

/// Drives round a requested speed down to a supported one (FFFFh = fastest); below the slowest → the slowest.
TargetResponse setCdSpeed(DriveContext& ctx, const Request& r) {
  const std::uint16_t read = scsi::getBe16(r.cdb, 2);
  const std::uint16_t write = scsi::getBe16(r.cdb, 4);
  ctx.readSpeedKbs = read >= speedKbPerSecond(kMaxReadSpeedX) ? speedKbPerSecond(kMaxReadSpeedX) : read;
  if (ctx.readSpeedKbs < speedKbPerSecond(1)) ctx.readSpeedKbs = speedKbPerSecond(1);
  std::uint16_t chosen = speedKbPerSecond(kWriteSpeedsX.front());
  for (int x : kWriteSpeedsX)
    if (speedKbPerSecond(x) <= write) chosen = speedKbPerSecond(x);
  ctx.writeSpeedKbs = chosen;
  return good();
}

}  // namespace kiln::vdrive::mmc
