#pragma once
// A CD recorder as IMAPI2's IDiscRecorder2 / IDiscRecorder2Ex present it: identification, profiles and features,
// mode pages, disc/track information, TOC/ATIP, speeds, buffer, tray control and the write-path commands.
// Every command goes through scsi::ScsiTransport with a CDB from scsi/cdb.h; a CHECK CONDITION becomes a
// kiln::Error through scsi::senseError (the one sense→HRESULT table). Transport failures propagate as thrown
// by the transport (HRESULT_FROM_WIN32_ERROR_DEV_NOT_EXIST, E_IMAPI_RECORDER_COMMAND_TIMEOUT, …).
// Malformed replies throw E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE (see replies.h).
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/mmc/replies.h"
#include "core/scsi/cdb.h"
#include "core/scsi/scsi_transport.h"
#include "core/util/clock.h"

namespace kiln::mmc {

/// Mirrors IDiscRecorder2 / IDiscRecorder2Ex for one drive (LUN 0). Not thread-safe: one command at a time.
/// The transport and clock must outlive the Recorder.
class Recorder {
 public:
  /// Default per-command timeout (ms) handed to the transport.
  static constexpr std::uint32_t kCommandTimeoutMs = 30'000;
  /// Timeout (ms) for SYNCHRONIZE CACHE / CLOSE without Immed (drives may take minutes, MMC-NOTES D.5).
  static constexpr std::uint32_t kLongCommandTimeoutMs = 600'000;

  Recorder(scsi::ScsiTransport& transport, Clock& clock);

  scsi::ScsiTransport& transport() { return transport_; }
  Clock& clock() { return clock_; }

  // ---- Identification (IDiscRecorder2::VendorId/ProductId/ProductRevision; INQUIRY, SPC-4 §6.6) ----
  /// INQUIRY (cached after the first successful call).
  const Inquiry& inquiry();
  std::string vendorId() { return inquiry().vendorId; }
  std::string productId() { return inquiry().productId; }
  std::string productRevision() { return inquiry().productRevision; }

  // ---- Profiles and features (IDiscRecorder2::SupportedProfiles/CurrentProfiles/SupportedFeaturePages/
  //      CurrentFeaturePages, IDiscRecorder2Ex::GetFeaturePage; GET CONFIGURATION, MMC-6 §6.6) ----
  /// All features (RT=0). A drive rejecting the opcode (5/20/00) → E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED.
  Configuration configuration();
  /// Profile numbers the drive supports (feature 0000h).
  std::vector<std::uint16_t> supportedProfiles();
  /// Current profile(s): IMAPI returns an array; CD drives have at most one (empty when no medium).
  std::vector<std::uint16_t> currentProfiles();
  /// Header "current profile" (0 = none).
  std::uint16_t currentProfile();
  std::vector<std::uint16_t> supportedFeaturePages();
  std::vector<std::uint16_t> currentFeaturePages();
  /// One feature descriptor (RT=2). `currentOnly` and not current → E_IMAPI_RECORDER_FEATURE_IS_NOT_CURRENT;
  /// not listed → E_IMAPI_RECORDER_NO_SUCH_FEATURE. IDiscRecorder2Ex::GetFeaturePage.
  FeatureDescriptor featurePage(std::uint16_t code, bool currentOnly);
  /// Feature 002Dh CD Track at Once, parsed (present=false if the drive lacks it).
  CdTrackAtOnceFeature cdTrackAtOnceFeature();
  /// Feature 002Eh CD Mastering, parsed.
  CdMasteringFeature cdMasteringFeature();

  // ---- Mode pages (IDiscRecorder2Ex::GetModePage/SetModePage; MODE SENSE/SELECT(10), SPC-4 §6.14/§6.12) ----
  /// Page 2Ah capabilities (speeds, BUF, test write, eject). Page missing → E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE.
  Capabilities capabilities();
  /// Current Write Parameters page 05h (MMC-6 §7.5).
  WriteParameters writeParameters();
  /// MODE SELECT(10) of page 05h with an 8-byte header, PS cleared (MMC-NOTES D.2). Rejected parameters →
  /// E_IMAPI_RECORDER_INVALID_MODE_PARAMETERS (via the sense map, 5/26/xx).
  void setWriteParameters(const WriteParameters& params);

