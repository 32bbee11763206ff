#include "vdrive/medium.h"

#include "core/cd/msf.h"

namespace kiln::vdrive {

Atip atipFor(MediaKind kind) {
  switch (kind) {
    case MediaKind::CdR74: return {cd::msfToLba({97, 27, 0}), cd::msfToLba({73, 59, 74}), false};
    case MediaKind::CdR80: return {cd::msfToLba({97, 26, 66}), cd::msfToLba({79, 59, 74}), false};
    case MediaKind::CdRw80: return {cd::msfToLba({97, 20, 0}), cd::msfToLba({79, 59, 74}), true};
  }
  return {cd::msfToLba({97, 26, 66}), cd::msfToLba({79, 59, 74}), false};
}

const char* mediaKindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::CdR74: return "cdr74";
    case MediaKind::CdR80: return "cdr80";
    case MediaKind::CdRw80: return "cdrw80";
  }
  return "cdr80";
}

std::optional<MediaKind> parseMediaKind(std::string_view name) {
  for (MediaKind k : {MediaKind::CdR74, MediaKind::CdR80, MediaKind::CdRw80})
    if (name == mediaKindName(k)) return k;
  return std::nullopt;
}

DiscStatus Medium::discStatus() const {
  if (s_.incomplete) return DiscStatus::Appendable;  // 01b "incomplete disc" (MMC-6 Table 296), no NWA
  if (s_.tracks.empty()) return DiscStatus::Blank;
  return s_.finalized ? DiscStatus::Complete : DiscStatus::Appendable;
}

LastSessionState Medium::lastSessionState() const {
  if (s_.finalized) return LastSessionState::Complete;
  if (sessionOpen()) return LastSessionState::Incomplete;
  return LastSessionState::Empty;  // blank disc, or the empty session after an appendable one
}

int Medium::closedSessionCount() const {
  int n = 0;
  for (const auto& session : s_.sessions) n += session.closed ? 1 : 0;
  return n;
}

int Medium::sessionCountForDiscInfo() const {
  const int recorded = static_cast<int>(s_.sessions.size());
  if (s_.finalized || sessionOpen()) return recorded;
  return recorded + 1;  // MMC counts the empty next session (blank disc: 1)
}

int Medium::nextSessionNumber() const {
  if (sessionOpen()) return s_.sessions.back().number;
  return static_cast<int>(s_.sessions.size()) + 1;
}

const TrackRecord* Medium::openTrack() const {
  return !s_.tracks.empty() && s_.tracks.back().open ? &s_.tracks.back() : nullptr;
}

std::optional<std::int32_t> Medium::nextWritableAddress(std::int32_t pauseSectors) const {
  if (s_.finalized || s_.incomplete) return std::nullopt;
  if (const TrackRecord* t = openTrack()) return t->end();
  if (sessionOpen()) return s_.tracks.back().end() + pauseSectors;
  if (s_.sessions.empty()) return 0;
  const std::int32_t gap = closedSessionCount() == 1 ? kNextSessionGapFirst : kNextSessionGapLater;
  return s_.sessions.back().leadOutStart + gap;
}

std::int32_t Medium::freeBlocks(std::int32_t pauseSectors) const {
  const auto nwa = nextWritableAddress(pauseSectors);
  if (!nwa) return 0;
  const std::int32_t free = atip().lastLeadOutStart - *nwa;
  return free > 0 ? free : 0;
}

std::int32_t Medium::nextSessionLeadIn(std::int32_t pauseSectors) const {
  if (sessionOpen()) return s_.sessions.back().leadInStart;
  if (s_.sessions.empty()) return atip().leadInStart;
  return nextWritableAddress(pauseSectors).value_or(0) - cd::kPregapSectors - kLeadInSectors;
}

std::int32_t Medium::recordedEnd() const { return s_.tracks.empty() ? 0 : s_.tracks.back().end(); }

