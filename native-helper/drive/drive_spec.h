#pragma once
// Which drive a command talks to: `--drive virtual:DIR` (a virtual CD recorder whose disc lives in DIR) or
// `--drive virtual` (the default directory). Real drives (SG_IO / libusb) come with a later issue.
#include <filesystem>
#include <string>

namespace kiln::drive {

/// Blank media a new virtual disc can be (`--media`).
enum class MediaKind { CdR74, CdR80, CdRw80 };

struct DriveSpec {
  std::filesystem::path virtualDir;  ///< the virtual drive's directory
  std::string text;                  ///< as shown to the user: "virtual:/abs/dir"
};

/// `$XDG_DATA_HOME/kiln/virtual-drive`, else `$HOME/.local/share/kiln/virtual-drive`, else `./kiln-virtual-drive`.
std::filesystem::path defaultVirtualDriveDir();

/// Parses "virtual:DIR" or "virtual" (→ defaultVirtualDriveDir()). DIR is made absolute. Anything else →
/// kiln::Error(E_INVALIDARG) naming the accepted forms.
DriveSpec parseDriveSpec(const std::string& text);

/// "cdr74" | "cdr80" | "cdrw80" → MediaKind; else kiln::Error(E_INVALIDARG).
MediaKind parseMediaKind(const std::string& text);
/// The inverse of parseMediaKind.
std::string mediaKindName(MediaKind kind);

}  // namespace kiln::drive
