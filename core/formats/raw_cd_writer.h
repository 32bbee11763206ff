#pragma once
// Disc-at-once RAW writer ("DAO-96"), mirroring IMAPI2's IDiscFormat2RawCD (+ IDiscFormat2), MMC-NOTES A.4, A.12.
// MMC side: page 05h write type 3 (RAW), data block type 1/2/3 (2368/2448-byte sectors: 2352 main channel + the
// host's sub-channel), one continuous write through WriteEngine from the medium's ATIP lead-in start through the
// end of the lead-out, then SYNCHRONIZE CACHE (MMC-6 §4.5.4, §7.5; MMC-NOTES D.2, D.6). The host supplies
// everything: lead-in (TOC in Q, CD-TEXT in R–W), pregap, program area, lead-out — e.g. RawImageCreator's stream.
//
// Threading: as TrackAtOnceWriter — one thread for everything except cancelWrite(), which may also be called from
// any other thread. Memory: one WRITE chunk (≤ 64 KiB).
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/formats/audio_stream.h"
#include "core/formats/raw_progress.h"
#include "core/formats/raw_types.h"
#include "core/formats/write_engine.h"
#include "core/imapi/hresult.h"
#include "core/mmc/recorder.h"

namespace kiln::formats {

/// Mirrors IDiscFormat2RawCD. Errors are kiln::Error with the HRESULT IMAPI returns (E_IMAPI_DF2RAW_*).
class RawCdWriter {
 public:
  /// DDiscFormat2RawCDEvents::Update(object, progress). May call cancelWrite() and read properties.
  using UpdateHandler = std::function<void(RawCdWriter&, const RawCdProgress&)>;

  /// Time prepareMedia waits for the drive to become ready (ms).
  static constexpr std::uint32_t kPrepareTimeoutMs = 30'000;
  /// Time allowed after SYNCHRONIZE CACHE (ms): a CD may need minutes to finish (IMAPI: up to 3 min after cancel).
  static constexpr std::uint32_t kFinishTimeoutMs = 240'000;
  /// Time allowed for BLANK (ms): IMAPI gives up after one hour (E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR).
  static constexpr std::uint32_t kBlankTimeoutMs = 3'600'000;

  RawCdWriter() = default;
  RawCdWriter(const RawCdWriter&) = delete;
  RawCdWriter& operator=(const RawCdWriter&) = delete;

  // ---- IDiscFormat2 ----
  /// IsRecorderSupported: feature 002Eh CD Mastering lists Raw (MMC-6 §5.3.18). A drive without GET CONFIGURATION
  /// → false. Other drive errors propagate.
  bool isRecorderSupported(mmc::Recorder& recorder);
  /// IsCurrentMediaSupported: current profile CD-R (0009h) or CD-RW (000Ah) and the disc blank (RAW DAO writes a
  /// whole single-session disc). No medium → false.
  bool isCurrentMediaSupported(mmc::Recorder& recorder);
  /// MediaPhysicallyBlank / MediaHeuristicallyBlank: READ DISC INFORMATION disc status = blank (both; a raw writer
  /// has no weaker notion). No recorder → E_IMAPI_RECORDER_REQUIRED.
  bool mediaPhysicallyBlank();
  bool mediaHeuristicallyBlank() { return mediaPhysicallyBlank(); }
  /// SupportedMediaTypes: {CdR, CdRw}.
  std::vector<mmc::MediaPhysicalType> supportedMediaTypes() const;

  // ---- Recorder / client ----
  /// Non-owning; nullptr clears. While prepared → E_IMAPI_DF2RAW_MEDIA_IS_PREPARED.
  void setRecorder(mmc::Recorder* recorder);
  mmc::Recorder* recorder() const { return recorder_; }
  /// ClientName; required before prepareMedia (empty → E_IMAPI_DF2RAW_CLIENT_NAME_IS_NOT_VALID there).
  void setClientName(std::string name) { clientName_ = std::move(name); }
  const std::string& clientName() const { return clientName_; }

