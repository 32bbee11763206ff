#pragma once
// A usb::BulkPipe whose far end is the virtual drive's BotDevice: the host code under test (UsbBotTransport,
// Recorder, writers) is exactly the code that drives a real USB drive through WebUSB or libusb.
#include "core/usb/bulk_pipe.h"
#include "vdrive/bot_device.h"

namespace kiln::vdrive {

class LoopbackPipe final : public usb::BulkPipe {
 public:
  explicit LoopbackPipe(BotDevice& device) : device_(device) {}

  usb::TransferResult bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferResult bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferResult control(const usb::ControlSetup& setup, std::span<std::uint8_t> data,
                              std::uint32_t timeoutMs) override;
  usb::TransferStatus clearHalt(usb::Endpoint endpoint) override;

  /// Unplugs (false) or replugs (true) the device: while unplugged every transfer reports Disconnected.
  void setConnected(bool connected) { connected_ = connected; }
  bool connected() const { return connected_; }

 private:
  BotDevice& device_;
  bool connected_ = true;
};

}  // namespace kiln::vdrive
