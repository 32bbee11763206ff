#include "interop/usbredir/options.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kiln::interop {
namespace {

constexpr const char* kUsage =
    "usage: kiln-usbredir --socket PATH [--media DIR] [--media-type cdr74|cdr80|cdrw80|none]\n"
    "                     [--fault SPEC]... [--control-dir DIR] [--cdb-log FILE] [--export DIR]\n"
    "                     [--write-speed X] [--subclass 2|6] [--stub] [-v]\n"
    "Serves one virtual CD recorder as a USB mass-storage device (Bulk-Only) on a usbredir unix socket.\n"
    "--fault SPEC: not-ready-ms=MS, not-ready-commands=N, remove-after-writes=N, write-error-lba=LBA,\n"
    "  unit-attention, stall=OPCODE[:N], phase-error=N, drop=N (see interop/README.md); with --control-dir the\n"
    "  guest can arm them later: write specs to DIR/fault, kiln-usbredir renames it to DIR/fault.armed\n"
    "Attach it to QEMU with: -chardev socket,id=cd,path=PATH -device qemu-xhci -device usb-redir,chardev=cd\n";

}  // namespace

std::optional<Options> parseOptions(int argc, char** argv, int& exitCode) {
  Options o;
  exitCode = 2;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "kiln-usbredir: %s needs a value\n", name);
        return nullptr;
      }
      return argv[++i];
    };
    const char* v = nullptr;
    if (!std::strcmp(a, "-h") || !std::strcmp(a, "--help")) {
      std::fputs(kUsage, stdout);
      exitCode = 0;
      return std::nullopt;
    } else if (!std::strcmp(a, "-v") || !std::strcmp(a, "--verbose")) {
      o.verbose = true;
    } else if (!std::strcmp(a, "--stub")) {
      o.stub = true;
    } else if (!std::strcmp(a, "--socket")) {
      if (!(v = value(a))) return std::nullopt;
      o.socketPath = v;
    } else if (!std::strcmp(a, "--media")) {
      if (!(v = value(a))) return std::nullopt;
      o.mediaDir = v;
    } else if (!std::strcmp(a, "--media-type")) {
      if (!(v = value(a))) return std::nullopt;
      o.mediaType = v;
    } else if (!std::strcmp(a, "--fault")) {
      if (!(v = value(a))) return std::nullopt;
      o.faults.emplace_back(v);
    } else if (!std::strcmp(a, "--cdb-log")) {
      if (!(v = value(a))) return std::nullopt;
      o.cdbLog = v;
    } else if (!std::strcmp(a, "--control-dir")) {
      if (!(v = value(a))) return std::nullopt;
      o.controlDir = v;
    } else if (!std::strcmp(a, "--export")) {
      if (!(v = value(a))) return std::nullopt;
      o.exportDir = v;
    } else if (!std::strcmp(a, "--write-speed")) {
      if (!(v = value(a))) return std::nullopt;
      o.writeSpeedX = std::strtod(v, nullptr);
      if (o.writeSpeedX < 0) {
        std::fprintf(stderr, "kiln-usbredir: --write-speed must be >= 0\n");
        return std::nullopt;
      }
    } else if (!std::strcmp(a, "--subclass")) {
      if (!(v = value(a))) return std::nullopt;
      o.subclass = static_cast<unsigned>(std::strtoul(v, nullptr, 16));
      if (o.subclass != 2 && o.subclass != 6) {
        std::fprintf(stderr, "kiln-usbredir: --subclass must be 2 or 6\n");
        return std::nullopt;
      }
    } else {
      std::fprintf(stderr, "kiln-usbredir: unknown argument %s\n%s", a, kUsage);
      return std::nullopt;
    }
  }
  if (o.socketPath.empty()) {
    std::fprintf(stderr, "kiln-usbredir: --socket is required\n%s", kUsage);
    return std::nullopt;
  }
  if (!o.stub && o.mediaDir.empty()) {
    std::fprintf(stderr, "kiln-usbredir: --media DIR is required (or --stub)\n");
    return std::nullopt;
  }
  return o;
}

}  // namespace kiln::interop
