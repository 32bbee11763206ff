// Session-at-once: SEND CUE SHEET (MMC-6 §6.33; layout in MMC-NOTES D.3) and the sequential WRITE that follows.
// Only CD-DA cue sheets (data form 00h audio / 01h pause, with 40h/C0h sub-channel bits) are recorded, with MCN
// (ADR 2) and ISRC (ADR 3) entries, INDEX 02+ marks and CD-TEXT from the lead-in R–W; SYNCHRONIZE CACHE ends the
// session.
#include "core/cd/msf.h"
#include "core/cd/subcode.h"
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

/// Audio data forms (00h audio, 01h audio pause), optionally with the sub-channel bits 40h (R–W / CD-TEXT in the
/// lead-in) or C0h (P–W) cdrdao sets (MMC-NOTES D.3).
bool audioForm(std::uint8_t form) { return (form & 0x3F) <= 1; }

/// Text of ADR-2 (MCN: 7 + 6 digits) and ADR-3 (ISRC: 6 + 6 characters after the TNO) entry pairs.
bool catalogEntries(std::span<const std::uint8_t> sheet, std::size_t i, SaoState& sao) {
  const std::uint8_t* e = &sheet[i];
  const std::uint8_t adr = e[0] & 0x0F;
  if (i + 16 > sheet.size() || (sheet[i + 8] & 0x0F) != adr) return false;  // entries come in pairs
  const std::uint8_t* f = &sheet[i + 8];
  if (adr == 2) {
    std::string mcn(reinterpret_cast<const char*>(e + 1), 7);
    mcn.append(reinterpret_cast<const char*>(f + 1), 6);
    if (!cd::isValidMcn(mcn)) return false;
    sao.mcn = mcn;
    return true;
  }
  std::string isrc(reinterpret_cast<const char*>(e + 2), 6);
  isrc.append(reinterpret_cast<const char*>(f + 2), 6);
  if (!cd::isValidIsrc(isrc) || e[1] != f[1]) return false;
  sao.isrc.emplace_back(e[1], isrc);
  return true;
}

/// Parses and checks the sheet: position entries (ADR 1) in non-decreasing order, audio forms only, a lead-in
/// and a lead-out; MCN/ISRC entry pairs (ADR 2/3) are kept for the disc.
bool parseCue(std::span<const std::uint8_t> sheet, SaoState& sao) {
  if (sheet.empty() || sheet.size() % 8 != 0) return false;
  std::int32_t last = -450150;
  for (std::size_t i = 0; i < sheet.size(); i += 8) {
    const std::uint8_t* e = &sheet[i];
    const std::uint8_t adr = e[0] & 0x0F;
    if (adr == 2 || adr == 3) {
      if (!catalogEntries(sheet, i, sao)) return false;
      i += 8;
      continue;
    }
    if (adr != 1 || !audioForm(e[3])) return false;
    if (e[6] > 59 || e[7] > 74) return false;
    CueEntry entry{e[0], e[1], e[2], e[3], cd::msfToLba({e[5], e[6], e[7]})};
    if (entry.lba < last) return false;
    last = entry.lba;
    sao.cue.push_back(entry);
  }
  const auto& cue = sao.cue;
  sao.cdTextInLeadIn = !cue.empty() && (cue.front().dataForm & 0x40) != 0;
  return cue.size() >= 3 && cue.back().tno == 0xAA && cue.front().tno == 0;
}

}  // namespace

TargetResponse sendCueSheet(DriveContext& ctx, const Request& r) {
  if (ctx.pages.writeType() != kWriteSao) return commandSequenceError();
  const std::uint32_t length = scsi::getBe24(r.cdb, 6);
  if (length > r.dataOut.size()) return invalidFieldInCdb();
  SaoState sao;
  if (!parseCue(r.dataOut.first(length), sao)) return invalidFieldInParameterList();
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
  SaoState& sao = ctx.sao;
  // Block types 1–3 add the host's sub-channel to each 2352-byte sector (CD-TEXT in the lead-in R–W, or R–W
  // for the program area); the drive makes P and Q from the cue sheet.
  const std::uint8_t blockType = ctx.pages.dataBlockType() <= 3 ? ctx.pages.dataBlockType() : 0;
  const std::uint32_t bytes = ModePages::blockBytes(blockType);
  if (r.dataOut.size() != std::size_t{count} * bytes) return invalidFieldInCdb();
  // With CD-TEXT the write may begin at the ATIP lead-in start (MMC-NOTES D.3), else at the cue's first address.
  const bool leadInStart = !sao.started && sao.cdTextInLeadIn && lba == ctx.active().atip().leadInStart;
  if (lba != sao.nextLba && !leadInStart) return invalidAddressForWrite();
  if (std::int64_t{lba} + count > sao.leadOut) return lbaOutOfRange();
  if (lba < sao.writeStart && bytes != 2448) return illegalModeForTrack();  // lead-in: R–W must be sent
  sao.started = true;
  ctx.buffer.accept(count * static_cast<std::uint32_t>(kSectorBytes), kSectorBytes);
  recordDaoSectors(ctx, sao.stream, lba, count, r.dataOut, blockType, false, sao.leadOut);
  sao.nextLba = lba + static_cast<std::int32_t>(count);
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
    for (const CueEntry& p : sao.cue) {
      if (p.tno == e.tno && p.index == 0) t.pregap = e.lba - p.lba;
      if (p.tno == e.tno && p.index >= 2 && p.lba < end) t.indexStarts.push_back(p.lba);
    }
    for (const auto& [tno, isrc] : sao.isrc)
      if (tno == e.tno) t.isrc = isrc;
    std::int32_t next = end;
    for (std::size_t j = i + 1; j < sao.cue.size(); ++j)
      if (sao.cue[j].tno != e.tno) { next = std::min(end, sao.cue[j].lba); break; }
    t.length = next - t.start;
    tracks.push_back(t);
  }
  if (!tracks.empty()) tracks.front().pregap = tracks.front().start + cd::kPregapSectors;
  // Pause before a later track = its INDEX 00 span (already counted in the previous track's length): trim it.
  for (std::size_t i = 0; i + 1 < tracks.size(); ++i)
    tracks[i].length = std::min(tracks[i].length, tracks[i + 1].start - tracks[i + 1].pregap - tracks[i].start);
  if (tracks.empty()) return;
  Medium::DiscAtOnceResult result;
  result.tracks = std::move(tracks);
  result.complete = true;
  result.multiSession = ctx.pages.multiSession();
  result.mcn = sao.mcn;
  result.cdText = sao.stream.decoder.cdTextPacks();
  result.subchannel = sao.stream.subchannel;
  ctx.medium.endDiscAtOnce(std::move(result), ctx.pause());
  ctx.persist();
}

}  // namespace kiln::vdrive::mmc
