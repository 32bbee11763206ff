#pragma once
// Where a cue sheet's audio goes on the disc. The FILEs are concatenated (each padded with silence to whole
// 2352-byte sectors) into one program stream; track i is cut from its INDEX 01 to the next track's INDEX 01, so the
// next track's INDEX 00 audio (a ripper's pregap, often inside the previous FILE: whipper, cyanrip) ends track i's
// stream and is marked as the next track's audio pregap (RawTrackInfo::setAudioPregapSectors). PREGAP/POSTGAP
// become silence in the stream; INDEX 02+ become index marks. Audio before track 1's INDEX 01 (hidden track-one
// audio) becomes the special pregap, after the disc's 150-sector pause. Nothing is inserted or dropped between
// tracks: the program area is bit-exact the FILEs' audio. ECMA-130 §22.3.3 (pregap, index 0); cue(5).
#include <cstdint>
#include <string>
#include <vector>

#include "native-helper/cue/cue_sheet.h"

namespace kiln::cue {

/// A run of bytes of one FILE (file ≥ 0) or of silence (file = −1).
struct Segment {
  int file = -1;
  std::uint64_t offset = 0;  ///< bytes into the FILE's 44.1 kHz 16-bit stereo audio
  std::uint64_t bytes = 0;
  friend bool operator==(const Segment&, const Segment&) = default;
};

struct TrackLayout {
  int number = 0;
  std::vector<Segment> segments;        ///< the track's stream: INDEX 01 … up to the next track's INDEX 01
  std::uint64_t bytes = 0;              ///< Σ segment bytes (whole sectors)
  std::int32_t audioPregapSectors = 0;  ///< this track's index 0 = the last n sectors of the previous stream
  std::vector<std::int32_t> indexOffsets;  ///< INDEX 02, 03 … as sectors after INDEX 01
};

struct DiscLayoutPlan {
  std::vector<Segment> specialPregap;   ///< hidden track-one audio incl. the leading 150-sector pause; empty = none
  std::vector<TrackLayout> tracks;
  std::vector<std::string> warnings;
};

/// Sectors a FILE of `bytes` occupies: whole 2352-byte sectors, rounded up.
std::int64_t fileSectors(std::uint64_t bytes);

/// Lays out `sheet` given each FILE's exact audio length in bytes (44.1 kHz 16-bit stereo; fileBytes[i] for
/// sheet.files[i]). Throws kiln::Error(E_INVALIDARG, "NAME:LINE: …") for an INDEX past the end of its FILE, indexes
/// going backwards across tracks, or an INDEX 00 after INDEX 01 of the previous track.
DiscLayoutPlan layoutCue(const CueSheet& sheet, const std::vector<std::uint64_t>& fileBytes);

}  // namespace kiln::cue
