#include "native-helper/ui/text_reporter.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "core/imapi/hresult.h"

namespace kiln::ui {

std::string formatDuration(std::int64_t sectors) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld.%02lld", static_cast<long long>(sectors / 4500),
                static_cast<long long>((sectors / 75) % 60), static_cast<long long>(sectors % 75));
  return buf;
}

void TextReporter::start(const BurnPlan& plan) {
  plan_ = plan;
  started_ = std::chrono::steady_clock::now();
  if (plan.mode == "dao")
    std::fprintf(out_, "Burning %zu track(s) disc-at-once, %s (%d sectors; %d free) to %s [%s, %s sub-channel%s%s%s]\n",
                 plan.tracks.size(), formatDuration(plan.neededSectors).c_str(), plan.neededSectors, plan.freeSectors,
                 plan.drive.c_str(), plan.media.c_str(), plan.sectorType.c_str(), plan.cdText ? ", CD-TEXT" : "",
                 plan.mcn ? ", MCN" : "", plan.dummy ? ", dummy (test write)" : "");
  else
    std::fprintf(out_, "Burning %zu track(s), %s (%d sectors; %d free) to %s [%s%s%s]\n", plan.tracks.size(),
                 formatDuration(plan.neededSectors).c_str(), plan.neededSectors, plan.freeSectors, plan.drive.c_str(),
                 plan.media.c_str(), plan.dummy ? ", dummy (test write)" : "",
                 plan.finalize ? ", finalize" : ", leave open");
  std::fflush(out_);
}

void TextReporter::progress(int index, const formats::TaoProgress& p) {
  if (!tty_ || plan_.neededSectors <= 0) return;
  if (index != barIndex_) {
    barIndex_ = index;
    inTrack_ = 0;
  }
  // LastWrittenLba lags the data sent by the drive's buffer; it never goes back within a track.
  const bool counted = index == doneIndex_;  // session close after the last track: already in sectorsDone_
  if (!counted && (p.currentAction == formats::TaoWriteAction::Writing ||
                   p.currentAction == formats::TaoWriteAction::Finishing))
    inTrack_ = std::max<std::int64_t>(inTrack_, std::min(p.lastWrittenLba - p.startLba + 1, p.sectorCount));
  const double done = std::min<double>(static_cast<double>(sectorsDone_ + (counted ? 0 : inTrack_)), plan_.neededSectors);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const double x = secs > 0 ? done / 75.0 / secs : 0;
  std::string action = taoActionName(p.currentAction).substr(31);
  std::transform(action.begin(), action.end(), action.begin(), [](unsigned char c) { return std::tolower(c); });
  char label[160];
  std::snprintf(label, sizeof label, "track %d/%zu  %-9s %5.1fx  %s left", index, plan_.tracks.size(), action.c_str(),
                x, x > 0 ? formatDuration(static_cast<std::int64_t>((plan_.neededSectors - done) / x)).substr(0, 5).c_str()
                         : "--:--");
  bar_.draw(done / plan_.neededSectors, label);
}

void TextReporter::daoProgress(const formats::RawCdProgress& p) {
  if (!tty_ || p.sectorCount <= 0) return;
  const std::int64_t done = std::clamp<std::int64_t>(p.lastWrittenLba - p.startLba + 1, 0, p.sectorCount);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  const double x = secs > 0 ? done / 75.0 / secs : 0;
  const int k = daoPosition(plan_, p.lastWrittenLba);
  const int n = static_cast<int>(plan_.tracks.size());
  char where[32];
  if (k == 0) std::snprintf(where, sizeof where, "lead-in");
  else if (k > n) std::snprintf(where, sizeof where, "lead-out");
  else std::snprintf(where, sizeof where, "track %d/%d", k, n);
  std::string action = rawActionName(p.currentAction).substr(34);
  std::transform(action.begin(), action.end(), action.begin(), [](unsigned char c) { return std::tolower(c); });
  char label[160];
  std::snprintf(label, sizeof label, "%-11s %-9s %5.1fx  %s left", where, action.c_str(), x,
                x > 0 ? formatDuration(static_cast<std::int64_t>((p.sectorCount - done) / x)).substr(0, 5).c_str() : "--:--");
  bar_.draw(static_cast<double>(done) / p.sectorCount, label);
}

void TextReporter::trackDone(const TrackDone& d) {
  bar_.clear();
  sectorsDone_ += d.sectors;
  doneIndex_ = d.index;
  const std::string name =
      d.index >= 1 && d.index <= static_cast<int>(plan_.tracks.size())
          ? std::filesystem::path(plan_.tracks[d.index - 1].path).filename().string() : "";
  std::fprintf(out_, "  track %2d  LBA %6d  %s%s  %s\n", d.trackNumber, d.startLba, formatDuration(d.sectors).c_str(),
               d.cancelled ? " (cancelled: shortened)" : "", name.c_str());
  std::fflush(out_);
}

void TextReporter::error(const Error& error) {
  bar_.clear();
  std::fprintf(err_, "kiln: %s\n", error.what());
  std::fflush(err_);
}

void TextReporter::finished(const BurnSummary& s) {
  bar_.clear();
  const double x = s.seconds > 0 ? s.audioSeconds / s.seconds : 0;
  if (s.ok)
    std::fprintf(out_, "Done: %d track(s), %.1f s of audio in %.1f s (%.1fx)%s\n", s.tracksWritten, s.audioSeconds,
                 s.seconds, x, plan_.dummy ? "; test write: the disc is unchanged" : "");
  else if (s.indeterminate)
    std::fprintf(out_, "%s: %s\n", s.cancelled ? "Cancelled" : "Failed", s.indeterminateMessage.c_str());
  else
    std::fprintf(out_, "%s: %d track(s) on the disc from this run\n", s.cancelled ? "Cancelled" : "Failed",
                 s.tracksWritten);
  std::fflush(out_);
}

}  // namespace kiln::ui
