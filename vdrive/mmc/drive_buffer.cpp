#include "vdrive/mmc/drive_buffer.h"

#include <algorithm>

namespace kiln::vdrive::mmc {

bool DriveBuffer::drain() {
  const double now = clock_.nowMs();
  const double elapsed = now - lastMs_;
  lastMs_ = now;
  if (speedX_ <= 0) {
    fill_ = 0;
    return false;
  }
  if (!recording_) return false;
  const double due = elapsed * bytesPerMs(sectorBytes_);
  const bool dry = due > fill_ + 0.5;  // half a byte of slack against rounding
  fill_ = std::max(0.0, fill_ - due);
  return dry;
}

std::uint32_t DriveBuffer::freeBytes() {
  drain();
  return static_cast<std::uint32_t>(std::max(0.0, capacity_ - fill_));
}

bool DriveBuffer::checkUnderrun() {
  const bool dry = drain();
  if (dry) recording_ = false;
  return dry;
}

void DriveBuffer::accept(std::uint32_t bytes, std::uint32_t sectorBytes) {
  drain();
  sectorBytes_ = sectorBytes;
  if (speedX_ <= 0) return;
  const double overflow = fill_ + bytes - capacity_;
  if (overflow > 0 && recording_) {
    clock_.sleepMs(overflow / bytesPerMs(sectorBytes_));
    drain();
  }
  fill_ += bytes;
  recording_ = true;
  lastMs_ = clock_.nowMs();
}

void DriveBuffer::flush() {
  drain();
  if (speedX_ > 0 && fill_ > 0) {
    clock_.sleepMs(fill_ / bytesPerMs(sectorBytes_));
    drain();
  }
  fill_ = 0;
  recording_ = false;
}

}  // namespace kiln::vdrive::mmc
