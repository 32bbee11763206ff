#include "native-helper/drive/system_clock.h"

#include <chrono>
#include <thread>

namespace kiln::drive {

double SystemClock::rawMs() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double SystemClock::nowMs() { return rawMs() - originMs_; }

void SystemClock::sleepMs(double ms) {
  if (ms > 0) std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(ms));
}

}  // namespace kiln::drive
