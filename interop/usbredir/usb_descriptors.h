#pragma once
// The USB identity of the virtual drive: a high-speed, self-powered device with one Bulk-Only mass-storage
// interface (class 08h, subclass 02h SFF-8020i/MMC-2 or 06h SCSI transparent, protocol 50h BOT), bulk IN 81h
// and bulk OUT 02h with 512-byte packets (USB 2.0 §9.6, USB MSC BOT 1.0 §4).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiln::interop {

inline constexpr std::uint16_t kVendorId = 0x1209;   ///< pid.codes (open-source vendor ID)
inline constexpr std::uint16_t kProductId = 0x0001;  ///< pid.codes test PID
inline constexpr std::uint16_t kBcdDevice = 0x0100;
inline constexpr std::uint16_t kBulkMaxPacket = 512; ///< bytes, high-speed bulk (USB 2.0 §5.8.3)
inline constexpr std::uint8_t kEp0MaxPacket = 64;    ///< bytes

struct UsbIdentity {
  std::uint8_t interfaceSubclass = 0x02;  ///< 02h (SFF-8020i, what USB CD writers report) or 06h
  std::string manufacturer = "Kiln";
  std::string product = "Kiln Virtual CD-RW";
  std::string serial = "4B494C4E0001";    ///< BOT §4.1.1: at least 12 hex digits
};

/// GET_DESCRIPTOR answer for wValue = type << 8 | index, wIndex = language (USB 2.0 §9.4.3), or nullopt
/// (the request STALLs) for descriptors the device does not have.
std::optional<std::vector<std::uint8_t>> usbDescriptor(const UsbIdentity& id, std::uint16_t wValue);

}  // namespace kiln::interop
