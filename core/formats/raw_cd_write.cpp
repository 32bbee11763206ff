// RawCdWriter: WriteMedia/WriteMedia2 through WriteEngine, CancelWrite (the disc is left indeterminate, as the
// seed IDiscFormat2RawCD::CancelWrite says) and eraseMedia (BLANK) for the CD-RW recovery path.
// MMC-NOTES A.4, A.12, D.2 (page 05h RAW), D.5 (BLANK).
#include <algorithm>
#include <vector>

#include "core/formats/raw_cd_writer.h"
#include "core/formats/raw_image_creator.h"
#include "core/imapi/error.h"

namespace kiln::formats {

/// State of one writeMedia call.
struct RawCdWriter::Run {
  std::int32_t startLba = 0;  ///< first LBA written: the medium's lead-in start
  std::int32_t sectors = 0;   ///< sectors written from there
  double startMs = 0;
};

namespace {

struct Flag {
  std::atomic<bool>& f;
  explicit Flag(std::atomic<bool>& flag) : f(flag) { f.store(true); }
  ~Flag() { f.store(false); }
};

}  // namespace

void RawCdWriter::writeMedia(AudioStream& data) { writeMedia2(data, kRawImageStartLba); }

void RawCdWriter::checkStream(AudioStream& data, std::int32_t startLba, std::int32_t sectors) const {
  const std::int32_t bps = rawSectorBytes(requested_);
  if (startLba > leadInStart_)
    throw Error(HResult::E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT,
                "the stream starts at LBA " + std::to_string(startLba) + ", after this medium's lead-in start " +
                    std::to_string(leadInStart_));
  if (leadInStart_ - startLba >= sectors)
    throw Error(HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED, "the stream ends before the medium's lead-in start");
  std::int32_t leadOut = startLba + sectors - kRawLeadOutSectors;
  if (const auto* image = dynamic_cast<const RawImageStream*>(&data)) {
    if (image->bytesPerSector() != bps)
      throw Error(HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED,
                  "the image has " + std::to_string(image->bytesPerSector()) + "-byte sectors, the requested sector type " +
                      std::to_string(bps));
    leadOut = image->layout().leadOutStart();
  }
  if (leadOut > lastLeadOut_)
    throw Error(HResult::E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE, "the lead-out would start at LBA " + std::to_string(leadOut) +
                                                             ", the medium allows " + std::to_string(lastLeadOut_));
}

void RawCdWriter::writeMedia2(AudioStream& data, std::int32_t streamStartLba) {
  requireNotWriting();
  requirePrepared();
  if (streamStartLba >= 0)
    throw Error(HResult::E_INVALIDARG, "a raw disc-at-once stream starts in the lead-in (negative LBA)");
  const std::int32_t bps = rawSectorBytes(requested_);
  const std::uint64_t size = data.sizeBytes();
  if (size == 0 || size % static_cast<std::uint64_t>(bps) != 0 || size / static_cast<std::uint64_t>(bps) > 500'000)
    throw Error(HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED,
                "stream size " + std::to_string(size) + " is not a whole number of " + std::to_string(bps) + "-byte sectors");
  const auto total = static_cast<std::int32_t>(size / static_cast<std::uint64_t>(bps));
  checkStream(data, streamStartLba, total);
  const std::vector<RawCdSectorType> types = supportedSectorTypes();
  if (std::find(types.begin(), types.end(), requested_) == types.end())
    throw Error(HResult::E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED,
                "the drive does not list data block type " + std::to_string(static_cast<int>(requested_)) + " for RAW");
  Flag writing(writing_);
  cancel_.store(false);
  Run run;
  run.startLba = leadInStart_;
  run.sectors = total - (leadInStart_ - streamStartLba);
  run.startMs = recorder_->clock().nowMs();
  emit(progressOf(run, RawCdWriteAction::Preparing, nullptr));
  applyWriteParameters();
  if (cancel_.load())
    throw Error(HResult::E_IMAPI_REQUEST_CANCELLED, "raw write cancelled before any sector was written; the disc is still blank");
  skipLeadIn(data, leadInStart_ - streamStartLba, bps);
  runEngine(data, run);
  finish(run);
}

void RawCdWriter::applyWriteParameters() {
  mmc::WriteParameters wp = writeParams_;
  wp.writeType = 3;  // RAW
  wp.dataBlockType = static_cast<std::uint8_t>(requested_);
  wp.trackMode = 0;
  wp.multiSession = 0;
  wp.copy = false;
  wp.sessionFormat = 0;
  wp.testWrite = testWrite_;
  wp.bufferUnderrunFree = !bufeDisabled_ && bufeSupported_;
  try {
    recorder_->setWriteParameters(wp);
  } catch (const Error& e) {
    if (e.code() != HResult::E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS) throw;
    throw Error(HResult::E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED,
                "the drive rejected RAW with data block type " + std::to_string(static_cast<int>(requested_)) +
                    " (MODE SELECT page 05h: " + e.detail() + ")");
  }
}

void RawCdWriter::skipLeadIn(AudioStream& data, std::int32_t sectors, std::int32_t bytesPerSector) {
  if (sectors == 0) return;
  if (auto* image = dynamic_cast<RawImageStream*>(&data)) {
    image->skipSectors(sectors);
    return;
  }
  std::vector<std::uint8_t> scratch(std::size_t{26} * static_cast<std::size_t>(bytesPerSector));
  std::uint64_t left = static_cast<std::uint64_t>(sectors) * static_cast<std::uint64_t>(bytesPerSector);
  while (left > 0) {
    const std::size_t n = data.read(std::span<std::uint8_t>(scratch.data(), std::min<std::uint64_t>(left, scratch.size())));
    if (n == 0) throw Error(HResult::E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED, "the stream ended inside the skipped lead-in");
    left -= n;
  }
}

void RawCdWriter::runEngine(AudioStream& data, Run& run) {
  engine_.setRecorder(recorder_);
  engine_.setBytesPerSector(rawSectorBytes(requested_));
  engine_.setUseStreamingWrite12(streaming12_);
  engine_.setUpdateHandler([this, &run](WriteEngine& engine, const WriteEngineProgress& p) {
    emit(progressOf(run, RawCdWriteAction::Writing, &p));
    // A cancel asked for before the first WRITE was accepted gets S_IMAPI_WRITE_NOT_IN_PROGRESS from the engine:
    // ask again at every event until it takes (the seed's advice).
    if (cancel_.load()) engine.cancelWrite();
  });
  try {
    engine_.writeSection(data, run.startLba, run.sectors);
  } catch (const Error& e) {
    const std::int32_t written = engine_.sectorsWritten();
    if (written == 0) throw;  // nothing reached the disc: it is still blank
    try {  // stop the drive cleanly: flush what it has
      recorder_->synchronizeCache(true);
      recorder_->waitUntilReady(kFinishTimeoutMs);
    } catch (const Error&) {
    }
    const std::string where = std::to_string(written) + " of " + std::to_string(run.sectors) +
                              " sectors written from LBA " + std::to_string(run.startLba);
    if (e.code() == HResult::E_IMAPI_REQUEST_CANCELLED) {
      markIndeterminate("raw write cancelled after " + where);
      throw Error(HResult::E_IMAPI_REQUEST_CANCELLED, indeterminateReason_);
    }
    markIndeterminate("raw write failed after " + where + " (" + std::string(e.what()) + ")");
    throw;
  }
}

void RawCdWriter::markIndeterminate(const std::string& why) {
  indeterminate_ = true;
  indeterminateReason_ = why + "; the disc is left in an indeterminate state" +
                         (rewritable_ ? ": erase the CD-RW (eraseMedia, `kiln blank`) before using it again"
                                      : ": a CD-R cannot be reused");
}

void RawCdWriter::finish(Run& run) {
  RawCdProgress p = progressOf(run, RawCdWriteAction::Finishing, nullptr);
  p.lastReadLba = run.startLba + run.sectors - 1;
  emit(p);
  recorder_->synchronizeCache(true);
  recorder_->waitUntilReady(kFinishTimeoutMs);
  p = progressOf(run, RawCdWriteAction::Finishing, nullptr);
  p.lastReadLba = p.lastWrittenLba = run.startLba + run.sectors - 1;
  p.remainingSeconds = 0;
  emit(p);
}

RawCdProgress RawCdWriter::progressOf(const Run& run, RawCdWriteAction action, const WriteEngineProgress* engine) const {
  RawCdProgress p;
  if (engine != nullptr) {
    static_cast<WriteEngineProgress&>(p) = *engine;
  } else {
    p.startLba = run.startLba;
    p.sectorCount = run.sectors;
    const std::int32_t done = action == RawCdWriteAction::Preparing ? 0 : engine_.sectorsWritten();
    p.lastReadLba = p.lastWrittenLba = run.startLba + done - 1;
  }
  p.currentAction = action;
  const double elapsedMs = recorder_->clock().nowMs() - run.startMs;
  p.elapsedSeconds = static_cast<std::int32_t>(elapsedMs / 1000);
  const std::int32_t done = p.lastWrittenLba - run.startLba + 1;
  if (action == RawCdWriteAction::Writing && done > 0 && elapsedMs > 0)
    p.remainingSeconds = static_cast<std::int32_t>((run.sectors - done) * (elapsedMs / done) / 1000);
  return p;
}

void RawCdWriter::emit(const RawCdProgress& progress) {
  if (handler_) handler_(*this, progress);
}

HResult RawCdWriter::cancelWrite() {
  if (!writing_.load()) return HResult::E_IMAPI_DF2RAW_WRITE_NOT_IN_PROGRESS;
  cancel_.store(true);
  engine_.cancelWrite();  // S_IMAPI_WRITE_NOT_IN_PROGRESS before the first WRITE: retried at the next event
  return HResult::S_OK;
}

// ---------------------------------------------------------------- erase (CD-RW recovery)

void RawCdWriter::eraseMedia(bool full) {
  mmc::Recorder& rec = requireRecorder();
  requireNotWriting();
  if (rec.currentProfile() != mmc::profile::kCdRw || !rec.discInformation().erasable)
    throw Error(HResult::E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE, "only a CD-RW can be blanked");
  try {
    rec.executeOrThrow({scsi::cdb::blank(full ? scsi::BlankType::Full : scsi::BlankType::Minimal, true),
                        scsi::DataDirection::None, {}, mmc::Recorder::kCommandTimeoutMs});
  } catch (const Error& e) {
    throw Error(HResult::E_IMAPI_ERASE_DRIVE_FAILED_ERASE_COMMAND, std::string("BLANK: ") + e.what());
  }
  try {
    rec.waitUntilReady(kBlankTimeoutMs, 1000);
  } catch (const Error& e) {
    const HResult c = e.code();
    if (c == HResult::E_IMAPI_RECORDER_MEDIA_BUSY || c == HResult::E_IMAPI_RECORDER_MEDIA_BECOMING_READY ||
        c == HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT)
      throw Error(HResult::E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR, e.what());
    throw;
  }
  indeterminate_ = false;
  indeterminateReason_.clear();
}

}  // namespace kiln::formats
