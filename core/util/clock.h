#pragma once
// Time as an injected service: core has no OS calls, so waiting (TEST UNIT READY polling, real-time drive
// emulation) goes through this interface. Native: steady_clock + sleep; WASM: performance.now + emscripten_sleep
// (Asyncify); tests: a FakeClock whose sleep advances time instantly.
#include <cstdint>

namespace kiln {

class Clock {
 public:
  virtual ~Clock() = default;
  /// Monotonic time in milliseconds since an arbitrary origin.
  virtual double nowMs() = 0;
  /// Blocks (or yields, in WASM) for about `ms` milliseconds.
  virtual void sleepMs(double ms) = 0;
};

/// A clock for tests and unthrottled runs: time only moves when sleepMs is called (or advance()).
class FakeClock final : public Clock {
 public:
  double nowMs() override { return now_; }
  void sleepMs(double ms) override { now_ += ms > 0 ? ms : 0; }
  void advance(double ms) { now_ += ms; }

 private:
  double now_ = 0;
};

}  // namespace kiln