  // ---- Session control ----
  /// PrepareMedia: waits until ready, checks drive and medium, locks the tray (PREVENT MEDIUM REMOVAL), reads ATIP
  /// (start of lead-in, last possible lead-out) and page 05h. Errors: E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED,
  /// E_IMAPI_DF2RAW_CLIENT_NAME_IS_NOT_VALID, E_IMAPI_DF2RAW_MEDIA_IS_PREPARED, E_IMAPI_DF2RAW_WRITE_IN_PROGRESS,
  /// E_IMAPI_RECORDER_MEDIA_NO_MEDIA, E_IMAPI_DF2RAW_RECORDER_NOT_SUPPORTED (no raw writing),
  /// E_IMAPI_DF2RAW_MEDIA_IS_NOT_SUPPORTED (not CD-R/RW), E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK, drive errors.
  void prepareMedia();
  /// WriteMedia: writeMedia2(data, −22650) — the stream's first sector is MSF 95:00:00 (RawImageCreator's origin).
  void writeMedia(AudioStream& data);
  /// WriteMedia2: `streamStartLba` is the LBA of the stream's first sector (IMAPI calls it streamLeadInSectors and
  /// documents it as "starting address at which to begin writing the data stream"); it must be negative (≥ 0 →
  /// E_INVALIDARG). The sectors before the medium's lead-in start (startOfNextSession) are skipped (a RawImageStream
  /// skips without generating, other streams are read and dropped); then stream sectors are written from the lead-in
  /// start to the end of the stream with requestedSectorType's block size. Synchronous. Errors before writing:
  /// E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED, E_IMAPI_DF2RAW_WRITE_IN_PROGRESS, E_IMAPI_DF2RAW_STREAM_NOT_SUPPORTED
  /// (size 0 or not whole sectors of 2368/2448 bytes, or nothing left after the skip),
  /// E_IMAPI_DF2RAW_STREAM_LEADIN_TOO_SHORT (stream starts after the lead-in start),
  /// E_IMAPI_DF2RAW_NOT_ENOUGH_SPACE (lead-out start — exact for a RawImageStream, else end − 6750 — after
  /// lastPossibleStartOfLeadout), E_IMAPI_DF2RAW_DATA_BLOCK_TYPE_NOT_SUPPORTED (type not in supportedSectorTypes, or
  /// MODE SELECT of page 05h rejected). While writing: E_IMAPI_REQUEST_CANCELLED (after cancelWrite — the disc is
  /// then indeterminate unless nothing had been written), drive errors (E_IMAPI_LOSS_OF_STREAMING, …), stream errors;
  /// after any failure once a sector was written, mediaIndeterminate() is true.
  void writeMedia2(AudioStream& data, std::int32_t streamStartLba);
  /// CancelWrite: S_OK while writeMedia runs (returned, not thrown) — the write stops at the next WRITE boundary;
  /// else E_IMAPI_DF2RAW_WRITE_NOT_IN_PROGRESS (returned). Per the seed, this leaves the medium in an indeterminate
  /// state: CD-RW → eraseMedia(), CD-R is lost. Thread-safe.
  HResult cancelWrite();
  /// ReleaseMedia: ALLOW MEDIUM REMOVAL; ends the prepared state. Not prepared → E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED;
  /// while writing → E_IMAPI_DF2RAW_WRITE_IN_PROGRESS. (A RAW session needs no CLOSE: the lead-out is written.)
  void releaseMedia();
  /// SetWriteSpeed (sectors/s, 75 = 1x; ≤ 0 = fastest): see selectWriteSpeed. No recorder →
  /// E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED; while writing → E_IMAPI_DF2RAW_WRITE_IN_PROGRESS.
  HResult setWriteSpeed(std::int32_t sectorsPerSecond, bool pureCAV);

  // ---- Properties ----
  /// BufferUnderrunFreeDisabled (default false = BUFE on where the drive supports it). While writing →
  /// E_IMAPI_DF2RAW_WRITE_IN_PROGRESS.
  bool bufferUnderrunFreeDisabled() const { return bufeDisabled_; }
  void setBufferUnderrunFreeDisabled(bool disabled);
  /// StartOfNextSession: the medium's lead-in start LBA (negative on blank media, from ATIP). Not prepared →
  /// E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED.
  std::int32_t startOfNextSession() const;
  /// LastPossibleStartOfLeadout (ATIP, e.g. 359849 for 80 min). Not prepared → E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED.
  std::int32_t lastPossibleStartOfLeadout() const;
  /// CurrentPhysicalMediaType. No recorder → E_IMAPI_RECORDER_REQUIRED.
  mmc::MediaPhysicalType currentPhysicalMediaType();
  /// SupportedSectorTypes: PqOnly when feature 002Eh has Raw; Cooked and Raw too when it also has R-W.
  /// No recorder → E_IMAPI_RECORDER_REQUIRED.
  std::vector<RawCdSectorType> supportedSectorTypes();
  /// RequestedSectorType (Kiln default: Raw, 2448 bytes). Invalid → E_INVALIDARG; while writing →
  /// E_IMAPI_DF2RAW_WRITE_IN_PROGRESS.
  RawCdSectorType requestedSectorType() const { return requested_; }
  void setRequestedSectorType(RawCdSectorType type);
  /// RequestedWriteSpeed (sectors/s; −1 = fastest, the default) / RequestedRotationTypeIsPureCAV.
  std::int32_t requestedWriteSpeed() const { return requestedSpeed_; }
  bool requestedRotationTypeIsPureCAV() const { return requestedCav_; }
  /// CurrentWriteSpeed (sectors/s, page 2Ah) / CurrentRotationTypeIsPureCAV.
  std::int32_t currentWriteSpeed();
  bool currentRotationTypeIsPureCAV();
  /// SupportedWriteSpeeds (sectors/s, fastest first) / SupportedWriteSpeedDescriptors.
  std::vector<std::int32_t> supportedWriteSpeeds();
  std::vector<mmc::WriteSpeedDescriptor> supportedWriteSpeedDescriptors();

