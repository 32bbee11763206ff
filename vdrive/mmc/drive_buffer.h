#pragma once
// The drive's write buffer (MMC-6 §6.27 READ BUFFER CAPACITY) and real-time recording model. With a write speed
// of N× the buffer drains at N × 75 sectors/s of kiln::Clock time; a full buffer makes WRITE wait (clock.sleepMs),
// and a buffer that runs dry while recording is a buffer underrun (loss of streaming unless BUFE is set).
// Speed 0 = unthrottled: the buffer empties instantly and never underruns.
#include <cstdint>

#include "core/util/clock.h"

namespace kiln::vdrive::mmc {

class DriveBuffer {
 public:
  DriveBuffer(Clock& clock, std::uint32_t capacityBytes, double speedX)
      : clock_(clock), capacity_(capacityBytes), speedX_(speedX) {}

  std::uint32_t capacityBytes() const { return capacity_; }
  /// Free bytes after draining to the current clock time.
  std::uint32_t freeBytes();
  /// True when recording and the buffer ran dry since the last WRITE (sectors were due but none were buffered).
  /// Drains to now. Clears the recording state when it reports an underrun.
  bool checkUnderrun();
  /// Accepts `bytes` of a WRITE, waiting on the clock while the buffer is full; starts recording.
  void accept(std::uint32_t bytes, std::uint32_t sectorBytes);
  /// Waits until everything buffered was recorded (SYNCHRONIZE CACHE, CLOSE TRACK/SESSION); stops recording.
  void flush();
  /// Stops recording without waiting (track closed by an error).
  void stop() { recording_ = false; fill_ = 0; }
  bool recording() const { return recording_; }
  /// True when real-time emulation is on (speed > 0).
  bool paced() const { return speedX_ > 0; }
  /// Changes the recording speed (SET CD SPEED while paced); what was recorded so far drains at the old speed.
  void setSpeedX(double speedX) {
    drain();
    speedX_ = speedX;
  }

 private:
  double bytesPerMs(std::uint32_t sectorBytes) const { return speedX_ * 75.0 * sectorBytes / 1000.0; }
  /// Drains to now; returns true if more was due than buffered (ran dry).
  bool drain();

  Clock& clock_;
  std::uint32_t capacity_;
  double speedX_;
  double fill_ = 0;  ///< bytes buffered
  double lastMs_ = 0;
  std::uint32_t sectorBytes_ = 2352;
  bool recording_ = false;
};

}  // namespace kiln::vdrive::mmc
