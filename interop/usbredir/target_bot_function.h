#pragma once
// A BotFunction over any vdrive::ScsiTarget, without vdrive's BotDevice: serves `kiln-usbredir --stub` (USB
// bring-up without the MMC model). The virtual drive itself is served through VdriveBotFunction. Implements the
// device's half of USB MSC BOT 1.0 §6 (CBW validity, data phase with residue, CSW, STALL rules of §6.6 and §6.7).
#include <cstdint>
#include <vector>

#include "core/usb/bot.h"
#include "interop/usbredir/bot_function.h"
#include "vdrive/scsi_target.h"

namespace kiln::interop {

class TargetBotFunction final : public BotFunction {
 public:
  explicit TargetBotFunction(vdrive::ScsiTarget& target) : target_(target) {}

  OutResult bulkOut(std::span<const std::uint8_t> data) override;
  InReply bulkIn(std::size_t maxBytes) override;
  void massStorageReset() override;
  void clearHalt(std::uint8_t endpointAddress) override;
  bool halted(std::uint8_t endpointAddress) const override;
  void busReset() override;

 private:
  enum class Phase : std::uint8_t { Command, DataOut, DataIn, Status, NeedReset };

  void acceptCbw(std::span<const std::uint8_t> bytes);
  void execute(std::span<const std::uint8_t> dataOut);
  InReply dataInReply(std::size_t maxBytes);
  InReply statusReply();

  vdrive::ScsiTarget& target_;
  Phase phase_ = Phase::Command;
  usb::Cbw cbw_{};
  std::vector<std::uint8_t> outBuffer_;   ///< data-out bytes collected so far (bytes)
  std::vector<std::uint8_t> inData_;      ///< data-in bytes the command produced (≤ dCBWDataTransferLength)
  std::size_t inSent_ = 0;                ///< data-in bytes already sent (bytes)
  bool lastInShort_ = false;              ///< last data-in reply ended the transfer (short packet)
  bool stallInBeforeCsw_ = false;         ///< §6.7.2: halt bulk IN instead of sending padding
  usb::Csw csw_{};
  bool haltIn_ = false, haltOut_ = false;
};

}  // namespace kiln::interop
