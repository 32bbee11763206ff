#include "native-helper/drive/drive_session.h"

#include "core/imapi/error.h"
#include "core/usb/usb_bot_transport.h"
#include "native-helper/drive/faults.h"
#include "native-helper/transport/libusb_pipe.h"
#include "native-helper/transport/sg_io_transport.h"
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

/// Only the members of the spec's kind are set. Declaration order = construction order; each refers to the
/// previous (store → drive / usbPipe → transport → recorder) and they are destroyed in reverse.
struct DriveSession::Impl {
  std::unique_ptr<vdrive::DirStore> store;
  std::unique_ptr<vdrive::VirtualDrive> drive;
  std::unique_ptr<transport::LibusbPipe> usbPipe;
  std::unique_ptr<scsi::ScsiTransport> transport;
  std::unique_ptr<mmc::Recorder> recorder;
};

DriveSession::DriveSession(const DriveSpec& spec, const VirtualDriveSettings& settings) : spec_(spec) {
  impl_ = std::make_unique<Impl>();
  Impl& i = *impl_;
  switch (spec.kind) {
    case DriveKind::Virtual:
      i.store = std::make_unique<vdrive::DirStore>(spec.virtualDir.string());
      i.drive = std::make_unique<vdrive::VirtualDrive>(*i.store, toVdrive(settings.media), clock_,
                                                       vdrive::DriveOptions{settings.speedX});
      i.transport = std::make_unique<usb::UsbBotTransport>(i.drive->hostPipe(), usb::UsbBotOptions{});
      for (const std::string& f : settings.faults) armFault(i.drive->faults(), clock_, f);
      break;
    case DriveKind::SgIo:
      i.transport = std::make_unique<transport::SgIoTransport>(spec.devicePath);
      break;
    case DriveKind::Usb:
      i.usbPipe = std::make_unique<transport::LibusbPipe>(spec.usb, settings.detachKernelDriver);
      i.transport = std::make_unique<usb::UsbBotTransport>(*i.usbPipe, usb::UsbBotOptions{});
      break;
  }
  if (spec.kind != DriveKind::Virtual && !settings.faults.empty())
    throw Error(HResult::E_INVALIDARG, "faults can only be injected into the virtual drive, not " + spec.text);
  i.recorder = std::make_unique<mmc::Recorder>(*i.transport, clock_);
}

DriveSession::~DriveSession() = default;

mmc::Recorder& DriveSession::recorder() { return *impl_->recorder; }

namespace {
[[noreturn]] void noExport(const std::string& drive) {
  throw Error(HResult::E_NOTIMPL, "export reads the virtual drive's own store; " + drive +
                                      " is a real drive (read it back with cdparanoia or cdrdao read-cd)");
}
}  // namespace

ExportedPaths DriveSession::exportCue(const std::filesystem::path& cue) {
  if (!isVirtual()) noExport(spec_.text);
  const vdrive::ExportedFiles f = vdrive::exportCueBin(*impl_->store, impl_->drive->mediumState(),
                                                       cue.parent_path().string(), cue.stem().string());
  return {f.sheet, f.audio};
}

ExportedPaths DriveSession::exportToc(const std::filesystem::path& toc) {
  if (!isVirtual()) noExport(spec_.text);
  const vdrive::ExportedFiles f = vdrive::exportCdrdaoToc(*impl_->store, impl_->drive->mediumState(),
                                                          toc.parent_path().string(), toc.stem().string());
  return {f.sheet, f.audio};
}

}  // namespace kiln::drive
