#pragma once
// kiln::Clock for the native CLI: std::chrono::steady_clock and std::this_thread::sleep_for (core has no OS
// calls, so real time enters here).
#include "core/util/clock.h"

namespace kiln::drive {

class SystemClock final : public Clock {
 public:
  /// Milliseconds of steady_clock since this object was created.
  double nowMs() override;
  /// Sleeps about `ms` milliseconds (nothing for ms ≤ 0).
  void sleepMs(double ms) override;

 private:
  double originMs_ = rawMs();
  static double rawMs();
};

}  // namespace kiln::drive
