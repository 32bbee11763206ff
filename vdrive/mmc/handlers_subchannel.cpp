// READ SUB-CHANNEL (MMC-6 §6.28) formats 01h (current position), 02h (MCN), 03h (ISRC), and READ HEADER
// (MMC-6 §6.20, answered for CD-DA as real drives do: 5/64/00). The drive never plays audio, so the audio status
// is always 15h (no current audio status) and the current position is the start of the disc.
#include "core/cd/msf.h"
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

constexpr std::uint8_t kNoAudioStatus = 0x15;

void putAddress(std::vector<std::uint8_t>& d, std::size_t at, std::int32_t lba, bool msf, bool relative) {
  if (!msf) {
    scsi::putBe32s(d, at, lba);
    return;
  }
  const cd::Msf m = relative ? cd::sectorsToMsf(static_cast<std::uint32_t>(lba)) : cd::lbaToMsf(lba);
  d[at + 1] = m.m;
  d[at + 2] = m.s;
  d[at + 3] = m.f;
}

void putAscii(std::vector<std::uint8_t>& d, std::size_t at, const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) d[at + i] = static_cast<std::uint8_t>(text[i]);
}

}  // namespace

TargetResponse readSubchannel(DriveContext& ctx, const Request& r) {
  const bool msf = (r.at(1) & 0x02) != 0;
  const bool subQ = (r.at(2) & 0x40) != 0;
  const std::uint8_t format = r.at(3);
  const std::uint32_t allocation = std::uint32_t(r.at(7)) << 8 | r.at(8);
  const auto& s = ctx.medium.state();
  std::vector<std::uint8_t> d = {0, kNoAudioStatus, 0, 0};
  if (subQ) {
    if (format == 0x01) {
      d.resize(16, 0);
      d[4] = 0x01;
      if (!s.tracks.empty()) {
        d[5] = static_cast<std::uint8_t>(0x10 | s.tracks.front().control);
        d[6] = s.tracks.front().number;
        d[7] = 1;
      }
      putAddress(d, 8, 0, msf, false);
      putAddress(d, 12, 0, msf, true);
    } else if (format == 0x02) {
      d.resize(24, 0);
      d[4] = 0x02;
      if (s.mcn.size() == 13) {
        d[8] = 0x80;  // MCVal
        putAscii(d, 9, s.mcn);
      }
    } else if (format == 0x03) {
      const std::uint8_t number = r.at(6);
      if (number == 0 || number > s.tracks.size()) return invalidFieldInCdb();
      const TrackRecord& t = s.tracks[number - 1];
      d.resize(24, 0);
      d[4] = 0x03;
      d[5] = static_cast<std::uint8_t>(0x30 | t.control);
      d[6] = number;
      if (t.isrc.size() == 12) {
        d[8] = 0x80;  // TCVal
        putAscii(d, 9, t.isrc);
      }
    } else {
      return invalidFieldInCdb();
    }
  }
  scsi::putBe16(d, 2, static_cast<std::uint32_t>(d.size() - 4));
  return goodData(std::move(d), allocation);
}

TargetResponse readHeader(DriveContext& ctx, const Request& r) {
  const std::int32_t lba = scsi::getBe32s(r.cdb, 2);
  if (ctx.medium.state().tracks.empty() || lba < kFirstStoredLba || lba >= ctx.medium.recordedEnd())
    return lbaOutOfRange();
  return illegalModeForTrack();  // CD-DA sectors have no header
}

}  // namespace kiln::vdrive::mmc
