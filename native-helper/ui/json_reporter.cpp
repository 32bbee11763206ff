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
  writeJsonLine(out_, {{"event", "start"}, {"drive", plan.drive}, {"media", plan.media}, {"dummy", plan.dummy},
                       {"finalize", plan.finalize}, {"speed", plan.speed}, {"freeSectors", plan.freeSectors},
                       {"neededSectors", plan.neededSectors}, {"tracks", tracks}});
}

void JsonReporter::progress(int index, const formats::TaoProgress& p) {
  writeJsonLine(out_, {{"event", "progress"},
                       {"index", index},
                       {"CurrentAction", taoActionName(p.currentAction)},
                       {"CurrentTrackNumber", p.currentTrackNumber},
                       {"StartLba", p.startLba},
                       {"SectorCount", p.sectorCount},
                       {"LastReadLba", p.lastReadLba},
                       {"LastWrittenLba", p.lastWrittenLba},
                       {"ElapsedTime", p.elapsedSeconds},
                       {"RemainingTime", p.remainingSeconds},
                       {"TotalSystemBuffer", p.totalSystemBuffer},
                       {"UsedSystemBuffer", p.usedSystemBuffer},
                       {"FreeSystemBuffer", p.freeSystemBuffer},
                       {"TotalDeviceBuffer", p.totalDeviceBuffer},
                       {"UsedDeviceBuffer", p.usedDeviceBuffer}});
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
  writeJsonLine(out_, {{"event", "finished"}, {"ok", s.ok}, {"cancelled", s.cancelled},
                       {"tracksWritten", s.tracksWritten}, {"seconds", s.seconds}, {"audioSeconds", s.audioSeconds}});
}

}  // namespace kiln::ui
