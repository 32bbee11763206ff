#include "native-helper/cli/burn_shared.h"

#include <unistd.h>

#include "native-helper/cli/disc_report.h"
#include "native-helper/ui/json_reporter.h"
#include "native-helper/ui/text_reporter.h"

namespace kiln::cli {

std::unique_ptr<ui::BurnReporter> makeReporter(bool json) {
  if (json) return std::make_unique<ui::JsonReporter>(stdout);
  return std::make_unique<ui::TextReporter>(stdout, stderr, ::isatty(STDERR_FILENO) != 0);
}

drive::VirtualDriveSettings virtualSettings(const DriveOptions& o) {
  return {drive::parseMediaKind(o.media), o.virtualSpeed, o.faults, o.detachKernelDriver};
}

void reportDiscAfterStop(drive::DriveSession& session, bool json) {
  try {
    const DiscReport report = collectDiscReport(session.recorder(), session.spec().text);
    if (json) {
      nlohmann::json j = discReportJson(report);
      j["event"] = "disc";
      ui::writeJsonLine(stdout, j);
    } else {
      std::printf("On the disc now:\n");
      printDiscReport(stdout, report);
    }
  } catch (const Error& e) {
    printError(e, json);
  }
}

}  // namespace kiln::cli
