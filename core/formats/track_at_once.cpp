// TrackAtOnceWriter: IDiscFormat2 queries, session control (PrepareMedia/ReleaseMedia), speeds and properties.
// The track-writing loop (AddAudioTrack/CancelAddTrack, progress) is in track_at_once_write.cpp.
#include "core/formats/track_at_once.h"
#include "core/formats/write_speed.h"

#include <algorithm>

#include "core/imapi/error.h"
#include "core/scsi/bytes.h"

namespace kiln::formats {
namespace {

using mmc::DiscInformation;

bool isCdRecordable(std::uint16_t profile) {
  return profile == mmc::profile::kCdR || profile == mmc::profile::kCdRw;
}

/// Tracks recorded on the disc. An appendable disc always has an invisible track one beyond the recorded ones
/// (READ DISC INFORMATION's "last track in last session" counts it: MMC-6 §6.22.3.1.7), so ask for it directly.
std::int32_t recordedTracks(mmc::Recorder& rec, const DiscInformation& di) {
  switch (di.discStatus) {
    case DiscInformation::Status::Blank: return 0;
    case DiscInformation::Status::Appendable: return std::max(0, rec.invisibleTrack().trackNumber - 1);
    default: return di.lastTrackInLastSession;
  }
}

}  // namespace

// ---------------------------------------------------------------- IDiscFormat2

bool TrackAtOnceWriter::isRecorderSupported(mmc::Recorder& recorder) {
  try {
    if (recorder.cdTrackAtOnceFeature().present) return true;
  } catch (const Error& e) {
    if (e.code() != HResult::E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED) throw;
  }
  const mmc::Capabilities caps = recorder.capabilities();  // pre-MMC-3 drive
  return caps.cdrWrite || caps.cdrwWrite;
}

bool TrackAtOnceWriter::isCurrentMediaSupported(mmc::Recorder& recorder) {
  if (!isCdRecordable(recorder.currentProfile())) return false;
  const auto status = recorder.discInformation().discStatus;
  return status == DiscInformation::Status::Blank || status == DiscInformation::Status::Appendable;
}

bool TrackAtOnceWriter::mediaPhysicallyBlank() {
  return requireRecorder().discInformation().discStatus == DiscInformation::Status::Blank;
}

bool TrackAtOnceWriter::mediaHeuristicallyBlank() {
  mmc::Recorder& rec = requireRecorder();
  const DiscInformation di = rec.discInformation();
  return recordedTracks(rec, di) == 0 && di.discStatus != DiscInformation::Status::Complete;
}

std::vector<mmc::MediaPhysicalType> TrackAtOnceWriter::supportedMediaTypes() const {
  return {mmc::MediaPhysicalType::CdR, mmc::MediaPhysicalType::CdRw};
}

// ---------------------------------------------------------------- recorder, client, flags

mmc::Recorder& TrackAtOnceWriter::requireRecorder() {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_RECORDER_REQUIRED, "no recorder set (setRecorder)");
  return *recorder_;
}

void TrackAtOnceWriter::requireNotPrepared() const {
  if (prepared_) throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED, "not allowed between prepareMedia and releaseMedia");
}

void TrackAtOnceWriter::requireNotWriting() const {
  if (writing_.load()) throw Error(HResult::E_IMAPI_DF2TAO_WRITE_IN_PROGRESS, "a track is being written");
}

void TrackAtOnceWriter::setRecorder(mmc::Recorder* recorder) {
  requireNotPrepared();
  recorder_ = recorder;
}

void TrackAtOnceWriter::setClientName(std::string name) { clientName_ = std::move(name); }

void TrackAtOnceWriter::setBufferUnderrunFreeDisabled(bool disabled) {
  requireNotWriting();
  bufeDisabled_ = disabled;
}

void TrackAtOnceWriter::setDoNotFinalizeMedia(bool value) {
  requireNotPrepared();
  doNotFinalize_ = value;
}

void TrackAtOnceWriter::setTestWrite(bool value) {
  requireNotPrepared();
  testWrite_ = value;
}

// ---------------------------------------------------------------- session control

