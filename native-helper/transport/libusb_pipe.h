#pragma once
// usb::BulkPipe over libusb-1.0: the bulk endpoints and class requests of one USB mass-storage Bulk-Only
// interface (class 08h, protocol 50h; USB MSC BOT 1.0 §4.3), for usb::UsbBotTransport.
#include <cstdint>
#include <string>

#include "core/usb/bulk_pipe.h"
#include "native-helper/transport/usb_selector.h"

struct libusb_context;
struct libusb_device_handle;

namespace kiln::transport {

/// Maps a libusb return code of a transfer to the BulkPipe status: LIBUSB_ERROR_PIPE → Stall, _TIMEOUT →
/// Timeout, _NO_DEVICE → Disconnected, other negatives → Error, ≥ 0 → Ok.
usb::TransferStatus mapLibusbResult(int rc);

class LibusbPipe final : public usb::BulkPipe {
 public:
  /// Finds the device `selector` names, its first interface with class 08h + protocol 50h and that interface's
  /// bulk IN/OUT endpoints; opens it and claims the interface. If a kernel driver (usb-storage) holds the
  /// interface: detaches it when `detachKernelDriver` (reattached on destruction), else throws. Throws
  /// kiln::Error: HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST (no such device / no Bulk-Only interface / unplugged),
  /// E_IMAPI_RECORDER_LOCKED (a kernel driver or another program holds the interface; the message says
  /// to pass --detach-kernel-driver or unbind usb-storage), E_FAIL (permission denied, libusb cannot start).
  LibusbPipe(const UsbSelector& selector, bool detachKernelDriver);
  ~LibusbPipe() override;
  LibusbPipe(const LibusbPipe&) = delete;
  LibusbPipe& operator=(const LibusbPipe&) = delete;

  /// libusb_bulk_transfer on the bulk OUT / IN endpoint; `timeoutMs` ms (0 = no timeout). Never throws.
  usb::TransferResult bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) override;
  usb::TransferResult bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) override;
  /// libusb_control_transfer (USB 2.0 §9.3 setup packet); `data` sent or filled per bit 7 of requestType.
  usb::TransferResult control(const usb::ControlSetup& setup, std::span<std::uint8_t> data,
                              std::uint32_t timeoutMs) override;
  /// libusb_clear_halt: CLEAR_FEATURE(ENDPOINT_HALT) and the host-side data toggle reset (USB 2.0 §9.4.1).
  usb::TransferStatus clearHalt(usb::Endpoint endpoint) override;
  std::uint16_t interfaceNumber() const override { return interface_; }

  /// "usb:1209:0001 (bus 1 device 2, interface 0, endpoints 81h/02h)"
  const std::string& description() const { return description_; }

 private:
  void open(const UsbSelector& selector, bool detachKernelDriver);
  void release();
  usb::TransferResult bulk(std::uint8_t endpoint, std::uint8_t* data, std::size_t length, std::uint32_t timeoutMs);

  libusb_context* context_ = nullptr;
  libusb_device_handle* handle_ = nullptr;
  std::uint8_t interface_ = 0;
  std::uint8_t endpointIn_ = 0;
  std::uint8_t endpointOut_ = 0;
  bool claimed_ = false;
  bool reattach_ = false;
  std::string description_;
};

}  // namespace kiln::transport
