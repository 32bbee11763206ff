#include "vdrive/loopback_pipe.h"

namespace kiln::vdrive {

usb::TransferResult LoopbackPipe::bulkOut(std::span<const std::uint8_t> data, std::uint32_t) {
  if (!connected_) return {usb::TransferStatus::Disconnected, 0};
  return device_.bulkOut(data);
}

usb::TransferResult LoopbackPipe::bulkIn(std::span<std::uint8_t> data, std::uint32_t) {
  if (!connected_) return {usb::TransferStatus::Disconnected, 0};
  return device_.bulkIn(data);
}

usb::TransferResult LoopbackPipe::control(const usb::ControlSetup& setup, std::span<std::uint8_t> data,
                                          std::uint32_t) {
  if (!connected_) return {usb::TransferStatus::Disconnected, 0};
  return device_.control(setup, data);
}

usb::TransferStatus LoopbackPipe::clearHalt(usb::Endpoint endpoint) {
  if (!connected_) return usb::TransferStatus::Disconnected;
  return device_.clearHalt(endpoint);
}

}  // namespace kiln::vdrive