  // ---- Disc / track / TOC (IDiscRecorder2Ex::GetDiscInformation/GetTrackInformation; MMC-6 §6.22/§6.27/§6.26) ----
  DiscInformation discInformation();
  TrackInformation trackInformation(scsi::TrackAddressType type, std::uint32_t number);
  /// The invisible (next writable) track, track number FFh: NWA and free blocks of the disc.
  TrackInformation invisibleTrack() { return trackInformation(scsi::TrackAddressType::TrackNumber, scsi::kInvisibleTrack); }
  /// READ TOC format 0, LBA addresses. Blank disc → the drive's error (normally 5/24/00 → E_INVALIDARG-like map).
  Toc toc();
  /// READ TOC format 1.
  SessionInfo sessionInfo();
  /// READ TOC format 4 ATIP.
  Atip atip();
  /// READ TOC/PMA/ATIP reply bytes as returned (for IMAPI's ExpectedTableOfContents blobs), whole reply
  /// (the header's data length + 2, fetched in two steps).
  std::vector<std::uint8_t> readTocRaw(scsi::TocFormat format, bool msf, std::uint8_t trackSession);
  /// IMAPI_MEDIA_PHYSICAL_TYPE from the current profile (+ ATIP disc type bit for CD-R vs CD-RW when the
  /// profile is CD-ROM or ambiguous). No medium → Unknown.
  MediaPhysicalType currentPhysicalMediaType();

  // ---- Speed / buffer (MMC-6 §6.8, §6.37, §6.21) ----
  /// GET PERFORMANCE type 03h. Drives without the command (5/20/00) → speeds from page 2Ah (endLba 0).
  std::vector<WriteSpeedDescriptor> writeSpeedDescriptors();
  /// SET CD SPEED; speeds in kB/s (scsi::kSpeedMax = fastest).
  void setCdSpeed(std::uint16_t readKBps, std::uint16_t writeKBps, bool pureCAV);
  BufferCapacity bufferCapacity();

  // ---- Tray and lock (IDiscRecorder2::EjectMedia/CloseTray; MMC-6 §6.40, §6.12) ----
  void ejectMedia();
  void closeTray();
  /// PREVENT (true) / ALLOW (false) MEDIUM REMOVAL.
  void preventMediumRemoval(bool prevent);

  // ---- Write path (MMC-6 §6.49, §6.41, §6.3) ----
  /// WRITE(10) of `sectors` blocks at `lba`; data.size() must equal sectors × block size. CHECK CONDITION →
  /// scsi::senseError (3/0C/09 → E_IMAPI_LOSS_OF_STREAMING, 2/3A → E_IMAPI_RECORDER_MEDIA_NO_MEDIA, …).
  void write10(std::int32_t lba, std::uint16_t sectors, std::span<const std::uint8_t> data);
  /// SYNCHRONIZE CACHE; with `immed` the drive returns at once and waitUntilReady() covers the flush.
  void synchronizeCache(bool immed);
  void closeTrack(std::uint16_t trackNumber, bool immed);
  /// CLOSE SESSION (function 010b): finalizes or leaves appendable per page 05h multi-session bits.
  void closeSession(bool immed);

  // ---- Readiness (TEST UNIT READY, SPC-4 §6.47) ----
  /// One TEST UNIT READY; returns the result (sense valid on CHECK CONDITION). Never throws for a CHECK CONDITION.
  scsi::Result testUnitReady();
  /// Polls TEST UNIT READY until GOOD, sleeping `pollIntervalMs` through the Clock between tries. Retries while
  /// the sense says becoming ready (2/04/01), long write / operation in progress (2/04/07, 2/04/08) or unit
  /// attention (6/28, 6/29). No medium (2/3A) → E_IMAPI_RECORDER_MEDIA_NO_MEDIA at once; any other sense → its
  /// error at once. After `timeoutMs` of Clock time: the last retryable sense's error
  /// (E_IMAPI_RECORDER_MEDIA_BECOMING_READY / E_IMAPI_RECORDER_MEDIA_BUSY), or E_IMAPI_RECORDER_COMMAND_TIMEOUT
  /// if it was a unit attention.
  void waitUntilReady(std::uint32_t timeoutMs, std::uint32_t pollIntervalMs = 100);

  // ---- Pass-through (IDiscRecorder2Ex::SendCommand*) ----
  /// Executes `command`; returns the Result when GOOD, throws scsi::senseError on CHECK CONDITION.
  scsi::Result executeOrThrow(const scsi::Command& command);

 private:
  std::vector<std::uint8_t> dataIn(const scsi::Cdb& cdb, std::uint16_t alloc);

  scsi::ScsiTransport& transport_;
  Clock& clock_;
  bool haveInquiry_ = false;
  Inquiry inquiry_;
};

}  // namespace kiln::mmc
