#include "vdrive/virtual_drive.h"

namespace kiln::vdrive {

VirtualDrive::VirtualDrive(MediumStore& store, MediaKind blankKind, Clock& clock, DriveOptions options)
    : store_(store),
      mmc_(store, blankKind, clock, faults_, std::move(options)),
      bot_(mmc_, [this](std::span<const std::uint8_t> cdb) { return mmc_.expectedDataOut(cdb); }, faults_),
      pipe_(bot_) {}

}  // namespace kiln::vdrive
