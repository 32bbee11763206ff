#pragma once
// Writing the exports of vdrive/export.h as files (native only).
#include <string>

#include "vdrive/medium_state.h"
#include "vdrive/medium_store.h"

namespace kiln::vdrive {

struct ExportedFiles {
  std::string sheet;  ///< path of the .cue or .toc
  std::string audio;  ///< path of the .bin or .wav
};

/// Writes `<dir>/<name>.cue` and `<dir>/<name>.bin`. Throws kiln::Error(HRESULT_FROM_WIN32_ERROR_WRITE_FAULT) on
/// I/O failure, E_INVALIDARG on a blank disc.
ExportedFiles exportCueBin(MediumStore& store, const MediumState& state, const std::string& dir,
                           const std::string& name);

/// Writes `<dir>/<name>.toc` and `<dir>/<name>.wav` (the BIN with a WAV header; cdrdao reads WAV as little-endian),
/// or — when the disc has recorded R–W (MediumState::subchannel) — `<dir>/<name>.rw`, the RW_RAW DATAFILE of
/// vdrive/export.h streamRwRaw (big-endian audio + 96 R–W bytes per sector). ExportedFiles::audio names it.
ExportedFiles exportCdrdaoToc(MediumStore& store, const MediumState& state, const std::string& dir,
                              const std::string& name);

}  // namespace kiln::vdrive
