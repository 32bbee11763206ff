#pragma once
// The up-front half of `kiln burn --dao FILE…` and `kiln burn --cue SHEET`: what goes on the disc, measured and
// validated before the drive is touched (every input opened read-only, lengths exact, ISRC/MCN/CD-TEXT checked),
// and how it becomes a RawImageCreator (IRawCDImageCreator) whose image RawCdWriter burns.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/formats/raw_image_creator.h"
#include "native-helper/audio/lazy_stream.h"
#include "native-helper/cli/cd_text_build.h"
#include "native-helper/ui/burn_events.h"

namespace kiln::cli {

struct DaoTrack {
  ui::PlannedTrack planned;           ///< path/format/bytes/sectors as `start` reports them
  std::uint64_t bytes = 0;            ///< the track's stream (index 1 … next track's index 1), whole sample frames
  audio::LazyStream::Factory open;    ///< opens the stream at write time
  std::string isrc;
  std::int32_t audioPregapSectors = 0;     ///< index 0 audio at the end of the previous track's stream
  std::vector<std::int32_t> indexOffsets;  ///< INDEX 02+ (sectors after index 1)
  bool copyPermitted = false, preemphasis = false, scms = false;
  TextSet texts;
  std::string where;                  ///< "disc.cue:12" or the file path, prefixed to errors about this track
};

struct DaoDisc {
  std::vector<DaoTrack> tracks;
  std::uint64_t specialPregapBytes = 0;        ///< 0 = none
  audio::LazyStream::Factory openSpecialPregap;
  std::string mcn;
  TextSet albumText;
  std::optional<cd::CdText> cdTextFile;        ///< CDTEXTFILE packs (used as they are)
  int firstTrackNumber = 1;
  std::int32_t gapSectors = -1;                ///< −1 gapless; else a silent pause before tracks 2..n
  std::vector<std::string> warnings;
};

/// `--dao FILE…`: one track per file, gapless; texts from tags when `tagsToCdText`. Throws like planTracks.
DaoDisc planDaoFiles(const std::vector<std::string>& paths, bool tagsToCdText);

/// `--cue SHEET`: parses the sheet, resolves FILEs relative to its folder, measures them and lays the disc out
/// (cue_layout.h). CDTEXTFILE is read (cdrecord/cdrdao binary pack file, optional 4-byte header). Throws
/// kiln::Error with "SHEET:LINE: …" messages (E_INVALIDARG; HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND for a FILE).
DaoDisc planDaoCue(const std::string& cuePath);

/// Command-line metadata applied over the plan. `isrcs` = "N=CCOOOYYSSSSS" (12 characters, validated), `mcn` =
/// 13 digits or empty. Throws kiln::Error(E_INVALIDARG) naming the bad option.
void applyOverrides(DaoDisc& disc, const std::vector<std::string>& isrcs, const std::string& mcn,
                    const TextOverrides& texts);

/// The streams a built image reads (must outlive the image).
struct DaoStreams {
  std::vector<std::unique_ptr<audio::LazyStream>> streams;
};

/// Adds everything to `creator` (tracks, special pregap, gaps, ISRC, flags, index marks, MCN) and, when
/// `withCdText`, the CD-TEXT (CDTEXTFILE if given, else album/track texts; nothing when all are empty: a warning).
/// Throws the creator's kiln::Error with the track's `where` prefixed.
void buildImage(const DaoDisc& disc, bool withCdText, formats::RawImageCreator& creator, DaoStreams& streams,
                std::vector<std::string>& warnings);

}  // namespace kiln::cli
