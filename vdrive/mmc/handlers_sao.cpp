// Session-at-once: SEND CUE SHEET (MMC-6 §6.33; layout in MMC-NOTES D.3) and the sequential WRITE that follows.
// Only CD-DA cue sheets (data form 00h audio / 01h pause) are recorded; SYNCHRONIZE CACHE ends the session.
#include "core/cd/msf.h"
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

/// Parses and checks the sheet: position entries (ADR 1) in non-decreasing order, audio forms only, a lead-out.
bool parseCue(std::span<const std::uint8_t> sheet, std::vector<CueEntry>& out) {
  if (sheet.empty() || sheet.size() % 8 != 0) return false;
  std::int32_t last = -450150;
  for (std::size_t i = 0; i < sheet.size(); i += 8) {
    const std::uint8_t* e = &sheet[i];
    if ((e[0] & 0x0F) != 1) continue;  // MCN/ISRC entries carry no position
    if ((e[3] & 0x3F) > 1) return false;  // only audio (00h) and audio pause (01h) data forms
    if (e[6] > 59 || e[7] > 74) return false;
    CueEntry entry{e[0], e[1], e[2], e[3], cd::msfToLba({e[5], e[6], e[7]})};
    if (entry.lba < last) return false;
    last = entry.lba;
    out.push_back(entry);
  }
  return out.size() >= 3 && out.back().tno == 0xAA && out.front().tno == 0;
}

}  // namespace

TargetResponse sendCueSheet(DriveContext& ctx, const Request& r) {
  if (ctx.pages.writeType() != kWriteSao) return commandSequenceError();
  const std::uint32_t length = scsi::getBe24(r.cdb, 6);
  if (length > r.dataOut.size()) return invalidFieldInCdb();
  SaoState sao;
  if (!parseCue(r.dataOut.first(length), sao.cue)) return invalidFieldInParameterList();
  if (ctx.pages.testWrite() && !ctx.simulation) ctx.simulation = ctx.medium;
  Medium& m = ctx.active();
  const auto nwa = m.nextWritableAddress(ctx.pause());
  if (!nwa || m.sessionOpen()) return commandSequenceError();
  sao.writeStart = sao.cue[1].lba;
  sao.leadOut = sao.cue.back().lba;
  if (sao.writeStart != *nwa - cd::kPregapSectors || sao.cue[1].tno != m.nextTrackNumber())
    return invalidFieldInParameterList();
  if (sao.leadOut > m.atip().lastLeadOutStart) return invalidFieldInParameterList();
  sao.nextLba = sao.writeStart;
  sao.active = true;
  ctx.sao = std::move(sao);
  return good();
}

TargetResponse writeSao(DriveContext& ctx, std::int32_t lba, std::uint32_t count, const Request& r) {
  if (!ctx.sao.active) return commandSequenceError();
  if (r.dataOut.size() != std::size_t{count} * kSectorBytes) return invalidFieldInCdb();
  if (lba != ctx.sao.nextLba) return invalidAddressForWrite();
  if (std::int64_t{lba} + count > ctx.sao.leadOut) return lbaOutOfRange();
  ctx.buffer.accept(count * static_cast<std::uint32_t>(kSectorBytes), kSectorBytes);
  if (!ctx.simulation) ctx.store.writeSectors(lba, r.dataOut);
  ctx.sao.nextLba += static_cast<std::int32_t>(count);
  return good();
}

void finishSao(DriveContext& ctx) {
  const SaoState sao = std::move(ctx.sao);
  ctx.sao = SaoState{};
  if (ctx.simulation) {
    ctx.simulation.reset();
    return;
  }
  // Tracks from the INDEX 00/01 entries; a write that stopped early truncates the layout at what was written.
  std::vector<TrackRecord> tracks;
  const std::int32_t end = std::min(sao.nextLba, sao.leadOut);
  for (std::size_t i = 0; i < sao.cue.size(); ++i) {
    const CueEntry& e = sao.cue[i];
    if (e.tno == 0 || e.tno == 0xAA || e.index != 1 || e.lba >= end) continue;
    TrackRecord t;
    t.start = e.lba;
    t.control = e.ctlAdr >> 4;
    t.pregap = 0;
    for (const CueEntry& p : sao.cue)
      if (p.tno == e.tno && p.index == 0) t.pregap = e.lba - p.lba;
    std::int32_t next = end;
    for (std::size_t j = i + 1; j < sao.cue.size(); ++j)
      if (sao.cue[j].tno != e.tno) { next = std::min(end, sao.cue[j].lba); break; }
    t.length = next - t.start;
    tracks.push_back(t);
  }
  if (!tracks.empty()) tracks.front().pregap = cd::kPregapSectors;
  // Pause before a later track = its INDEX 00 span (already counted in the previous track's length): trim it.
  for (std::size_t i = 0; i + 1 < tracks.size(); ++i)
    tracks[i].length = std::min(tracks[i].length, tracks[i + 1].start - tracks[i + 1].pregap - tracks[i].start);
  ctx.medium.recordSession(std::move(tracks), ctx.pages.multiSession(), ctx.pause());
  ctx.persist();
}

}  // namespace kiln::vdrive::mmc
