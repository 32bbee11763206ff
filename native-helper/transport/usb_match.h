#pragma once
// libusb helpers shared by LibusbPipe and the device listing: which device a selector names, and the Bulk-Only
// mass-storage interface of a device (USB MSC overview §2: class 08h; BOT 1.0 §4.3: protocol 50h, two bulk
// endpoints).
#include <cstdint>
#include <string>

#include "native-helper/transport/usb_selector.h"

struct libusb_device;

namespace kiln::transport {

struct BotInterface {
  std::uint8_t interfaceNumber = 0;  ///< bInterfaceNumber
  std::uint8_t subclass = 0;         ///< bInterfaceSubClass (02h SFF-8020i / 06h SCSI transparent)
  std::uint8_t endpointIn = 0;       ///< bulk IN endpoint address (bit 7 set)
  std::uint8_t endpointOut = 0;      ///< bulk OUT endpoint address
};

/// True when `device` has the selector's VID:PID, or sits on its bus at its port path.
bool matchesSelector(libusb_device* device, const UsbSelector& selector);

/// The first interface (active configuration, else the first one) with class 08h, protocol 50h and a bulk IN and
/// a bulk OUT endpoint. False if there is none.
bool findBotInterface(libusb_device* device, BotInterface& out);

/// The device's place as a selector ("BUS-PORT[.PORT…]"), as sysfs names it.
UsbSelector locationOf(libusb_device* device);

/// The interface's sysfs name, e.g. "1-1:1.0" (BUS-PORTS:CONFIG.INTERFACE; configuration value assumed 1 when
/// it cannot be read), which is what /sys/bus/usb/drivers/usb-storage/unbind takes.
std::string usbInterfaceSysfsName(libusb_device* device, const BotInterface& bot);

}  // namespace kiln::transport
