#pragma once
// Pieces every `kiln` subcommand shares: exit codes, drive options, error output.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/imapi/error.h"

namespace kiln::cli {

/// Process exit codes (documented in `kiln --help`).
enum ExitCode : int {
  kExitOk = 0,
  kExitError = 1,      ///< a kiln::Error (HRESULT printed)
  kExitUsage = 2,      ///< bad command line
  kExitCancelled = 130 ///< SIGINT/SIGTERM (128 + 2, as shells report Ctrl-C)
};

/// `--drive` and the virtual drive's knobs, shared by info/burn/export.
struct DriveOptions {
  std::string drive = "virtual";  ///< "virtual", "virtual:DIR", "sg:/dev/sgN", "usb:VID:PID", "usb:BUS-PORT"
  std::string media = "cdr80";    ///< blank media for a new virtual disc
  double virtualSpeed = 0;        ///< emulated real-time write speed of the virtual drive, x (0 = unthrottled)
  std::vector<std::string> faults;///< virtual drive faults, e.g. "not-ready-ms=2000"
  bool detachKernelDriver = false;///< usb: drives: take the interface from usb-storage (given back at exit)
};

/// Adds --drive, --media and the hidden test options (--virtual-speed, --virtual-fault) to `cmd`.
void addDriveOptions(CLI::App& cmd, DriveOptions& options);

/// Prints `error` as "kiln: NAME (0xVALUE): detail" on stderr, or as one JSON line {"event":"error",…} on stdout.
void printError(const Error& error, bool json);

}  // namespace kiln::cli
