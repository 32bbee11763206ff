#pragma once
// `kiln devices [--json]`: the drives kiln can use: the default virtual drive and real drives (SG_IO on
// Linux, USB mass storage through libusb), each with its --drive text.
#include <CLI/CLI.hpp>

namespace kiln::cli {

struct DevicesOptions {
  bool json = false;
};

CLI::App* addDevicesCommand(CLI::App& app, DevicesOptions& options);
int runDevices(const DevicesOptions& options);

}  // namespace kiln::cli