  // ---- Kiln extensions ----
  /// Simulation (page 05h Test Write): nothing is burnt. Read-only while prepared → E_IMAPI_DF2RAW_MEDIA_IS_PREPARED.
  bool testWrite() const { return testWrite_; }
  void setTestWrite(bool value);
  /// WRITE(12) with the Streaming bit instead of WRITE(10) (WriteEngine::useStreamingWrite12). Default false.
  bool useStreamingWrite12() const { return streaming12_; }
  void setUseStreamingWrite12(bool value) { streaming12_ = value; }
  /// True after a write that stopped part-way (cancel or error once sectors were written): the seed's
  /// "indeterminate state". Cleared by prepareMedia on a blank disc and by eraseMedia.
  bool mediaIndeterminate() const { return indeterminate_; }
  /// What to tell the user about an indeterminate disc (empty when determinate).
  const std::string& indeterminateReason() const { return indeterminateReason_; }
  /// IDiscFormat2Erase::EraseMedia stand-in for the cancel path: BLANK (A1h, Immed; full or minimal) and polling
  /// until the drive is ready. No recorder → E_IMAPI_RECORDER_REQUIRED; while writing →
  /// E_IMAPI_DF2RAW_WRITE_IN_PROGRESS; not a CD-RW / not erasable → E_IMAPI_ERASE_MEDIA_IS_NOT_ERASABLE; BLANK
  /// rejected → E_IMAPI_ERASE_DRIVE_FAILED_ERASE_COMMAND; not ready within an hour →
  /// E_IMAPI_ERASE_TOOK_LONGER_THAN_ONE_HOUR. MMC-6 §6.2; MMC-NOTES D.5.
  void eraseMedia(bool full);
  /// Update events: Preparing once before the write, Writing from the write engine's events (before, ≥ every
  /// 0.5 s and every 150 sectors, after), Finishing before and after SYNCHRONIZE CACHE.
  void setUpdateHandler(UpdateHandler handler) { handler_ = std::move(handler); }
  bool prepared() const { return prepared_; }
  bool writeInProgress() const { return writing_.load(); }

 private:
  struct Run;
  mmc::Recorder& requireRecorder();
  void requirePrepared() const;
  void requireNotWriting() const;
  void checkStream(AudioStream& data, std::int32_t startLba, std::int32_t sectors) const;
  void applyWriteParameters();
  void skipLeadIn(AudioStream& data, std::int32_t sectors, std::int32_t bytesPerSector);
  void runEngine(AudioStream& data, Run& run);
  void finish(Run& run);
  void markIndeterminate(const std::string& why);
  RawCdProgress progressOf(const Run& run, RawCdWriteAction action, const WriteEngineProgress* engine) const;
  void emit(const RawCdProgress& progress);

  mmc::Recorder* recorder_ = nullptr;
  std::string clientName_;
  UpdateHandler handler_;
  bool bufeDisabled_ = false;
  bool testWrite_ = false;
  bool streaming12_ = false;
  RawCdSectorType requested_ = RawCdSectorType::Raw;
  std::int32_t requestedSpeed_ = -1;
  bool requestedCav_ = false;

  bool prepared_ = false;
  std::atomic<bool> writing_{false};
  std::atomic<bool> cancel_{false};
  bool indeterminate_ = false;
  std::string indeterminateReason_;
  std::int32_t leadInStart_ = 0;
  std::int32_t lastLeadOut_ = 0;
  bool bufeSupported_ = false;
  bool rewritable_ = false;  ///< CD-RW (erasable) at prepareMedia
  mmc::WriteParameters writeParams_{};
  WriteEngine engine_;
};

}  // namespace kiln::formats
