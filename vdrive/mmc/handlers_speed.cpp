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

/// The header's Performance Data Length counts every available descriptor, whatever the CDB's Maximum Number
/// of Descriptors; only that many are transferred (libburn asks with 0 first to learn the length).
TargetResponse getPerformance(DriveContext& ctx, const Request& r) {
  const std::uint16_t maxDescriptors = scsi::getBe16(r.cdb, 8);
  const std::uint8_t type = r.at(10);
  const std::uint32_t capacity = static_cast<std::uint32_t>(ctx.medium.atip().lastLeadOutStart);
  std::vector<std::uint8_t> data(8, 0);
  auto descriptor = [&data](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    std::uint8_t e[16] = {};
    scsi::putBe32(e, 0, a);
    scsi::putBe32(e, 4, b);
    scsi::putBe32(e, 8, c);
    scsi::putBe32(e, 12, d);
    data.insert(data.end(), e, e + 16);
  };
  if (type == 0x00) {  // nominal performance: one descriptor over the whole disc
    const bool write = (r.at(1) & 0x04) != 0;
    data[4] = write ? 0x02 : 0x00;
    const std::uint16_t speed = write ? ctx.writeSpeedKbs : speedKbPerSecond(kMaxReadSpeedX);
    descriptor(0, speed, capacity - 1, speed);
  } else if (type == 0x03) {  // write speed descriptors, fastest first
    for (std::size_t i = 0; i < kWriteSpeedsX.size(); ++i)
      descriptor(0, capacity - 1, speedKbPerSecond(kMaxReadSpeedX),
                 speedKbPerSecond(kWriteSpeedsX[kWriteSpeedsX.size() - 1 - i]));
  } else {
    return invalidFieldInCdb();
  }
  scsi::putBe32(data, 0, static_cast<std::uint32_t>(data.size() - 4));
  return goodData(std::move(data), 8 + 16u * maxDescriptors);
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
  // With real-time emulation on, the selected speed also paces recording (DriveOptions::writeSpeedX is the start).
  if (ctx.buffer.paced())
    for (int x : kWriteSpeedsX)
      if (speedKbPerSecond(x) == chosen) ctx.buffer.setSpeedX(x);
  return good();
}

}  // namespace kiln::vdrive::mmc
