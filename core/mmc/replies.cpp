#include "core/mmc/replies.h"

#include <algorithm>
#include <string>

#include "core/cd/msf.h"
#include "core/imapi/error.h"
#include "core/scsi/bytes.h"

namespace kiln::mmc {
namespace {

using Bytes = std::span<const std::uint8_t>;

[[noreturn]] void malformed(const std::string& what) {
  throw Error(HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE, what);
}

void requireLength(Bytes reply, std::size_t need, const char* what) {
  if (reply.size() < need) {
    malformed(std::string(what) + ": reply has " + std::to_string(reply.size()) + " bytes, needs " +
              std::to_string(need));
  }
}

/// The bytes covered by a 2-byte (or 4-byte) "data length" header, capped by what was transferred. A header
/// claiming fewer bytes than itself is malformed.
Bytes coveredBy16(Bytes reply, const char* what) {
  requireLength(reply, 2, what);
  const std::size_t total = std::size_t{scsi::getBe16(reply, 0)} + 2;
  if (total < 4) malformed(std::string(what) + ": data length field too small");
  return reply.first(std::min(total, reply.size()));
}

std::string trimmed(Bytes bytes) {
  std::string s(bytes.begin(), bytes.end());
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  return s;
}

bool bit(std::uint8_t byte, int n) { return ((byte >> n) & 1) != 0; }

std::int32_t msfAt(Bytes b, std::size_t offset) {
  return cd::msfToLba(cd::Msf{b[offset], b[offset + 1], b[offset + 2]});
}

/// The mode page inside a MODE SENSE(10) reply: after the 8-byte header and the block descriptors, limited to
/// page length + 2 and the reply. Checks the page code.
Bytes modePage(Bytes reply, std::uint8_t pageCode, std::size_t minPageBytes, const char* what) {
  requireLength(reply, 8, what);
  const std::size_t modeDataEnd = std::min<std::size_t>(std::size_t{scsi::getBe16(reply, 0)} + 2, reply.size());
  const std::size_t pageStart = 8 + scsi::getBe16(reply, 6);
  if (modeDataEnd < pageStart + 2) malformed(std::string(what) + ": no page after the mode header");
  Bytes page = reply.subspan(pageStart, modeDataEnd - pageStart);
  if ((page[0] & 0x3F) != pageCode) malformed(std::string(what) + ": wrong page code");
  page = page.first(std::min<std::size_t>(std::size_t{page[1]} + 2, page.size()));
  requireLength(page, minPageBytes, what);
  return page;
}

}  // namespace

const FeatureDescriptor* Configuration::find(std::uint16_t code) const {
  for (const auto& f : features) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

std::int32_t Toc::leadOutLba() const {
  for (const auto& e : entries) {
    if (e.trackNumber == 0xAA) return e.startLba;
  }
  return -1;
}

std::int32_t kbpsToSectorsPerSecond(std::uint32_t kbps) {
  return static_cast<std::int32_t>((std::uint64_t{kbps} * 1000 + cd::kAudioSectorBytes / 2) / cd::kAudioSectorBytes);
}

std::uint32_t sectorsPerSecondToKbps(std::int32_t sectorsPerSecond) {
  if (sectorsPerSecond <= 0) return 0;
  return static_cast<std::uint32_t>((std::uint64_t(sectorsPerSecond) * cd::kAudioSectorBytes + 999) / 1000);
}

Inquiry parseInquiry(Bytes reply) {
  requireLength(reply, 36, "INQUIRY");
  Inquiry q;
  q.peripheralDeviceType = reply[0] & 0x1F;
  q.vendorId = trimmed(reply.subspan(8, 8));
  q.productId = trimmed(reply.subspan(16, 16));
  q.productRevision = trimmed(reply.subspan(32, 4));
  return q;
}

Configuration parseConfiguration(Bytes reply) {
  requireLength(reply, 8, "GET CONFIGURATION");
  const std::size_t total = std::size_t{scsi::getBe32(reply, 0)} + 4;
  if (total < 8) malformed("GET CONFIGURATION: data length field too small");
  const Bytes data = reply.first(std::min(total, reply.size()));
  Configuration c;
  c.currentProfile = scsi::getBe16(data, 6);
  std::size_t pos = 8;
  while (pos + 4 <= data.size()) {
    FeatureDescriptor f;
    f.code = scsi::getBe16(data, pos);
    f.version = (data[pos + 2] >> 2) & 0x0F;
    f.persistent = bit(data[pos + 2], 1);
    f.current = bit(data[pos + 2], 0);
    const std::size_t len = data[pos + 3];
    if (pos + 4 + len > data.size()) {
      if (data.size() < total) break;  // cut by the allocation length: keep the whole descriptors
      malformed("GET CONFIGURATION: feature descriptor overruns the data length");
    }
    f.data.assign(data.begin() + pos + 4, data.begin() + pos + 4 + len);
    if (f.code == feature::kProfileList) {
      if (len % 4 != 0) malformed("GET CONFIGURATION: profile list length not a multiple of 4");
      for (std::size_t p = 0; p < len; p += 4) {
        c.profiles.push_back({scsi::getBe16(f.data, p), bit(f.data[p + 2], 0)});
      }
    }
    c.features.push_back(std::move(f));
    pos += 4 + len;
  }
  if (pos < data.size() && data.size() == total && pos + 4 > data.size()) {
    malformed("GET CONFIGURATION: trailing bytes after descriptors");
  }
  return c;
}

CdTrackAtOnceFeature parseCdTrackAtOnceFeature(const Configuration& config) {
  CdTrackAtOnceFeature t;
  const FeatureDescriptor* f = config.find(feature::kCdTrackAtOnce);
  if (f == nullptr) return t;
  if (f->data.size() < 4) malformed("feature 002Dh: descriptor shorter than 8 bytes");
  t.present = true;
  t.current = f->current;
  const std::uint8_t b = f->data[0];
  t.bufferUnderrunFree = bit(b, 6);
  t.rwRaw = bit(b, 4);
  t.rwPack = bit(b, 3);
  t.testWrite = bit(b, 2);
  t.cdRw = bit(b, 1);
  t.rwSubcode = bit(b, 0);
  t.dataTypeSupported = scsi::getBe16(f->data, 2);
  return t;
}

CdMasteringFeature parseCdMasteringFeature(const Configuration& config) {
  CdMasteringFeature m;
  const FeatureDescriptor* f = config.find(feature::kCdMastering);
  if (f == nullptr) return m;
  if (f->data.size() < 4) malformed("feature 002Eh: descriptor shorter than 8 bytes");
  m.present = true;
  m.current = f->current;
  const std::uint8_t b = f->data[0];
  m.bufferUnderrunFree = bit(b, 6);
  m.sessionAtOnce = bit(b, 5);
  m.rawMultiSession = bit(b, 4);
  m.raw = bit(b, 3);
  m.testWrite = bit(b, 2);
  m.cdRw = bit(b, 1);
  m.rwSubcode = bit(b, 0);
  m.maxCueSheetLength = scsi::getBe24(f->data, 1);
  return m;
}

Capabilities parseCapabilitiesPage(Bytes reply) {
  const Bytes p = modePage(reply, 0x2A, 20, "MODE SENSE page 2Ah");
  Capabilities c;
  c.cdrRead = bit(p[2], 0);
  c.cdrwRead = bit(p[2], 1);
  c.cdrWrite = bit(p[3], 0);
  c.cdrwWrite = bit(p[3], 1);
  c.testWrite = bit(p[3], 2);
  c.bufferUnderrunFree = bit(p[4], 7);
  c.multiSession = bit(p[4], 6);
  c.cdDaAccurate = bit(p[5], 1);
  c.isrc = bit(p[5], 5);
  c.upc = bit(p[5], 6);
  c.lock = bit(p[6], 0);
  c.lockState = bit(p[6], 1);
  c.eject = bit(p[6], 3);
  c.loadingMechanism = (p[6] >> 5) & 0x07;
  c.bufferSizeKiB = scsi::getBe16(p, 12);
  c.maxWriteSpeedKBps = scsi::getBe16(p, 18);
  c.currentWriteSpeedKBps = p.size() >= 22 ? scsi::getBe16(p, 20) : 0;
  if (p.size() >= 30) {
    c.rotationControlSelected = p[27] & 0x03;
    c.currentWriteSpeedKBps = scsi::getBe16(p, 28);
  }
  if (p.size() >= 32) {
    const std::size_t n = scsi::getBe16(p, 30);
    if (32 + 4 * n > p.size()) malformed("MODE SENSE page 2Ah: write speed descriptors overrun the page");
    for (std::size_t i = 0; i < n; ++i) c.writeSpeedsKBps.push_back(scsi::getBe16(p, 32 + 4 * i + 2));
  }
  return c;
}

WriteParameters parseWriteParametersPage(Bytes reply) {
  const Bytes p = modePage(reply, 0x05, 16, "MODE SENSE page 05h");
  WriteParameters w;
  w.bufferUnderrunFree = bit(p[2], 6);
  w.testWrite = bit(p[2], 4);
  w.writeType = p[2] & 0x0F;
  w.multiSession = (p[3] >> 6) & 0x03;
  w.copy = bit(p[3], 4);
  w.trackMode = p[3] & 0x0F;
  w.dataBlockType = p[4] & 0x0F;
  w.sessionFormat = p[8];
  w.audioPauseLength = scsi::getBe16(p, 14);
  w.raw.assign(p.begin(), p.end());
  return w;
}

std::vector<std::uint8_t> buildWriteParametersSelect(const WriteParameters& params) {
  std::vector<std::uint8_t> page = params.raw;
  if (page.size() < 16) {  // no page read yet: a standard-length page 05h (MMC-6 §7.5.1: 32h + 2 bytes)
    page.assign(0x34, 0);
    page[1] = 0x32;
  }
  page[0] = 0x05;  // PS cleared: it is reserved in MODE SELECT (SPC-4 §7.5.1)
  page[2] = static_cast<std::uint8_t>((page[2] & 0xA0) | (params.bufferUnderrunFree ? 0x40 : 0) |
                                      (params.testWrite ? 0x10 : 0) | (params.writeType & 0x0F));
  page[3] = static_cast<std::uint8_t>(((params.multiSession & 0x03) << 6) | (page[3] & 0x20) |
                                      (params.copy ? 0x10 : 0) | (params.trackMode & 0x0F));
  page[4] = static_cast<std::uint8_t>((page[4] & 0xF0) | (params.dataBlockType & 0x0F));
  page[8] = params.sessionFormat;
  scsi::putBe16(page, 14, params.audioPauseLength);
  // Mode parameter header (10) of zeros: mode data length is reserved in MODE SELECT, no block descriptors.
  std::vector<std::uint8_t> list(8 + page.size(), 0);
  std::copy(page.begin(), page.end(), list.begin() + 8);
  return list;
}

DiscInformation parseDiscInformation(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ DISC INFORMATION");
  requireLength(d, 24, "READ DISC INFORMATION");
  DiscInformation i;
  i.erasable = bit(d[2], 4);
  i.lastSessionState = static_cast<DiscInformation::SessionState>((d[2] >> 2) & 0x03);
  i.discStatus = static_cast<DiscInformation::Status>(d[2] & 0x03);
  i.firstTrackNumber = d[3];
  i.numberOfSessions = static_cast<std::uint16_t>(d[4] | (d[9] << 8));
  i.firstTrackInLastSession = static_cast<std::uint16_t>(d[5] | (d[10] << 8));
  i.lastTrackInLastSession = static_cast<std::uint16_t>(d[6] | (d[11] << 8));
  i.discType = d[8];
  i.lastSessionLeadInStartLba = msfAt(d, 17);
  i.lastPossibleLeadOutStartLba = msfAt(d, 21);
  return i;
}

TrackInformation parseTrackInformation(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ TRACK INFORMATION");
  requireLength(d, 28, "READ TRACK INFORMATION");
  TrackInformation t;
  t.trackNumber = static_cast<std::uint16_t>(d[2] | (d.size() > 32 ? d[32] << 8 : 0));
  t.sessionNumber = static_cast<std::uint16_t>(d[3] | (d.size() > 33 ? d[33] << 8 : 0));
  t.damage = bit(d[5], 5);
  t.copy = bit(d[5], 4);
  t.trackMode = d[5] & 0x0F;
  t.reservedTrack = bit(d[6], 7);
  t.blank = bit(d[6], 6);
  t.packet = bit(d[6], 5);
  t.fixedPacket = bit(d[6], 4);
  t.dataMode = d[6] & 0x0F;
  t.lraValid = bit(d[7], 1) && d.size() >= 32;
  t.nwaValid = bit(d[7], 0);
  t.trackStartLba = scsi::getBe32s(d, 8);
  t.nextWritableAddress = scsi::getBe32s(d, 12);
  t.freeBlocks = scsi::getBe32(d, 16);
  t.fixedPacketSize = scsi::getBe32(d, 20);
  t.trackSize = scsi::getBe32(d, 24);
  if (t.lraValid) t.lastRecordedAddress = scsi::getBe32s(d, 28);
  return t;
}

Toc parseToc(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ TOC format 0");
  requireLength(d, 4, "READ TOC format 0");
  if ((scsi::getBe16(d, 0) - 2) % 8 != 0) malformed("READ TOC format 0: descriptors not a multiple of 8 bytes");
  Toc toc;
  toc.firstTrack = d[2];
  toc.lastTrack = d[3];
  for (std::size_t pos = 4; pos + 8 <= d.size(); pos += 8) {
    TocEntry e;
    e.adr = d[pos + 1] >> 4;
    e.control = d[pos + 1] & 0x0F;
    e.trackNumber = d[pos + 2];
    e.startLba = scsi::getBe32s(d, pos + 4);
    toc.entries.push_back(e);
  }
  return toc;
}

SessionInfo parseSessionInfo(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ TOC format 1");
  requireLength(d, 12, "READ TOC format 1");
  SessionInfo s;
  s.firstCompleteSession = d[2];
  s.lastCompleteSession = d[3];
  s.firstTrackInLastSession = d[6];
  s.firstTrackInLastSessionLba = scsi::getBe32s(d, 8);
  return s;
}

Atip parseAtip(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ TOC format 4 (ATIP)");
  requireLength(d, 15, "READ TOC format 4 (ATIP)");
  Atip a;
  a.indicativeTargetWritingPower = (d[4] >> 4) & 0x07;
  a.referenceSpeed = d[4] & 0x07;
  a.unrestrictedUse = bit(d[5], 6);
  a.discTypeRewritable = bit(d[6], 6);
  a.discSubType = (d[6] >> 3) & 0x07;
  a.leadInStartLba = msfAt(d, 8);
  a.lastPossibleLeadOutLba = msfAt(d, 12);
  return a;
}

std::vector<WriteSpeedDescriptor> parseWriteSpeedDescriptors(Bytes reply) {
  requireLength(reply, 8, "GET PERFORMANCE type 03h");
  const std::size_t total = std::size_t{scsi::getBe32(reply, 0)} + 4;
  if (total < 8) malformed("GET PERFORMANCE type 03h: data length field too small");
  const Bytes d = reply.first(std::min(total, reply.size()));
  if ((total - 8) % 16 != 0) malformed("GET PERFORMANCE type 03h: descriptors not a multiple of 16 bytes");
  std::vector<WriteSpeedDescriptor> out;
  for (std::size_t pos = 8; pos + 16 <= d.size(); pos += 16) {
    WriteSpeedDescriptor w;
    w.pureCAV = ((d[pos] >> 3) & 0x03) == 0x01;
    w.endLba = scsi::getBe32s(d, pos + 4);
    w.readSpeedKBps = scsi::getBe32(d, pos + 8);
    w.writeSpeedKBps = scsi::getBe32(d, pos + 12);
    w.sectorsPerSecond = kbpsToSectorsPerSecond(w.writeSpeedKBps);
    out.push_back(w);
  }
  return out;
}

BufferCapacity parseBufferCapacity(Bytes reply) {
  const Bytes d = coveredBy16(reply, "READ BUFFER CAPACITY");
  requireLength(d, 12, "READ BUFFER CAPACITY");
  BufferCapacity b;
  b.totalBytes = scsi::getBe32(d, 4);
  b.freeBytes = scsi::getBe32(d, 8);
  if (b.freeBytes > b.totalBytes) malformed("READ BUFFER CAPACITY: blank length exceeds buffer length");
  return b;
}

}  // namespace kiln::mmc
