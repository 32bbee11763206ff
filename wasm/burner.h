#pragma once
// One drive + Track-At-Once writer as the web page uses it: the core's TrackAtOnceWriter and Recorder over
// UsbBotTransport, the BulkPipe being either the in-browser virtual drive's loopback (VirtualDrive over a
// JsFileStore — the disc in OPFS files outside the WASM heap — or, where the browser has no OPFS, a MemoryStore)
// or WebUSB (WebUsbPipe). Methods throw kiln::Error; bindings.cpp turns that into JS values.
#include <memory>
#include <string>
#include <vector>

#include "core/formats/track_at_once.h"
#include "core/mmc/recorder.h"
#include "core/usb/usb_bot_transport.h"
#include "vdrive/medium_store.h"
#include "vdrive/virtual_drive.h"
#include "wasm/wasm_clock.h"
#include "wasm/webusb_pipe.h"

namespace kiln::wasm {

/// "cd74" | "cd80" | "cdrw80" → MediaKind; anything else → kiln::Error(E_FAIL).
vdrive::MediaKind mediaKindOf(const std::string& media);

class Burner {
 public:
  /// Where the virtual drive keeps its disc: "file" = JsFileStore (Module.kilnStore, outside the WASM heap),
  /// "memory" = MemoryStore (in the WASM heap; grows with the disc). Anything else → kiln::Error(E_FAIL).
  static std::unique_ptr<vdrive::MediumStore> makeStore(const std::string& storage);
  /// The virtual drive with a blank disc of `media` ("cd74", "cd80", "cdrw80") kept in `storage` (makeStore);
  /// `speedX` 0 = unthrottled. Unknown media or storage → kiln::Error(E_FAIL).
  static std::unique_ptr<Burner> makeVirtual(const std::string& media, double speedX, const std::string& storage);
  /// A USB drive through Module.kilnUsb (already opened and claimed by JS).
  static std::unique_ptr<Burner> makeWebUsb();

  /// Virtual drive only: re-creates the drive over the same store (the disc is kept) with another
  /// real-time emulation speed (x; 0 = unthrottled) — DriveOptions::writeSpeedX is fixed per VirtualDrive.
  /// While the writer is prepared → E_IMAPI_DF2TAO_MEDIA_IS_PREPARED.
  void setVirtualSpeed(double speedX);

  formats::TrackAtOnceWriter& writer() { return writer_; }
  mmc::Recorder& recorder() { return *recorder_; }
  /// The virtual drive, or nullptr for a USB drive.
  vdrive::VirtualDrive* virtualDrive() { return drive_.get(); }
  vdrive::MediumStore* store() { return store_.get(); }

 private:
  Burner() = default;
  void connect(usb::BulkPipe& pipe);

  WasmClock clock_;
  vdrive::MediaKind kind_ = vdrive::MediaKind::CdR80;
  std::unique_ptr<vdrive::MediumStore> store_;
  std::unique_ptr<vdrive::VirtualDrive> drive_;
  std::unique_ptr<WebUsbPipe> usbPipe_;
  std::unique_ptr<usb::UsbBotTransport> transport_;
  std::unique_ptr<mmc::Recorder> recorder_;
  formats::TrackAtOnceWriter writer_;
};

}  // namespace kiln::wasm
