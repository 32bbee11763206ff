#include "core/cd/subcode_layout.h"

#include <algorithm>
#include <utility>

#include "core/imapi/error.h"

namespace kiln::cd {
namespace {

[[noreturn]] void bad(const std::string& what) { throw Error(HResult::E_INVALIDARG, "disc layout: " + what); }

std::int32_t pregapStart(const TrackLayout& t) { return t.start - t.pregap; }

}  // namespace

SubcodeLayout::SubcodeLayout(DiscLayout disc) : disc_(std::move(disc)) {
  validate();
  const auto& tracks = disc_.tracks;
  leadOut_ = tracks.back().start + tracks.back().length;
  const std::uint8_t last = static_cast<std::uint8_t>(disc_.firstTrack + tracks.size() - 1);
  toc_.push_back(tocA0(tracks.front().control, disc_.firstTrack, disc_.discType));
  toc_.push_back(tocA1(tracks.back().control, last));
  toc_.push_back(tocA2(tracks.back().control, leadOut_));
  for (std::size_t i = 0; i < tracks.size(); ++i)
    toc_.push_back(tocTrack(tracks[i].control, static_cast<std::uint8_t>(disc_.firstTrack + i), tracks[i].start));
}

void SubcodeLayout::validate() const {
  const auto& tracks = disc_.tracks;
  if (tracks.empty()) bad("no tracks");
  if (disc_.firstTrack == 0 || disc_.firstTrack + tracks.size() - 1 > 99) bad("track numbers must lie in 1..99");
  if (!disc_.mcn.empty() && !isValidMcn(disc_.mcn))
    throw Error(HResult::E_IMAPI_DF2TAO_INVALID_MCN, "MCN must be 13 digits: '" + disc_.mcn + "'");
  if (disc_.leadInStart >= -kPregapSectors) bad("lead-in must start before LBA -150");
  if (disc_.leadOutLength <= 0) bad("lead-out length must be positive");
  if (pregapStart(tracks.front()) != -kPregapSectors) bad("track 1 pregap must start at LBA -150");
  for (std::size_t i = 0; i < tracks.size(); ++i) {
    const TrackLayout& t = tracks[i];
    if (t.pregap < 0 || t.length <= 0 || t.control > 15) bad("track " + std::to_string(i + 1) + ": bad pregap/length/control");
    if (i > 0 && pregapStart(t) != tracks[i - 1].start + tracks[i - 1].length)
      bad("track " + std::to_string(i + 1) + " does not follow the previous track");
    if (t.indexStarts.size() > 98) bad("more than 99 indexes");
    std::int32_t prev = t.start;
    for (std::int32_t x : t.indexStarts) {
      if (x <= prev || x >= t.start + t.length) bad("index starts must increase inside the track");
      prev = x;
    }
    if (!t.isrc.empty() && !isValidIsrc(t.isrc))
      throw Error(HResult::E_IMAPI_DF2TAO_INVALID_ISRC, "ISRC is not CCOOOYYNNNNN: '" + t.isrc + "'");
  }
}

std::size_t SubcodeLayout::trackAt(std::int32_t lba) const {
  const auto& tracks = disc_.tracks;
  const auto it = std::upper_bound(tracks.begin(), tracks.end(), lba,
                                   [](std::int32_t v, const TrackLayout& t) { return v < pregapStart(t); });
  return static_cast<std::size_t>(it - tracks.begin()) - 1;
}

QFrame SubcodeLayout::programQ(std::int32_t lba) const {
  const std::size_t ti = trackAt(lba);
  const TrackLayout& t = disc_.tracks[ti];
  QPosition pos;
  pos.control = t.control;
  pos.track = static_cast<std::uint8_t>(disc_.firstTrack + ti);
  pos.absolute = lbaToMsf(lba);
  bool indexStart = lba == pregapStart(t);
  if (lba < t.start) {
    pos.index = 0;
    pos.relative = sectorsToMsf(static_cast<std::uint32_t>(t.start - lba));
  } else {
    const auto it = std::upper_bound(t.indexStarts.begin(), t.indexStarts.end(), lba);
    pos.index = static_cast<std::uint8_t>(1 + (it - t.indexStarts.begin()));
    pos.relative = sectorsToMsf(static_cast<std::uint32_t>(lba - t.start));
    indexStart = lba == t.start || std::binary_search(t.indexStarts.begin(), t.indexStarts.end(), lba);
  }
  const std::int32_t slot = (lba + kPregapSectors) % 100;
  if (!indexStart && slot == 0 && !disc_.mcn.empty()) return QMcn{t.control, disc_.mcn, pos.absolute.f};
  if (!indexStart && slot == 10 && pos.index >= 1 && !t.isrc.empty()) return QIsrc{t.control, t.isrc, pos.absolute.f};
  return pos;
}

QFrame SubcodeLayout::qFrame(std::int32_t lba) const {
  if (lba < disc_.leadInStart || lba >= end()) bad("LBA " + std::to_string(lba) + " is outside lead-in..lead-out");
  if (lba < -kPregapSectors) {
    const std::int32_t running = lba - disc_.leadInStart;
    QToc e = toc_[static_cast<std::size_t>(running / 3) % toc_.size()];
    const Msf m = sectorsToMsf(static_cast<std::uint32_t>(running));
    e.min = toBcd(m.m);
    e.sec = toBcd(m.s);
    e.frame = toBcd(m.f);
    return e;
  }
  if (lba >= leadOut_) {
    return QPosition{disc_.tracks.back().control, kLeadOutTrack, 1,
                     sectorsToMsf(static_cast<std::uint32_t>(lba - leadOut_)), lbaToMsf(lba)};
  }
  return programQ(lba);
}

QBytes SubcodeLayout::q(std::int32_t lba) const { return encodeQ(qFrame(lba)); }

bool SubcodeLayout::p(std::int32_t lba) const {
  if (lba < disc_.leadInStart || lba >= end()) bad("LBA " + std::to_string(lba) + " is outside lead-in..lead-out");
  if (lba < -kPregapSectors) return false;
  if (lba >= leadOut_) return leadOutP(lba - leadOut_);
  const std::size_t ti = trackAt(lba);
  if (lba < disc_.tracks[ti].start) return true;
  const std::size_t next = ti + 1;
  return next < disc_.tracks.size() && lba >= disc_.tracks[next].start - kPregapSectors;
}

void SubcodeLayout::pw96(std::int32_t lba, const std::uint8_t* rw, std::uint8_t* out96) const {
  packPw96(q(lba), p(lba), rw, out96);
}

}  // namespace kiln::cd
