#include "wasm/burner.h"

#include "core/imapi/error.h"

namespace kiln::wasm {

std::unique_ptr<Burner> Burner::makeVirtual(const std::string& media, double speedX) {
  vdrive::MediaKind kind;
  if (media == "cd74") kind = vdrive::MediaKind::CdR74;
  else if (media == "cd80") kind = vdrive::MediaKind::CdR80;
  else if (media == "cdrw80") kind = vdrive::MediaKind::CdRw80;
  else throw Error(HResult::E_FAIL, "unknown media kind '" + media + "' (cd74, cd80, cdrw80)");
  std::unique_ptr<Burner> b(new Burner());
  b->store_ = std::make_unique<vdrive::MemoryStore>();
  vdrive::DriveOptions options;
  options.writeSpeedX = speedX;
  b->drive_ = std::make_unique<vdrive::VirtualDrive>(*b->store_, kind, b->clock_, options);
  b->connect(b->drive_->hostPipe());
  return b;
}

std::unique_ptr<Burner> Burner::makeWebUsb() {
  std::unique_ptr<Burner> b(new Burner());
  b->usbPipe_ = std::make_unique<WebUsbPipe>();
  b->connect(*b->usbPipe_);
  return b;
}

void Burner::connect(usb::BulkPipe& pipe) {
  transport_ = std::make_unique<usb::UsbBotTransport>(pipe);
  recorder_ = std::make_unique<mmc::Recorder>(*transport_, clock_);
  writer_.setRecorder(recorder_.get());
}

}  // namespace kiln::wasm
