#pragma once
// Audio CD writer in Track-At-Once mode, mirroring IMAPI2's IDiscFormat2TrackAtOnce (which inherits IDiscFormat2)
// member for member; see docs/imapi-mapping.md. MMC side: page 05h write type 1 (TAO), data block type 0 (2352-byte
// audio), audio pause 150 (the drive writes the 2-s gap between tracks), WRITE(10) from the invisible track's NWA,
// SYNCHRONIZE CACHE per track, CLOSE SESSION at release (MMC-6 §4.5.4, §6.3, §7.5; MMC-NOTES D.2, D.5, D.6).
//
// Threading: every member except cancelAddTrack() must be called from one thread (the one running addAudioTrack,
// or the update handler it calls). cancelAddTrack() may also be called from any other thread.
// Memory: constant — the stream is read in fixed chunks of kChunkSectors sectors.
#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/cd/msf.h"
#include "core/formats/audio_stream.h"
#include "core/formats/progress.h"
#include "core/imapi/hresult.h"
#include "core/mmc/recorder.h"

namespace kiln::formats {

/// Mirrors IDiscFormat2TrackAtOnce (+ IDiscFormat2). Errors are kiln::Error with the HRESULT IMAPI returns.
class TrackAtOnceWriter {
 public:
  /// DDiscFormat2TrackAtOnceEvents::Update(object, progress). May call cancelAddTrack() and read properties;
  /// must not call addAudioTrack/prepareMedia/releaseMedia (→ E_IMAPI_DF2TAO_WRITE_IN_PROGRESS).
  using UpdateHandler = std::function<void(TrackAtOnceWriter&, const TaoProgress&)>;

  /// Sectors per WRITE(10): 26 × 2352 = 61,152 bytes (fits a 64 KiB USB/SG transfer).
  static constexpr std::uint16_t kChunkSectors = 26;
  /// Progress cadence: an event at least every this many ms of Clock time while writing (IMAPI: 0.5 s)…
  static constexpr double kProgressIntervalMs = 500.0;
  /// …and at least every this many sectors, so unthrottled (FakeClock) runs still get events (≈ 2 s of audio).
  static constexpr std::int32_t kProgressIntervalSectors = 150;
  /// How long waitUntilReady may take after SYNCHRONIZE CACHE / CLOSE SESSION (ms; a CD may need 3 min).
  static constexpr std::uint32_t kFinishTimeoutMs = 240'000;
  /// Time prepareMedia waits for the drive to become ready (ms).
  static constexpr std::uint32_t kPrepareTimeoutMs = 30'000;

  TrackAtOnceWriter() = default;
  TrackAtOnceWriter(const TrackAtOnceWriter&) = delete;
  TrackAtOnceWriter& operator=(const TrackAtOnceWriter&) = delete;
  /// Does not talk to the drive: call releaseMedia() first (IMAPI: ReleaseMedia is mandatory).
  ~TrackAtOnceWriter() = default;

  // ---- IDiscFormat2 ----
  /// IsRecorderSupported: the drive lists feature 002Dh CD Track at Once (or, for pre-MMC-3 drives, page 2Ah says
  /// it writes CD-R). Drive errors propagate.
  bool isRecorderSupported(mmc::Recorder& recorder);
  /// IsCurrentMediaSupported: current profile CD-R (0009h) or CD-RW (000Ah) and disc blank or appendable.
  /// No medium → false.
  bool isCurrentMediaSupported(mmc::Recorder& recorder);
  /// MediaPhysicallyBlank: READ DISC INFORMATION disc status = blank. No recorder → E_IMAPI_RECORDER_REQUIRED.
  bool mediaPhysicallyBlank();
  /// MediaHeuristicallyBlank: no tracks recorded (disc status blank, or appendable with zero complete tracks).
  bool mediaHeuristicallyBlank();
  /// SupportedMediaTypes: {CdR, CdRw}.
  std::vector<mmc::MediaPhysicalType> supportedMediaTypes() const;

  // ---- Recorder / client (put_Recorder/get_Recorder, put_ClientName/get_ClientName) ----
  /// Non-owning; nullptr clears. While prepared → E_IMAPI_DF2TAO_MEDIA_IS_PREPARED.
  void setRecorder(mmc::Recorder* recorder);
  mmc::Recorder* recorder() const { return recorder_; }
  /// Required before prepareMedia (empty → E_IMAPI_DF2TAO_CLIENT_NAME_IS_NOT_VALID there).
  void setClientName(std::string name);
  const std::string& clientName() const { return clientName_; }

