#pragma once
// Command line of kiln-usbredir (see interop/README.md).
#include <optional>
#include <string>
#include <vector>

namespace kiln::interop {

struct Options {
  std::string socketPath;              ///< unix socket to listen on (QEMU: -chardev socket,path=…)
  std::string mediaDir;                ///< the virtual drive's directory-backed store (created if missing)
  std::string mediaType = "cdr80";     ///< medium loaded at start: cdr74, cdr80, cdrw80 or none
  std::vector<std::string> faults;     ///< fault injection specs, passed to the virtual drive
  std::string cdbLog;                  ///< JSON lines of every CDB (empty: no log)
  std::string controlDir;              ///< faults requested at run time: DIR/fault (one spec per line) is armed
                                       ///< and renamed to DIR/fault.armed (empty: off)
  std::string exportDir;               ///< where the disc is exported (CUE/BIN + TOC) at exit (empty: no export)
  double writeSpeedX = 0;              ///< real-time emulation: buffer drains at X × 75 sectors/s (0 = unthrottled)
  unsigned subclass = 0x02;            ///< bInterfaceSubclass: 02h (SFF-8020i) or 06h (SCSI transparent)
  bool stub = false;                   ///< serve the empty-tray placeholder target instead of the virtual drive
  bool verbose = false;
};

/// Parses argv. Returns nullopt (after printing usage or the problem to stderr) when the program should exit;
/// `exitCode` is then 0 for --help and 2 for a usage error.
std::optional<Options> parseOptions(int argc, char** argv, int& exitCode);

}  // namespace kiln::interop
