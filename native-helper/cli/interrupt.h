#pragma once
// Ctrl-C during a burn: the SIGINT/SIGTERM handler only sets an atomic flag and writes one byte to a self-pipe
// (both async-signal-safe); a watcher thread wakes on the pipe and runs the callback (e.g.
// TrackAtOnceWriter::cancelAddTrack, which is thread-safe) outside signal context. A second Ctrl-C kills the
// process the default way (SA_RESETHAND).
#include <atomic>
#include <functional>
#include <thread>

namespace kiln::cli {

class InterruptWatcher {
 public:
  /// Installs the handlers and starts the watcher. Only one instance may exist at a time.
  explicit InterruptWatcher(std::function<void()> onInterrupt);
  /// Restores the previous handlers and joins the watcher.
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher&) = delete;
  InterruptWatcher& operator=(const InterruptWatcher&) = delete;

  /// True once SIGINT/SIGTERM arrived.
  bool interrupted() const;

 private:
  void watch();
  std::function<void()> onInterrupt_;
  std::thread watcher_;
};

}  // namespace kiln::cli
