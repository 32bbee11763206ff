#pragma once
// A one-line progress bar for a terminal: redrawn in place with '\r', throttled, cleared before other output.
// (Debian packages no progress-bar library; this is all `kiln` needs.)
#include <chrono>
#include <cstdio>
#include <string>

namespace kiln::ui {

class ProgressBar {
 public:
  /// `out` should be a TTY; `width` = columns of the bar itself.
  explicit ProgressBar(std::FILE* out, int width = 30) : out_(out), width_(width) {}
  /// Draws `fraction` (clamped to 0..1) and `label`; skipped if the last draw was < 100 ms ago unless `force`.
  void draw(double fraction, const std::string& label, bool force = false);
  /// Erases the line so normal output can follow.
  void clear();

  /// The bar text alone, e.g. "[#####---------]  33%" (for tests).
  static std::string render(double fraction, int width);

 private:
  std::FILE* out_;
  int width_;
  bool visible_ = false;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kiln::ui
