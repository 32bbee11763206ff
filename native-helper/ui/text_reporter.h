#pragma once
// Human output for `kiln burn`: the plan and a line per finished track on stdout; on a TTY a live progress bar
// (overall %, track n/N, action, x-speed, time left) on stderr.
#include <chrono>
#include <cstdio>
#include <optional>

#include "native-helper/ui/burn_events.h"
#include "native-helper/ui/progress_bar.h"

namespace kiln::ui {

class TextReporter final : public BurnReporter {
 public:
  /// `tty`: draw the bar on `err`; otherwise only whole lines are printed.
  TextReporter(std::FILE* out, std::FILE* err, bool tty) : out_(out), err_(err), bar_(err), tty_(tty) {}
  void start(const BurnPlan& plan) override;
  void progress(int index, const formats::TaoProgress& progress) override;
  void trackDone(const TrackDone& done) override;
  void daoProgress(const formats::RawCdProgress& progress) override;
  void error(const Error& error) override;
  void finished(const BurnSummary& summary) override;

 private:
  std::FILE* out_;
  std::FILE* err_;
  ProgressBar bar_;
  bool tty_;
  BurnPlan plan_;
  std::int64_t sectorsDone_ = 0;  ///< sectors of completed tracks
  int barIndex_ = 0;              ///< track the in-track count belongs to
  int doneIndex_ = 0;             ///< last track reported done (its sectors are in sectorsDone_)
  std::int64_t inTrack_ = 0;      ///< most sectors of the current track the drive reported recorded
  std::chrono::steady_clock::time_point started_{};
};

/// "MM:SS.ff" for a sector count (75 sectors per second; ff = frames), e.g. 4:12.34 → "04:12.34".
std::string formatDuration(std::int64_t sectors);

}  // namespace kiln::ui
