#include "native-helper/drive/drive_spec.h"

#include <cstdlib>

#include "core/imapi/error.h"

namespace kiln::drive {

std::filesystem::path defaultVirtualDriveDir() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "kiln" / "virtual-drive";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".local" / "share" / "kiln" / "virtual-drive";
  return std::filesystem::absolute("kiln-virtual-drive");
}

DriveSpec parseDriveSpec(const std::string& text) {
  static const std::string prefix = "virtual:";
  if (text.rfind("sg:", 0) == 0 && text.size() > 3) {
    DriveSpec spec;
    spec.kind = DriveKind::SgIo;
    spec.devicePath = text.substr(3);
    spec.text = text;
    return spec;
  }
  if (text.rfind("usb:", 0) == 0) {
    DriveSpec spec;
    spec.kind = DriveKind::Usb;
    spec.usb = transport::parseUsbSelector(text.substr(4));
    spec.text = "usb:" + spec.usb.text();
    return spec;
  }
  std::filesystem::path dir;
  if (text == "virtual") {
    dir = defaultVirtualDriveDir();
  } else if (text.rfind(prefix, 0) == 0 && text.size() > prefix.size()) {
    dir = std::filesystem::absolute(text.substr(prefix.size())).lexically_normal();
  } else {
    throw Error(HResult::E_INVALIDARG, "unknown drive '" + text +
                                           "': use virtual, virtual:DIR, sg:/dev/sgN (or sg:/dev/srN), usb:VID:PID or "
                                           "usb:BUS-PORT (see `kiln devices`)");
  }
  DriveSpec spec;
  spec.virtualDir = dir;
  spec.text = "virtual:" + dir.string();
  return spec;
}

MediaKind parseMediaKind(const std::string& text) {
  if (text == "cdr74") return MediaKind::CdR74;
  if (text == "cdr80") return MediaKind::CdR80;
  if (text == "cdrw80") return MediaKind::CdRw80;
  throw Error(HResult::E_INVALIDARG, "unknown media '" + text + "': use cdr74, cdr80 or cdrw80");
}

std::string mediaKindName(MediaKind kind) {
  switch (kind) {
    case MediaKind::CdR74: return "cdr74";
    case MediaKind::CdR80: return "cdr80";
    case MediaKind::CdRw80: return "cdrw80";
  }
  return "?";
}

}  // namespace kiln::drive
