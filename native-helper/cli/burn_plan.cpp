#include "native-helper/cli/burn_plan.h"

#include <algorithm>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
#include "native-helper/audio/audio_file_stream.h"

namespace kiln::cli {

std::int32_t trackSectors(std::uint64_t bytes) {
  const std::uint64_t sectors = (bytes + cd::kAudioSectorBytes - 1) / cd::kAudioSectorBytes;
  return static_cast<std::int32_t>(std::max<std::uint64_t>(sectors, cd::kMinTrackSectors));
}

std::int64_t albumSectors(const std::vector<ui::PlannedTrack>& tracks, std::int32_t pauseSectors) {
  std::int64_t total = 0;
  for (const ui::PlannedTrack& t : tracks) total += t.sectors;
  if (!tracks.empty()) total += static_cast<std::int64_t>(pauseSectors) * static_cast<std::int64_t>(tracks.size() - 1);
  return total;
}

std::vector<ui::PlannedTrack> planTracks(const std::vector<std::string>& paths) {
  if (paths.empty()) throw Error(HResult::E_INVALIDARG, "no input files");
  if (paths.size() > static_cast<std::size_t>(cd::kMaxTracks))
    throw Error(HResult::E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED,
                std::to_string(paths.size()) + " files given; an audio CD holds at most 99 tracks");
  std::vector<ui::PlannedTrack> plan;
  plan.reserve(paths.size());
  for (const std::string& path : paths) {
    const audio::AudioFileStream stream(path);
    const audio::AudioFileInfo& info = stream.info();
    plan.push_back({path, info.formatName, info.sampleRate, info.channels, stream.sizeBytes(),
                    trackSectors(stream.sizeBytes())});
  }
  return plan;
}

}  // namespace kiln::cli
