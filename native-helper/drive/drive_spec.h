#pragma once
// Which drive a command talks to: `--drive virtual:DIR` (a virtual CD recorder whose disc lives in DIR),
// `--drive virtual` (the default directory), `--drive sg:/dev/sg0` (a real drive through Linux SG_IO; /dev/sr0
// works too) or `--drive usb:VID:PID` / `usb:BUS-PORT` (a real USB drive through libusb, Bulk-Only Transport).
#include <filesystem>
#include <string>

#include "native-helper/transport/usb_selector.h"

namespace kiln::drive {

/// Blank media a new virtual disc can be (`--media`).
enum class MediaKind { CdR74, CdR80, CdRw80 };

enum class DriveKind { Virtual, SgIo, Usb };

struct DriveSpec {
  std::filesystem::path virtualDir;  ///< the virtual drive's directory (kind Virtual)
  std::string text;                  ///< as shown to the user: "virtual:/abs/dir", "sg:/dev/sg0", "usb:1209:0001"
  DriveKind kind = DriveKind::Virtual;
  std::string devicePath;            ///< kind SgIo: the /dev node
  transport::UsbSelector usb{};      ///< kind Usb: which device
};

/// `$XDG_DATA_HOME/kiln/virtual-drive`, else `$HOME/.local/share/kiln/virtual-drive`, else `./kiln-virtual-drive`.
std::filesystem::path defaultVirtualDriveDir();

/// Parses "virtual:DIR" or "virtual" (→ defaultVirtualDriveDir(); DIR is made absolute), "sg:PATH" (PATH as
/// given, must not be empty) or "usb:VID:PID" / "usb:BUS-PORT[.PORT…]" (transport::parseUsbSelector).
/// Anything else → kiln::Error(E_INVALIDARG) naming the accepted forms.
DriveSpec parseDriveSpec(const std::string& text);

/// "cdr74" | "cdr80" | "cdrw80" → MediaKind; else kiln::Error(E_INVALIDARG).
MediaKind parseMediaKind(const std::string& text);
/// The inverse of parseMediaKind.
std::string mediaKindName(MediaKind kind);

}  // namespace kiln::drive
