#include "native-helper/drive/drive_session.h"

#include "core/imapi/error.h"
#include "core/usb/usb_bot_transport.h"
#include "native-helper/drive/faults.h"
#include "vdrive/native/dir_store.h"
#include "vdrive/native/export_files.h"
#include "vdrive/virtual_drive.h"

namespace kiln::drive {
namespace {

vdrive::MediaKind toVdrive(MediaKind kind) {
  switch (kind) {
    case MediaKind::CdR74: return vdrive::MediaKind::CdR74;
    case MediaKind::CdR80: return vdrive::MediaKind::CdR80;
    case MediaKind::CdRw80: return vdrive::MediaKind::CdRw80;
  }
  return vdrive::MediaKind::CdR80;
}

}  // namespace

/// Construction order matters: store → drive → transport → recorder (each refers to the previous).
struct DriveSession::Impl {
  Impl(const DriveSpec& spec, const VirtualDriveSettings& s, Clock& clock)
      : store(spec.virtualDir.string()),
        drive(store, toVdrive(s.media), clock, vdrive::DriveOptions{s.speedX}),
        transport(drive.hostPipe(), usb::UsbBotOptions{}),
        recorder(transport, clock) {}
  vdrive::DirStore store;
  vdrive::VirtualDrive drive;
  usb::UsbBotTransport transport;
  mmc::Recorder recorder;
};

DriveSession::DriveSession(const DriveSpec& spec, const VirtualDriveSettings& settings) : spec_(spec) {
  impl_ = std::make_unique<Impl>(spec, settings, clock_);
  for (const std::string& f : settings.faults) armFault(impl_->drive.faults(), clock_, f);
}

DriveSession::~DriveSession() = default;

mmc::Recorder& DriveSession::recorder() { return impl_->recorder; }

ExportedPaths DriveSession::exportCue(const std::filesystem::path& cue) {
  const vdrive::ExportedFiles f = vdrive::exportCueBin(impl_->store, impl_->drive.mediumState(),
                                                       cue.parent_path().string(), cue.stem().string());
  return {f.sheet, f.audio};
}

ExportedPaths DriveSession::exportToc(const std::filesystem::path& toc) {
  const vdrive::ExportedFiles f = vdrive::exportCdrdaoToc(impl_->store, impl_->drive.mediumState(),
                                                          toc.parent_path().string(), toc.stem().string());
  return {f.sheet, f.audio};
}

}  // namespace kiln::drive
