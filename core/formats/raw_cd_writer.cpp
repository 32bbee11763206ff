// RawCdWriter: IDiscFormat2 queries, PrepareMedia/ReleaseMedia, speeds and properties. The write path
// (WriteMedia/WriteMedia2, CancelWrite, eraseMedia) is in raw_cd_write.cpp. MMC-NOTES A.4.
#include "core/formats/raw_cd_writer.h"

#include "core/cd/msf.h"
#include "core/formats/write_speed.h"
#include "core/imapi/error.h"

namespace kiln::formats {
namespace {

bool isCdRecordable(std::uint16_t profile) {
  return profile == mmc::profile::kCdR || profile == mmc::profile::kCdRw;
}

}  // namespace

// ---------------------------------------------------------------- IDiscFormat2

bool RawCdWriter::isRecorderSupported(mmc::Recorder& recorder) {
  try {
    const mmc::CdMasteringFeature m = recorder.cdMasteringFeature();
    return m.present && m.raw;
  } catch (const Error& e) {
    if (e.code() == HResult::E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED) return false;
    throw;
  }
}

bool RawCdWriter::isCurrentMediaSupported(mmc::Recorder& recorder) {
  if (!isCdRecordable(recorder.currentProfile())) return false;
  return recorder.discInformation().discStatus == mmc::DiscInformation::Status::Blank;
}

bool RawCdWriter::mediaPhysicallyBlank() {
  return requireRecorder().discInformation().discStatus == mmc::DiscInformation::Status::Blank;
}

std::vector<mmc::MediaPhysicalType> RawCdWriter::supportedMediaTypes() const {
  return {mmc::MediaPhysicalType::CdR, mmc::MediaPhysicalType::CdRw};
}

// ---------------------------------------------------------------- guards and setters

mmc::Recorder& RawCdWriter::requireRecorder() {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_RECORDER_REQUIRED, "no recorder set (setRecorder)");
  return *recorder_;
}

void RawCdWriter::requirePrepared() const {
  if (!prepared_) throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_PREPARED, "call prepareMedia first");
}

void RawCdWriter::requireNotWriting() const {
  if (writing_.load()) throw Error(HResult::E_IMAPI_DF2RAW_WRITE_IN_PROGRESS, "a raw write is in progress");
}

void RawCdWriter::setRecorder(mmc::Recorder* recorder) {
  if (prepared_) throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED, "not allowed between prepareMedia and releaseMedia");
  recorder_ = recorder;
}

void RawCdWriter::setBufferUnderrunFreeDisabled(bool disabled) {
  requireNotWriting();
  bufeDisabled_ = disabled;
}

void RawCdWriter::setTestWrite(bool value) {
  if (prepared_) throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED, "testWrite is fixed while prepared");
  testWrite_ = value;
}

void RawCdWriter::setRequestedSectorType(RawCdSectorType type) {
  requireNotWriting();
  if (!isValidRawCdSectorType(type))
    throw Error(HResult::E_INVALIDARG, "unknown IMAPI_FORMAT2_RAW_CD_DATA_SECTOR_TYPE");
  requested_ = type;
}

// ---------------------------------------------------------------- session control

void RawCdWriter::prepareMedia() {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED, "setRecorder first");
  if (clientName_.empty()) throw Error(HResult::E_IMAPI_DF2RAW_CLIENT_NAME_IS_NOT_VALID, "setClientName first");
  requireNotWriting();
  if (prepared_) throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_PREPARED, "prepareMedia was already called");
  mmc::Recorder& rec = *recorder_;
  rec.waitUntilReady(kPrepareTimeoutMs);
  if (!isRecorderSupported(rec))
    throw Error(HResult::E_IMAPI_DF2RAW_RECORDER_NOT_SUPPORTED, "the drive does not list raw writing (feature 002Eh)");
  const std::uint16_t profile = rec.currentProfile();
  if (!isCdRecordable(profile))
    throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_SUPPORTED, "the medium is not a CD-R or CD-RW");
  const mmc::DiscInformation di = rec.discInformation();
  if (di.discStatus != mmc::DiscInformation::Status::Blank)
    throw Error(HResult::E_IMAPI_DF2RAW_MEDIA_IS_NOT_BLANK,
                indeterminate_ ? "the disc is not blank (a cancelled raw write left it indeterminate; erase a CD-RW)"
                               : "disc-at-once raw writing needs a blank disc");
  const mmc::Atip atip = rec.atip();
  leadInStart_ = atip.leadInStartLba;
  lastLeadOut_ = atip.lastPossibleLeadOutLba != 0 ? atip.lastPossibleLeadOutLba : di.lastPossibleLeadOutStartLba;
  if (leadInStart_ >= -cd::kPregapSectors)
    throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE,
                "ATIP start of lead-in " + std::to_string(leadInStart_) + " is not in the lead-in area");
  writeParams_ = rec.writeParameters();
  bufeSupported_ = rec.cdMasteringFeature().bufferUnderrunFree;
  rewritable_ = profile == mmc::profile::kCdRw || di.erasable;
  rec.preventMediumRemoval(true);
  indeterminate_ = false;
  indeterminateReason_.clear();
  prepared_ = true;
}

void RawCdWriter::releaseMedia() {
  requirePrepared();
  requireNotWriting();
  prepared_ = false;
  recorder_->preventMediumRemoval(false);
}

HResult RawCdWriter::setWriteSpeed(std::int32_t sectorsPerSecond, bool pureCAV) {
  if (recorder_ == nullptr) throw Error(HResult::E_IMAPI_DF2RAW_NO_RECORDER_SPECIFIED, "setRecorder first");
  requireNotWriting();
  const HResult r = selectWriteSpeed(*recorder_, sectorsPerSecond, pureCAV);
  requestedSpeed_ = sectorsPerSecond <= 0 ? -1 : sectorsPerSecond;
  requestedCav_ = pureCAV;
  return r;
}

// ---------------------------------------------------------------- properties

std::int32_t RawCdWriter::startOfNextSession() const {
  requirePrepared();
  return leadInStart_;
}

std::int32_t RawCdWriter::lastPossibleStartOfLeadout() const {
  requirePrepared();
  return lastLeadOut_;
}

mmc::MediaPhysicalType RawCdWriter::currentPhysicalMediaType() { return requireRecorder().currentPhysicalMediaType(); }

std::vector<RawCdSectorType> RawCdWriter::supportedSectorTypes() {
  mmc::CdMasteringFeature m;
  try {
    m = requireRecorder().cdMasteringFeature();
  } catch (const Error& e) {
    if (e.code() != HResult::E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED) throw;
    return {};
  }
  if (!m.present || !m.raw) return {};
  if (!m.rwSubcode) return {RawCdSectorType::PqOnly};
  return {RawCdSectorType::PqOnly, RawCdSectorType::Cooked, RawCdSectorType::Raw};
}

std::int32_t RawCdWriter::currentWriteSpeed() {
  return mmc::kbpsToSectorsPerSecond(requireRecorder().capabilities().currentWriteSpeedKBps);
}

bool RawCdWriter::currentRotationTypeIsPureCAV() { return requireRecorder().capabilities().rotationControlSelected == 1; }

std::vector<std::int32_t> RawCdWriter::supportedWriteSpeeds() {
  return distinctWriteSpeeds(supportedWriteSpeedDescriptors());
}

std::vector<mmc::WriteSpeedDescriptor> RawCdWriter::supportedWriteSpeedDescriptors() {
  return requireRecorder().writeSpeedDescriptors();
}

}  // namespace kiln::formats
