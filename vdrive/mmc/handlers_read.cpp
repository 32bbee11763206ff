// Reading back: READ(10) (MMC-6 §6.15) and READ CD (MMC-6 §6.19). The disc holds CD-DA only, so READ(10) — a
// 2048-byte user-data read — fails on it with 5/64/00 ILLEGAL MODE FOR THIS TRACK as on real drives.
#include <algorithm>

#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"
#include "vdrive/mmc/subchannel.h"

namespace kiln::vdrive::mmc {

namespace {

/// Readable range: from the first pregap (−150) to the end of the last recorded track.
bool readable(const Medium& m, std::int32_t lba, std::uint32_t count) {
  const std::int32_t end = m.recordedEnd();
  return !m.state().tracks.empty() && lba >= kFirstStoredLba && std::int64_t{lba} + count <= end;
}

}  // namespace

TargetResponse read10(DriveContext& ctx, const Request& r) {
  const auto lba = scsi::getBe32s(r.cdb, 2);
  const std::uint32_t count = scsi::getBe16(r.cdb, 7);
  if (count == 0) return good();
  if (!readable(ctx.medium, lba, count)) return lbaOutOfRange();
  return illegalModeForTrack();  // every recorded sector is CD-DA
}

TargetResponse readCd(DriveContext& ctx, const Request& r) {
  const std::uint8_t expected = (r.at(1) >> 2) & 0x07;
  const auto lba = scsi::getBe32s(r.cdb, 2);
  const std::uint32_t count = scsi::getBe24(r.cdb, 6);
  const std::uint8_t mainBits = r.at(9) & 0xF8;
  const std::uint8_t c2 = (r.at(9) >> 1) & 0x03;
  const std::uint8_t sub = r.at(10) & 0x07;
  if (c2 != 0 || (sub != 0 && sub != 1 && sub != 2 && sub != 4)) return invalidFieldInCdb();
  if (expected > 5) return invalidFieldInCdb();
  if (count == 0) return good();
  if (!readable(ctx.medium, lba, count)) return lbaOutOfRange();
  if (expected != 0 && expected != 1) return illegalModeForTrack();  // asked for a data sector type
  const std::size_t mainBytes = mainBits ? kSectorBytes : 0;
  const std::size_t subBytes = sub == 2 ? 16 : sub ? 96 : 0;
  if (mainBytes + subBytes == 0) return good();
  // Build no more than the host can take (plus one sector, so a too-small buffer is still visible).
  const std::uint64_t fits = r.expectedIn / (mainBytes + subBytes) + 1;
  const auto build = static_cast<std::uint32_t>(std::min<std::uint64_t>(count, fits));
  std::vector<std::uint8_t> data;
  data.reserve(build * (mainBytes + subBytes));
  std::vector<std::uint8_t> sector(kSectorBytes);
  const SubchannelSource subchannel(ctx.medium.state());
  for (std::uint32_t i = 0; i < build; ++i) {
    const std::int32_t at = lba + static_cast<std::int32_t>(i);
    if (mainBytes) {
      ctx.store.readSectors(at, sector);
      data.insert(data.end(), sector.begin(), sector.end());
    }
    if (sub == 1) {
      auto pw = rawPw(subchannel.at(at));
      if (ctx.medium.state().subchannel) {  // R–W as the host sent it in a disc-at-once write
        std::uint8_t rw[kSubchannelBytes];
        ctx.store.readSubchannel(at, rw);
        for (std::size_t k = 0; k < kSubchannelBytes; ++k) pw[k] = static_cast<std::uint8_t>(pw[k] | (rw[k] & 0x3F));
      }
      data.insert(data.end(), pw.begin(), pw.end());
    } else if (sub == 2) {
      const auto fq = formattedQ(subchannel.at(at));
      data.insert(data.end(), fq.begin(), fq.end());
    } else if (sub == 4) {
      data.insert(data.end(), 96, 0);  // R–W: no CD-TEXT or graphics recorded
    }
  }
  TargetResponse resp;
  resp.dataIn = std::move(data);
  return resp;
}

}  // namespace kiln::vdrive::mmc