  // ---- Session control ----
  /// PrepareMedia: waits until ready, checks the medium (CD-R/RW, blank or appendable), locks the tray
  /// (PREVENT MEDIUM REMOVAL), reads ATIP, disc information and the invisible track.
  /// Errors: E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED, E_IMAPI_DF2TAO_CLIENT_NAME_IS_NOT_VALID,
  /// E_IMAPI_DF2TAO_MEDIA_IS_PREPARED (already), E_IMAPI_DF2TAO_RECORDER_NOT_SUPPORTED (no TAO),
  /// E_IMAPI_RECORDER_MEDIA_NO_MEDIA, E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED (not CD-R/RW),
  /// E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK (finalised disc), drive errors.
  void prepareMedia();
  /// AddAudioTrack: writes `stream` (44.1 kHz, 16-bit LE stereo) as the next track; synchronous. Pads to whole
  /// sectors and to 300 sectors (4 s) with zeros. Checks before writing: E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED,
  /// E_IMAPI_DF2TAO_WRITE_IN_PROGRESS (re-entered), E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED (size % 4 ≠ 0),
  /// E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED (would be track 100), E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE (padded size >
  /// invisible track free blocks). While writing: E_IMAPI_REQUEST_CANCELLED (after cancelAddTrack; the shorter
  /// track is closed and kept), E_IMAPI_LOSS_OF_STREAMING, E_IMAPI_RECORDER_MEDIA_NO_MEDIA, other drive errors,
  /// or the stream's own kiln::Error. A stream that ends before sizeBytes() is padded with silence to that size.
  void addAudioTrack(AudioStream& stream);
  /// CancelAddTrack: S_OK when a write is in progress (it stops at the next chunk boundary), else
  /// E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS (returned, not thrown). Thread-safe.
  HResult cancelAddTrack();
  /// ReleaseMedia: CLOSE SESSION (finalised unless doNotFinalizeMedia → appendable), waits for the drive,
  /// ALLOW MEDIUM REMOVAL. Not prepared → E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED; while writing →
  /// E_IMAPI_DF2TAO_WRITE_IN_PROGRESS. With no track written in this session nothing is closed.
  void releaseMedia();
  /// SetWriteSpeed (sectors/s, 75 = 1x; ≤ 0 or INT32_MAX = fastest): picks the fastest supported descriptor not
  /// above the request and sends SET CD SPEED. Returns S_OK, S_IMAPI_SPEEDADJUSTED, S_IMAPI_ROTATIONADJUSTED or
  /// S_IMAPI_BOTHADJUSTED. No recorder → E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED; while writing → WRITE_IN_PROGRESS.
  HResult setWriteSpeed(std::int32_t sectorsPerSecond, bool pureCAV);

