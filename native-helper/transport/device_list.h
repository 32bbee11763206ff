#pragma once
// Real drives kiln can reach: CD/DVD devices of the SCSI generic driver (sysfs) and USB mass-storage devices
// (libusb), each with the `--drive` text that opens it.
#include <filesystem>
#include <string>
#include <vector>

namespace kiln::transport {

struct RealDrive {
  std::string drive;    ///< what to pass as --drive: "sg:/dev/sg0", "usb:1209:0001"
  std::string kind;     ///< "sg" or "usb"
  std::string vendor;   ///< INQUIRY vendor (sg) or the USB manufacturer string; may be empty
  std::string product;  ///< INQUIRY product (sg) or the USB product string; may be empty
  std::string detail;   ///< e.g. "/dev/sr0, rev 1.00" or "bus 1 port 1, usb-storage holds it (usb:1-1)"
};

/// CD/DVD devices (peripheral device type 5, SPC-4 §6.4.2) under `sysfs`/class/scsi_generic/*/device: `type`,
/// `vendor`, `model`, `rev`, and the block node (device/block/srN) when sr has one. Paths use `devDir` (/dev).
/// Sorted by sg number. A missing or unreadable tree yields an empty list (never throws).
std::vector<RealDrive> listSgDrives(const std::filesystem::path& sysfs = "/sys",
                                    const std::filesystem::path& devDir = "/dev");

/// USB devices with an interface of class 08h (mass storage) and protocol 50h (Bulk-Only), through libusb.
/// Strings come from sysfs (no device is opened). If libusb cannot start, returns one entry with an empty
/// `drive` and the reason in `detail`.
std::vector<RealDrive> listUsbDrives();

/// Trims the space padding of INQUIRY strings read from sysfs.
std::string trimField(const std::string& text);

}  // namespace kiln::transport
