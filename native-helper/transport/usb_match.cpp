#include "native-helper/transport/usb_match.h"

#include <libusb-1.0/libusb.h>

namespace kiln::transport {
namespace {

bool scanInterface(const libusb_interface_descriptor& alt, BotInterface& out) {
  if (alt.bInterfaceClass != LIBUSB_CLASS_MASS_STORAGE || alt.bInterfaceProtocol != 0x50) return false;
  BotInterface bot;
  bot.interfaceNumber = alt.bInterfaceNumber;
  bot.subclass = alt.bInterfaceSubClass;
  for (int e = 0; e < alt.bNumEndpoints; ++e) {
    const libusb_endpoint_descriptor& ep = alt.endpoint[e];
    if ((ep.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK) != LIBUSB_TRANSFER_TYPE_BULK) continue;
    if (ep.bEndpointAddress & LIBUSB_ENDPOINT_IN) {
      if (!bot.endpointIn) bot.endpointIn = ep.bEndpointAddress;
    } else if (!bot.endpointOut) {
      bot.endpointOut = ep.bEndpointAddress;
    }
  }
  if (!bot.endpointIn || !bot.endpointOut) return false;
  out = bot;
  return true;
}

}  // namespace

bool matchesSelector(libusb_device* device, const UsbSelector& selector) {
  if (selector.byIds) {
    libusb_device_descriptor d{};
    if (libusb_get_device_descriptor(device, &d) != 0) return false;
    return d.idVendor == selector.vendorId && d.idProduct == selector.productId;
  }
  const UsbSelector here = locationOf(device);
  return here.bus == selector.bus && here.ports == selector.ports;
}

bool findBotInterface(libusb_device* device, BotInterface& out) {
  libusb_config_descriptor* config = nullptr;
  if (libusb_get_active_config_descriptor(device, &config) != 0 &&
      libusb_get_config_descriptor(device, 0, &config) != 0)
    return false;
  bool found = false;
  for (int i = 0; i < config->bNumInterfaces && !found; ++i) {
    const libusb_interface& itf = config->interface[i];
    for (int a = 0; a < itf.num_altsetting && !found; ++a) found = scanInterface(itf.altsetting[a], out);
  }
  libusb_free_config_descriptor(config);
  return found;
}

UsbSelector locationOf(libusb_device* device) {
  UsbSelector s;
  s.byIds = false;
  s.bus = libusb_get_bus_number(device);
  std::uint8_t ports[8];
  const int n = libusb_get_port_numbers(device, ports, sizeof ports);
  for (int i = 0; i < n; ++i) s.ports.push_back(ports[i]);
  return s;
}

std::string usbInterfaceSysfsName(libusb_device* device, const BotInterface& bot) {
  int configValue = 1;
  libusb_config_descriptor* config = nullptr;
  if (libusb_get_active_config_descriptor(device, &config) == 0) {
    configValue = config->bConfigurationValue;
    libusb_free_config_descriptor(config);
  }
  return locationOf(device).text() + ":" + std::to_string(configValue) + "." + std::to_string(bot.interfaceNumber);
}

}  // namespace kiln::transport
