#include "wasm/webusb_pipe.h"

#include <emscripten.h>

// Status codes shared with JS: 0 ok, 1 stall, 2 timeout, 3 disconnected, 4 error. The byte count goes in
// Module.kilnUsbLength. Data is copied in/out of HEAPU8 after each await (memory may have grown).
EM_ASYNC_JS(int, kiln_usb_bulk_out, (const std::uint8_t* ptr, int len, int timeoutMs), {
  try {
    const u = Module.kilnUsb;
    const r = await u.transferOut(u.bulkOut, HEAPU8.slice(ptr, ptr + len), timeoutMs);
    Module.kilnUsbLength = r.bytesWritten ?? 0;
    return (({ ok: 0, stall: 1, timeout: 2, disconnected: 3 })[r.status] ?? 4);
  } catch (e) { Module.kilnUsbLength = 0; return e && e.name === 'NotFoundError' ? 3 : 4; }
});

EM_ASYNC_JS(int, kiln_usb_bulk_in, (std::uint8_t* ptr, int len, int timeoutMs), {
  try {
    const u = Module.kilnUsb;
    const r = await u.transferIn(u.bulkIn, len, timeoutMs);
    const d = r.data ? new Uint8Array(r.data.buffer, r.data.byteOffset, Math.min(r.data.byteLength, len)) : new Uint8Array(0);
    HEAPU8.set(d, ptr);
    Module.kilnUsbLength = d.length;
    return (({ ok: 0, stall: 1, timeout: 2, disconnected: 3 })[r.status] ?? 4);
  } catch (e) { Module.kilnUsbLength = 0; return e && e.name === 'NotFoundError' ? 3 : 4; }
});

EM_ASYNC_JS(int, kiln_usb_control, (int requestType, int request, int value, int index, std::uint8_t* ptr, int len, int timeoutMs), {
  try {
    const u = Module.kilnUsb;
    const setup = {
      requestType: ['standard', 'class', 'vendor', 'reserved'][(requestType >> 5) & 3],
      recipient: ['device', 'interface', 'endpoint', 'other'][requestType & 3] ?? 'other',
      request, value, index,
    };
    if (requestType & 0x80) {
      const r = await u.controlIn(setup, len, timeoutMs);
      const d = r.data ? new Uint8Array(r.data.buffer, r.data.byteOffset, Math.min(r.data.byteLength, len)) : new Uint8Array(0);
      HEAPU8.set(d, ptr);
      Module.kilnUsbLength = d.length;
      return (({ ok: 0, stall: 1, timeout: 2, disconnected: 3 })[r.status] ?? 4);
    }
    const r = await u.controlOut(setup, HEAPU8.slice(ptr, ptr + len), timeoutMs);
    Module.kilnUsbLength = r.bytesWritten ?? len;
    return (({ ok: 0, stall: 1, timeout: 2, disconnected: 3 })[r.status] ?? 4);
  } catch (e) { Module.kilnUsbLength = 0; return e && e.name === 'NotFoundError' ? 3 : 4; }
});

EM_ASYNC_JS(int, kiln_usb_clear_halt, (int inbound), {
  try {
    const u = Module.kilnUsb;
    await u.clearHalt(inbound ? "in" : "out", inbound ? u.bulkIn : u.bulkOut);
    return 0;
  } catch (e) { return e && e.name === 'NotFoundError' ? 3 : 4; }
});

EM_JS(int, kiln_usb_length, (), { return Module.kilnUsbLength | 0; });
EM_JS(int, kiln_usb_interface, (), { return Module.kilnUsb ? Module.kilnUsb.interfaceNumber | 0 : 0; });

namespace kiln::wasm {
namespace {

usb::TransferStatus toStatus(int code) {
  switch (code) {
    case 0: return usb::TransferStatus::Ok;
    case 1: return usb::TransferStatus::Stall;
    case 2: return usb::TransferStatus::Timeout;
    case 3: return usb::TransferStatus::Disconnected;
    default: return usb::TransferStatus::Error;
  }
}

usb::TransferResult result(int code) {
  return {toStatus(code), static_cast<std::size_t>(kiln_usb_length())};
}

}  // namespace

usb::TransferResult WebUsbPipe::bulkOut(std::span<const std::uint8_t> data, std::uint32_t timeoutMs) {
  return result(kiln_usb_bulk_out(data.data(), static_cast<int>(data.size()), static_cast<int>(timeoutMs)));
}

usb::TransferResult WebUsbPipe::bulkIn(std::span<std::uint8_t> data, std::uint32_t timeoutMs) {
  return result(kiln_usb_bulk_in(data.data(), static_cast<int>(data.size()), static_cast<int>(timeoutMs)));
}

usb::TransferResult WebUsbPipe::control(const usb::ControlSetup& s, std::span<std::uint8_t> data, std::uint32_t timeoutMs) {
  return result(kiln_usb_control(s.requestType, s.request, s.value, s.index, data.data(), static_cast<int>(data.size()),
                                 static_cast<int>(timeoutMs)));
}

usb::TransferStatus WebUsbPipe::clearHalt(usb::Endpoint endpoint) {
  return toStatus(kiln_usb_clear_halt(endpoint == usb::Endpoint::BulkIn ? 1 : 0));
}

std::uint16_t WebUsbPipe::interfaceNumber() const { return static_cast<std::uint16_t>(kiln_usb_interface()); }

}  // namespace kiln::wasm
