#pragma once
// Which USB device `--drive usb:…` names: by vendor/product ID (`usb:1209:0001`, first match) or by its place on
// the bus (`usb:BUS-PORT[.PORT…]`, the form Linux uses in /sys/bus/usb/devices, e.g. `usb:1-1` or `usb:3-2.4`).
#include <cstdint>
#include <string>
#include <vector>

namespace kiln::transport {

struct UsbSelector {
  bool byIds = true;                ///< true: match vendorId/productId; false: match bus + ports
  std::uint16_t vendorId = 0;       ///< idVendor (USB 2.0 §9.6.1)
  std::uint16_t productId = 0;      ///< idProduct
  std::uint8_t bus = 0;             ///< bus number (libusb_get_bus_number)
  std::vector<std::uint8_t> ports;  ///< port numbers from the root hub down (libusb_get_port_numbers)

  /// "1209:0001" or "1-1.4" (the text after `usb:`).
  std::string text() const;
};

/// Parses the text after `usb:`: "VVVV:PPPP" (hex, 1–4 digits each) or "BUS-PORT[.PORT…]" (decimal, ≤ 7 ports).
/// Throws kiln::Error(E_INVALIDARG) naming both forms.
UsbSelector parseUsbSelector(const std::string& text);

}  // namespace kiln::transport
