#pragma once
// `kiln info --drive D [--json]`: drive identity, media, disc status, sessions, TOC, free/used/total sectors.
#include <CLI/CLI.hpp>

#include "native-helper/cli/common.h"

namespace kiln::cli {

struct InfoOptions {
  DriveOptions drive;
  bool json = false;
};

CLI::App* addInfoCommand(CLI::App& app, InfoOptions& options);
/// Prints the disc report (text or one JSON object). Throws the drive's kiln::Error.
int runInfo(const InfoOptions& options);

}  // namespace kiln::cli