void TrackAtOnceWriter::prepareMedia() {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED, "setRecorder first");
  if (clientName_.empty()) throw Error(HResult::E_IMAPI_DF2TAO_CLIENT_NAME_IS_NOT_VALID, "setClientName first");
  requireNotWriting();
  requireNotPrepared();
  mmc::Recorder& rec = *recorder_;
  rec.waitUntilReady(kPrepareTimeoutMs);
  if (!isRecorderSupported(rec)) {
    throw Error(HResult::E_IMAPI_DF2TAO_RECORDER_NOT_SUPPORTED, "the drive does not write CDs Track-At-Once");
  }
  const std::uint16_t profile = rec.currentProfile();
  if (profile == mmc::profile::kNone) throw Error(HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA, "no current profile");
  if (!isCdRecordable(profile)) {
    throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED, "the medium is not a CD-R or CD-RW");
  }
  const DiscInformation di = rec.discInformation();
  if (di.discStatus == DiscInformation::Status::Complete) {
    throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK, "the disc is finalised");
  }
  if (di.discStatus == DiscInformation::Status::Other) {
    throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_SUPPORTED, "the drive reports disc status 'other'");
  }
  rec.preventMediumRemoval(true);
  try {
    bufeSupported_ = rec.cdTrackAtOnceFeature().bufferUnderrunFree;
    atip_ = rec.atip();
    writeParams_ = rec.writeParameters();
    applyWriteParameters();
    refreshInvisibleTrack();
    existingTracks_ = recordedTracks(rec, di);
  } catch (...) {
    try { rec.preventMediumRemoval(false); } catch (const Error&) {}
    throw;
  }
  trackWrittenThisSession_ = false;
  prepared_ = true;
}

void TrackAtOnceWriter::applyWriteParameters() {
  mmc::WriteParameters& wp = writeParams_;
  wp.bufferUnderrunFree = !bufeDisabled_ && bufeSupported_;
  wp.testWrite = testWrite_;
  wp.writeType = 1;                            // TAO
  wp.multiSession = doNotFinalize_ ? 0x3 : 0;  // 11b next session allowed / 00b finalise
  wp.copy = false;
  wp.trackMode = 0;                            // 2-channel audio, no pre-emphasis, copy prohibited
  wp.dataBlockType = 0;                        // 2352-byte raw audio
  wp.sessionFormat = 0;                        // CD-DA
  wp.audioPauseLength = cd::kPregapSectors;    // the drive writes the 2-s gap
  recorder_->setWriteParameters(wp);
}

void TrackAtOnceWriter::refreshInvisibleTrack() { invisible_ = recorder_->invisibleTrack(); }

void TrackAtOnceWriter::releaseMedia() {
  requireNotWriting();
  if (!prepared_) throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED, "releaseMedia without prepareMedia");
  mmc::Recorder& rec = *recorder_;
  prepared_ = false;
  try {
    if (trackWrittenThisSession_) {
      TaoProgress p;
      p.currentAction = TaoWriteAction::Finishing;
      p.currentTrackNumber = existingTracks_;
      emit(p);
      applyWriteParameters();  // the multi-session bits decide finalise vs appendable at CLOSE SESSION
      rec.closeSession(true);
      rec.waitUntilReady(kFinishTimeoutMs);
    }
  } catch (...) {
    try { rec.preventMediumRemoval(false); } catch (const Error&) {}
    throw;
  }
  rec.preventMediumRemoval(false);
}

// ---------------------------------------------------------------- speeds

HResult TrackAtOnceWriter::setWriteSpeed(std::int32_t sectorsPerSecond, bool pureCAV) {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED, "setRecorder first");
  requireNotWriting();
  const bool fastest = sectorsPerSecond <= 0 || sectorsPerSecond == INT32_MAX;
  requestedSpeed_ = fastest ? -1 : sectorsPerSecond;
  requestedCav_ = pureCAV;
  return selectWriteSpeed(*recorder_, sectorsPerSecond, pureCAV);
}

