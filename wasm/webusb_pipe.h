#pragma once
// usb::BulkPipe over WebUSB (USBDevice.transferOut/transferIn/controlTransferOut/controlTransferIn/clearHalt).
// The JS side is Module.kilnUsb (see web/src/wasm/webusbBridge.ts): { interfaceNumber, bulkIn, bulkOut,
// transferOut(ep, bytes, timeoutMs), transferIn(ep, length, timeoutMs), controlOut(setup, bytes, timeoutMs),
// controlIn(setup, length, timeoutMs), clearHalt(direction, ep) } — each returns a Promise of { status, data? }
// with status 'ok' | 'stall' | 'timeout' | 'disconnected' | 'error'. Every call suspends the WASM stack
// (Asyncify) until the transfer settles. USB MSC BOT 1.0 §5, USB 2.0 §9.4.
#include <cstdint>

#include "core/usb/bulk_pipe.h"

namespace kiln::wasm {

class WebUsbPipe final : public usb::BulkPipe {
 public:
  usb::TransferResult bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferResult bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferResult control(const usb::ControlSetup& setup, std::span<std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferStatus clearHalt(usb::Endpoint endpoint) override;
  std::uint16_t interfaceNumber() const override;
};

}  // namespace kiln::wasm
