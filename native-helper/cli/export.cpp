#include "native-helper/cli/export.h"

#include <filesystem>

#include "native-helper/drive/drive_session.h"
#include "native-helper/ui/json_reporter.h"

namespace kiln::cli {

CLI::App* addExportCommand(CLI::App& app, ExportOptions& o) {
  CLI::App* cmd = app.add_subcommand("export", "Export the disc as CUE+BIN or a cdrdao TOC + audio file");
  addDriveOptions(*cmd, o.drive);
  CLI::Option* cue = cmd->add_option("--cue", o.cue, "Write a CUE sheet here (the .bin goes beside it)");
  CLI::Option* toc = cmd->add_option("--toc", o.toc, "Write a cdrdao TOC here (the audio file goes beside it)");
  cue->excludes(toc);
  toc->excludes(cue);
  cmd->add_flag("--json", o.json, "Print the written paths as one JSON object");
  cmd->callback([cue, toc] {
    if (cue->count() + toc->count() != 1) throw CLI::RequiredError("--cue or --toc");
  });
  return cmd;
}

int runExport(const ExportOptions& o) {
  drive::DriveSession session(drive::parseDriveSpec(o.drive.drive),
                              {drive::parseMediaKind(o.drive.media), o.drive.virtualSpeed, o.drive.faults});
  const std::filesystem::path sheet = std::filesystem::absolute(o.cue.empty() ? o.toc : o.cue);
  if (sheet.has_parent_path()) std::filesystem::create_directories(sheet.parent_path());
  const drive::ExportedPaths paths = o.cue.empty() ? session.exportToc(sheet) : session.exportCue(sheet);
  if (o.json)
    ui::writeJsonLine(stdout, {{"event", "exported"}, {"sheet", paths.sheet}, {"audio", paths.audio}});
  else
    std::printf("Wrote %s and %s\n", paths.sheet.c_str(), paths.audio.c_str());
  return kExitOk;
}

}  // namespace kiln::cli