std::int32_t TrackAtOnceWriter::currentWriteSpeed() {
  return mmc::kbpsToSectorsPerSecond(requireRecorder().capabilities().currentWriteSpeedKBps);
}

bool TrackAtOnceWriter::currentRotationTypeIsPureCAV() {
  return requireRecorder().capabilities().rotationControlSelected == 1;
}

std::vector<std::int32_t> TrackAtOnceWriter::supportedWriteSpeeds() {
  return distinctWriteSpeeds(supportedWriteSpeedDescriptors());
}

std::vector<mmc::WriteSpeedDescriptor> TrackAtOnceWriter::supportedWriteSpeedDescriptors() {
  return requireRecorder().writeSpeedDescriptors();
}

// ---------------------------------------------------------------- media properties

std::int32_t TrackAtOnceWriter::numberOfExistingTracks() {
  if (prepared_) return existingTracks_;
  mmc::Recorder& rec = requireRecorder();
  return recordedTracks(rec, rec.discInformation());
}

mmc::TrackInformation TrackAtOnceWriter::currentInvisibleTrack() {
  if (prepared_ && !writing_.load()) return invisible_;
  mmc::Recorder& rec = requireRecorder();
  if (rec.discInformation().discStatus == DiscInformation::Status::Complete) {
    mmc::TrackInformation none;  // finalised: nothing writable; "used" = the lead-out start
    none.nextWritableAddress = rec.toc().leadOutLba();
    return none;
  }
  return rec.invisibleTrack();
}

std::int32_t TrackAtOnceWriter::freeSectorsOnMedia() {
  const mmc::TrackInformation t = currentInvisibleTrack();
  return t.nwaValid ? static_cast<std::int32_t>(t.freeBlocks) : 0;
}

std::int32_t TrackAtOnceWriter::usedSectorsOnMedia() {
  return std::max<std::int32_t>(0, currentInvisibleTrack().nextWritableAddress);
}

std::int32_t TrackAtOnceWriter::totalSectorsOnMedia() {
  const mmc::TrackInformation t = currentInvisibleTrack();
  return std::max<std::int32_t>(0, t.nextWritableAddress) + (t.nwaValid ? static_cast<std::int32_t>(t.freeBlocks) : 0);
}

mmc::MediaPhysicalType TrackAtOnceWriter::currentPhysicalMediaType() {
  return requireRecorder().currentPhysicalMediaType();
}

std::vector<std::vector<std::uint8_t>> TrackAtOnceWriter::expectedTableOfContents() {
  if (!prepared_) throw Error(HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED, "expectedTableOfContents needs prepareMedia");
  if (existingTracks_ == 0) throw Error(HResult::E_IMAPI_DF2TAO_TABLE_OF_CONTENTS_EMPTY_DISC);
  mmc::Recorder& rec = *recorder_;
  std::vector<std::uint8_t> toc(4);
  std::int32_t leadOut = 0;
  for (std::int32_t n = 1; n <= existingTracks_; ++n) {
    const mmc::TrackInformation t = rec.trackInformation(scsi::TrackAddressType::TrackNumber, static_cast<std::uint32_t>(n));
    const std::uint8_t entry[8] = {0, static_cast<std::uint8_t>(0x10 | (t.trackMode & 0x0F)), static_cast<std::uint8_t>(n),
                                   0, 0, 0, 0, 0};
    toc.insert(toc.end(), entry, entry + 8);
    scsi::putBe32s(toc, toc.size() - 4, t.trackStartLba);
    leadOut = t.trackStartLba + static_cast<std::int32_t>(t.trackSize);
  }
  const std::uint8_t leadOutEntry[8] = {0, 0x10, 0xAA, 0, 0, 0, 0, 0};
  toc.insert(toc.end(), leadOutEntry, leadOutEntry + 8);
  scsi::putBe32s(toc, toc.size() - 4, leadOut);
  scsi::putBe16(toc, 0, static_cast<std::uint32_t>(toc.size() - 2));
  toc[2] = 1;
  toc[3] = static_cast<std::uint8_t>(existingTracks_);
  return {toc};
}

}  // namespace kiln::formats
