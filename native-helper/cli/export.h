#pragma once
// `kiln export --drive D --cue OUT.cue | --toc OUT.toc`: the disc as an image for independent readers
// (cd-info/bchunk read CUE+BIN; cdrdao reads the TOC). The audio file is written beside the sheet.
#include <string>

#include <CLI/CLI.hpp>

#include "native-helper/cli/common.h"

namespace kiln::cli {

struct ExportOptions {
  DriveOptions drive;
  std::string cue;  ///< output CUE path (BIN beside it)
  std::string toc;  ///< output cdrdao TOC path (data file beside it)
  bool json = false;
};

CLI::App* addExportCommand(CLI::App& app, ExportOptions& options);
/// Exactly one of --cue/--toc (enforced by the parser). Throws the drive's kiln::Error.
int runExport(const ExportOptions& options);

}  // namespace kiln::cli
