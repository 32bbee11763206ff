// Disc and track status: READ CAPACITY (MMC-6 §6.25), READ TOC/PMA/ATIP (§6.26), READ DISC INFORMATION (§6.22),
// READ TRACK INFORMATION (§6.29). Answers describe the Test Write shadow while a simulation runs.
#include "core/cd/msf.h"
#include "core/scsi/bytes.h"
#include "vdrive/mmc/handlers.h"
#include "vdrive/mmc/response.h"

namespace kiln::vdrive::mmc {

namespace {

std::uint32_t alloc16(const Request& r, std::size_t at) { return std::uint32_t(r.at(at)) << 8 | r.at(at + 1); }

/// 4-byte address field: LBA, or 0/M/S/F when `msf`.
void putAddress(std::uint8_t* p, std::int32_t lba, bool msf) {
  if (!msf) {
    scsi::putBe32s(std::span<std::uint8_t>(p, 4), 0, lba);
    return;
  }
  const cd::Msf m = cd::lbaToMsf(lba);
  p[0] = 0;
  p[1] = m.m;
  p[2] = m.s;
  p[3] = m.f;
}

void putMsf3(std::uint8_t* p, std::int32_t lba) {
  const cd::Msf m = cd::lbaToMsf(lba);
  p[0] = m.m;
  p[1] = m.s;
  p[2] = m.f;
}

/// Tracks that the TOC shows: all closed tracks (an open track is not in the PMA/TOC yet).
std::vector<TrackRecord> tocTracks(const Medium& m) {
  std::vector<TrackRecord> out;
  for (const auto& t : m.state().tracks)
    if (!t.open) out.push_back(t);
  return out;
}

/// READ TOC descriptors carry ADR in bits 7–4 and CONTROL in bits 3–0 in every format (MMC-6 §6.26.3) — the
/// reverse of the Q sub-channel byte, where CONTROL is the high nibble (ECMA-130 §22.3.2).
constexpr std::uint8_t adrControl(std::uint8_t adr, std::uint8_t control) {
  return static_cast<std::uint8_t>(adr << 4 | (control & 0x0F));
}

/// Lead-out start as the TOC reports it: the last closed session's lead-out, else the end of recorded tracks.
std::int32_t tocLeadOut(const Medium& m) {
  const auto& s = m.state();
  if (!s.sessions.empty() && s.sessions.back().closed) return s.sessions.back().leadOutStart;
  const auto tracks = tocTracks(m);
  return tracks.empty() ? 0 : tracks.back().end();
}

TargetResponse tocFormat0(const Medium& m, const Request& r, bool msf) {
  const auto tracks = tocTracks(m);
  const std::uint8_t startTrack = r.at(6);
  std::vector<std::uint8_t> data(4, 0);
  data[2] = tracks.front().number;
  data[3] = tracks.back().number;
  auto entry = [&](std::uint8_t control, std::uint8_t number, std::int32_t lba) {
    std::uint8_t e[8] = {0, adrControl(1, control), number, 0, 0, 0, 0, 0};
    putAddress(&e[4], lba, msf);
    data.insert(data.end(), e, e + 8);
  };
  if (startTrack != 0xAA && startTrack > tracks.back().number) return invalidFieldInCdb();
  for (const auto& t : tracks)
    if (startTrack != 0xAA && t.number >= startTrack) entry(t.control, t.number, t.start);
  entry(tracks.back().control, 0xAA, tocLeadOut(m));
  scsi::putBe16(data, 0, static_cast<std::uint32_t>(data.size() - 2));
  return goodData(std::move(data), alloc16(r, 7));
}

TargetResponse tocFormat1(const Medium& m, const Request& r, bool msf) {
  const auto& s = m.state();
  const int complete = m.closedSessionCount();
  const int last = complete > 0 ? complete : static_cast<int>(s.sessions.size());
  const TrackRecord* first = nullptr;
  for (const auto& t : s.tracks)
    if (t.session == last && !t.open) { first = &t; break; }
  if (!first) return invalidFieldInCdb();
  std::vector<std::uint8_t> data = {0, 0x0A, 1, static_cast<std::uint8_t>(last), 0,
                                    adrControl(1, first->control), first->number, 0, 0, 0, 0, 0};
  putAddress(&data[8], first->start, msf);
  return goodData(std::move(data), alloc16(r, 7));
}

/// Full TOC (format 2): per session A0/A1/A2, the track points, and B0/C0 (ADR 5) for a multi-session disc.
TargetResponse tocFormat2(const Medium& m, const Request& r) {
  const auto& s = m.state();
  const auto tracks = tocTracks(m);
  const std::uint8_t firstSession = r.at(6) == 0 ? 1 : r.at(6);
  std::vector<std::uint8_t> data(4, 0);
  std::uint8_t lastSession = 0;
  auto point = [&](std::uint8_t session, std::uint8_t ctlAdr, std::uint8_t pt, const std::uint8_t msf[3],
                   std::uint8_t zero, const std::uint8_t pmsf[3]) {
    const std::uint8_t e[11] = {session, ctlAdr, 0, pt, msf[0], msf[1], msf[2], zero, pmsf[0], pmsf[1], pmsf[2]};
    data.insert(data.end(), e, e + 11);
  };
  const std::uint8_t zero3[3] = {0, 0, 0};
  const Atip atip = m.atip();
  for (const auto& session : s.sessions) {
    std::vector<TrackRecord> in;
    for (const auto& t : tracks)
      if (t.session == session.number) in.push_back(t);
    if (in.empty() || session.number < firstSession) continue;
    lastSession = session.number;
    const std::uint8_t sn = session.number;
    const std::uint8_t a0[3] = {in.front().number, 0x00, 0};
    const std::uint8_t a1[3] = {in.back().number, 0, 0};
    std::uint8_t a2[3];
    putMsf3(a2, session.closed ? session.leadOutStart : in.back().end());
    point(sn, adrControl(1, in.front().control), 0xA0, zero3, 0, a0);
    point(sn, adrControl(1, in.back().control), 0xA1, zero3, 0, a1);
    point(sn, adrControl(1, in.back().control), 0xA2, zero3, 0, a2);
    for (const auto& t : in) {
      std::uint8_t p[3];
      putMsf3(p, t.start);
      point(sn, adrControl(1, t.control), t.number, zero3, 0, p);
    }
    if (session.closed && session.nextSessionAllowed) {
      const std::int32_t gap = session.number == 1 ? kNextSessionGapFirst : kNextSessionGapLater;
      std::uint8_t next[3], maxLeadOut[3];
      putMsf3(next, session.leadOutStart + gap - cd::kPregapSectors);
      putMsf3(maxLeadOut, atip.lastLeadOutStart);
      point(sn, adrControl(5, 0), 0xB0, next, session.number == 1 ? 2 : 1, maxLeadOut);
      if (session.number == 1) {
        const std::uint8_t power[3] = {0xC0, 0, 0};
        std::uint8_t leadIn[3];
        putMsf3(leadIn, atip.leadInStart);
        point(sn, adrControl(5, 0), 0xC0, power, 0, leadIn);
      }
    }
  }
  if (lastSession == 0) return invalidFieldInCdb();
  data[2] = firstSession;
  data[3] = lastSession;
  scsi::putBe16(data, 0, static_cast<std::uint32_t>(data.size() - 2));
  return goodData(std::move(data), alloc16(r, 7));
}

/// ATIP (format 4): 4-byte header + 24 bytes (MMC-NOTES D.4).
TargetResponse atipReply(const Medium& m, const Request& r) {
  const Atip atip = m.atip();
  std::vector<std::uint8_t> data(28, 0);
  scsi::putBe16(data, 0, 26);
  data[4] = 0xC0;  // bit 7 set, indicative target writing power 4, reference speed 0
  data[6] = static_cast<std::uint8_t>(0x80 | (atip.erasable ? 0x40 : 0x00));  // disc type CD-R / CD-RW
  putMsf3(&data[8], atip.leadInStart);
  putMsf3(&data[12], atip.lastLeadOutStart);
  return goodData(std::move(data), alloc16(r, 7));
}

/// CD-TEXT (format 5, MMC-6 §6.26.3.7): 4-byte header + the 18-byte packs read from the lead-in of a
/// disc-at-once write. A disc without CD-TEXT: 5/24/00, as drives answer.
TargetResponse cdTextReply(const Medium& m, const Request& r) {
  const auto& packs = m.state().cdText;
  if (packs.empty()) return invalidFieldInCdb();
  std::vector<std::uint8_t> data(4, 0);
  for (const auto& p : packs) data.insert(data.end(), p.begin(), p.end());
  scsi::putBe16(data, 0, static_cast<std::uint32_t>(data.size() - 2));
  return goodData(std::move(data), alloc16(r, 7));
}

}  // namespace

TargetResponse readCapacity(DriveContext& ctx, const Request&) {
  const std::int32_t end = ctx.active().recordedEnd();
  std::vector<std::uint8_t> data(8, 0);
  scsi::putBe32(data, 0, static_cast<std::uint32_t>(end > 0 ? end - 1 : 0));
  scsi::putBe32(data, 4, 2048);
  return goodData(std::move(data), 8);
}

TargetResponse readTocPmaAtip(DriveContext& ctx, const Request& r) {
  const Medium& m = ctx.active();
  const bool msf = (r.at(1) & 0x02) != 0;
  std::uint8_t format = r.at(2) & 0x0F;
  // SFF-8020i put the format in bits 7–6 of the control byte; Linux still asks for session info with 09h = 40h.
  if (format == 0 && (r.at(9) >> 6) != 0) format = r.at(9) >> 6;
  if (format == 4) return atipReply(m, r);
  if (format == 5) return cdTextReply(m, r);
  if (format > 2) return invalidFieldInCdb();  // PMA: not kept
  if (tocTracks(m).empty()) return invalidFieldInCdb();  // blank disc: real drives answer 5/24/00
  if (format == 0) return tocFormat0(m, r, msf);
  if (format == 1) return tocFormat1(m, r, msf);
  return tocFormat2(m, r);
}

TargetResponse readDiscInformation(DriveContext& ctx, const Request& r) {
  if (r.at(1) & 0x07) return invalidFieldInCdb();  // only standard disc information
  const Medium& m = ctx.active();
  const Atip atip = m.atip();
  const auto& s = m.state();
  std::vector<std::uint8_t> data(34, 0);
  scsi::putBe16(data, 0, 32);
  data[2] = static_cast<std::uint8_t>((atip.erasable ? 0x10 : 0) | static_cast<int>(m.lastSessionState()) << 2 |
                                      static_cast<int>(m.discStatus()));
  data[3] = 1;
  const int sessions = m.sessionCountForDiscInfo();
  int firstInLast = m.nextTrackNumber(), lastInLast = m.nextTrackNumber();
  if (m.sessionOpen() || s.finalized) {
    const int last = s.sessions.back().number;
    for (auto it = s.tracks.rbegin(); it != s.tracks.rend() && it->session == last; ++it) firstInLast = it->number;
    lastInLast = s.finalized || m.openTrack() ? s.tracks.back().number : m.nextTrackNumber();
  }
  data[4] = static_cast<std::uint8_t>(sessions);
  data[5] = static_cast<std::uint8_t>(firstInLast);
  data[6] = static_cast<std::uint8_t>(lastInLast);
  data[7] = 0x20;  // URU: unrestricted use
  data[8] = 0x00;  // CD-DA or CD-ROM
  if (s.finalized) {
    scsi::putBe32(data, 16, 0xFFFFFFFF);
    scsi::putBe32(data, 20, 0xFFFFFFFF);
  } else {
    putMsf3(&data[17], m.nextSessionLeadIn(ctx.pause()));
    putMsf3(&data[21], atip.lastLeadOutStart);
  }
  return goodData(std::move(data), alloc16(r, 7));
}

namespace {

std::vector<std::uint8_t> trackInfo(const Medium& m, const TrackRecord* t, std::int32_t pause, std::uint8_t mode,
                                    bool rawWriteType) {
  std::vector<std::uint8_t> d(36, 0);
  scsi::putBe16(d, 0, 34);
  const Atip atip = m.atip();
  auto nwa = m.nextWritableAddress(pause);
  // In RAW write mode on a blank disc the host writes from the lead-in: real drives report the ATIP lead-in start as
  // the invisible track's start and NWA (cdrecord warns "Drive returns wrong startsec" otherwise; interop lab).
  if (rawWriteType && m.state().tracks.empty() && nwa) nwa = atip.leadInStart;
  const bool data = (mode & 0x04) != 0;
  if (t == nullptr) {  // the invisible track
    const std::int32_t free = m.freeBlocks(pause);
    d[2] = static_cast<std::uint8_t>(m.nextTrackNumber());
    d[3] = static_cast<std::uint8_t>(m.nextSessionNumber());
    d[5] = mode & 0x0F;
    d[6] = static_cast<std::uint8_t>(0x40 | (data ? 0x01 : 0x0F));  // Blank
    d[7] = free > 0 ? 0x01 : 0x00;                                    // NWA_V
    scsi::putBe32(d, 8, static_cast<std::uint32_t>(nwa.value_or(0)));
    scsi::putBe32(d, 12, static_cast<std::uint32_t>(nwa.value_or(0)));
    scsi::putBe32(d, 16, static_cast<std::uint32_t>(free));
    scsi::putBe32(d, 24, static_cast<std::uint32_t>(free));
    return d;
  }
  d[2] = t->number;
  d[3] = t->session;
  d[5] = static_cast<std::uint8_t>((t->damaged ? 0x20 : 0) | (t->control & 0x0F));
  d[6] = (t->control & 0x04) ? 0x01 : 0x0F;
  scsi::putBe32(d, 8, static_cast<std::uint32_t>(t->start));
  if (t->open) {  // incomplete track: still writable at its end
    const std::int32_t free = atip.lastLeadOutStart - t->end();
    d[7] = static_cast<std::uint8_t>((t->length > 0 ? 0x02 : 0) | (free > 0 ? 0x01 : 0));
    scsi::putBe32(d, 12, static_cast<std::uint32_t>(t->end()));
    scsi::putBe32(d, 16, static_cast<std::uint32_t>(free > 0 ? free : 0));
    scsi::putBe32(d, 24, static_cast<std::uint32_t>(t->length + (free > 0 ? free : 0)));
  } else {
    d[7] = t->length > 0 ? 0x02 : 0x00;  // LRA_V
    scsi::putBe32(d, 24, static_cast<std::uint32_t>(t->length));
  }
  scsi::putBe32(d, 28, static_cast<std::uint32_t>(t->length > 0 ? t->end() - 1 : t->start));
  return d;
}

}  // namespace

TargetResponse readTrackInformation(DriveContext& ctx, const Request& r) {
  const Medium& m = ctx.active();
  const auto& tracks = m.state().tracks;
  const std::uint32_t number = scsi::getBe32(r.cdb, 2);
  const std::uint8_t mode = ctx.pages.trackMode();
  const std::uint32_t allocation = alloc16(r, 7);
  const bool invisibleExists = !m.state().finalized && !m.openTrack();
  const bool raw = ctx.pages.writeType() == 3;
  auto reply = [&](const TrackRecord* t) { return goodData(trackInfo(m, t, ctx.pause(), mode, raw), allocation); };
  switch (r.at(1) & 0x03) {
    case 0: {  // by LBA: the track whose pregap or program area holds it
      const auto lba = static_cast<std::int32_t>(number);
      for (const auto& t : tracks)
        if (lba >= t.start - t.pregap && (lba < t.end() || t.open)) return reply(&t);
      const auto nwa = m.nextWritableAddress(ctx.pause());
      if (invisibleExists && nwa && lba >= m.recordedEnd() && lba < m.atip().lastLeadOutStart) return reply(nullptr);
      return invalidFieldInCdb();
    }
    case 1: {  // by track number; FFh = the invisible or incomplete track
      if (number >= 1 && number <= tracks.size()) return reply(&tracks[number - 1]);
      if (number == 0xFF && m.openTrack()) return reply(m.openTrack());
      if ((number == 0xFF || number == tracks.size() + 1) && invisibleExists) return reply(nullptr);
      return invalidFieldInCdb();
    }
    case 2: {  // by session: its first track
      for (const auto& t : tracks)
        if (t.session == number) return reply(&t);
      if (invisibleExists && number == static_cast<std::uint32_t>(m.nextSessionNumber())) return reply(nullptr);
      return invalidFieldInCdb();
    }
    default: return invalidFieldInCdb();
  }
}

}  // namespace kiln::vdrive::mmc
