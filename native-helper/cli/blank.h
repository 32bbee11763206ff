#pragma once
// `kiln blank --drive D [--full] [--json]`: erase a CD-RW (BLANK, MMC-6 §6.2; IDiscFormat2Erase's job, done by
// RawCdWriter::eraseMedia). Minimal blanking (PMA, TOC, first track's pregap) by default; --full rewrites the whole
// disc. The way back from an indeterminate disc-at-once write.
#include <CLI/CLI.hpp>

#include "native-helper/cli/common.h"

namespace kiln::cli {

struct BlankOptions {
  DriveOptions drive;
  bool full = false;
  bool json = false;
};

CLI::App* addBlankCommand(CLI::App& app, BlankOptions& options);
/// Throws kiln::Error: E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE (CD-R or no CD-RW), E_IMAPI_ERASE_DRIVE_FAILED_ERASE_COMMAND,
/// E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR, drive errors.
int runBlank(const BlankOptions& options);

}  // namespace kiln::cli
