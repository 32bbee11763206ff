#include "native-helper/cli/info.h"

#include "native-helper/cli/disc_report.h"
#include "native-helper/drive/drive_session.h"

namespace kiln::cli {

CLI::App* addInfoCommand(CLI::App& app, InfoOptions& o) {
  CLI::App* cmd = app.add_subcommand("info", "Show the drive, the disc and its table of contents");
  addDriveOptions(*cmd, o.drive);
  cmd->add_flag("--json", o.json, "Print one JSON object");
  return cmd;
}

int runInfo(const InfoOptions& o) {
  drive::DriveSession session(drive::parseDriveSpec(o.drive.drive),
                              {drive::parseMediaKind(o.drive.media), o.drive.virtualSpeed, o.drive.faults,
                               o.drive.detachKernelDriver});
  const DiscReport report = collectDiscReport(session.recorder(), session.spec().text);
  if (o.json)
    std::printf("%s\n", discReportJson(report).dump().c_str());
  else
    printDiscReport(stdout, report);
  return kExitOk;
}

}  // namespace kiln::cli
