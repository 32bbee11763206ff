#pragma once
// What `kiln burn` tells the user, independent of how (TTY progress bar, plain lines, JSON lines).
#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/progress.h"
#include "core/formats/raw_progress.h"
#include "core/imapi/error.h"

namespace kiln::ui {

/// One input as planned before anything is written.
struct PlannedTrack {
  std::string path;
  std::string format;        ///< libsndfile's format name
  int sampleRate = 0;        ///< source Hz
  int channels = 0;          ///< source channels
  std::uint64_t bytes = 0;   ///< exact 44.1 kHz 16-bit stereo bytes
  std::int32_t sectors = 0;  ///< on disc: whole sectors, at least 300
};

/// The burn as decided up front.
struct BurnPlan {
  std::string drive;
  std::string media;           ///< IMAPI_MEDIA_PHYSICAL_TYPE name, e.g. IMAPI_MEDIA_TYPE_CDR
  bool dummy = false;          ///< test write (simulation)
  bool finalize = true;
  std::int32_t speed = -1;     ///< requested sectors/s, −1 = fastest
  std::int32_t freeSectors = 0;
  std::int32_t neededSectors = 0;
  std::vector<PlannedTrack> tracks;
  // ---- disc-at-once (`--dao`, `--cue`) ----
  std::string mode = "tao";    ///< "tao" or "dao"
  std::string sectorType;      ///< dao: "pq" | "cooked" | "raw" (page 05h data block type 1/2/3)
  std::vector<std::int32_t> trackStarts;  ///< dao: INDEX 01 LBA of each track
  std::int32_t leadOutLba = 0;            ///< dao: first lead-out sector
  bool cdText = false, mcn = false;       ///< dao: CD-TEXT / media catalog number written
};

/// A finished (or cancelled-short) track as the drive recorded it.
struct TrackDone {
  int index = 0;               ///< 1-based position in the plan
  std::int32_t trackNumber = 0;
  std::int32_t startLba = 0;
  std::int32_t sectors = 0;
  bool cancelled = false;
};

/// Outcome of the whole run.
struct BurnSummary {
  bool ok = true;
  bool cancelled = false;
  int tracksWritten = 0;
  double seconds = 0;          ///< wall time of the write, s
  double audioSeconds = 0;     ///< audio written, s
  /// dao: the write stopped part-way (cancel or error after the first sector): the disc is neither blank nor
  /// usable (IDiscFormat2RawCD::CancelWrite "indeterminate state").
  bool indeterminate = false;
  std::string indeterminateMessage;  ///< what to tell the user (what happened, what to do: `kiln blank` or discard)
};

/// Receives burn events in order: start, (progress*, trackDone)*, then finished or error (then finished).
class BurnReporter {
 public:
  virtual ~BurnReporter() = default;
  virtual void start(const BurnPlan& plan) = 0;
  /// `index` = 1-based plan position of the track being written.
  virtual void progress(int index, const formats::TaoProgress& progress) = 0;
  virtual void trackDone(const TrackDone& done) = 0;
  /// Disc-at-once progress (IDiscFormat2RawCDEventArgs) over the whole write, lead-in to lead-out.
  virtual void daoProgress(const formats::RawCdProgress& progress) = 0;
  virtual void error(const Error& error) = 0;
  virtual void finished(const BurnSummary& summary) = 0;
};

/// IMAPI_FORMAT2_TAO_WRITE_ACTION_* name of an action.
std::string taoActionName(formats::TaoWriteAction action);
/// IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_* name of an action.
std::string rawActionName(formats::RawCdWriteAction action);
/// Where a disc-at-once write is: 0 = lead-in (and track 1's pregap), 1..n = the 1-based track whose INDEX 01 ≤
/// `lba`, n + 1 = lead-out.
int daoPosition(const BurnPlan& plan, std::int32_t lba);

}  // namespace kiln::ui
