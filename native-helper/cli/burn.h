#pragma once
// `kiln burn --drive D [--speed N] [--no-finalize] [--dummy] [--eject] [--json] FILE...`
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
};

CLI::App* addBurnCommand(CLI::App& app, BurnOptions& options);

/// Plans (opens every file, checks the album fits), then writes one TAO track per file and closes the session.
/// Returns kExitOk, kExitCancelled (Ctrl-C: the current track is cut short and kept, the session closed) or
/// throws kiln::Error (nothing written if it failed before the first track).
int runBurn(const BurnOptions& options);

}  // namespace kiln::cli
