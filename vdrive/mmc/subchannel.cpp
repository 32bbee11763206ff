#include "vdrive/mmc/subchannel.h"

#include "core/imapi/error.h"
#include "vdrive/medium.h"

namespace kiln::vdrive::mmc {

SubchannelQ positionQ(const MediumState& state, std::int32_t lba) {
  SubchannelQ out;
  const TrackRecord* track = nullptr;
  for (const auto& t : state.tracks)
    if (lba >= t.start - t.pregap) track = &t;
  cd::QPosition pos;
  pos.absolute = cd::lbaToMsf(lba);
  if (track) {
    pos.control = track->control;
    pos.track = track->number;
    if (lba < track->start) {
      pos.index = 0;
      pos.relative = cd::sectorsToMsf(static_cast<std::uint32_t>(track->start - lba));
      out.p = true;
    } else {
      pos.relative = cd::sectorsToMsf(static_cast<std::uint32_t>(lba - track->start));
    }
  }
  out.q = cd::encodeQ(pos);
  return out;
}

SubchannelSource::SubchannelSource(const MediumState& state) : state_(state) {
  cd::DiscLayout disc;
  disc.mcn = state.mcn;
  disc.leadInStart = atipFor(state.kind).leadInStart;
  for (const auto& t : state.tracks) {
    if (t.session != 1) break;
    cd::TrackLayout layout;
    layout.control = t.control;
    layout.start = t.start;
    layout.pregap = t.pregap;
    layout.length = t.length;
    layout.isrc = t.isrc;
    layout.indexStarts = t.indexStarts;
    disc.tracks.push_back(layout);
    session1End_ = t.end();
  }
  if (disc.tracks.empty()) return;
  try {
    session1_.emplace(std::move(disc));
  } catch (const Error&) {
    session1_.reset();  // e.g. a zero-length damaged track: fall back to plain positions
  }
}

SubchannelQ SubchannelSource::at(std::int32_t lba) const {
  if (session1_ && lba >= -150 && lba < session1End_) return {session1_->q(lba), session1_->p(lba)};
  return positionQ(state_, lba);
}

}  // namespace kiln::vdrive::mmc
