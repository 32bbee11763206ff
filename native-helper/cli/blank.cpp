#include "native-helper/cli/blank.h"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/formats/raw_cd_writer.h"
#include "native-helper/cli/burn_shared.h"
#include "native-helper/cli/disc_report.h"
#include "native-helper/ui/json_reporter.h"
#include "native-helper/ui/progress_bar.h"

namespace kiln::cli {
namespace {

/// Reports elapsed time every 500 ms while BLANK runs (the drive gives no percentage through TEST UNIT READY
/// polling here): a ticking line on a TTY, "progress" events with --json.
class BlankTicker {
 public:
  BlankTicker(bool json, bool tty, bool full) : json_(json), tty_(tty), full_(full), bar_(stderr) {
    if (json_ || tty_) thread_ = std::thread([this] { run(); });
  }
  ~BlankTicker() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (tty_ && !json_) bar_.clear();
  }

 private:
  void run() {
    const auto t0 = std::chrono::steady_clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    while (!cv_.wait_for(lock, std::chrono::milliseconds(500), [this] { return stop_; })) {
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      if (json_) ui::writeJsonLine(stdout, {{"event", "progress"}, {"action", "blanking"}, {"ElapsedTime", s}});
      else bar_.draw(0, std::string(full_ ? "full" : "minimal") + " blank, " + std::to_string(static_cast<int>(s)) + " s",
                     true);
    }
  }
  bool json_, tty_, full_;
  ui::ProgressBar bar_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

CLI::App* addBlankCommand(CLI::App& app, BlankOptions& o) {
  CLI::App* cmd = app.add_subcommand("blank", "Erase a CD-RW (minimal blank; --full rewrites the whole disc)");
  addDriveOptions(*cmd, o.drive);
  cmd->add_flag("--full", o.full, "Full blank (slow: every sector) instead of minimal (PMA, TOC, pregap)");
  cmd->add_flag("--json", o.json, "Print JSON events");
  return cmd;
}

int runBlank(const BlankOptions& o) {
  drive::DriveSession session(drive::parseDriveSpec(o.drive.drive), virtualSettings(o.drive));
  formats::RawCdWriter writer;
  writer.setRecorder(&session.recorder());
  writer.setClientName("kiln");
  session.recorder().waitUntilReady(formats::RawCdWriter::kPrepareTimeoutMs);
  const std::string media = mediaTypeName(session.recorder().currentPhysicalMediaType());
  if (o.json)
    ui::writeJsonLine(stdout, {{"event", "start"}, {"drive", session.spec().text}, {"media", media}, {"full", o.full}});
  else
    std::printf("Blanking %s (%s, %s)…\n", session.spec().text.c_str(), media.c_str(), o.full ? "full" : "minimal");
  std::fflush(stdout);
  const auto t0 = std::chrono::steady_clock::now();
  {
    BlankTicker ticker(o.json, ::isatty(STDERR_FILENO) != 0, o.full);
    writer.eraseMedia(o.full);
  }
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const DiscReport after = collectDiscReport(session.recorder(), session.spec().text);
  if (o.json)
    ui::writeJsonLine(stdout, {{"event", "finished"}, {"ok", true}, {"seconds", s}, {"discStatus", after.discStatus},
                               {"freeSectors", after.freeSectors}});
  else
    std::printf("Done in %.1f s: the disc is %s, %d sectors free.\n", s, after.discStatus.c_str(), after.freeSectors);
  return kExitOk;
}

}  // namespace kiln::cli
