#pragma once
// An opened drive for one `kiln` command and a mmc::Recorder on top: the virtual CD recorder (disc kept in a
// directory) reached the way a real USB drive is — UsbBotTransport over the drive's BulkPipe —, a real drive
// through Linux SG_IO (transport::SgIoTransport), or a real USB drive through libusb (UsbBotTransport over
// transport::LibusbPipe).
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/mmc/recorder.h"
#include "native-helper/drive/drive_spec.h"
#include "native-helper/drive/system_clock.h"

namespace kiln::drive {

/// Knobs of the virtual drive.
struct VirtualDriveSettings {
  MediaKind media = MediaKind::CdR80;  ///< media of a new blank disc (an existing disc in the directory is kept)
  double speedX = 0;                   ///< emulated real-time write speed, x (1x = 75 sectors/s); 0 = unthrottled
  std::vector<std::string> faults;     ///< "not-ready-ms=N", "not-ready-commands=N", "write-error-lba=N",
                                       ///< "remove-after-writes=N", "unit-attention"
  bool detachKernelDriver = false;     ///< usb: drives: detach usb-storage from the interface (reattached at exit)
};

/// Files an export wrote.
struct ExportedPaths {
  std::string sheet;  ///< the .cue / .toc
  std::string audio;  ///< the .bin (CUE) or .wav (TOC) beside it
};

class DriveSession {
 public:
  /// Opens (creating the directory and a blank disc if needed) the drive `spec` names. Throws kiln::Error:
  /// E_INVALIDARG for a malformed fault (or any fault on a real drive), HRESULT_FROM_WIN32_ERROR_WRITE_FAULT if
  /// the directory cannot be made; for real drives what SgIoTransport / LibusbPipe throw when opening.
  DriveSession(const DriveSpec& spec, const VirtualDriveSettings& settings);
  ~DriveSession();
  DriveSession(const DriveSession&) = delete;
  DriveSession& operator=(const DriveSession&) = delete;

  mmc::Recorder& recorder();
  const DriveSpec& spec() const { return spec_; }

  /// True for the virtual drive (only it can export: the disc is in its store).
  bool isVirtual() const { return spec_.kind == DriveKind::Virtual; }

  /// Virtual drive only (E_NOTIMPL for a real drive: rip it with cdparanoia).
  /// Writes a CUE sheet at `cue` and the disc's audio as one BIN file beside it (same stem, .bin; 2352-byte
  /// little-endian sectors). Throws kiln::Error (E_INVALIDARG on a blank disc,
  /// HRESULT_FROM_WIN32_ERROR_WRITE_FAULT on I/O errors).
  ExportedPaths exportCue(const std::filesystem::path& cue);
  /// Virtual drive only (E_NOTIMPL for a real drive).
  /// Writes a cdrdao TOC file at `toc` and its audio beside it (same stem, .wav: cdrdao reads WAV as LE).
  ExportedPaths exportToc(const std::filesystem::path& toc);

 private:
  struct Impl;
  DriveSpec spec_;
  SystemClock clock_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kiln::drive
