#pragma once
// Writes a run of sectors at an LBA, mirroring IMAPI2's IWriteEngine2 (MMC-NOTES A.6, A.12). It only sends
// WRITE(10) — or WRITE(12) with the Streaming bit — for consecutive chunks of the section; the caller sets up the
// write mode (page 05h, cue sheet) before and flushes/closes (SYNCHRONIZE CACHE, CLOSE) after. MMC-6 §6.44/§6.45.
//
// Threading: writeSection runs on the caller's thread and calls the update handler there; cancelWrite() may be
// called from the handler or from any other thread. Memory: one chunk buffer (≤ 64 KiB).
#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/formats/audio_stream.h"
#include "core/formats/raw_progress.h"
#include "core/imapi/hresult.h"
#include "core/mmc/recorder.h"

namespace kiln::formats {

/// Mirrors IWriteEngine2. Errors are kiln::Error.
class WriteEngine {
 public:
  /// DWriteEngine2Events::Update(object, progress). May call cancelWrite() and read properties; must not call
  /// writeSection (→ E_FAIL) or change properties (→ E_FAIL).
  using UpdateHandler = std::function<void(WriteEngine&, const WriteEngineProgress&)>;

  /// Largest data phase per WRITE command, bytes (a 64 KiB USB / SG_IO transfer).
  static constexpr std::uint32_t kMaxTransferBytes = 64 * 1024;
  /// Progress cadence: an event at least every this many Clock ms (IMAPI: 0.5 s) …
  static constexpr double kProgressIntervalMs = 500.0;
  /// … and at least every this many sectors, so unthrottled (FakeClock) runs still get events (2 s of CD time).
  static constexpr std::int32_t kProgressIntervalSectors = 150;

  WriteEngine() = default;
  WriteEngine(const WriteEngine&) = delete;
  WriteEngine& operator=(const WriteEngine&) = delete;

  /// Recorder (IDiscRecorder2Ex; non-owning, nullptr clears). While writing → E_FAIL.
  void setRecorder(mmc::Recorder* recorder);
  mmc::Recorder* recorder() const { return recorder_; }
  /// BytesPerSector: 2048, 2352, 2368 or 2448 (else E_INVALIDARG); 0 until set. Must match the drive's data
  /// block type (page 05h); the drive rejects a wrong transfer length. While writing → E_FAIL.
  std::int32_t bytesPerSector() const { return bytesPerSector_; }
  void setBytesPerSector(std::int32_t bytes);
  /// UseStreamingWrite12 (default false = WRITE(10)); true = WRITE(12) with the Streaming bit (MMC-6 §6.45).
  bool useStreamingWrite12() const { return streaming12_; }
  void setUseStreamingWrite12(bool value);
  /// StartingSectorsPerSecond / EndingSectorsPerSecond: the throughput the caller expects at the start and end of
  /// the section (sectors/s, > 0, else E_INVALIDARG; default 300 = 4x). Stored for the caller's time estimates
  /// (IMAPI: "expected throughput"); the engine does not pace — the drive does.
  std::int32_t startingSectorsPerSecond() const { return startSps_; }
  void setStartingSectorsPerSecond(std::int32_t sps);
  std::int32_t endingSectorsPerSecond() const { return endSps_; }
  void setEndingSectorsPerSecond(std::int32_t sps);
  /// WriteInProgress: true while writeSection runs.
  bool writeInProgress() const { return writing_.load(); }

  /// WriteSection: reads sectorCount × bytesPerSector bytes from `data` and writes them from `startingLba`
  /// (negative allowed: lead-in, pregap) in chunks of sectorsPerWrite(). Synchronous. Events: once before the
  /// first WRITE, at least every kProgressIntervalMs Clock ms and every kProgressIntervalSectors sectors, once after
  /// the last. Throws: E_IMAPI_RECORDER_REQUIRED (no recorder), E_INVALIDARG (bytesPerSector unset,
  /// sectorCount ≤ 0, or the stream ends before sectorCount sectors), E_FAIL (re-entered),
  /// E_IMAPI_REQUEST_CANCELLED (after a successful cancelWrite; sectors already sent stay written), drive errors
  /// (E_IMAPI_LOSS_OF_STREAMING, E_IMAPI_RECORDER_MEDIA_NO_MEDIA, …) and the stream's own errors.
  void writeSection(AudioStream& data, std::int32_t startingLba, std::int32_t sectorCount);
  /// CancelWrite: S_IMAPI_WRITE_NOT_IN_PROGRESS (0x00AA0302, a success code) while no WRITE of the current section
  /// has been accepted yet (e.g. from the "before" event), when no section is being written, and after the last
  /// WRITE; the seed says to call again until another code comes back. S_OK once the write has begun: writeSection
  /// stops before its next WRITE and throws E_IMAPI_REQUEST_CANCELLED. Thread-safe; never throws.
  HResult cancelWrite();

  /// Update event handler (see UpdateHandler). An exception thrown by it aborts writeSection.
  void setUpdateHandler(UpdateHandler handler) { handler_ = std::move(handler); }
  /// Kiln: sectors of the current (or last) section accepted by WRITE commands so far.
  std::int32_t sectorsWritten() const { return sent_.load(); }
  /// Kiln: sectors per WRITE command = kMaxTransferBytes / bytesPerSector (27 for 2352, 26 for 2448, 32 for 2048).
  std::uint16_t sectorsPerWrite() const;

 private:
  struct Section;
  void requireIdle() const;
  void writeChunks(AudioStream& data, Section& s);
  void sendWrite(std::int32_t lba, std::uint16_t sectors);
  void report(Section& s, bool poll);
  WriteEngineProgress progressOf(const Section& s) const;

  mmc::Recorder* recorder_ = nullptr;
  std::int32_t bytesPerSector_ = 0;
  bool streaming12_ = false;
  std::int32_t startSps_ = 300, endSps_ = 300;
  UpdateHandler handler_;
  std::atomic<bool> writing_{false};
  std::atomic<bool> begun_{false};   ///< a WRITE of this section was accepted and more may follow
  std::atomic<bool> cancel_{false};
  std::atomic<std::int32_t> sent_{0};
  std::vector<std::uint8_t> chunk_;
};

}  // namespace kiln::formats
