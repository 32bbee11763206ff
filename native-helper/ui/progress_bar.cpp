#include "native-helper/ui/progress_bar.h"

#include <algorithm>
#include <cmath>

namespace kiln::ui {

std::string ProgressBar::render(double fraction, int width) {
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int filled = static_cast<int>(std::floor(fraction * width));
  char pct[8];
  std::snprintf(pct, sizeof pct, "%4d%%", static_cast<int>(std::floor(fraction * 100)));
  std::string out = "[";
  out.append(static_cast<std::size_t>(filled), '#');
  out.append(static_cast<std::size_t>(width - filled), '-');
  out += ']';
  out += pct;
  return out;
}

void ProgressBar::draw(double fraction, const std::string& label, bool force) {
  const auto now = std::chrono::steady_clock::now();
  if (!force && visible_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  std::fprintf(out_, "\r%s  %s\033[K", render(fraction, width_).c_str(), label.c_str());
  std::fflush(out_);
  visible_ = true;
}

void ProgressBar::clear() {
  if (!visible_) return;
  std::fprintf(out_, "\r\033[K");
  std::fflush(out_);
  visible_ = false;
}

}  // namespace kiln::ui
