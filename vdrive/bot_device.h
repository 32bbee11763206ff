#pragma once
// The device side of USB Mass Storage Bulk-Only Transport 1.0: CBW on bulk OUT → optional data phase → CSW on
// bulk IN (§5, §6), the thirteen host/device direction cases (§6.7), invalid-CBW stall until Reset Recovery
// (§6.6.1, §5.3.4), class requests Get Max LUN (FEh → 0) and Bulk-Only Mass Storage Reset (FFh) (§3.1, §3.2),
// and transport fault injection (stall a data phase, phase error, drop a command). Driven by LoopbackPipe; all
// calls return at once (a transfer the device would NAK forever reports Timeout).
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/usb/bot.h"
#include "core/usb/bulk_pipe.h"
#include "vdrive/faults.h"
#include "vdrive/scsi_target.h"

namespace kiln::vdrive {

class BotDevice {
 public:
  /// wMaxPacketSize of both bulk endpoints (high speed, bytes): decides short packet vs. STALL after IN data.
  static constexpr std::size_t kMaxPacketBytes = 512;
  /// Returns the bytes of data-OUT the CDB needs (0: no data-OUT phase), e.g. MmcDevice::expectedDataOut.
  using DataOutLength = std::function<std::uint32_t(std::span<const std::uint8_t> cdb)>;

  BotDevice(ScsiTarget& target, DataOutLength dataOutLength, FaultInjector& faults);

  /// Host wrote `data` to bulk OUT: a CBW, or data-OUT bytes of the current command.
  usb::TransferResult bulkOut(std::span<const std::uint8_t> data);
  /// Host reads up to `data.size()` bytes from bulk IN: data-IN bytes, or the 13-byte CSW.
  usb::TransferResult bulkIn(std::span<std::uint8_t> data);
  /// Class request on the interface (Get Max LUN, Bulk-Only Mass Storage Reset); anything else stalls EP0.
  usb::TransferResult control(const usb::ControlSetup& setup, std::span<std::uint8_t> data);
  /// CLEAR_FEATURE(ENDPOINT_HALT). After an invalid CBW the endpoints stay halted until the BOT reset.
  usb::TransferStatus clearHalt(usb::Endpoint endpoint);

  bool inHalted() const { return inHalted_; }
  bool outHalted() const { return outHalted_; }
  /// Commands completed with a CSW (tests).
  std::uint32_t commandsCompleted() const { return completed_; }

 private:
  enum class Phase { Command, DataOut, DataIn, Status, Dropped };
  void startCommand(const usb::Cbw& cbw);
  void runInCommand();
  void runNoDataCommand();
  void finishDataOut();
  void queueCsw(usb::CswStatus status, std::uint32_t residue);
  void queueIn(std::vector<std::uint8_t> data, bool stallAfter);
  TargetResponse execute(std::span<const std::uint8_t> dataOut);

  ScsiTarget& target_;
  DataOutLength dataOutLength_;
  FaultInjector& faults_;
  Phase phase_ = Phase::Command;
  usb::Cbw cbw_{};
  std::vector<std::uint8_t> out_;       ///< data-OUT received so far
  std::uint32_t deviceOut_ = 0;         ///< data-OUT bytes the command needs (Do)
  bool outPhaseError_ = false;          ///< collect the host's OUT bytes, then answer phase error
  bool outStalled_ = false;             ///< data-OUT refused by a STALL (CSW follows directly)
  std::vector<std::uint8_t> in_;
  std::size_t inPos_ = 0;
  bool stallAfterIn_ = false;
  usb::Csw csw_{};
  bool inHalted_ = false, outHalted_ = false, needsReset_ = false;
  std::uint32_t completed_ = 0;
};

}  // namespace kiln::vdrive
