#include <libusb-1.0/libusb.h>

#include <filesystem>
#include <fstream>

#include "native-helper/transport/device_list.h"
#include "native-helper/transport/usb_match.h"

namespace kiln::transport {
namespace {

std::string sysfsString(const std::string& device, const char* file) {
  std::ifstream in(std::filesystem::path("/sys/bus/usb/devices") / device / file);
  std::string line;
  std::getline(in, line);
  return trimField(line);
}

RealDrive describe(libusb_device* device, const BotInterface& bot) {
  libusb_device_descriptor d{};
  libusb_get_device_descriptor(device, &d);
  const UsbSelector ids{true, d.idVendor, d.idProduct, 0, {}};
  const std::string where = locationOf(device).text();
  const std::string itf = usbInterfaceSysfsName(device, bot);
  RealDrive r;
  r.kind = "usb";
  r.drive = "usb:" + ids.text();
  r.vendor = sysfsString(where, "manufacturer");
  r.product = sysfsString(where, "product");
  std::error_code ec;
  const auto driver = std::filesystem::read_symlink("/sys/bus/usb/devices/" + itf + "/driver", ec);
  r.detail = "bus " + std::to_string(libusb_get_bus_number(device)) + " port " + where + " (also usb:" + where +
             "), interface " + itf;
  if (!ec) r.detail += "; held by " + driver.filename().string() + ": unbind it or pass --detach-kernel-driver";
  return r;
}

}  // namespace

std::vector<RealDrive> listUsbDrives() {
  std::vector<RealDrive> out;
  libusb_context* context = nullptr;
  if (const int rc = libusb_init(&context); rc != 0) {
    out.push_back({"", "usb", "", "", std::string("libusb cannot start: ") + libusb_strerror(rc)});
    return out;
  }
  libusb_device** devices = nullptr;
  const ssize_t n = libusb_get_device_list(context, &devices);
  for (ssize_t i = 0; i < n; ++i) {
    BotInterface bot;
    if (findBotInterface(devices[i], bot)) out.push_back(describe(devices[i], bot));
  }
  if (devices) libusb_free_device_list(devices, 1);
  libusb_exit(context);
  return out;
}

}  // namespace kiln::transport
