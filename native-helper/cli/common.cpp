#include "native-helper/cli/common.h"

#include "native-helper/ui/json_reporter.h"

namespace kiln::cli {

void addDriveOptions(CLI::App& cmd, DriveOptions& o) {
  cmd.add_option("-d,--drive", o.drive, "Drive: virtual:DIR, virtual (the default virtual drive), sg:/dev/sgN, usb:VID:PID or "
                 "usb:BUS-PORT (see kiln devices)")
      ->capture_default_str();
  cmd.add_option("--media", o.media, "Blank media for a new virtual disc: cdr74, cdr80, cdrw80")
      ->check(CLI::IsMember({"cdr74", "cdr80", "cdrw80"}))
      ->capture_default_str();
  cmd.add_flag("--detach-kernel-driver", o.detachKernelDriver,
               "usb: drives: detach the kernel's usb-storage driver from the drive (reattached at exit)");
  // Test knobs: not in the main help (group "").
  cmd.add_option("--virtual-speed", o.virtualSpeed, "Virtual drive emulated write speed, x (0 = unthrottled)")
      ->check(CLI::NonNegativeNumber)
      ->group("");
  cmd.add_option("--virtual-fault", o.faults, "Virtual drive fault, e.g. not-ready-ms=2000 (repeatable)")
      ->allow_extra_args(false)  // one value per --virtual-fault, so FILE arguments after it stay files
      ->group("");
}

void printError(const Error& error, bool json) {
  if (json) {
    nlohmann::json j = ui::errorJson(error);
    j["event"] = "error";
    ui::writeJsonLine(stdout, j);
  } else {
    std::fprintf(stderr, "kiln: %s\n", error.what());
  }
}

}  // namespace kiln::cli
