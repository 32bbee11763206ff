// Identification, readiness and tray handlers: TEST UNIT READY, REZERO UNIT, REQUEST SENSE, INQUIRY,
// START STOP UNIT, PREVENT ALLOW MEDIUM REMOVAL, GET EVENT STATUS NOTIFICATION.
#include <algorithm>
#include <string>

#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

void putAscii(std::vector<std::uint8_t>& out, std::size_t at, const std::string& text, std::size_t width) {
  for (std::size_t i = 0; i < width; ++i) out[at + i] = static_cast<std::uint8_t>(i < text.size() ? text[i] : ' ');
}

std::uint32_t allocation16(const Request& r, std::size_t at) { return std::uint32_t(r.at(at)) << 8 | r.at(at + 1); }

}  // namespace

std::vector<std::uint8_t> fixedSense(const TargetResponse& sense) {
  std::vector<std::uint8_t> s(18, 0);
  s[0] = static_cast<std::uint8_t>(0x70 | (sense.informationValid ? 0x80 : 0));
  s[2] = sense.senseKey & 0x0F;
  scsi::putBe32(s, 3, sense.information);
  s[7] = 10;  // additional sense length
  s[12] = sense.asc;
  s[13] = sense.ascq;
  return s;
}

TargetResponse testUnitReady(DriveContext&, const Request&) { return good(); }

TargetResponse rezeroUnit(DriveContext&, const Request&) { return good(); }

/// SPC-4 §6.29: the sense of the previous command; else a pending unit attention; else the current state.
TargetResponse requestSense(DriveContext& ctx, const Request& r) {
  if (r.at(1) & 0x01) return invalidFieldInCdb();  // DESC: descriptor format not supported
  TargetResponse sense;
  if (ctx.pendingSense) {
    sense = *ctx.pendingSense;
  } else if (ctx.unitAttention) {
    ctx.unitAttention = false;
    sense = mediumMayHaveChanged();
  } else if (!ctx.mediumPresent()) {
    sense = mediumNotPresent();
  }
  ctx.pendingSense.reset();
  return goodData(fixedSense(sense), r.at(4));
}

TargetResponse inquiry(DriveContext& ctx, const Request& r) {
  const std::uint32_t allocation = allocation16(r, 3);
  if (r.at(1) & 0x02) return invalidFieldInCdb();  // CmdDt (obsolete)
  if (r.at(1) & 0x01) {  // EVPD (SPC-4 §7.8)
    if (r.at(2) == 0x00) return goodData({0x05, 0x00, 0x00, 0x02, 0x00, 0x80}, allocation);
    if (r.at(2) == 0x80) {
      std::vector<std::uint8_t> page = {0x05, 0x80, 0x00, static_cast<std::uint8_t>(ctx.options.serial.size())};
      page.insert(page.end(), ctx.options.serial.begin(), ctx.options.serial.end());
      return goodData(std::move(page), allocation);
    }
    return invalidFieldInCdb();
  }
  if (r.at(2) != 0) return invalidFieldInCdb();
  std::vector<std::uint8_t> data(36, 0);
  data[0] = 0x05;  // peripheral device type: CD/DVD (MMC)
  data[1] = 0x80;  // RMB: removable medium
  data[2] = 0x05;  // SPC-3
  data[3] = 0x02;  // response data format
  data[4] = static_cast<std::uint8_t>(data.size() - 5);
  putAscii(data, 8, "KILN", 8);
  putAscii(data, 16, "Virtual CD-RW", 16);
  putAscii(data, 32, ctx.options.revision, 4);
  return goodData(std::move(data), allocation);
}

/// MMC-6 §6.39: LoEj+Start loads (closes the tray), LoEj alone ejects unless removal is prevented.
TargetResponse startStopUnit(DriveContext& ctx, const Request& r) {
  const bool loadEject = (r.at(4) & 0x02) != 0;
  const bool start = (r.at(4) & 0x01) != 0;
  if (!loadEject) return good();
  if (!start) {
    if (ctx.preventRemoval) return removalPrevented();
    if (!ctx.trayOpen) {
      ctx.buffer.stop();
      ctx.simulation.reset();
      ctx.sao = SaoState{};
      if (ctx.medium.openTrack()) {  // removing the disc mid-track leaves a damaged, closed track
        ctx.medium.closeTrack(true);
        ctx.persist();
      }
      ctx.trayOpen = true;
      ctx.mediaEvent = MediaEvent::MediaRemoval;
    }
    return good();
  }
  if (ctx.trayOpen) {
    ctx.trayOpen = false;
    if (ctx.discInserted) {
      ctx.unitAttention = true;
      ctx.mediaEvent = MediaEvent::NewMedia;
    }
  }
  return good();
}

TargetResponse preventAllow(DriveContext& ctx, const Request& r) {
  ctx.preventRemoval = (r.at(4) & 0x01) != 0;
  return good();
}

/// MMC-6 §6.8: polled mode only; reports the media class (class 4).
TargetResponse getEventStatus(DriveContext& ctx, const Request& r) {
  if (!(r.at(1) & 0x01)) return invalidFieldInCdb();  // asynchronous notification not supported
  const std::uint32_t allocation = allocation16(r, 7);
  constexpr std::uint8_t kMediaClassBit = 0x10;
  if (!(r.at(4) & kMediaClassBit)) return goodData({0x00, 0x02, 0x80, kMediaClassBit}, allocation);  // NEA
  std::vector<std::uint8_t> data = {0x00, 0x06, 0x04, kMediaClassBit, 0, 0, 0, 0};
  data[4] = static_cast<std::uint8_t>(ctx.mediaEvent);
  data[5] = static_cast<std::uint8_t>((ctx.mediumPresent() ? 0x02 : 0x00) | (ctx.trayOpen ? 0x01 : 0x00));
  ctx.mediaEvent = MediaEvent::None;
  return goodData(std::move(data), allocation);
}

}  // namespace kiln::vdrive::mmc
