#pragma once
// Pieces both burn paths (Track-At-Once burn.cpp, disc-at-once dao_burn.cpp) use.
#include <memory>

#include "native-helper/cli/common.h"
#include "native-helper/drive/drive_session.h"
#include "native-helper/ui/burn_events.h"

namespace kiln::cli {

/// JSON lines on stdout, or text on stdout with a progress bar on stderr when it is a TTY.
std::unique_ptr<ui::BurnReporter> makeReporter(bool json);
/// The virtual drive's knobs from the command line.
drive::VirtualDriveSettings virtualSettings(const DriveOptions& o);
/// After a cancel or failure: what is on the disc now (`kiln info`'s report; JSON event "disc").
void reportDiscAfterStop(drive::DriveSession& session, bool json);

}  // namespace kiln::cli
