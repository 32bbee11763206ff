#include "core/mmc/recorder.h"

#include <algorithm>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
#include "core/scsi/bytes.h"
#include "core/scsi/sense.h"
#include "core/scsi/sense_map.h"

namespace kiln::mmc {
namespace {

using scsi::Cdb;
namespace cdb = scsi::cdb;

constexpr std::uint16_t kModeSenseAlloc = 256;
constexpr std::uint16_t kMaxSpeedDescriptors = 32;

bool isSense(const scsi::SenseData& s, std::uint8_t key, std::uint8_t asc) {
  return s.valid && s.key == key && s.asc == asc;
}

/// Waiting through these is normal: the drive is spinning up, flushing/closing, or reporting a media/reset event.
bool isRetryableNotReady(const scsi::SenseData& s) {
  if (!s.valid) return false;
  if (s.key == scsi::kNotReady && s.asc == 0x04) return s.ascq == 0x01 || s.ascq == 0x07 || s.ascq == 0x08;
  return s.key == scsi::kUnitAttention && (s.asc == 0x28 || s.asc == 0x29);
}

MediaPhysicalType typeFromProfile(std::uint16_t p) {
  switch (p) {
    case profile::kCdRom: return MediaPhysicalType::CdRom;
    case profile::kCdR: return MediaPhysicalType::CdR;
    case profile::kCdRw: return MediaPhysicalType::CdRw;
    case 0x10: return MediaPhysicalType::DvdRom;
    case 0x11: return MediaPhysicalType::DvdDashR;
    case 0x12: return MediaPhysicalType::DvdRam;
    case 0x13: case 0x14: return MediaPhysicalType::DvdDashRw;
    case 0x15: case 0x16: return MediaPhysicalType::DvdDashRDualLayer;
    case 0x1A: return MediaPhysicalType::DvdPlusRw;
    case 0x1B: return MediaPhysicalType::DvdPlusR;
    case 0x2A: return MediaPhysicalType::DvdPlusRwDualLayer;
    case 0x2B: return MediaPhysicalType::DvdPlusRDualLayer;
    case 0x40: return MediaPhysicalType::BdRom;
    case 0x41: case 0x42: return MediaPhysicalType::BdR;
    case 0x43: return MediaPhysicalType::BdRe;
    case 0x50: return MediaPhysicalType::HdDvdRom;
    case 0x51: return MediaPhysicalType::HdDvdR;
    case 0x52: return MediaPhysicalType::HdDvdRam;
    default: return MediaPhysicalType::Unknown;
  }
}

}  // namespace

Recorder::Recorder(scsi::ScsiTransport& transport, Clock& clock) : transport_(transport), clock_(clock) {}

scsi::Result Recorder::executeOrThrow(const scsi::Command& command) {
  scsi::Result r = transport_.execute(command);
  if (r.good()) return r;
  const std::uint8_t op = command.cdb.opcode();
  if (op == scsi::op::kModeSense10 && isSense(r.sense, scsi::kIllegalRequest, 0x24)) {
    throw Error(HResult::E_IMAPI_RECORDER_NO_SUCH_MODE_PAGE, "MODE SENSE(10): page not supported");
  }
  if (op == scsi::op::kGetConfiguration && isSense(r.sense, scsi::kIllegalRequest, 0x20)) {
    throw Error(HResult::E_IMAPI_RECORDER_GET_CONFIGURATION_NOT_SUPPORTED, "GET CONFIGURATION not supported");
  }
  throw scsi::senseError(command.cdb, r.sense);
}

std::vector<std::uint8_t> Recorder::dataIn(const Cdb& c, std::uint16_t alloc) {
  std::vector<std::uint8_t> buf(alloc);
  scsi::Command cmd{c, scsi::DataDirection::In, buf, kCommandTimeoutMs};
  const scsi::Result r = executeOrThrow(cmd);
  buf.resize(std::min(r.transferred, buf.size()));
  return buf;
}

const Inquiry& Recorder::inquiry() {
  if (!haveInquiry_) {
    inquiry_ = parseInquiry(dataIn(cdb::inquiry(36), 36));
    haveInquiry_ = true;
  }
  return inquiry_;
}

Configuration Recorder::configuration() {
  const auto header = dataIn(cdb::getConfiguration(scsi::FeatureRequest::All, 0, 8), 8);
  if (header.size() < 4) throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE, "GET CONFIGURATION: short header");
  const std::uint32_t total = std::min<std::uint32_t>(scsi::getBe32(header, 0) + 4, 0xFFF0);
  const auto alloc = static_cast<std::uint16_t>(std::max<std::uint32_t>(total, 8));
  return parseConfiguration(dataIn(cdb::getConfiguration(scsi::FeatureRequest::All, 0, alloc), alloc));
}

