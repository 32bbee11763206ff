// WriteEngine (IWriteEngine2): WriteSection, CancelWrite and the Update events. MMC-NOTES A.6, A.12.
#include "core/formats/write_engine.h"

#include <algorithm>
#include <string>

#include "core/imapi/error.h"

namespace kiln::formats {

/// State of the section being written.
struct WriteEngine::Section {
  std::int32_t startLba = 0;
  std::int32_t count = 0;
  std::int32_t read = 0;            ///< sectors read from the stream
  std::int32_t sent = 0;            ///< sectors accepted by WRITE commands
  std::int32_t lastWrittenLba = 0;  ///< monotonic
  std::int32_t sentAtLastEvent = 0;
  double lastEventMs = 0;
  std::int32_t deviceTotal = 0, deviceUsed = 0;
};

namespace {

struct Flag {  // sets an atomic flag for a scope
  std::atomic<bool>& f;
  explicit Flag(std::atomic<bool>& flag) : f(flag) { f.store(true); }
  ~Flag() { f.store(false); }
};

}  // namespace

void WriteEngine::requireIdle() const {
  if (writing_.load()) throw Error(HResult::E_FAIL, "a section is being written (WriteInProgress)");
}

void WriteEngine::setRecorder(mmc::Recorder* recorder) {
  requireIdle();
  recorder_ = recorder;
}

void WriteEngine::setBytesPerSector(std::int32_t bytes) {
  requireIdle();
  if (bytes != 2048 && bytes != 2352 && bytes != 2368 && bytes != 2448)
    throw Error(HResult::E_INVALIDARG, "bytes per sector must be 2048, 2352, 2368 or 2448, not " + std::to_string(bytes));
  bytesPerSector_ = bytes;
}

void WriteEngine::setUseStreamingWrite12(bool value) {
  requireIdle();
  streaming12_ = value;
}

void WriteEngine::setStartingSectorsPerSecond(std::int32_t sps) {
  requireIdle();
  if (sps <= 0) throw Error(HResult::E_INVALIDARG, "sectors per second must be > 0");
  startSps_ = sps;
}

void WriteEngine::setEndingSectorsPerSecond(std::int32_t sps) {
  requireIdle();
  if (sps <= 0) throw Error(HResult::E_INVALIDARG, "sectors per second must be > 0");
  endSps_ = sps;
}

std::uint16_t WriteEngine::sectorsPerWrite() const {
  if (bytesPerSector_ <= 0) return 0;
  return static_cast<std::uint16_t>(kMaxTransferBytes / static_cast<std::uint32_t>(bytesPerSector_));
}

HResult WriteEngine::cancelWrite() {
  if (!writing_.load() || !begun_.load()) return HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS;
  cancel_.store(true);
  return HResult::S_OK;
}

void WriteEngine::writeSection(AudioStream& data, std::int32_t startingLba, std::int32_t sectorCount) {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_RECORDER_REQUIRED, "setRecorder first");
  requireIdle();
  if (bytesPerSector_ == 0) throw Error(HResult::E_INVALIDARG, "setBytesPerSector first");
  if (sectorCount <= 0) throw Error(HResult::E_INVALIDARG, "sector count must be > 0");
  Section s;
  s.startLba = startingLba;
  s.count = sectorCount;
  s.lastWrittenLba = startingLba - 1;
  s.lastEventMs = recorder_->clock().nowMs();
  cancel_.store(false);
  begun_.store(false);
  sent_.store(0);
  Flag writing(writing_);
  chunk_.resize(std::size_t{sectorsPerWrite()} * static_cast<std::size_t>(bytesPerSector_));
  report(s, false);  // "once before the write"
  writeChunks(data, s);
  begun_.store(false);  // the last WRITE is done: nothing left to cancel
  if (cancel_.load())
    throw Error(HResult::E_IMAPI_REQUEST_CANCELLED, "write cancelled after all " + std::to_string(s.sent) + " sectors");
  report(s, true);  // "once after completion"
}

