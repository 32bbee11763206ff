#include "vdrive/mmc/subchannel.h"

namespace kiln::vdrive::mmc {

SubchannelQ qFor(const MediumState& state, std::int32_t lba) {
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

}  // namespace kiln::vdrive::mmc
