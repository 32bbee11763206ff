#include "native-helper/drive/drive_session.h"

#include "core/imapi/error.h"

namespace kiln::drive {

struct DriveSession::Impl {};

DriveSession::DriveSession(const DriveSpec& spec, const VirtualDriveSettings&) : spec_(spec) {
  throw Error(HResult::E_NOTIMPL, "virtual drive not wired yet");
}
DriveSession::~DriveSession() = default;
mmc::Recorder& DriveSession::recorder() { throw Error(HResult::E_NOTIMPL); }
void DriveSession::exportCue(const std::filesystem::path&) {}
void DriveSession::exportToc(const std::filesystem::path&) {}

}  // namespace kiln::drive