void WriteEngine::writeChunks(AudioStream& data, Section& s) {
  const auto bps = static_cast<std::size_t>(bytesPerSector_);
  while (s.sent < s.count) {
    if (cancel_.load()) {
      throw Error(HResult::E_IMAPI_REQUEST_CANCELLED, "write cancelled after " + std::to_string(s.sent) + " of " +
                                                         std::to_string(s.count) + " sectors (LBA " +
                                                         std::to_string(s.startLba + s.sent) + " not written)");
    }
    const auto n = static_cast<std::uint16_t>(std::min<std::int32_t>(sectorsPerWrite(), s.count - s.sent));
    const std::size_t want = std::size_t{n} * bps;
    std::size_t got = 0;
    while (got < want) {
      const std::size_t r = data.read(std::span<std::uint8_t>(chunk_.data() + got, want - got));
      if (r == 0) break;
      got += r;
    }
    if (got < want) {
      throw Error(HResult::E_INVALIDARG, "the stream ended after " +
                                             std::to_string((std::size_t(s.read) * bps + got) / bps) + " of " +
                                             std::to_string(s.count) + " sectors");
    }
    s.read += n;
    sendWrite(s.startLba + s.sent, n);
    s.sent += n;
    sent_.store(s.sent);
    begun_.store(s.sent < s.count);
    const double now = recorder_->clock().nowMs();
    if (s.sent < s.count &&
        (s.sent - s.sentAtLastEvent >= kProgressIntervalSectors || now - s.lastEventMs >= kProgressIntervalMs))
      report(s, true);
  }
}

void WriteEngine::sendWrite(std::int32_t lba, std::uint16_t sectors) {
  const std::span<std::uint8_t> bytes(chunk_.data(), std::size_t{sectors} * static_cast<std::size_t>(bytesPerSector_));
  if (!streaming12_) {
    recorder_->write10(lba, sectors, bytes);
    return;
  }
  recorder_->executeOrThrow(
      {scsi::cdb::write12(lba, sectors, true), scsi::DataDirection::Out, bytes, mmc::Recorder::kCommandTimeoutMs});
}

void WriteEngine::report(Section& s, bool poll) {
  s.sentAtLastEvent = s.sent;
  s.lastEventMs = recorder_->clock().nowMs();
  if (poll) {
    // The drive's view: what it accepted minus what still sits in its buffer has been burnt.
    std::int32_t buffered = 0;
    try {
      const mmc::BufferCapacity b = recorder_->bufferCapacity();
      s.deviceTotal = static_cast<std::int32_t>(b.totalBytes);
      s.deviceUsed = static_cast<std::int32_t>(b.totalBytes - std::min(b.freeBytes, b.totalBytes));
      buffered = (s.deviceUsed + bytesPerSector_ - 1) / bytesPerSector_;
    } catch (const Error&) {
      // READ BUFFER CAPACITY is optional for old drives: report what was sent.
    }
    s.lastWrittenLba = std::max(s.lastWrittenLba, s.startLba + s.sent - 1 - buffered);
  }
  if (handler_) handler_(*this, progressOf(s));
}

WriteEngineProgress WriteEngine::progressOf(const Section& s) const {
  WriteEngineProgress p;
  p.startLba = s.startLba;
  p.sectorCount = s.count;
  p.lastReadLba = s.startLba + s.read - 1;
  p.lastWrittenLba = s.lastWrittenLba;
  p.totalSystemBuffer = static_cast<std::int32_t>(chunk_.size());
  p.usedSystemBuffer = 0;  // events come between WRITEs: the chunk has just been handed to the drive
  p.freeSystemBuffer = p.totalSystemBuffer;
  p.totalDeviceBuffer = s.deviceTotal;
  p.usedDeviceBuffer = s.deviceUsed;
  return p;
}

}  // namespace kiln::formats
