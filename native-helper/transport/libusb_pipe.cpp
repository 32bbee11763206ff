#include "native-helper/transport/libusb_pipe.h"

#include <libusb-1.0/libusb.h>

#include <cstdio>
#include <memory>

#include "core/imapi/error.h"
#include "native-helper/transport/usb_match.h"

namespace kiln::transport {
namespace {

std::string hexByte(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02Xh", v);
  return buf;
}

struct DeviceList {
  libusb_device** devices = nullptr;
  ssize_t count = 0;
  ~DeviceList() {
    if (devices) libusb_free_device_list(devices, 1);
  }
};

}  // namespace

usb::TransferStatus mapLibusbResult(int rc) {
  if (rc >= 0) return usb::TransferStatus::Ok;
  switch (rc) {
    case LIBUSB_ERROR_PIPE: return usb::TransferStatus::Stall;
    case LIBUSB_ERROR_TIMEOUT: return usb::TransferStatus::Timeout;
    case LIBUSB_ERROR_NO_DEVICE: return usb::TransferStatus::Disconnected;
    default: return usb::TransferStatus::Error;
  }
}

LibusbPipe::LibusbPipe(const UsbSelector& selector, bool detachKernelDriver) {
  if (const int rc = libusb_init(&context_); rc != 0) {
    context_ = nullptr;
    throw Error(HResult::E_FAIL, std::string("libusb cannot start: ") + libusb_strerror(rc));
  }
  try {
    open(selector, detachKernelDriver);
  } catch (...) {
    release();  // a throwing constructor runs no destructor
    throw;
  }
}

void LibusbPipe::open(const UsbSelector& selector, bool detachKernelDriver) {
  const std::string name = "usb:" + selector.text();
  DeviceList list;
  list.count = libusb_get_device_list(context_, &list.devices);
  libusb_device* device = nullptr;
  BotInterface bot;
  for (ssize_t i = 0; i < list.count && !device; ++i) {
    if (matchesSelector(list.devices[i], selector) && findBotInterface(list.devices[i], bot)) device = list.devices[i];
  }
  if (!device)
    throw Error(HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST,
                "no USB mass-storage (Bulk-Only) device " + name + " (see `kiln devices`)");
  interface_ = bot.interfaceNumber;
  endpointIn_ = bot.endpointIn;
  endpointOut_ = bot.endpointOut;
  if (const int rc = libusb_open(device, &handle_); rc != 0) {
    handle_ = nullptr;
    if (rc == LIBUSB_ERROR_ACCESS)
      throw Error(HResult::E_FAIL, "cannot open " + name + ": permission denied on /dev/bus/usb/" +
                                       std::to_string(libusb_get_bus_number(device)) + "/" +
                                       std::to_string(libusb_get_device_address(device)) +
                                       "; run as root or add a udev rule giving you access to this device");
    throw Error(rc == LIBUSB_ERROR_NO_DEVICE ? HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST : HResult::E_FAIL,
                "cannot open " + name + ": " + libusb_strerror(rc));
  }
  if (libusb_kernel_driver_active(handle_, interface_) == 1) {
    if (!detachKernelDriver)
      throw Error(HResult::E_IMAPI_RECORDER_LOCKED,
                  name + ": the usb-storage driver holds this drive; pass --detach-kernel-driver or unbind it (echo " +
                      usbInterfaceSysfsName(device, bot) + " > /sys/bus/usb/drivers/usb-storage/unbind)");
    if (const int rc = libusb_detach_kernel_driver(handle_, interface_); rc != 0)
      throw Error(HResult::E_IMAPI_RECORDER_LOCKED, name + ": cannot detach the kernel driver: " + libusb_strerror(rc));
    reattach_ = true;
  }
  if (const int rc = libusb_claim_interface(handle_, interface_); rc != 0)
    throw Error(rc == LIBUSB_ERROR_BUSY ? HResult::E_IMAPI_RECORDER_LOCKED
                                        : HResult::HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST,
                name + ": cannot claim interface " + std::to_string(interface_) + ": " + libusb_strerror(rc));
  claimed_ = true;
  description_ = name + " (bus " + std::to_string(libusb_get_bus_number(device)) + " device " +
                 std::to_string(libusb_get_device_address(device)) + ", interface " + std::to_string(interface_) +
                 ", endpoints " + hexByte(endpointIn_) + "/" + hexByte(endpointOut_) + ")";
}

LibusbPipe::~LibusbPipe() { release(); }

void LibusbPipe::release() {
  if (handle_) {
    if (claimed_) libusb_release_interface(handle_, interface_);
    if (reattach_) libusb_attach_kernel_driver(handle_, interface_);
    libusb_close(handle_);
    handle_ = nullptr;
  }
  claimed_ = reattach_ = false;
  if (context_) libusb_exit(context_);
  context_ = nullptr;
}

usb::TransferResult LibusbPipe::bulk(std::uint8_t endpoint, std::uint8_t* data, std::size_t length,
                                     std::uint32_t timeoutMs) {
  int moved = 0;
  const int rc = libusb_bulk_transfer(handle_, endpoint, data, static_cast<int>(length), &moved, timeoutMs);
  return {mapLibusbResult(rc), static_cast<std::size_t>(moved < 0 ? 0 : moved)};
}

usb::TransferResult LibusbPipe::bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) {
  // libusb's API takes a non-const pointer for both directions; OUT data is only read.
  return bulk(endpointOut_, const_cast<std::uint8_t*>(data.data()), data.size(), timeoutMs);
}

usb::TransferResult LibusbPipe::bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) {
  return bulk(endpointIn_, data.data(), data.size(), timeoutMs);
}

usb::TransferResult LibusbPipe::control(const usb::ControlSetup& s, std::span<std::uint8_t> data,
                                        std::uint32_t timeoutMs) {
  const int rc = libusb_control_transfer(handle_, s.requestType, s.request, s.value, s.index, data.data(),
                                         static_cast<std::uint16_t>(data.size()), timeoutMs);
  return {mapLibusbResult(rc), static_cast<std::size_t>(rc < 0 ? 0 : rc)};
}

usb::TransferStatus LibusbPipe::clearHalt(usb::Endpoint endpoint) {
  return mapLibusbResult(libusb_clear_halt(handle_, endpoint == usb::Endpoint::BulkIn ? endpointIn_ : endpointOut_));
}

}  // namespace kiln::transport
