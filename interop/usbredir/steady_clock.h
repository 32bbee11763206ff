#pragma once
// kiln::Clock on std::chrono::steady_clock (the drive's real-time emulation and not-ready windows run on it).
#include <chrono>
#include <thread>

#include "core/util/clock.h"

namespace kiln::interop {

class SteadyClock final : public Clock {
 public:
  double nowMs() override {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin_).count();
  }
  void sleepMs(double ms) override {
    if (ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
  }

 private:
  std::chrono::steady_clock::time_point origin_ = std::chrono::steady_clock::now();
};

}  // namespace kiln::interop
