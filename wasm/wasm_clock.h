#pragma once
// kiln::Clock for the browser: performance.now() for time, emscripten_sleep (Asyncify: yields to the JS event
// loop, so progress and cancel messages get through) for waiting. Used by the virtual drive's real-time
// emulation and the Recorder's TEST UNIT READY polling.
#include <emscripten.h>

#include "core/util/clock.h"

namespace kiln::wasm {

class WasmClock final : public Clock {
 public:
  double nowMs() override { return emscripten_get_now(); }
  /// Suspends the WASM stack (Asyncify) for about `ms` milliseconds; 0 still yields once to the event loop.
  void sleepMs(double ms) override { emscripten_sleep(ms > 0 ? static_cast<unsigned>(ms + 0.5) : 0); }
};

}  // namespace kiln::wasm
