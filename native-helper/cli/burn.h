#pragma once
// `kiln burn --drive D [--speed N] [--no-finalize] [--dummy] [--eject] [--json] FILE...` (Track-At-Once),
// `kiln burn --dao [DAO options] FILE...` and `kiln burn --cue SHEET.cue [DAO options]` (disc-at-once, dao_burn.h).
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "native-helper/cli/common.h"

namespace kiln::cli {

struct BurnOptions {
  DriveOptions drive;
  double speed = 0;          ///< requested write speed, x (0 = fastest)
  bool noFinalize = false;   ///< leave the session open (IMAPI DoNotFinalizeMedia) so more can be appended
  bool dummy = false;        ///< test write: the drive simulates, the disc stays as it was
  bool eject = false;
  bool json = false;
  std::vector<std::string> files;  ///< in disc order, as given
  // ---- disc-at-once ----
  bool dao = false;                 ///< --dao: gapless disc-at-once (RAW) of FILE...
  std::string cue;                  ///< --cue SHEET: burn a cue sheet disc-at-once
  std::string sectorType = "raw";   ///< --sector-type pq|cooked|raw (page 05h data block type 1/2/3)
  bool cdText = false;              ///< --cd-text: write CD-TEXT from the files' tags (cue: from the sheet, always)
  std::string title, performer;     ///< --title / --performer: album CD-TEXT
  std::vector<std::string> trackTitles, trackPerformers;  ///< --track-title / --track-performer N=TEXT
  std::vector<std::string> texts;   ///< --text [N:]FIELD=TEXT (songwriter, composer, arranger, message …)
  std::vector<std::string> isrcs;   ///< --isrc N=CCOOOYYSSSSS
  std::string mcn;                  ///< --mcn 13 digits
  double gapSeconds = -1;           ///< --gap SECONDS (−1 = gapless)
  bool daoMode() const { return dao || !cue.empty(); }
};

CLI::App* addBurnCommand(CLI::App& app, BurnOptions& options);
/// Cross-option rules, checked after parsing (throws CLI::ValidationError / CLI::RequiredError → exit 2): FILEs or
/// --cue (not both); DAO-only options need --dao/--cue; --no-finalize is TAO-only.
void validateBurnOptions(const BurnOptions& options);

/// Plans (opens every file, checks the album fits), then writes one TAO track per file and closes the session.
/// Returns kExitOk, kExitCancelled (Ctrl-C: the current track is cut short and kept, the session closed) or
/// throws kiln::Error (nothing written if it failed before the first track).
int runBurn(const BurnOptions& options);

/// Disc-at-once burn (dao_burn.cpp): plan (all inputs measured, metadata validated), RawImageCreator image,
/// fit check against the medium (E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE, nothing written), RawCdWriter::writeMedia with
/// Ctrl-C → cancelWrite. Returns kExitOk, kExitCancelled (the disc is indeterminate if anything was written:
/// said plainly, with `kiln blank` offered for a CD-RW) or throws kiln::Error.
int runDaoBurn(const BurnOptions& options);

}  // namespace kiln::cli
