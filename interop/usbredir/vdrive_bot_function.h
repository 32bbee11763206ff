#pragma once
// The BotFunction the usbredir front end drives, implemented by the virtual drive's own BOT device
// (vdrive/bot_device.h): CBW/data/CSW, direction cases, STALL rules and transport faults all live there.
#include "interop/usbredir/bot_function.h"
#include "vdrive/bot_device.h"

namespace kiln::interop {

class VdriveBotFunction final : public BotFunction {
 public:
  explicit VdriveBotFunction(vdrive::BotDevice& device) : device_(device) {}

  OutResult bulkOut(std::span<const std::uint8_t> data) override;
  /// BotDevice reports Timeout when it would NAK (no command, or a dropped one): the request stays queued.
  InReply bulkIn(std::size_t maxBytes) override;
  void massStorageReset() override;
  void clearHalt(std::uint8_t endpointAddress) override;
  bool halted(std::uint8_t endpointAddress) const override;
  /// A bus reset is modelled as Bulk-Only Mass Storage Reset plus clearing both halts (USB 2.0 §9.1.1.5: the
  /// device returns to its default state).
  void busReset() override;

 private:
  vdrive::BotDevice& device_;
};

}  // namespace kiln::interop
