#pragma once
// What `kiln burn` tells the user, independent of how (TTY progress bar, plain lines, JSON lines).
#include <cstdint>
#include <string>
#include <vector>

#include "core/formats/progress.h"
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
};

/// Receives burn events in order: start, (progress*, trackDone)*, then finished or error (then finished).
class BurnReporter {
 public:
  virtual ~BurnReporter() = default;
  virtual void start(const BurnPlan& plan) = 0;
  /// `index` = 1-based plan position of the track being written.
  virtual void progress(int index, const formats::TaoProgress& progress) = 0;
  virtual void trackDone(const TrackDone& done) = 0;
  virtual void error(const Error& error) = 0;
  virtual void finished(const BurnSummary& summary) = 0;
};

/// IMAPI_FORMAT2_TAO_WRITE_ACTION_* name of an action.
std::string taoActionName(formats::TaoWriteAction action);

}  // namespace kiln::ui
