#pragma once
// The MMC-6 CD recorder: a ScsiTarget answering each CDB through one dispatch table (one handler per opcode,
// vdrive/mmc/handlers_*.cpp), in the manner of QEMU's hw/scsi/scsi-disk.c. Keeps the sense of the last CHECK
// CONDITION for REQUEST SENSE, reports unit attention 6/28/00 once after a medium change, and 2/3A/00 with the
// tray open. Portable: time comes from the injected Clock, sectors from the MediumStore.
#include <memory>

#include "vdrive/mmc/context.h"
#include "vdrive/scsi_target.h"

namespace kiln::vdrive {

class MmcDevice final : public ScsiTarget {
 public:
  /// Opens the disc in `store`; a store without saved state gets a blank disc of `blankKind` (saved at once).
  /// A track left open by an interrupted run is closed at the store's highest written sector.
  MmcDevice(MediumStore& store, MediaKind blankKind, Clock& clock, FaultInjector& faults, DriveOptions options);

  TargetResponse execute(std::span<const std::uint8_t> cdb, std::span<const std::uint8_t> dataOut,
                         std::uint32_t expectedInLength) override;
  /// Sets the sense REQUEST SENSE returns next to ABORTED COMMAND 0B/4B/00 (DATA PHASE ERROR).
  void dataPhaseAborted(std::span<const std::uint8_t> cdb) override;

  /// Bytes of data-OUT the command in `cdb` expects (WRITE: blocks × block size of page 05h; MODE SELECT and
  /// SEND CUE SHEET: parameter list length); 0 for commands without a data-OUT phase. Used by the BOT device
  /// to tell host/device direction disagreements apart (USB MSC BOT §6.7).
  std::uint32_t expectedDataOut(std::span<const std::uint8_t> cdb) const;

  /// Tray as a user handles it: open removes the medium from the drive's view, close reloads it
  /// (unit attention 6/28/00 and a NewMedia event follow).
  void openTray();
  void closeTray();
  /// Takes the disc out of the drive (an empty drive: 2/3A/00, profile 0000h) or puts it back (tray closed,
  /// unit attention 6/28/00 + NewMedia event). The disc's recorded state stays in the store either way.
  void setDiscInserted(bool inserted);

  const Medium& medium() const { return ctx_->medium; }
  const mmc::DriveContext& context() const { return *ctx_; }

 private:
  std::unique_ptr<mmc::DriveContext> ctx_;
};

}  // namespace kiln::vdrive
