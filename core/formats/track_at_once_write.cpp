// TrackAtOnceWriter: AddAudioTrack / CancelAddTrack and the Update events (IDiscFormat2TrackAtOnce, MMC-NOTES A.3,
// A.12). One track = WRITE(10)s of kChunkSectors from the invisible track's NWA, then SYNCHRONIZE CACHE, which
// closes the track on a TAO drive (libburn omits CLOSE TRACK for TAO for that reason; MMC-NOTES D.5).
#include <algorithm>
#include <cstring>
#include <string>

#include "core/formats/track_at_once.h"
#include "core/imapi/error.h"

namespace kiln::formats {

/// State of the track being written. Sector counts include zero padding.
struct TrackAtOnceWriter::TrackRun {
  std::int32_t trackNumber = 0;
  std::int32_t startLba = 0;
  std::int32_t sectorCount = 0;       ///< planned sectors (≥ 300); shrinks to what was written after a cancel
  std::uint64_t audioBytesLeft = 0;   ///< bytes the stream still owes
  std::int32_t sectorsRead = 0;       ///< sectors filled from the stream (or padding)
  std::int32_t sectorsSent = 0;       ///< sectors handed to WRITE(10)
  std::int32_t lastWrittenLba = 0;    ///< last value reported (monotonic)
  std::int32_t sectorsAtLastEvent = 0;
  double startMs = 0, lastEventMs = 0;
  bool cancelled = false;
};

namespace {

/// Clears `writing_` however addAudioTrack leaves.
struct WritingFlag {
  std::atomic<bool>& flag;
  explicit WritingFlag(std::atomic<bool>& f) : flag(f) { flag.store(true); }
  ~WritingFlag() { flag.store(false); }
};

}  // namespace

HResult TrackAtOnceWriter::cancelAddTrack() {
  if (!writing_.load()) return HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS;
  cancelRequested_.store(true);
  return HResult::S_OK;
}

void TrackAtOnceWriter::addAudioTrack(AudioStream& stream) {
  requireNotWriting();
  if (!prepared_) throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED, "addAudioTrack needs prepareMedia");
  const std::uint64_t size = stream.sizeBytes();
  if (size % cd::kBytesPerSampleFrame != 0) {
    throw Error(HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED,
                "stream size " + std::to_string(size) + " bytes is not whole 16-bit stereo sample frames (4 bytes)");
  }
  if (existingTracks_ >= cd::kMaxTracks) {
    throw Error(HResult::E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED, "the disc already holds 99 tracks");
  }
  const std::uint64_t audioSectors = (size + cd::kAudioSectorBytes - 1) / cd::kAudioSectorBytes;
  const std::uint64_t trackSectors = std::max<std::uint64_t>(audioSectors, cd::kMinTrackSectors);
  refreshInvisibleTrack();
  if (!invisible_.nwaValid || trackSectors > invisible_.freeBlocks) {
    throw Error(HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE,
                "track needs " + std::to_string(trackSectors) + " sectors, the disc has " +
                    std::to_string(invisible_.nwaValid ? invisible_.freeBlocks : 0) + " free");
  }
  TrackRun run;
  run.trackNumber = existingTracks_ + 1;
  run.startLba = invisible_.nextWritableAddress;
  run.sectorCount = static_cast<std::int32_t>(trackSectors);
  run.audioBytesLeft = size;
  run.lastWrittenLba = run.startLba - 1;
  run.startMs = run.lastEventMs = recorder_->clock().nowMs();
  cancelRequested_.store(false);
  WritingFlag writing(writing_);
  writeTrack(stream, run);
}

