#include "native-helper/cli/devices.h"

#include <filesystem>

#include "core/imapi/error.h"
#include "native-helper/cli/common.h"
#include "native-helper/cli/disc_report.h"
#include "native-helper/drive/drive_session.h"
#include "native-helper/transport/device_list.h"
#include "native-helper/ui/json_reporter.h"

namespace kiln::cli {

CLI::App* addDevicesCommand(CLI::App& app, DevicesOptions& o) {
  CLI::App* cmd = app.add_subcommand("devices", "List drives: the virtual drive and real CD/DVD drives (SG_IO and USB)");
  cmd->add_flag("--json", o.json, "Print one JSON object");
  return cmd;
}

int runDevices(const DevicesOptions& o) {
  const drive::DriveSpec spec = drive::parseDriveSpec("virtual");
  const bool exists = std::filesystem::exists(spec.virtualDir);
  std::string disc = "no disc yet (a blank CD-R 80 is inserted on first use)";
  std::string product;
  if (exists) {
    try {
      drive::DriveSession session(spec, {});
      const DiscReport r = collectDiscReport(session.recorder(), spec.text);
      product = r.vendor + " " + r.product;
      disc = r.mediaType + ", " + r.discStatus + ", " + std::to_string(r.tracks.size()) + " track(s)";
    } catch (const Error& e) {
      disc = e.what();
    }
  }
  std::vector<transport::RealDrive> real = transport::listSgDrives();
  for (transport::RealDrive& d : transport::listUsbDrives()) real.push_back(std::move(d));
  if (o.json) {
    nlohmann::json drives = nlohmann::json::array();
    drives.push_back({{"drive", spec.text}, {"kind", "virtual"}, {"product", product}, {"exists", exists},
                      {"disc", disc}});
    for (const transport::RealDrive& d : real)
      drives.push_back({{"drive", d.drive}, {"kind", d.kind}, {"vendor", d.vendor}, {"product", d.product},
                        {"detail", d.detail}});
    ui::writeJsonLine(stdout, {{"drives", drives}});
  } else {
    std::printf("%s  (virtual CD recorder%s)\n    %s\n", spec.text.c_str(),
                product.empty() ? "" : (": " + product).c_str(), disc.c_str());
    for (const transport::RealDrive& d : real)
      std::printf("%s  (%s %s)\n    %s\n", d.drive.empty() ? "(usb)" : d.drive.c_str(), d.vendor.c_str(),
                  d.product.c_str(), d.detail.c_str());
    if (real.empty()) std::printf("No real drives found (SG_IO: /sys/class/scsi_generic; USB: libusb).\n");
    std::printf("Any directory works too: --drive virtual:DIR.\n");
  }
  return kExitOk;
}

}  // namespace kiln::cli
