#include "interop/usbredir/usb_descriptors.h"

namespace kiln::interop {
namespace {

constexpr std::uint8_t lo(std::uint16_t v) { return static_cast<std::uint8_t>(v); }
constexpr std::uint8_t hi(std::uint16_t v) { return static_cast<std::uint8_t>(v >> 8); }

std::vector<std::uint8_t> deviceDescriptor() {  // USB 2.0 §9.6.1, table 9-8
  return {18, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, kEp0MaxPacket, lo(kVendorId), hi(kVendorId), lo(kProductId),
          hi(kProductId), lo(kBcdDevice), hi(kBcdDevice), 1, 2, 3, 1};
}

std::vector<std::uint8_t> qualifierDescriptor() {  // USB 2.0 §9.6.2
  return {10, 0x06, 0x00, 0x02, 0x00, 0x00, 0x00, kEp0MaxPacket, 1, 0};
}

/// Configuration + interface + 2 endpoints (USB 2.0 §9.6.3–9.6.6); `speedType` 02h or 07h (other speed).
std::vector<std::uint8_t> configurationDescriptor(const UsbIdentity& id, std::uint8_t speedType, std::uint16_t maxPacket) {
  constexpr std::uint16_t kTotal = 9 + 9 + 7 + 7;
  return {9, speedType, lo(kTotal), hi(kTotal), 1, 1, 0, 0xC0 /* self-powered */, 1 /* 2 mA */,
          9, 0x04, 0, 0, 2, 0x08, id.interfaceSubclass, 0x50, 0,
          7, 0x05, 0x81, 0x02, lo(maxPacket), hi(maxPacket), 0,
          7, 0x05, 0x02, 0x02, lo(maxPacket), hi(maxPacket), 0};
}

std::vector<std::uint8_t> stringDescriptor(const std::string& s) {  // USB 2.0 §9.6.7, UTF-16LE (ASCII here)
  std::vector<std::uint8_t> d{static_cast<std::uint8_t>(2 + 2 * s.size()), 0x03};
  for (char c : s) {
    d.push_back(static_cast<std::uint8_t>(c));
    d.push_back(0);
  }
  return d;
}

}  // namespace

std::optional<std::vector<std::uint8_t>> usbDescriptor(const UsbIdentity& id, std::uint16_t wValue) {
  const std::uint8_t type = hi(wValue), index = lo(wValue);
  switch (type) {
    case 0x01: return deviceDescriptor();
    case 0x02: return configurationDescriptor(id, 0x02, kBulkMaxPacket);
    case 0x06: return qualifierDescriptor();
    case 0x07: return configurationDescriptor(id, 0x07, 64);  // full-speed bulk packets are 64 bytes
    case 0x03:
      switch (index) {
        case 0: return std::vector<std::uint8_t>{4, 0x03, 0x09, 0x04};  // LANGID en-US
        case 1: return stringDescriptor(id.manufacturer);
        case 2: return stringDescriptor(id.product);
        case 3: return stringDescriptor(id.serial);
        default: return std::nullopt;
      }
    default: return std::nullopt;
  }
}

}  // namespace kiln::interop
