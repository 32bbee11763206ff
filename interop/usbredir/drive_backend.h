#pragma once
// What kiln-usbredir serves: the virtual drive (media directory, media type, faults) behind a BotFunction,
// with the optional CDB log in between, and what happens to the disc at exit (export).
#include <memory>

#include "interop/usbredir/bot_function.h"
#include "interop/usbredir/options.h"

namespace kiln::interop {

class DriveBackend {
 public:
  virtual ~DriveBackend() = default;
  virtual BotFunction& function() = 0;
  /// Called once after the guest disconnected: persists the disc and writes the export if asked to.
  /// Throws kiln::Error on I/O failure.
  virtual void finish() {}
  /// Called about every 100 ms while serving: arms faults requested through --control-dir.
  virtual void poll() {}
};

/// Builds the backend the options ask for. Throws kiln::Error (E_INVALIDARG for a bad media type or fault spec,
/// file errors from the media store).
std::unique_ptr<DriveBackend> openBackend(const Options& options);

}  // namespace kiln::interop
