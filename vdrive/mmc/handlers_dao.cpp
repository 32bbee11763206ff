// RAW recording (page 05h write type 3, data block types 1/2/3; MMC-6 §4.5.4, §7.5.4.10; MMC-NOTES D.2, D.7):
// the host sends every sector from the ATIP lead-in start through the lead-out with its sub-channel; the drive
// records what it is given and learns the TOC, indexes, MCN, ISRCs and CD-TEXT from it (vdrive/mmc/dao_decoder.h).
// The contract the host codes against is in vdrive/README.md ("RAW contract").
#include <algorithm>
#include <limits>

#include "core/cd/msf.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

/// Q of one sector from its sub-channel: 16-byte P-Q (plain CRC, block type 1) or 96-byte P–W (types 2/3).
cd::QBytes qOf(const std::uint8_t* sub, std::uint32_t blockBytes) {
  if (blockBytes == 2368) return cd::unpackPq16(sub).first;
  cd::QBytes q{};
  for (int i = 0; i < 96; ++i)
    if (sub[i] & 0x40) q[static_cast<std::size_t>(i / 8)] |= static_cast<std::uint8_t>(0x80 >> (i % 8));
  return q;
}

}  // namespace

void recordDaoSectors(DriveContext& ctx, DaoStream& s, std::int32_t lba, std::uint32_t count,
                      std::span<const std::uint8_t> data, std::uint8_t blockType, bool decodeQ, std::int32_t storeEnd) {
  const std::uint32_t bytes = ModePages::blockBytes(blockType);
  const bool pw = bytes == 2448;
  s.sub.resize(std::size_t{count} * kSubchannelBytes);
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::int32_t at = lba + static_cast<std::int32_t>(i);
    const std::uint8_t* sub = data.data() + std::size_t{i} * bytes + kSectorBytes;
    if (decodeQ && bytes > kSectorBytes) s.decoder.q(at, qOf(sub, bytes));
    if (!pw) continue;
    if (at < kFirstStoredLba) s.decoder.leadInRw(sub);
    std::uint8_t* out = &s.sub[std::size_t{i} * kSubchannelBytes];
    if (blockType == 2) {  // packed R–W: the drive applies the Red Book interleave before recording
      std::uint8_t cooked[96];
      for (int k = 0; k < 96; ++k) cooked[k] = sub[k] & 0x3F;
      s.interleaver.pushSector(cooked, out);
      for (int k = 0; k < 96; ++k) out[k] = static_cast<std::uint8_t>((sub[k] & 0xC0) | out[k]);
    } else {
      std::copy_n(sub, kSubchannelBytes, out);
    }
  }
  if (decodeQ && s.decoder.leadOutStart()) storeEnd = std::min(storeEnd, *s.decoder.leadOutStart());
  const std::int32_t first = std::max(lba, kFirstStoredLba);
  const std::int32_t last = std::min(lba + static_cast<std::int32_t>(count), storeEnd);
  if (ctx.simulation || last <= first) return;
  const auto n = static_cast<std::size_t>(last - first);
  const auto skip = static_cast<std::size_t>(first - lba);
  s.main.resize(n * kSectorBytes);
  for (std::size_t i = 0; i < n; ++i)
    std::copy_n(data.data() + (skip + i) * bytes, kSectorBytes, s.main.begin() + static_cast<std::ptrdiff_t>(i * kSectorBytes));
  ctx.store.writeSectors(first, s.main);
  if (pw) {
    s.subchannel = true;
    ctx.store.writeSubchannel(first, std::span<const std::uint8_t>(s.sub).subspan(skip * kSubchannelBytes,
                                                                                   n * kSubchannelBytes));
  }
}

void finishRaw(DriveContext& ctx) {
  RawState raw = std::move(ctx.raw);
  ctx.raw = RawState{};
  ctx.buffer.flush();
  const DaoDecoder& d = raw.stream.decoder;
  Medium::DiscAtOnceResult result;
  result.complete = d.leadOutStart().has_value();
  result.tracks = d.tracks(result.complete ? *d.leadOutStart() : raw.nextLba);
  result.complete = result.complete && !result.tracks.empty();
  result.multiSession = ctx.pages.multiSession();
  result.mcn = d.mcn();
  result.cdText = d.cdTextPacks();
  result.subchannel = raw.stream.subchannel;
  result.notes = d.notes();
  if (!result.complete)
    result.notes.push_back("RAW write stopped at LBA " + std::to_string(raw.nextLba) + " before the lead-out");
  if (ctx.simulation) {
    ctx.simulation.reset();  // Test Write: the disc stays as it was
    return;
  }
  ctx.medium.endDiscAtOnce(std::move(result), ctx.pause());
  ctx.persist();
}

TargetResponse writeRaw(DriveContext& ctx, std::int32_t lba, std::uint32_t count, const Request& r) {
  const std::uint8_t blockType = ctx.pages.dataBlockType();
  const std::uint32_t bytes = ModePages::blockBytes(blockType);
  if (blockType < 1 || blockType > 3) return illegalModeForTrack();
  if (r.dataOut.size() != std::size_t{count} * bytes) return invalidFieldInCdb();
  Medium& m = ctx.active();
  RawState& raw = ctx.raw;
  if (!raw.active) {
    const auto& s = m.state();
    if (s.finalized || s.incomplete || !s.tracks.empty() || !s.sessions.empty()) return invalidAddressForWrite();
    if (lba != m.atip().leadInStart) return invalidAddressForWrite();
    raw.active = true;
    raw.nextLba = lba;
    raw.blockType = blockType;
    m.beginDiscAtOnce(lba);
    if (!ctx.simulation) ctx.persist();  // a write that never ends leaves an incomplete disc
  } else {
    if (ctx.buffer.recording() && ctx.buffer.checkUnderrun() && !ctx.pages.bufferUnderrunFree()) {
      ctx.buffer.stop();
      finishRaw(ctx);
      return lossOfStreaming();
    }
    if (lba != raw.nextLba) return invalidAddressForWrite();
    if (blockType != raw.blockType) return illegalModeForTrack();  // one sub-channel form per write
  }
  if (std::int64_t{lba} + count > std::int64_t{m.atip().lastLeadOutStart} + kFirstLeadOutSectors) return lbaOutOfRange();
  std::uint32_t good = count;
  const auto failAt = ctx.faults.consumeWriteError(lba, static_cast<std::int32_t>(count));
  if (failAt) good = static_cast<std::uint32_t>(*failAt - lba);
  ctx.buffer.accept(good * static_cast<std::uint32_t>(kSectorBytes), kSectorBytes);
  recordDaoSectors(ctx, raw.stream, lba, good, r.dataOut.first(std::size_t{good} * bytes), blockType, true,
                   std::numeric_limits<std::int32_t>::max());
  raw.nextLba += static_cast<std::int32_t>(good);
  if (failAt) {
    ctx.buffer.stop();
    finishRaw(ctx);
    return checkConditionAt(kMediumError, 0x0C, 0x00, static_cast<std::uint32_t>(*failAt));
  }
  if (ctx.faults.consumeWriteForRemoval()) {
    ctx.buffer.stop();
    finishRaw(ctx);
    ctx.trayOpen = true;
    ctx.mediaEvent = MediaEvent::MediaRemoval;
  }
  return {};
}

}  // namespace kiln::vdrive::mmc
