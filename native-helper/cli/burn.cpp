#include "native-helper/cli/burn.h"

#include <unistd.h>

#include <chrono>
#include <memory>

#include "core/cd/msf.h"
#include "core/formats/track_at_once.h"
#include "native-helper/audio/audio_file_stream.h"
#include "native-helper/audio/prefetch_stream.h"
#include "native-helper/cli/burn_plan.h"
#include "native-helper/cli/burn_shared.h"
#include "native-helper/cli/disc_report.h"
#include "native-helper/cli/interrupt.h"
#include "native-helper/drive/drive_session.h"
#include "native-helper/ui/json_reporter.h"
#include "native-helper/ui/text_reporter.h"

namespace kiln::cli {
namespace {

/// Checks the whole album against the prepared disc: track count and sectors. Nothing has been written.
void checkAlbumFits(formats::TrackAtOnceWriter& writer, ui::BurnPlan& plan) {
  const std::int32_t existing = writer.numberOfExistingTracks();
  if (existing + static_cast<std::int64_t>(plan.tracks.size()) > cd::kMaxTracks)
    throw Error(HResult::E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED,
                std::to_string(existing) + " track(s) on the disc + " + std::to_string(plan.tracks.size()) +
                    " new > 99; nothing was written");
  plan.freeSectors = writer.freeSectorsOnMedia();
  const std::int64_t needed = albumSectors(plan.tracks);
  plan.neededSectors = static_cast<std::int32_t>(needed);
  if (needed > plan.freeSectors)
    throw Error(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE,
                "the album needs " + std::to_string(needed) + " sectors (" + ui::formatDuration(needed) +
                    ") but the disc has " + std::to_string(plan.freeSectors) + " free (" +
                    ui::formatDuration(plan.freeSectors) + "); nothing was written");
}

/// The track just written, from the drive (READ TRACK INFORMATION) or, for a test write, the last progress event.
ui::TrackDone describeTrack(mmc::Recorder& recorder, int index, const formats::TaoProgress& last, bool dummy,
                            bool cancelled) {
  ui::TrackDone done{index, last.currentTrackNumber, last.startLba, last.lastWrittenLba - last.startLba + 1, cancelled};
  if (dummy || last.currentTrackNumber <= 0) return done;
  try {
    const mmc::TrackInformation ti =
        recorder.trackInformation(scsi::TrackAddressType::TrackNumber, static_cast<std::uint32_t>(last.currentTrackNumber));
    done.startLba = ti.trackStartLba;
    done.sectors = static_cast<std::int32_t>(ti.trackSize);
  } catch (const Error&) {
    // keep the progress-derived values
  }
  return done;
}

struct RunState {
  ui::BurnSummary summary;
  std::unique_ptr<Error> error;
};

/// Writes each planned track in order; stops at a cancel or the first error (kept in state.error).
void writeTracks(formats::TrackAtOnceWriter& writer, mmc::Recorder& recorder, const ui::BurnPlan& plan,
                 ui::BurnReporter& reporter, const InterruptWatcher& interrupt, RunState& state) {
  formats::TaoProgress last{};
  int index = 0;
  writer.setUpdateHandler([&](formats::TrackAtOnceWriter& w, const formats::TaoProgress& p) {
    last = p;
    reporter.progress(index, p);
    // A Ctrl-C that came while the writer was not yet writing (cancel refused) is applied at the next event.
    if (interrupt.interrupted() && p.currentAction == formats::TaoWriteAction::Writing) w.cancelAddTrack();
  });
  for (const ui::PlannedTrack& track : plan.tracks) {
    ++index;
    if (interrupt.interrupted()) {
      state.summary.cancelled = true;
      return;
    }
    last = formats::TaoProgress{};
    try {
      audio::PrefetchStream stream(std::make_unique<audio::AudioFileStream>(track.path));
      writer.addAudioTrack(stream);
    } catch (const Error& e) {
      if (e.code() != HResult::E_IMAPI_REQUEST_CANCELLED) {
        state.error = std::make_unique<Error>(e);
        return;
      }
      state.summary.cancelled = true;
      if (last.currentAction == formats::TaoWriteAction::Unknown) return;  // stopped before the track started
      const ui::TrackDone done = describeTrack(recorder, index, last, plan.dummy, true);
      reporter.trackDone(done);
      ++state.summary.tracksWritten;
      state.summary.audioSeconds += done.sectors / 75.0;
      return;
    }
    const ui::TrackDone done = describeTrack(recorder, index, last, plan.dummy, false);
    reporter.trackDone(done);
    ++state.summary.tracksWritten;
    state.summary.audioSeconds += static_cast<double>(track.bytes) / (cd::kBytesPerSampleFrame * 44100.0);
  }
}

void configureWriter(formats::TrackAtOnceWriter& writer, const BurnOptions& o, mmc::Recorder& recorder) {
  writer.setRecorder(&recorder);
  writer.setClientName("kiln");
  writer.setDoNotFinalizeMedia(o.noFinalize);
  writer.setTestWrite(o.dummy);
}

void applySpeed(formats::TrackAtOnceWriter& writer, double speedX, bool json) {
  if (speedX <= 0) return;
  const HResult r = writer.setWriteSpeed(static_cast<std::int32_t>(speedX * cd::kFramesPerSecond + 0.5), false);
  if (r != HResult::S_OK && !json)
    std::fprintf(stderr, "kiln: %s: write speed adjusted to %.1fx\n", std::string(hresultName(r)).c_str(),
                 writer.currentWriteSpeed() / 75.0);
}

/// PrepareMedia, then the up-front checks; if they fail the medium is released (nothing was written).
void prepareAndCheck(formats::TrackAtOnceWriter& writer, ui::BurnPlan& plan) {
  writer.prepareMedia();
  try {
    plan.media = mediaTypeName(writer.currentPhysicalMediaType());
    checkAlbumFits(writer, plan);
  } catch (...) {
    try {
      writer.releaseMedia();  // only unlocks the tray
    } catch (const Error&) {
      // the original error is the one to report
    }
    throw;
  }
}

/// Writes the tracks with Ctrl-C routed to cancelAddTrack, then ReleaseMedia (closes the session) in every case.
RunState writeAndRelease(formats::TrackAtOnceWriter& writer, mmc::Recorder& recorder, const ui::BurnPlan& plan,
                         ui::BurnReporter& reporter) {
  RunState state;
  const auto t0 = std::chrono::steady_clock::now();
  InterruptWatcher interrupt([&writer] { writer.cancelAddTrack(); });
  writeTracks(writer, recorder, plan, reporter, interrupt, state);
  writer.setUpdateHandler([&](formats::TrackAtOnceWriter&, const formats::TaoProgress& p) {
    reporter.progress(static_cast<int>(plan.tracks.size()), p);
  });
  try {
    writer.releaseMedia();
  } catch (const Error& e) {
    if (!state.error) state.error = std::make_unique<Error>(e);
  }
  if (interrupt.interrupted()) state.summary.cancelled = true;
  state.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  state.summary.ok = !state.error && !state.summary.cancelled;
  return state;
}

}  // namespace

CLI::App* addBurnCommand(CLI::App& app, BurnOptions& o) {
  CLI::App* cmd = app.add_subcommand("burn", "Burn audio files as an audio CD (Track-At-Once), one track per file");
  addDriveOptions(*cmd, o.drive);
  cmd->add_option("--speed", o.speed, "Write speed in x (1x = 75 sectors/s); default: fastest")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--no-finalize", o.noFinalize, "Leave the disc appendable (another burn adds a session)");
  cmd->add_flag("--dummy", o.dummy, "Test write: the drive simulates, nothing is burnt");
  cmd->add_flag("--eject", o.eject, "Eject the disc afterwards");
  cmd->add_flag("--json", o.json, "Print one JSON event per line instead of text");
  cmd->add_option("files", o.files, "Audio files in disc order (WAV, FLAC, MP3, Ogg Vorbis, Opus, AIFF, …)");
  const std::string dao = "Disc-at-once";
  cmd->add_flag("--dao", o.dao, "Disc-at-once (RAW): gapless tracks, CD-TEXT, ISRC, MCN")->group(dao);
  cmd->add_option("--cue", o.cue, "Burn this CUE sheet disc-at-once (BINARY/MOTOROLA/WAVE files, INDEX 00/02+, "
                                  "PREGAP/POSTGAP, CATALOG, ISRC, FLAGS, CD-TEXT)")->group(dao);
  cmd->add_option("--sector-type", o.sectorType, "RAW sector type: pq (2368 B, no CD-TEXT), cooked, raw (2448 B)")
      ->check(CLI::IsMember({"pq", "cooked", "raw"}))->capture_default_str()->group(dao);
  cmd->add_flag("--cd-text", o.cdText, "Write CD-TEXT from the files' tags (title, artist, album)")->group(dao);
  cmd->add_option("--title", o.title, "CD-TEXT album title")->group(dao);
  cmd->add_option("--performer", o.performer, "CD-TEXT album performer")->group(dao);
  cmd->add_option("--track-title", o.trackTitles, "CD-TEXT title of track N: N=TEXT (repeatable)")->allow_extra_args(false)->group(dao);
  cmd->add_option("--track-performer", o.trackPerformers, "CD-TEXT performer of track N: N=TEXT")->allow_extra_args(false)->group(dao);
  cmd->add_option("--text", o.texts, "Any CD-TEXT field: [N:]FIELD=TEXT, FIELD = title, performer, songwriter, "
                                     "composer, arranger, message (no N = album)")->allow_extra_args(false)->group(dao);
  cmd->add_option("--isrc", o.isrcs, "ISRC of track N: N=CCOOOYYSSSSS (repeatable)")->allow_extra_args(false)->group(dao);
  cmd->add_option("--mcn", o.mcn, "Media catalog number (13-digit UPC/EAN)")->group(dao);
  cmd->add_option("--gap", o.gapSeconds, "Silent pause before tracks 2..n, seconds (default: gapless)")
      ->check(CLI::Range(0.0, 60.0))->group(dao);
  return cmd;
}

void validateBurnOptions(const BurnOptions& o) {
  if (!o.cue.empty() && !o.files.empty()) throw CLI::ValidationError("--cue", "takes no FILE arguments");
  if (o.cue.empty() && o.files.empty()) throw CLI::RequiredError("FILE... (or --cue SHEET)");
  if (o.daoMode() && o.noFinalize)
    throw CLI::ValidationError("--no-finalize", "disc-at-once always closes the disc");
  const bool daoOnly = o.cdText || !o.title.empty() || !o.performer.empty() || !o.trackTitles.empty() ||
                       !o.trackPerformers.empty() || !o.texts.empty() || !o.isrcs.empty() || !o.mcn.empty() ||
                       o.gapSeconds >= 0 || o.sectorType != "raw";
  if (daoOnly && !o.daoMode())
    throw CLI::ValidationError("--dao", "CD-TEXT, ISRC, MCN, --gap and --sector-type need --dao (or --cue)");
}

int runBurn(const BurnOptions& o) {
  if (o.daoMode()) return runDaoBurn(o);
  const std::unique_ptr<ui::BurnReporter> reporter = makeReporter(o.json);
  ui::BurnPlan plan;
  plan.tracks = planTracks(o.files);  // every file opened and measured before the drive is touched
  drive::DriveSession session(drive::parseDriveSpec(o.drive.drive), virtualSettings(o.drive));
  mmc::Recorder& recorder = session.recorder();
  formats::TrackAtOnceWriter writer;
  configureWriter(writer, o, recorder);
  applySpeed(writer, o.speed, o.json);
  plan.drive = session.spec().text;
  plan.dummy = o.dummy;
  plan.finalize = !o.noFinalize;
  plan.speed = writer.requestedWriteSpeed();
  prepareAndCheck(writer, plan);

  reporter->start(plan);
  RunState state = writeAndRelease(writer, recorder, plan, *reporter);
  if (state.error) reporter->error(*state.error);
  if (o.eject && !state.error) recorder.ejectMedia();
  reporter->finished(state.summary);
  if (!state.summary.ok) reportDiscAfterStop(session, o.json);  // what a cancel or failure left on the disc
  if (state.error) return kExitError;
  return state.summary.cancelled ? kExitCancelled : kExitOk;
}

}  // namespace kiln::cli
