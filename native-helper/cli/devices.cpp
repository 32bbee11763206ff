#include "native-helper/cli/devices.h"

#include <filesystem>

#include "core/imapi/error.h"
#include "native-helper/cli/common.h"
#include "native-helper/cli/disc_report.h"
#include "native-helper/drive/drive_session.h"
#include "native-helper/ui/json_reporter.h"

namespace kiln::cli {

CLI::App* addDevicesCommand(CLI::App& app, DevicesOptions& o) {
  CLI::App* cmd = app.add_subcommand("devices", "List drives (the virtual drive; real drives: not yet)");
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
  if (o.json) {
    ui::writeJsonLine(stdout, {{"drives", {{{"drive", spec.text}, {"kind", "virtual"}, {"product", product},
                                             {"exists", exists}, {"disc", disc}}}},
                               {"realDrives", "not supported yet"}});
  } else {
    std::printf("%s  (virtual CD recorder%s)\n    %s\n", spec.text.c_str(),
                product.empty() ? "" : (": " + product).c_str(), disc.c_str());
    std::printf("Any directory works too: --drive virtual:DIR. Real drives are not supported yet.\n");
  }
  return kExitOk;
}

}  // namespace kiln::cli
