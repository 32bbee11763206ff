// Writing Track-At-Once (MMC-6 §6.44 WRITE, §6.3 CLOSE TRACK/SESSION, §6.36 SYNCHRONIZE CACHE, §6.2 BLANK,
// §6.34 SEND OPC INFORMATION). The rules the host codes against are in vdrive/README.md ("TAO contract").
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

/// Ends the open track because recording stopped by itself (write error, loss of streaming, medium gone).
void damageOpenTrack(DriveContext& ctx) {
  ctx.buffer.stop();
  const bool real = !ctx.simulation;
  ctx.active().closeTrack(true);
  if (real) ctx.persist();
}

TargetResponse writeTao(DriveContext& ctx, std::int32_t lba, std::uint32_t count, const Request& r) {
  if (ctx.pages.dataBlockType() != 0) return illegalModeForTrack();  // only 2352-byte audio is recorded
  if (r.dataOut.size() != std::size_t{count} * kSectorBytes) return invalidFieldInCdb();
  Medium& m = ctx.active();
  // Loss of streaming happened before this WRITE arrived: report it on this command (MMC-6 §4.3.6.4).
  if (m.openTrack() && ctx.buffer.recording() && ctx.buffer.checkUnderrun() && !ctx.pages.bufferUnderrunFree()) {
    damageOpenTrack(ctx);
    return lossOfStreaming();
  }
  const auto nwa = m.nextWritableAddress(ctx.pause());
  if (!nwa || lba != *nwa) return invalidAddressForWrite();
  if (std::int64_t{lba} + count > m.atip().lastLeadOutStart) return lbaOutOfRange();
  const bool real = !ctx.simulation;
  if (!m.openTrack()) {
    m.beginTrack(lba, ctx.pause(), ctx.pages.trackMode()).isrc = ctx.pages.isrc();
    if (!ctx.pages.mediaCatalogNumber().empty()) m.setMcn(ctx.pages.mediaCatalogNumber());
    if (real) ctx.persist();
  }
  std::uint32_t good = count;
  const auto failAt = ctx.faults.consumeWriteError(lba, static_cast<std::int32_t>(count));
  if (failAt) good = static_cast<std::uint32_t>(*failAt - lba);
  ctx.buffer.accept(good * static_cast<std::uint32_t>(kSectorBytes), kSectorBytes);
  if (real && good > 0) ctx.store.writeSectors(lba, r.dataOut.first(std::size_t{good} * kSectorBytes));
  m.extendOpenTrack(static_cast<std::int32_t>(good));
  if (failAt) {
    damageOpenTrack(ctx);
    return checkConditionAt(kMediumError, 0x0C, 0x00, static_cast<std::uint32_t>(*failAt));
  }
  if (ctx.faults.consumeWriteForRemoval()) {
    damageOpenTrack(ctx);
    ctx.simulation.reset();
    ctx.trayOpen = true;
    ctx.mediaEvent = MediaEvent::MediaRemoval;
  }
  return {};
}

TargetResponse writeCommon(DriveContext& ctx, std::int32_t lba, std::uint32_t count, const Request& r) {
  if (count == 0) return good();
  if (ctx.pages.testWrite() && !ctx.simulation) ctx.simulation = ctx.medium;  // start a simulated burn
  switch (ctx.pages.writeType()) {
    case kWriteTao: return writeTao(ctx, lba, count, r);
    case kWriteSao: return writeSao(ctx, lba, count, r);
    case kWriteRaw: return writeRaw(ctx, lba, count, r);
    default: return illegalModeForTrack();
  }
}

}  // namespace

TargetResponse write10(DriveContext& ctx, const Request& r) {
  return writeCommon(ctx, scsi::getBe32s(r.cdb, 2), scsi::getBe16(r.cdb, 7), r);
}

TargetResponse write12(DriveContext& ctx, const Request& r) {
  return writeCommon(ctx, scsi::getBe32s(r.cdb, 2), scsi::getBe32(r.cdb, 6), r);
}

/// Flushes the buffer and fixes the open track's length (libburn and wodim rely on this instead of CLOSE TRACK).
/// Ends a session-at-once write.
TargetResponse synchronizeCache(DriveContext& ctx, const Request&) {
  if (!ctx.mediumPresent()) return good();  // nothing cached
  ctx.buffer.flush();
  if (ctx.sao.active) {
    finishSao(ctx);
    return good();
  }
  if (ctx.raw.active) {
    finishRaw(ctx);
    return good();
  }
  Medium& m = ctx.active();
  if (m.openTrack()) {
    m.closeTrack();
    if (!ctx.simulation) ctx.persist();
  }
  return good();
}

TargetResponse closeTrackSession(DriveContext& ctx, const Request& r) {
  const std::uint8_t function = r.at(2) & 0x07;
  ctx.buffer.flush();
  Medium& m = ctx.active();
  const bool real = !ctx.simulation;
  if (function == 1) {  // close track
    m.closeTrack();
    if (real) ctx.persist();
    return good();
  }
  if (function == 2) {  // close session: finalise (00b) or leave appendable (11b) per page 05h
    if (!real) {
      ctx.simulation.reset();  // Test Write: the disc is left exactly as it was
      return good();
    }
    if (m.closeSession(ctx.pages.multiSession())) ctx.persist();
    return good();
  }
  return invalidFieldInCdb();
}

TargetResponse sendOpcInformation(DriveContext&, const Request&) { return good(); }

/// BLANK of a CD-RW (full or minimal → an empty disc). A CD-R cannot be blanked: 5/30/00 INCOMPATIBLE MEDIUM.
TargetResponse blank(DriveContext& ctx, const Request& r) {
  if (ctx.medium.kind() != MediaKind::CdRw80) return incompatibleMedium();
  const std::uint8_t type = r.at(1) & 0x07;
  if (type > 1) return invalidFieldInCdb();  // track/session blanking types are not modelled
  ctx.simulation.reset();
  ctx.sao = SaoState{};
  ctx.raw = RawState{};
  ctx.medium.blank();
  ctx.store.clearSectors();
  ctx.persist();
  return good();
}

}  // namespace kiln::vdrive::mmc
