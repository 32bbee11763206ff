#pragma once
// The up-front half of `kiln burn`: every input is opened and measured, and the album's size on disc computed,
// before the drive is touched, so a bad file or a too-long album fails with nothing written.
#include <cstdint>
#include <string>
#include <vector>

#include "native-helper/ui/burn_events.h"

namespace kiln::cli {

/// Opens each file (read-only) as an AudioFileStream to learn its exact 44.1 kHz length, then closes it.
/// Order is kept as given. Throws the first file's kiln::Error (HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND,
/// E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED, …); more than 99 files → E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED;
/// none → E_INVALIDARG.
std::vector<ui::PlannedTrack> planTracks(const std::vector<std::string>& paths);

/// Sectors a track of `bytes` occupies: whole 2352-byte sectors, at least 300 (4 s, Red Book minimum; the
/// TrackAtOnceWriter pads the same way).
std::int32_t trackSectors(std::uint64_t bytes);

/// Sectors the album needs from the next writable address: Σ trackSectors + `pauseSectors` (the drive-written
/// 2-s pause, page 05h Audio Pause Length) before every track but the first (MMC-6 §4.5.4; vdrive/medium.h).
std::int64_t albumSectors(const std::vector<ui::PlannedTrack>& tracks, std::int32_t pauseSectors = 150);

}  // namespace kiln::cli