std::vector<std::uint16_t> Recorder::supportedProfiles() {
  std::vector<std::uint16_t> out;
  for (const auto& p : configuration().profiles) out.push_back(p.profile);
  return out;
}

std::vector<std::uint16_t> Recorder::currentProfiles() {
  std::vector<std::uint16_t> out;
  for (const auto& p : configuration().profiles) {
    if (p.current) out.push_back(p.profile);
  }
  return out;
}

std::uint16_t Recorder::currentProfile() {
  const auto header = dataIn(cdb::getConfiguration(scsi::FeatureRequest::Current, 0, 8), 8);
  if (header.size() < 8) throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE, "GET CONFIGURATION: short header");
  return scsi::getBe16(header, 6);
}

std::vector<std::uint16_t> Recorder::supportedFeaturePages() {
  std::vector<std::uint16_t> out;
  for (const auto& f : configuration().features) out.push_back(f.code);
  return out;
}

std::vector<std::uint16_t> Recorder::currentFeaturePages() {
  std::vector<std::uint16_t> out;
  for (const auto& f : configuration().features) {
    if (f.current) out.push_back(f.code);
  }
  return out;
}

FeatureDescriptor Recorder::featurePage(std::uint16_t code, bool currentOnly) {
  const Configuration c = parseConfiguration(dataIn(cdb::getConfiguration(scsi::FeatureRequest::One, code, 1024), 1024));
  const FeatureDescriptor* f = c.find(code);
  if (f == nullptr) throw Error(HResult::E_IMAPI_RECORDER_NO_SUCH_FEATURE);
  if (currentOnly && !f->current) throw Error(HResult::E_IMAPI_RECORDER_FEATURE_IS_NOT_CURRENT);
  return *f;
}

CdTrackAtOnceFeature Recorder::cdTrackAtOnceFeature() { return parseCdTrackAtOnceFeature(configuration()); }
CdMasteringFeature Recorder::cdMasteringFeature() { return parseCdMasteringFeature(configuration()); }

Capabilities Recorder::capabilities() {
  return parseCapabilitiesPage(
      dataIn(cdb::modeSense10(0x2A, scsi::PageControl::Current, kModeSenseAlloc, true), kModeSenseAlloc));
}

WriteParameters Recorder::writeParameters() {
  return parseWriteParametersPage(
      dataIn(cdb::modeSense10(0x05, scsi::PageControl::Current, kModeSenseAlloc, true), kModeSenseAlloc));
}

void Recorder::setWriteParameters(const WriteParameters& params) {
  std::vector<std::uint8_t> list = buildWriteParametersSelect(params);
  scsi::Command cmd{cdb::modeSelect10(true, static_cast<std::uint16_t>(list.size())), scsi::DataDirection::Out, list,
                    kCommandTimeoutMs};
  executeOrThrow(cmd);
}

DiscInformation Recorder::discInformation() {
  return parseDiscInformation(dataIn(cdb::readDiscInformation(34), 34));
}

TrackInformation Recorder::trackInformation(scsi::TrackAddressType type, std::uint32_t number) {
  return parseTrackInformation(dataIn(cdb::readTrackInformation(type, number, 36), 36));
}

std::vector<std::uint8_t> Recorder::readTocRaw(scsi::TocFormat format, bool msf, std::uint8_t trackSession) {
  const auto header = dataIn(cdb::readTocPmaAtip(format, msf, trackSession, 4), 4);
  if (header.size() < 2) throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE, "READ TOC: short header");
  const auto alloc = static_cast<std::uint16_t>(std::min<std::uint32_t>(scsi::getBe16(header, 0) + 2u, 0xFFF0));
  return dataIn(cdb::readTocPmaAtip(format, msf, trackSession, alloc), alloc);
}

Toc Recorder::toc() { return parseToc(readTocRaw(scsi::TocFormat::Toc, false, 0)); }
SessionInfo Recorder::sessionInfo() { return parseSessionInfo(readTocRaw(scsi::TocFormat::SessionInfo, false, 0)); }
Atip Recorder::atip() { return parseAtip(readTocRaw(scsi::TocFormat::Atip, false, 0)); }

MediaPhysicalType Recorder::currentPhysicalMediaType() {
  const std::uint16_t p = currentProfile();
  if (p != profile::kCdRom) return typeFromProfile(p);
  try {  // a CD-ROM profile with a readable ATIP is a recordable disc that the drive reports as read-only
    return atip().discTypeRewritable ? MediaPhysicalType::CdRw : MediaPhysicalType::CdR;
  } catch (const Error&) {
    return MediaPhysicalType::CdRom;
  }
}

