#pragma once
// Host side of USB Mass Storage Bulk-Only Transport 1.0: runs scsi::Command over a usb::BulkPipe (WebUSB, libusb
// or the virtual drive's loopback). Implements the host rules of BOT §5.3 (command/data/status) and §6.7 (the
// thirteen cases, reset recovery §5.3.4), REQUEST SENSE after a failed CSW, and chunked data phases.
#include <cstddef>
#include <cstdint>

#include "core/scsi/scsi_transport.h"
#include "core/usb/bot.h"
#include "core/usb/bulk_pipe.h"

namespace kiln::usb {

/// Tuning for UsbBotTransport.
struct UsbBotOptions {
  std::uint8_t lun = 0;                       ///< bCBWLUN for every command
  std::size_t maxTransferBytes = 64 * 1024;   ///< largest single bulk transfer in a data phase (WebUSB/libusb limits)
  std::uint32_t firstTag = 1;                 ///< dCBWTag of the first command; +1 per CBW (REQUEST SENSE included)
  std::uint32_t controlTimeoutMs = 5'000;     ///< class requests (reset, Get Max LUN); bulk phases use Command::timeoutMs
};

/// ScsiTransport over BOT. Not thread-safe (BOT allows one outstanding command).
/// Throws kiln::Error: HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST when the pipe reports Disconnected;
/// E_IMAPI_RECORDER_COMMAND_TIMEOUT after a Timeout (reset recovery is done first);
/// E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE when a phase error / invalid CSW persists after one reset + retry,
/// or on an unrecoverable transfer Error.
class UsbBotTransport final : public scsi::ScsiTransport {
 public:
  explicit UsbBotTransport(BulkPipe& pipe, UsbBotOptions options = {});

  /// Runs one command: CBW, data phase in ≤ maxTransferBytes chunks, CSW. CSW status 1 → REQUEST SENSE (18 bytes,
  /// its own BOT command) and Result{CheckCondition, sense}. Result.transferred = bytes actually moved,
  /// Result.residue = requested − transferred (the CSW residue when the device reports more).
  scsi::Result execute(const scsi::Command& command) override;

  /// GET MAX LUN (class request FEh, BOT §3.2): highest LUN number; a STALL (single-LUN device) → 0.
  /// Throws HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST if disconnected.
  std::uint8_t getMaxLun();

  /// Reset recovery (BOT §5.3.4): Bulk-Only Mass Storage Reset (FFh), then CLEAR_FEATURE(HALT) on bulk IN and OUT.
  /// Throws HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST if disconnected.
  void resetRecovery();

  /// Tag the next CBW will carry.
  std::uint32_t nextTag() const { return nextTag_; }

 private:
  /// One CBW/data/CSW exchange. needsReset = phase error, invalid CSW, or a transfer error (BOT §5.3.4, §6.7).
  struct Attempt {
    bool needsReset = false;
    Csw csw{};
    std::size_t moved = 0;  ///< bytes moved in the data phase
  };

  Attempt runOnce(const scsi::Command& command);
  bool sendCbw(const scsi::Command& command, std::uint32_t tag, std::uint32_t expected);
  bool transferData(const scsi::Command& command, std::size_t& moved);
  bool readCsw(const scsi::Command& command, std::uint32_t tag, std::uint32_t expected, Csw& csw);
  scsi::SenseData fetchSense(std::uint32_t timeoutMs);
  /// Throws for Disconnected and (after reset recovery) Timeout; returns for Ok/Stall/Error.
  void throwIfFatal(TransferStatus status, const scsi::Command& command, const char* phase);

  BulkPipe& pipe_;
  UsbBotOptions options_;
  std::uint32_t nextTag_;
};

}  // namespace kiln::usb