void TrackAtOnceWriter::writeTrack(AudioStream& stream, TrackRun& run) {
  try {
    applyWriteParameters();  // BUFE may have changed since the last track
    TaoProgress p = progressOf(run, TaoWriteAction::Preparing);
    emit(p);
    writeChunks(stream, run);
    finishTrack(run);
  } catch (...) {
    abortTrack();
    throw;
  }
  if (run.cancelled) {
    throw Error(HResult::E_IMAPI_REQUEST_CANCELLED,
                "track " + std::to_string(run.trackNumber) + " cancelled; kept as " + std::to_string(run.sectorCount) +
                    " sectors");
  }
}

void TrackAtOnceWriter::writeChunks(AudioStream& stream, TrackRun& run) {
  chunk_.resize(std::size_t{kChunkSectors} * cd::kAudioSectorBytes);
  while (run.sectorsSent < run.sectorCount) {
    if (cancelRequested_.load()) {
      run.cancelled = true;
      // Keep what was sent as a shorter track, but never below the Red Book minimum of 4 s.
      run.sectorCount = std::max<std::int32_t>(run.sectorsSent, cd::kMinTrackSectors);
      run.audioBytesLeft = 0;
      if (run.sectorsSent >= run.sectorCount) break;
    }
    const auto n = static_cast<std::uint16_t>(std::min<std::int32_t>(kChunkSectors, run.sectorCount - run.sectorsSent));
    readChunk(stream, run, n);
    recorder_->write10(run.startLba + run.sectorsSent, n,
                       std::span<const std::uint8_t>(chunk_.data(), std::size_t{n} * cd::kAudioSectorBytes));
    run.sectorsSent += n;
    maybeReport(run);
  }
}

void TrackAtOnceWriter::readChunk(AudioStream& stream, TrackRun& run, std::uint16_t sectors) {
  const std::size_t bytes = std::size_t{sectors} * cd::kAudioSectorBytes;
  std::size_t filled = 0;
  const std::size_t wanted = static_cast<std::size_t>(std::min<std::uint64_t>(bytes, run.audioBytesLeft));
  while (filled < wanted) {
    const std::size_t got = stream.read(std::span<std::uint8_t>(chunk_.data() + filled, wanted - filled));
    if (got == 0) break;  // stream ended early: the rest of the track is silence
    filled += got;
  }
  run.audioBytesLeft = filled < wanted ? 0 : run.audioBytesLeft - filled;
  std::memset(chunk_.data() + filled, 0, bytes - filled);  // last partial sector / 4-s minimum padding
  run.sectorsRead += sectors;
}

void TrackAtOnceWriter::maybeReport(TrackRun& run) {
  const double now = recorder_->clock().nowMs();
  if (run.sectorsSent - run.sectorsAtLastEvent < kProgressIntervalSectors && now - run.lastEventMs < kProgressIntervalMs) {
    return;
  }
  run.sectorsAtLastEvent = run.sectorsSent;
  run.lastEventMs = now;
  TaoProgress p = progressOf(run, TaoWriteAction::Writing);
  pollDrive(run, p);
  emit(p);
}

TaoProgress TrackAtOnceWriter::progressOf(const TrackRun& run, TaoWriteAction action) const {
  TaoProgress p;
  p.currentAction = action;
  p.currentTrackNumber = run.trackNumber;
  p.startLba = run.startLba;
  p.sectorCount = run.sectorCount;
  p.lastReadLba = run.startLba + run.sectorsRead - 1;
  p.lastWrittenLba = run.lastWrittenLba;
  const double elapsedMs = recorder_->clock().nowMs() - run.startMs;
  p.elapsedSeconds = static_cast<std::int32_t>(elapsedMs / 1000);
  const std::int32_t done = run.lastWrittenLba - run.startLba + 1;
  if (done > 0 && elapsedMs > 0 && action == TaoWriteAction::Writing) {
    p.remainingSeconds = static_cast<std::int32_t>((run.sectorCount - done) * (elapsedMs / done) / 1000);
  }
  p.totalSystemBuffer = static_cast<std::int32_t>(std::size_t{kChunkSectors} * cd::kAudioSectorBytes);
  p.usedSystemBuffer = 0;  // polled between WRITEs: the chunk buffer has just been handed over
  p.freeSystemBuffer = p.totalSystemBuffer;
  return p;
}

