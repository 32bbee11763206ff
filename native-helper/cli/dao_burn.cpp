// `kiln burn --dao FILE...` / `kiln burn --cue SHEET`: disc-at-once through RawImageCreator (IRawCDImageCreator)
// and RawCdWriter (IDiscFormat2RawCD). MMC-NOTES A.4, A.5, A.12; vdrive/README.md "RAW contract".
#include <chrono>
#include <cmath>

#include "core/cd/msf.h"
#include "core/formats/raw_cd_writer.h"
#include "core/formats/raw_image_creator.h"
#include "native-helper/cli/burn.h"
#include "native-helper/cli/burn_shared.h"
#include "native-helper/cli/dao_plan.h"
#include "native-helper/cli/disc_report.h"
#include "native-helper/cli/interrupt.h"
#include "native-helper/ui/json_reporter.h"
#include "native-helper/ui/text_reporter.h"

namespace kiln::cli {
namespace {

formats::RawCdSectorType sectorTypeOf(const std::string& name) {
  if (name == "pq") return formats::RawCdSectorType::PqOnly;
  if (name == "cooked") return formats::RawCdSectorType::Cooked;
  return formats::RawCdSectorType::Raw;
}

TextOverrides overridesOf(const BurnOptions& o) {
  TextOverrides t;
  if (!o.title.empty()) t.album[cd::kCdTextTitle] = o.title;
  if (!o.performer.empty()) t.album[cd::kCdTextPerformer] = o.performer;
  for (const std::string& s : o.trackTitles) addTrackOverride(t, cd::kCdTextTitle, s);
  for (const std::string& s : o.trackPerformers) addTrackOverride(t, cd::kCdTextPerformer, s);
  for (const std::string& s : o.texts) addTextOverride(t, s);
  return t;
}

bool hasText(const DaoDisc& d) {
  if (d.cdTextFile || !d.albumText.empty()) return true;
  for (const DaoTrack& t : d.tracks)
    if (!t.texts.empty()) return true;
  return false;
}

void printWarnings(const std::vector<std::string>& warnings, bool json) {
  for (const std::string& w : warnings) {
    if (json) ui::writeJsonLine(stdout, {{"event", "warning"}, {"message", w}});
    else std::fprintf(stderr, "kiln: warning: %s\n", w.c_str());
  }
}

/// PrepareMedia, then the whole-image fit check; on failure the tray is unlocked and nothing was written.
void prepareAndCheck(formats::RawCdWriter& writer, const formats::RawImageCreator& creator, ui::BurnPlan& plan) {
  writer.prepareMedia();
  try {
    plan.media = mediaTypeName(writer.currentPhysicalMediaType());
    plan.freeSectors = writer.lastPossibleStartOfLeadout();
    plan.leadOutLba = creator.startOfLeadout();
    plan.neededSectors = plan.leadOutLba;
    if (plan.leadOutLba > plan.freeSectors)
      throw Error(HResult::E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE,
                  "the disc needs " + std::to_string(plan.leadOutLba) + " sectors (" +
                      ui::formatDuration(plan.leadOutLba) + ") before its lead-out but the medium holds " +
                      std::to_string(plan.freeSectors) + " (" + ui::formatDuration(plan.freeSectors) +
                      "); nothing was written");
  } catch (...) {
    try {
      writer.releaseMedia();
    } catch (const Error&) {
    }
    throw;
  }
}

std::string indeterminateMessage(const ui::BurnPlan& plan, std::int32_t lastLba, const std::string& driveText) {
  const int k = ui::daoPosition(plan, lastLba);
  const std::string where = k == 0 ? "in the lead-in" : "in track " + std::to_string(k);
  std::string m = "the disc is now in an INDETERMINATE state: the disc-at-once write stopped at LBA " +
                  std::to_string(lastLba) + " (" + where + "), before the lead-out, so the disc has no complete "
                  "table of contents and can neither be played nor written again as it is. ";
  if (plan.media == "IMAPI_MEDIA_TYPE_CDRW")
    m += "It is a CD-RW: erase it with `kiln blank --drive " + driveText + "` and burn again.";
  else
    m += "It is a CD-R: it cannot be erased; use a new disc.";
  return m;
}

struct WriteOutcome {
  ui::BurnSummary summary;
  std::unique_ptr<Error> error;
};

WriteOutcome writeImage(formats::RawCdWriter& writer, formats::RawImageStream& image, ui::BurnReporter& reporter,
                        const ui::BurnPlan& plan, const std::string& driveText) {
  WriteOutcome out;
  const auto t0 = std::chrono::steady_clock::now();
  formats::RawCdProgress last{};
  {
    InterruptWatcher interrupt([&writer] { writer.cancelWrite(); });
    writer.setUpdateHandler([&](formats::RawCdWriter& w, const formats::RawCdProgress& p) {
      last = p;
      reporter.daoProgress(p);
      // A Ctrl-C that came before the engine's first WRITE was refused ("not in progress"): apply it now.
      if (interrupt.interrupted() && p.currentAction == formats::RawCdWriteAction::Writing) w.cancelWrite();
    });
    try {
      writer.writeMedia(image);
    } catch (const Error& e) {
      if (e.code() == HResult::E_IMAPI_REQUEST_CANCELLED) out.summary.cancelled = true;
      else out.error = std::make_unique<Error>(e);
    }
    // A Ctrl-C during Finishing (every sector sent) cannot stop anything: the disc is complete.
    if (interrupt.interrupted() && !out.summary.cancelled && !out.error)
      std::fprintf(stderr, "kiln: Ctrl-C came after the last sector was sent; the burn was completed\n");
    writer.setUpdateHandler({});
  }
  try {
    writer.releaseMedia();
  } catch (const Error& e) {
    if (!out.error) out.error = std::make_unique<Error>(e);
  }
  out.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  out.summary.ok = !out.error && !out.summary.cancelled;
  if (!out.summary.ok && writer.mediaIndeterminate()) {
    out.summary.indeterminate = true;
    out.summary.indeterminateMessage = indeterminateMessage(plan, last.lastWrittenLba, driveText);
  } else if (!out.summary.ok) {
    out.summary.indeterminate = false;
    out.summary.indeterminateMessage = "nothing was written; the disc is as it was";
  }
  return out;
}

void reportTracks(const formats::RawImageCreator& creator, const ui::BurnPlan& plan, ui::BurnReporter& reporter,
                  ui::BurnSummary& summary) {
  for (std::int32_t i = 1; i <= creator.numberOfExistingTracks(); ++i) {
    const formats::RawTrackInfo& t = creator.trackInfo(i);
    const std::int32_t end = i < creator.numberOfExistingTracks() ? creator.trackInfo(i + 1).startingLba()
                                                                  : plan.leadOutLba;
    reporter.trackDone({i, t.trackNumber(), t.startingLba(), end - t.startingLba(), false});
    ++summary.tracksWritten;
    summary.audioSeconds += (end - t.startingLba()) / 75.0;
  }
}

}  // namespace

int runDaoBurn(const BurnOptions& o) {
  const std::unique_ptr<ui::BurnReporter> reporter = makeReporter(o.json);
  const formats::RawCdSectorType type = sectorTypeOf(o.sectorType);
  DaoDisc disc = o.cue.empty() ? planDaoFiles(o.files, o.cdText) : planDaoCue(o.cue);
  if (o.gapSeconds > 0) disc.gapSectors = static_cast<std::int32_t>(std::lround(o.gapSeconds * cd::kFramesPerSecond));
  const TextOverrides overrides = overridesOf(o);
  applyOverrides(disc, o.isrcs, o.mcn, overrides);
  const bool withCdText = o.cdText || !overrides.empty() || (!o.cue.empty() && hasText(disc));
  if (withCdText && type == formats::RawCdSectorType::PqOnly)
    throw Error(HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED,
                "--sector-type pq sends no R–W sub-channel, so it cannot carry CD-TEXT: use cooked or raw");

  formats::RawImageCreator creator;
  creator.setResultingImageType(type);
  DaoStreams streams;
  std::vector<std::string> warnings = disc.warnings;
  buildImage(disc, withCdText, creator, streams, warnings);
  printWarnings(warnings, o.json);

  drive::DriveSession session(drive::parseDriveSpec(o.drive.drive), virtualSettings(o.drive));
  formats::RawCdWriter writer;
  writer.setRecorder(&session.recorder());
  writer.setClientName("kiln");
  writer.setRequestedSectorType(type);
  writer.setTestWrite(o.dummy);
  if (o.speed > 0) {
    const HResult r = writer.setWriteSpeed(static_cast<std::int32_t>(o.speed * cd::kFramesPerSecond + 0.5), false);
    if (r != HResult::S_OK && !o.json)
      std::fprintf(stderr, "kiln: %s: write speed adjusted to %.1fx\n", std::string(hresultName(r)).c_str(),
                   writer.currentWriteSpeed() / 75.0);
  }
  ui::BurnPlan plan;
  plan.mode = "dao";
  plan.drive = session.spec().text;
  plan.dummy = o.dummy;
  plan.speed = writer.requestedWriteSpeed();
  plan.sectorType = o.sectorType;
  for (const DaoTrack& t : disc.tracks) plan.tracks.push_back(t.planned);
  for (std::int32_t i = 1; i <= creator.numberOfExistingTracks(); ++i)
    plan.trackStarts.push_back(creator.trackInfo(i).startingLba());
  plan.cdText = creator.cdText().has_value();
  plan.mcn = !creator.mediaCatalogNumber().empty();
  prepareAndCheck(writer, creator, plan);
  const std::unique_ptr<formats::RawImageStream> image = creator.createResultImage();

  reporter->start(plan);
  WriteOutcome out = writeImage(writer, *image, *reporter, plan, session.spec().text);
  if (out.error) reporter->error(*out.error);
  if (out.summary.ok) reportTracks(creator, plan, *reporter, out.summary);
  if (o.eject && out.summary.ok) session.recorder().ejectMedia();
  reporter->finished(out.summary);
  if (!out.summary.ok) reportDiscAfterStop(session, o.json);
  if (out.error) return kExitError;
  return out.summary.cancelled ? kExitCancelled : kExitOk;
}

}  // namespace kiln::cli