std::vector<WriteSpeedDescriptor> Recorder::writeSpeedDescriptors() {
  const std::uint16_t alloc = 8 + 16 * kMaxSpeedDescriptors;
  scsi::Cdb c = cdb::getPerformance(scsi::PerformanceType::WriteSpeed, 0, 0, kMaxSpeedDescriptors);
  std::vector<std::uint8_t> buf(alloc);
  const scsi::Result r = transport_.execute({c, scsi::DataDirection::In, buf, kCommandTimeoutMs});
  if (r.good()) {
    buf.resize(std::min(r.transferred, buf.size()));
    return parseWriteSpeedDescriptors(buf);
  }
  if (!isSense(r.sense, scsi::kIllegalRequest, 0x20) && !isSense(r.sense, scsi::kIllegalRequest, 0x24)) {
    throw scsi::senseError(c, r.sense);
  }
  std::vector<WriteSpeedDescriptor> out;  // pre-MMC-3 drive: speeds from page 2Ah
  for (std::uint16_t kbps : capabilities().writeSpeedsKBps) {
    WriteSpeedDescriptor w;
    w.writeSpeedKBps = kbps;
    w.sectorsPerSecond = kbpsToSectorsPerSecond(kbps);
    out.push_back(w);
  }
  return out;
}

void Recorder::setCdSpeed(std::uint16_t readKBps, std::uint16_t writeKBps, bool pureCAV) {
  executeOrThrow({cdb::setCdSpeed(readKBps, writeKBps, pureCAV ? scsi::Rotation::Cav : scsi::Rotation::Clv),
                  scsi::DataDirection::None, {}, kCommandTimeoutMs});
}

BufferCapacity Recorder::bufferCapacity() {
  return parseBufferCapacity(dataIn(cdb::readBufferCapacity(false, 12), 12));
}

void Recorder::ejectMedia() {
  executeOrThrow({cdb::startStopUnit(true, false), scsi::DataDirection::None, {}, kCommandTimeoutMs});
}

void Recorder::closeTray() {
  executeOrThrow({cdb::startStopUnit(true, true), scsi::DataDirection::None, {}, kCommandTimeoutMs});
}

void Recorder::preventMediumRemoval(bool prevent) {
  executeOrThrow({cdb::preventAllowMediumRemoval(prevent), scsi::DataDirection::None, {}, kCommandTimeoutMs});
}

void Recorder::write10(std::int32_t lba, std::uint16_t sectors, std::span<const std::uint8_t> data) {
  // ScsiTransport only reads `data` for Out commands (scsi_transport.h), so dropping const is safe.
  std::span<std::uint8_t> out(const_cast<std::uint8_t*>(data.data()), data.size());
  executeOrThrow({cdb::write10(lba, sectors), scsi::DataDirection::Out, out, kCommandTimeoutMs});
}

void Recorder::synchronizeCache(bool immed) {
  executeOrThrow({cdb::synchronizeCache(immed), scsi::DataDirection::None, {},
                  immed ? kCommandTimeoutMs : kLongCommandTimeoutMs});
}

void Recorder::closeTrack(std::uint16_t trackNumber, bool immed) {
  executeOrThrow({cdb::closeTrackSession(immed, scsi::CloseFunction::Track, trackNumber), scsi::DataDirection::None,
                  {}, immed ? kCommandTimeoutMs : kLongCommandTimeoutMs});
}

void Recorder::closeSession(bool immed) {
  executeOrThrow({cdb::closeTrackSession(immed, scsi::CloseFunction::Session, 0), scsi::DataDirection::None, {},
                  immed ? kCommandTimeoutMs : kLongCommandTimeoutMs});
}

scsi::Result Recorder::testUnitReady() {
  return transport_.execute({cdb::testUnitReady(), scsi::DataDirection::None, {}, kCommandTimeoutMs});
}

void Recorder::waitUntilReady(std::uint32_t timeoutMs, std::uint32_t pollIntervalMs) {
  const double start = clock_.nowMs();
  const Cdb tur = cdb::testUnitReady();
  for (;;) {
    const scsi::Result r = testUnitReady();
    if (r.good()) return;
    if (isSense(r.sense, scsi::kNotReady, 0x3A)) {
      throw Error(HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA, "TEST UNIT READY: " + scsi::formatSense(r.sense));
    }
    if (!isRetryableNotReady(r.sense)) throw scsi::senseError(tur, r.sense);
    const double elapsed = clock_.nowMs() - start;
    if (elapsed >= timeoutMs) {
      if (r.sense.key == scsi::kUnitAttention) {
        throw Error(HResult::E_IMAPI_RECORDER_COMMAND_TIMEOUT,
                    "drive not ready after " + std::to_string(timeoutMs) + " ms: " + scsi::formatSense(r.sense));
      }
      throw scsi::senseError(tur, r.sense);
    }
    clock_.sleepMs(std::min<double>(pollIntervalMs, timeoutMs - elapsed));
  }
}

}  // namespace kiln::mmc