void TrackAtOnceWriter::pollDrive(TrackRun& run, TaoProgress& p) {
  // The drive's own view: the track's last recorded address (NWA − 1 when LRA is not reported) is what the drive
  // has accepted; what it has burnt is that minus what still sits in its buffer.
  const mmc::TrackInformation t =
      recorder_->trackInformation(scsi::TrackAddressType::TrackNumber, static_cast<std::uint32_t>(run.trackNumber));
  std::int32_t accepted = run.startLba + run.sectorsSent - 1;
  if (t.lraValid) {
    accepted = t.lastRecordedAddress;
  } else if (t.nwaValid) {
    accepted = t.nextWritableAddress - 1;
  }
  const mmc::BufferCapacity b = recorder_->bufferCapacity();
  const std::uint32_t used = b.totalBytes - b.freeBytes;
  p.totalDeviceBuffer = static_cast<std::int32_t>(b.totalBytes);
  p.usedDeviceBuffer = static_cast<std::int32_t>(used);
  const auto buffered = static_cast<std::int32_t>((used + cd::kAudioSectorBytes - 1) / cd::kAudioSectorBytes);
  const std::int32_t burnt = std::min(accepted, run.startLba + run.sectorsSent - 1) - buffered;
  run.lastWrittenLba = std::max(run.lastWrittenLba, burnt);
  p.lastWrittenLba = run.lastWrittenLba;
  p.remainingSeconds = progressOf(run, p.currentAction).remainingSeconds;
}

void TrackAtOnceWriter::drainDeviceBuffer(TrackRun& run) {
  // SYNCHRONIZE CACHE blocks until the drive buffer is burnt (seconds for a large buffer at low speed). Waiting
  // here first keeps the 0.5-s Update cadence going; the last chunk's worth is left for the flush so a drive
  // without BUFE never sees an empty buffer before the host says the track is complete.
  const double deadline = recorder_->clock().nowMs() + kFinishTimeoutMs;
  const auto chunkBytes = static_cast<std::int32_t>(std::size_t{kChunkSectors} * cd::kAudioSectorBytes);
  for (;;) {
    TaoProgress p = progressOf(run, TaoWriteAction::Writing);
    pollDrive(run, p);
    if (p.usedDeviceBuffer <= chunkBytes || recorder_->clock().nowMs() >= deadline) return;
    emit(p);
    recorder_->clock().sleepMs(kProgressIntervalMs / 2);
  }
}

void TrackAtOnceWriter::finishTrack(TrackRun& run) {
  drainDeviceBuffer(run);
  recorder_->synchronizeCache(true);
  recorder_->waitUntilReady(kFinishTimeoutMs);
  trackWrittenThisSession_ = true;
  existingTracks_ = run.trackNumber;
  refreshInvisibleTrack();
  run.lastWrittenLba = run.startLba + run.sectorsSent - 1;
  TaoProgress p = progressOf(run, TaoWriteAction::Finishing);
  p.remainingSeconds = 0;
  emit(p);
}

void TrackAtOnceWriter::abortTrack() {
  // Best effort: let the drive close what it has so releaseMedia can still close the session.
  trackWrittenThisSession_ = true;
  try {
    recorder_->synchronizeCache(true);
    recorder_->waitUntilReady(kFinishTimeoutMs);
  } catch (const Error&) {
  }
  try {
    refreshInvisibleTrack();
    existingTracks_ = invisible_.trackNumber > 0 ? invisible_.trackNumber - 1 : existingTracks_;
  } catch (const Error&) {
  }
}

void TrackAtOnceWriter::emit(const TaoProgress& progress) {
  if (handler_) handler_(*this, progress);
}

}  // namespace kiln::formats
