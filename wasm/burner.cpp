#include "wasm/burner.h"

#include "core/imapi/error.h"
#include "vdrive/memory_store.h"
#include "wasm/js_file_store.h"

namespace kiln::wasm {

vdrive::MediaKind mediaKindOf(const std::string& media) {
  if (media == "cd74") return vdrive::MediaKind::CdR74;
  if (media == "cd80") return vdrive::MediaKind::CdR80;
  if (media == "cdrw80") return vdrive::MediaKind::CdRw80;
  throw Error(HResult::E_FAIL, "unknown media kind '" + media + "' (cd74, cd80, cdrw80)");
}

std::unique_ptr<vdrive::MediumStore> Burner::makeStore(const std::string& storage) {
  if (storage == "file") return std::make_unique<JsFileStore>();
  if (storage == "memory") return std::make_unique<vdrive::MemoryStore>();
  throw Error(HResult::E_FAIL, "unknown disc storage '" + storage + "' (file, memory)");
}

std::unique_ptr<Burner> Burner::makeVirtual(const std::string& media, double speedX, const std::string& storage) {
  vdrive::MediaKind kind = mediaKindOf(media);
  std::unique_ptr<Burner> b(new Burner());
  b->kind_ = kind;
  b->store_ = makeStore(storage);
  b->setVirtualSpeed(speedX);
  return b;
}

void Burner::setVirtualSpeed(double speedX) {
  if (!store_) throw Error(HResult::E_FAIL, "not a virtual drive");
  if (writer_.prepared()) throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED, "release the medium before changing the drive");
  // Tear down in dependency order (writer → recorder → transport → drive) before building the new chain.
  writer_.setRecorder(nullptr);
  recorder_.reset();
  transport_.reset();
  drive_.reset();
  vdrive::DriveOptions options;
  options.writeSpeedX = speedX;
  drive_ = std::make_unique<vdrive::VirtualDrive>(*store_, kind_, clock_, options);
  connect(drive_->hostPipe());
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