TrackRecord& Medium::beginTrack(std::int32_t lba, std::int32_t pauseSectors, std::uint8_t control) {
  const bool sameSession = sessionOpen();
  if (!sameSession) {
    SessionRecord session;
    session.number = static_cast<std::uint8_t>(s_.sessions.size() + 1);
    session.leadInStart = nextSessionLeadIn(pauseSectors);
    s_.sessions.push_back(session);
  } else {
    // The laser stopped after the previous track: run-out, link and run-in blocks sit at the start of the pause.
    s_.linkAreas.push_back(LinkArea{s_.tracks.back().end(), 7});
  }
  TrackRecord track;
  track.number = static_cast<std::uint8_t>(s_.tracks.size() + 1);
  track.session = s_.sessions.back().number;
  track.start = lba;
  track.pregap = sameSession ? lba - s_.tracks.back().end() : cd::kPregapSectors;
  track.control = control;
  track.open = true;
  s_.tracks.push_back(track);
  return s_.tracks.back();
}

void Medium::extendOpenTrack(std::int32_t sectors) {
  if (!s_.tracks.empty() && s_.tracks.back().open) s_.tracks.back().length += sectors;
}

void Medium::closeTrack(bool damaged) {
  if (s_.tracks.empty() || !s_.tracks.back().open) return;
  s_.tracks.back().open = false;
  s_.tracks.back().damaged = s_.tracks.back().damaged || damaged;
}

bool Medium::closeSession(std::uint8_t multiSession) {
  closeTrack();
  if (!sessionOpen()) return false;
  SessionRecord& session = s_.sessions.back();
  session.closed = true;
  session.leadOutStart = s_.tracks.back().end();
  session.nextSessionAllowed = multiSession == 3;
  s_.finalized = multiSession != 3;
  return true;
}

void Medium::recordSession(std::vector<TrackRecord> tracks, std::uint8_t multiSession, std::int32_t pauseSectors) {
  if (tracks.empty()) return;
  SessionRecord session;
  session.number = static_cast<std::uint8_t>(s_.sessions.size() + 1);
  session.leadInStart = nextSessionLeadIn(pauseSectors);
  for (auto& t : tracks) {
    t.number = static_cast<std::uint8_t>(s_.tracks.size() + 1);
    t.session = session.number;
    t.open = false;
    s_.tracks.push_back(t);
  }
  s_.sessions.push_back(session);
  closeSession(multiSession);
}

void Medium::beginDiscAtOnce(std::int32_t leadInStart) {
  SessionRecord session;
  session.number = static_cast<std::uint8_t>(s_.sessions.size() + 1);
  session.leadInStart = leadInStart;
  s_.sessions.push_back(session);
  s_.incomplete = true;
}

void Medium::endDiscAtOnce(DiscAtOnceResult result, std::int32_t pauseSectors) {
  if (s_.incomplete && !s_.sessions.empty() && !s_.sessions.back().closed) s_.sessions.pop_back();
  s_.incomplete = false;
  if (!result.mcn.empty()) s_.mcn = result.mcn;
  s_.cdText = std::move(result.cdText);
  s_.subchannel = result.subchannel;
  s_.notes.insert(s_.notes.end(), result.notes.begin(), result.notes.end());
  if (result.complete && !result.tracks.empty()) {
    recordSession(std::move(result.tracks), result.multiSession, pauseSectors);
    return;
  }
  beginDiscAtOnce(nextSessionLeadIn(pauseSectors));
  for (auto& t : result.tracks) {
    t.number = static_cast<std::uint8_t>(s_.tracks.size() + 1);
    t.session = s_.sessions.back().number;
    t.open = false;
    t.damaged = true;
    s_.tracks.push_back(t);
  }
}

void Medium::blank() {
  const MediaKind kind = s_.kind;
  s_ = MediumState{};
  s_.kind = kind;
}

}  // namespace kiln::vdrive
