#pragma once
// `--json`: one JSON object per line on the given stream (flushed per line), keys named after IMAPI properties.
//   {"event":"start","drive":…,"media":…,"dummy":…,"finalize":…,"freeSectors":…,"neededSectors":…,"tracks":[…]}
//   {"event":"progress","index":3,"CurrentAction":"IMAPI_FORMAT2_TAO_WRITE_ACTION_WRITING","CurrentTrackNumber":3,
//    "StartLba":…,"SectorCount":…,"LastReadLba":…,"LastWrittenLba":…,"ElapsedTime":…,"RemainingTime":…,
//    "TotalSystemBuffer":…,"UsedSystemBuffer":…,"FreeSystemBuffer":…,"TotalDeviceBuffer":…,"UsedDeviceBuffer":…}
//   {"event":"track-done","index":…,"trackNumber":…,"startLba":…,"sectors":…,"cancelled":…}
//   {"event":"error","hresult":"0xC0AA0509","name":"E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE","message":…}
//   {"event":"finished","ok":…,"cancelled":…,"tracksWritten":…,"seconds":…,"audioSeconds":…[,"indeterminate":true,
//    "message":…]}
// Disc-at-once (--dao/--cue): "start" adds "mode":"dao","sectorType","trackStarts","leadOutLba","cdText","mcn";
//   {"event":"progress","mode":"dao","index":k (0 lead-in, n+1 lead-out),"CurrentAction":
//    "IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_WRITING",… the IWriteEngine2EventArgs names …}
#include <cstdio>

#include <nlohmann/json.hpp>

#include "native-helper/ui/burn_events.h"

namespace kiln::ui {

/// JSON for one error: {"hresult","name","message"} (used by every subcommand's --json error output).
nlohmann::json errorJson(const Error& error);
/// Writes `j` as one line to `out` and flushes.
void writeJsonLine(std::FILE* out, const nlohmann::json& j);

class JsonReporter final : public BurnReporter {
 public:
  explicit JsonReporter(std::FILE* out) : out_(out) {}
  void start(const BurnPlan& plan) override;
  void progress(int index, const formats::TaoProgress& progress) override;
  void trackDone(const TrackDone& done) override;
  void daoProgress(const formats::RawCdProgress& progress) override;
  void error(const Error& error) override;
  void finished(const BurnSummary& summary) override;

 private:
  std::FILE* out_;
  BurnPlan plan_;  ///< dao: track starts for progress positions
};

}  // namespace kiln::ui
