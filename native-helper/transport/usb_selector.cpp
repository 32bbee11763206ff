#include "native-helper/transport/usb_selector.h"

#include <cctype>
#include <cstdio>
#include <sstream>

#include "core/imapi/error.h"

namespace kiln::transport {
namespace {

[[noreturn]] void invalid(const std::string& text) {
  throw Error(HResult::E_INVALIDARG, "bad USB drive '" + text +
                                         "': use usb:VID:PID (hex, e.g. usb:1209:0001) or usb:BUS-PORT (e.g. usb:1-1.4)");
}

/// Parses digits in `base` into a value ≤ max; false on empty, junk or overflow.
bool parseNumber(const std::string& s, int base, unsigned long max, unsigned long& value) {
  if (s.empty() || s.size() > 5) return false;
  for (char c : s) {
    const bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(c)) : std::isdigit(static_cast<unsigned char>(c));
    if (!ok) return false;
  }
  value = std::stoul(s, nullptr, base);
  return value <= max;
}

}  // namespace

std::string UsbSelector::text() const {
  char buf[16];
  if (byIds) {
    std::snprintf(buf, sizeof buf, "%04x:%04x", vendorId, productId);
    return buf;
  }
  std::string out = std::to_string(bus) + "-";
  for (std::size_t i = 0; i < ports.size(); ++i) out += (i ? "." : "") + std::to_string(ports[i]);
  return out;
}

UsbSelector parseUsbSelector(const std::string& text) {
  UsbSelector s;
  unsigned long v = 0;
  if (const auto colon = text.find(':'); colon != std::string::npos) {
    if (!parseNumber(text.substr(0, colon), 16, 0xFFFF, v) || text.size() - colon - 1 > 4) invalid(text);
    s.vendorId = static_cast<std::uint16_t>(v);
    if (!parseNumber(text.substr(colon + 1), 16, 0xFFFF, v)) invalid(text);
    s.productId = static_cast<std::uint16_t>(v);
    if (text.substr(0, colon).size() > 4) invalid(text);
    return s;
  }
  const auto dash = text.find('-');
  if (dash == std::string::npos || !parseNumber(text.substr(0, dash), 10, 255, v) || v == 0) invalid(text);
  s.byIds = false;
  s.bus = static_cast<std::uint8_t>(v);
  std::stringstream rest(text.substr(dash + 1));
  std::string port;
  while (std::getline(rest, port, '.')) {
    if (!parseNumber(port, 10, 255, v) || v == 0) invalid(text);
    s.ports.push_back(static_cast<std::uint8_t>(v));
  }
  if (s.ports.empty() || s.ports.size() > 7 || text.back() == '.') invalid(text);
  return s;
}

}  // namespace kiln::transport
