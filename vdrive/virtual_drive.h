#pragma once
// The virtual CD recorder as one object: MMC model + BOT device + loopback pipe over a MediumStore.
//   MemoryStore store;  FakeClock clock;
//   VirtualDrive drive(store, MediaKind::CdR80, clock);
//   usb::UsbBotTransport transport(drive.hostPipe());   // host side, exactly as for a real USB drive
// The store decides whether the disc is new (blank of `blankKind`) or reopened with its recorded state.
#include <memory>

#include "core/util/clock.h"
#include "vdrive/bot_device.h"
#include "vdrive/drive_options.h"
#include "vdrive/faults.h"
#include "vdrive/loopback_pipe.h"
#include "vdrive/medium_store.h"
#include "vdrive/mmc_device.h"

namespace kiln::vdrive {

class VirtualDrive {
 public:
  /// `store` and `clock` must outlive the drive. Throws kiln::Error if the store cannot be read or written.
  VirtualDrive(MediumStore& store, MediaKind blankKind, Clock& clock, DriveOptions options = {});

  /// The host end of the USB Bulk-Only pipes (give it to usb::UsbBotTransport).
  usb::BulkPipe& hostPipe() { return pipe_; }
  LoopbackPipe& loopback() { return pipe_; }
  /// The SCSI target directly (CDB level, no USB framing).
  ScsiTarget& target() { return mmc_; }
  MmcDevice& mmc() { return mmc_; }
  BotDevice& bot() { return bot_; }
  /// Faults to inject (MMC and BOT level).
  FaultInjector& faults() { return faults_; }

  /// The disc as recorded (for export and inspection).
  const MediumState& mediumState() const { return mmc_.medium().state(); }
  MediumStore& store() { return store_; }

  /// Tray as a user handles it (see MmcDevice::openTray).
  void openTray() { mmc_.openTray(); }
  void closeTray() { mmc_.closeTray(); }
  /// An empty drive (false) or the disc back in (true); see MmcDevice::setDiscInserted.
  void setDiscInserted(bool inserted) { mmc_.setDiscInserted(inserted); }

 private:
  MediumStore& store_;
  FaultInjector faults_;
  MmcDevice mmc_;
  BotDevice bot_;
  LoopbackPipe pipe_;
};

}  // namespace kiln::vdrive
