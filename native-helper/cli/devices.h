#pragma once
// `kiln devices [--json]`: the drives kiln can use. Today: the default virtual drive. Real drives (SG_IO on
// Linux, USB through libusb) come with a later issue.
#include <CLI/CLI.hpp>

namespace kiln::cli {

struct DevicesOptions {
  bool json = false;
};

CLI::App* addDevicesCommand(CLI::App& app, DevicesOptions& options);
int runDevices(const DevicesOptions& options);

}  // namespace kiln::cli