  // ---- Properties ----
  /// BufferUnderrunFreeDisabled (default false = BUFE on). Applied to each following track.
  bool bufferUnderrunFreeDisabled() const { return bufeDisabled_; }
  void setBufferUnderrunFreeDisabled(bool disabled);
  /// DoNotFinalizeMedia (default false). Read-only while prepared → E_IMAPI_DF2TAO_MEDIA_IS_PREPARED.
  bool doNotFinalizeMedia() const { return doNotFinalize_; }
  void setDoNotFinalizeMedia(bool value);
  /// Kiln extension, not in IMAPI TAO: simulation (page 05h Test Write bit); nothing is burnt. Read-only while
  /// prepared → E_IMAPI_DF2TAO_MEDIA_IS_PREPARED.
  bool testWrite() const { return testWrite_; }
  void setTestWrite(bool value);
  /// NumberOfExistingTracks: tracks on the medium (incl. this session's). No recorder → E_IMAPI_RECORDER_REQUIRED.
  std::int32_t numberOfExistingTracks();
  /// TotalSectorsOnMedia = used + free (sectors). FreeSectorsOnMedia = invisible track's free blocks.
  /// UsedSectorsOnMedia = invisible track's start LBA (sectors before the next track, incl. gaps/session overhead).
  std::int32_t totalSectorsOnMedia();
  std::int32_t freeSectorsOnMedia();
  std::int32_t usedSectorsOnMedia();
  /// CurrentPhysicalMediaType. No recorder → E_IMAPI_RECORDER_REQUIRED.
  mmc::MediaPhysicalType currentPhysicalMediaType();
  /// RequestedWriteSpeed (sectors/s; −1 = fastest, the default) and RequestedRotationTypeIsPureCAV.
  std::int32_t requestedWriteSpeed() const { return requestedSpeed_; }
  bool requestedRotationTypeIsPureCAV() const { return requestedCav_; }
  /// CurrentWriteSpeed (sectors/s, from page 2Ah current write speed) and CurrentRotationTypeIsPureCAV.
  std::int32_t currentWriteSpeed();
  bool currentRotationTypeIsPureCAV();
  /// SupportedWriteSpeeds (sectors/s, fastest first) and SupportedWriteSpeedDescriptors.
  std::vector<std::int32_t> supportedWriteSpeeds();
  std::vector<mmc::WriteSpeedDescriptor> supportedWriteSpeedDescriptors();
  /// ExpectedTableOfContents: IMAPI returns an array of READ TOC-format blobs; Kiln returns one, the READ TOC
  /// format 0 reply (LBA addresses, MMC-6 §6.26.3.2) the disc will give after releaseMedia, built from READ TRACK
  /// INFORMATION of every track. Not prepared → E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED; no tracks →
  /// E_IMAPI_DF2TAO_TABLE_OF_CONTENTS_EMPTY_DISC.
  std::vector<std::vector<std::uint8_t>> expectedTableOfContents();

  // ---- Events ----
  /// Update event: Preparing once before a track, Writing at least every kProgressIntervalMs Clock ms and every
  /// kProgressIntervalSectors sectors (also while waiting for the drive buffer to drain at the end of the track),
  /// Finishing once after the track is closed (and once in releaseMedia before CLOSE SESSION). An exception thrown by the
  /// handler aborts the write like a drive error (the track is closed first).
  void setUpdateHandler(UpdateHandler handler) { handler_ = std::move(handler); }

  /// Kiln: true between prepareMedia and releaseMedia.
  bool prepared() const { return prepared_; }
  /// Kiln: true while addAudioTrack runs (IWriteEngine2::WriteInProgress).
  bool writeInProgress() const { return writing_.load(); }

 private:
  struct TrackRun;
  mmc::Recorder& requireRecorder();
  void requireNotPrepared() const;
  void requireNotWriting() const;
  void applyWriteParameters();
  void refreshInvisibleTrack();
  mmc::TrackInformation currentInvisibleTrack();
  void writeTrack(AudioStream& stream, TrackRun& run);
  void writeChunks(AudioStream& stream, TrackRun& run);
  void readChunk(AudioStream& stream, TrackRun& run, std::uint16_t sectors);
  void maybeReport(TrackRun& run);
  TaoProgress progressOf(const TrackRun& run, TaoWriteAction action) const;
  void pollDrive(TrackRun& run, TaoProgress& progress);
  void drainDeviceBuffer(TrackRun& run);
  void finishTrack(TrackRun& run);
  void abortTrack();
  void emit(const TaoProgress& progress);

  mmc::Recorder* recorder_ = nullptr;
  std::string clientName_;
  UpdateHandler handler_;
  bool bufeDisabled_ = false;
  bool doNotFinalize_ = false;
  bool testWrite_ = false;
  std::int32_t requestedSpeed_ = -1;
  bool requestedCav_ = false;

  bool prepared_ = false;
  std::atomic<bool> writing_{false};
  std::atomic<bool> cancelRequested_{false};
  bool trackWrittenThisSession_ = false;
  std::int32_t existingTracks_ = 0;   ///< tracks on disc (last track number), updated after each track
  mmc::TrackInformation invisible_{}; ///< cached while prepared
  mmc::Atip atip_{};
  mmc::WriteParameters writeParams_{}; ///< page 05h as read at prepareMedia, modified per track
  bool bufeSupported_ = false;
  std::vector<std::uint8_t> chunk_;    ///< kChunkSectors × 2352 bytes: the only audio buffer
};

}  // namespace kiln::formats
