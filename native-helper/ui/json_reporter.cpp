#include "native-helper/ui/json_reporter.h"

#include "core/imapi/hresult.h"

namespace kiln::ui {

std::string taoActionName(formats::TaoWriteAction action) {
  switch (action) {
    case formats::TaoWriteAction::Preparing: return "IMAPI_FORMAT2_TAO_WRITE_ACTION_PREPARING";
    case formats::TaoWriteAction::Writing: return "IMAPI_FORMAT2_TAO_WRITE_ACTION_WRITING";
    case formats::TaoWriteAction::Finishing: return "IMAPI_FORMAT2_TAO_WRITE_ACTION_FINISHING";
    case formats::TaoWriteAction::Verifying: return "IMAPI_FORMAT2_TAO_WRITE_ACTION_VERIFYING";
    case formats::TaoWriteAction::Unknown: break;
  }
  return "IMAPI_FORMAT2_TAO_WRITE_ACTION_UNKNOWN";
}

std::string rawActionName(formats::RawCdWriteAction action) {
  switch (action) {
    case formats::RawCdWriteAction::Preparing: return "IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_PREPARING";
    case formats::RawCdWriteAction::Writing: return "IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_WRITING";
    case formats::RawCdWriteAction::Finishing: return "IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_FINISHING";
    case formats::RawCdWriteAction::Unknown: break;
  }
  return "IMAPI_FORMAT2_RAW_CD_WRITE_ACTION_UNKNOWN";
}

int daoPosition(const BurnPlan& plan, std::int32_t lba) {
  if (lba >= plan.leadOutLba) return static_cast<int>(plan.trackStarts.size()) + 1;
  int k = 0;
  for (std::size_t i = 0; i < plan.trackStarts.size(); ++i)
    if (plan.trackStarts[i] <= lba) k = static_cast<int>(i) + 1;
  return k;
}

namespace {

/// The IWriteEngine2EventArgs fields every progress event carries, under their IMAPI property names.
nlohmann::json engineArgs(const formats::WriteEngineProgress& p) {
  return {{"StartLba", p.startLba},
          {"SectorCount", p.sectorCount},
          {"LastReadLba", p.lastReadLba},
          {"LastWrittenLba", p.lastWrittenLba},
          {"TotalSystemBuffer", p.totalSystemBuffer},
          {"UsedSystemBuffer", p.usedSystemBuffer},
          {"FreeSystemBuffer", p.freeSystemBuffer},
          {"TotalDeviceBuffer", p.totalDeviceBuffer},
          {"UsedDeviceBuffer", p.usedDeviceBuffer}};
}

}  // namespace

nlohmann::json errorJson(const Error& error) {
  return {{"hresult", hresultHex(error.code())}, {"name", std::string(error.name())}, {"message", error.detail()}};
}

void writeJsonLine(std::FILE* out, const nlohmann::json& j) {
  const std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::fwrite(line.data(), 1, line.size(), out);
  std::fflush(out);
}

void JsonReporter::start(const BurnPlan& plan) {
  nlohmann::json tracks = nlohmann::json::array();
  for (const PlannedTrack& t : plan.tracks)
    tracks.push_back({{"path", t.path}, {"format", t.format}, {"sampleRate", t.sampleRate},
                      {"channels", t.channels}, {"bytes", t.bytes}, {"sectors", t.sectors}});
  nlohmann::json j = {{"event", "start"}, {"drive", plan.drive}, {"media", plan.media}, {"dummy", plan.dummy},
                      {"finalize", plan.finalize}, {"speed", plan.speed}, {"freeSectors", plan.freeSectors},
                      {"neededSectors", plan.neededSectors}, {"tracks", tracks}};
  if (plan.mode == "dao") {
    plan_ = plan;
    j.update({{"mode", "dao"}, {"sectorType", plan.sectorType}, {"trackStarts", plan.trackStarts},
              {"leadOutLba", plan.leadOutLba}, {"cdText", plan.cdText}, {"mcn", plan.mcn}});
  }
  writeJsonLine(out_, j);
}

void JsonReporter::daoProgress(const formats::RawCdProgress& p) {
  const int k = daoPosition(plan_, p.lastWrittenLba);
  nlohmann::json j = engineArgs(p);
  j.update({{"event", "progress"},
            {"mode", "dao"},
            {"index", k},
            {"CurrentAction", rawActionName(p.currentAction)},
            {"ElapsedTime", p.elapsedSeconds},
            {"RemainingTime", p.remainingSeconds}});
  writeJsonLine(out_, j);
}

void JsonReporter::progress(int index, const formats::TaoProgress& p) {
  nlohmann::json j = engineArgs(p);
  j.update({{"event", "progress"},
            {"index", index},
            {"CurrentAction", taoActionName(p.currentAction)},
            {"CurrentTrackNumber", p.currentTrackNumber},
            {"ElapsedTime", p.elapsedSeconds},
            {"RemainingTime", p.remainingSeconds}});
  writeJsonLine(out_, j);
}

void JsonReporter::trackDone(const TrackDone& d) {
  writeJsonLine(out_, {{"event", "track-done"}, {"index", d.index}, {"trackNumber", d.trackNumber},
                       {"startLba", d.startLba}, {"sectors", d.sectors}, {"cancelled", d.cancelled}});
}

void JsonReporter::error(const Error& error) {
  nlohmann::json j = errorJson(error);
  j["event"] = "error";
  writeJsonLine(out_, j);
}

void JsonReporter::finished(const BurnSummary& s) {
  nlohmann::json j = {{"event", "finished"}, {"ok", s.ok}, {"cancelled", s.cancelled},
                      {"tracksWritten", s.tracksWritten}, {"seconds", s.seconds}, {"audioSeconds", s.audioSeconds}};
  if (s.indeterminate) j.update({{"indeterminate", true}, {"message", s.indeterminateMessage}});
  writeJsonLine(out_, j);
}

}  // namespace kiln::ui
