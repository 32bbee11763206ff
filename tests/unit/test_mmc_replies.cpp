// Reply parsers of core/mmc/replies.h: well-formed replies as real drives send them (MMC-6 §6.x layouts) and
// malformed ones (short, lying length fields, overrunning descriptors) → E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <vector>

#include "core/imapi/error.h"
#include "core/mmc/replies.h"

using namespace kiln;
using namespace kiln::mmc;
using Bytes = std::vector<std::uint8_t>;

namespace {

void requireInvalid(const std::function<void()>& parse) {
  try {
    parse();
    FAIL("parser accepted a malformed reply");
  } catch (const Error& e) {
    REQUIRE(e.code() == HResult::E_IMAPI_RECORDER_INVALID_RESPONSE_FROM_DEVICE);
  }
}

Bytes inquiryReply() {
  Bytes b(36, ' ');
  b[0] = 0x05;
  const char* v = "KILN    ";
  const char* p = "Virtual CD-RW   ";
  const char* r = "0.1 ";
  std::copy(v, v + 8, b.begin() + 8);
  std::copy(p, p + 16, b.begin() + 16);
  std::copy(r, r + 4, b.begin() + 32);
  return b;
}

/// GET CONFIGURATION: profile list (CD-RW, CD-R current), 002Dh (BUF, test write, CD-RW, data types 0x0001),
/// 002Eh (BUF, SAO, raw, max cue sheet 0x1000).
Bytes configReply() {
  Bytes b = {0, 0, 0, 0, 0, 0, 0x00, 0x09,
             0x00, 0x00, 0x03, 0x08, 0x00, 0x0A, 0x00, 0x00, 0x00, 0x09, 0x01, 0x00,
             0x00, 0x2D, 0x09, 0x04, 0x46, 0x00, 0x00, 0x01,
             0x00, 0x2E, 0x09, 0x04, 0x68, 0x00, 0x10, 0x00};
  b[3] = static_cast<std::uint8_t>(b.size() - 4);
  return b;
}

Bytes modeSense(std::uint8_t pageCode, Bytes page) {
  page[0] = pageCode;
  page[1] = static_cast<std::uint8_t>(page.size() - 2);
  Bytes b(8 + page.size(), 0);
  std::copy(page.begin(), page.end(), b.begin() + 8);
  b[1] = static_cast<std::uint8_t>(b.size() - 2);
  return b;
}

Bytes discInfo(std::uint8_t status) {
  Bytes b(34, 0);
  b[1] = 32;
  b[2] = status;
  b[3] = 1;
  b[4] = 2;   // sessions
  b[5] = 3;   // first track in last session
  b[6] = 4;   // last track in last session
  b[17] = 97; b[18] = 26; b[19] = 66;  // lead-in start 97:26:66
  b[21] = 79; b[22] = 59; b[23] = 74;  // last possible lead-out 79:59:74
  return b;
}

}  // namespace

TEST_CASE("INQUIRY: vendor/product/revision trimmed; short reply rejected", "[mmc][replies]") {
  const Inquiry q = parseInquiry(inquiryReply());
  CHECK(q.peripheralDeviceType == 5);
  CHECK(q.vendorId == "KILN");
  CHECK(q.productId == "Virtual CD-RW");
  CHECK(q.productRevision == "0.1");
  Bytes shortReply = inquiryReply();
  shortReply.resize(35);
  requireInvalid([&] { parseInquiry(shortReply); });
}

TEST_CASE("GET CONFIGURATION: profiles, current profile, 002Dh and 002Eh", "[mmc][replies]") {
  const Configuration c = parseConfiguration(configReply());
  CHECK(c.currentProfile == profile::kCdR);
  REQUIRE(c.profiles.size() == 2);
  CHECK(c.profiles[0].profile == profile::kCdRw);
  CHECK_FALSE(c.profiles[0].current);
  CHECK(c.profiles[1].profile == profile::kCdR);
  CHECK(c.profiles[1].current);
  const CdTrackAtOnceFeature tao = parseCdTrackAtOnceFeature(c);
  CHECK(tao.present);
  CHECK(tao.current);
  CHECK(tao.bufferUnderrunFree);
  CHECK(tao.testWrite);
  CHECK(tao.cdRw);
  CHECK_FALSE(tao.rwRaw);
  CHECK(tao.dataTypeSupported == 0x0001);
  const CdMasteringFeature m = parseCdMasteringFeature(c);
  CHECK(m.present);
  CHECK(m.sessionAtOnce);
  CHECK(m.raw);
  CHECK_FALSE(m.rawMultiSession);
  CHECK(m.maxCueSheetLength == 0x1000);
}

TEST_CASE("GET CONFIGURATION: missing feature is absent, not an error", "[mmc][replies]") {
  Bytes b = configReply();
  b.resize(20);
  b[3] = 16;
  const Configuration c = parseConfiguration(b);
  CHECK_FALSE(parseCdTrackAtOnceFeature(c).present);
  CHECK_FALSE(parseCdMasteringFeature(c).present);
}

TEST_CASE("GET CONFIGURATION: malformed replies", "[mmc][replies]") {
  requireInvalid([] { parseConfiguration(Bytes{0, 0, 0}); });
  requireInvalid([] { parseConfiguration(Bytes{0, 0, 0, 2, 0, 0, 0, 0}); });  // length below the header
  Bytes overrun = configReply();
  overrun[11] = 0x40;  // profile list claims 64 bytes inside the declared data length
  requireInvalid([&] { parseConfiguration(overrun); });
  Bytes odd = configReply();
  odd[11] = 0x07;  // profile list not a multiple of 4
  requireInvalid([&] { parseConfiguration(odd); });
  Bytes shortTao = {0, 0, 0, 10, 0, 0, 0, 9, 0x00, 0x2D, 0x01, 0x02, 0x40, 0x00};
  requireInvalid([&] { parseCdTrackAtOnceFeature(parseConfiguration(shortTao)); });
}

TEST_CASE("GET CONFIGURATION: reply cut by the allocation length keeps whole descriptors", "[mmc][replies]") {
  Bytes b = configReply();
  b.resize(30);  // 002Eh is cut off
  const Configuration c = parseConfiguration(b);
  CHECK(parseCdTrackAtOnceFeature(c).present);
  CHECK_FALSE(parseCdMasteringFeature(c).present);
}

TEST_CASE("Mode page 2Ah: capabilities and write speed descriptors", "[mmc][replies]") {
  Bytes page(40, 0);
  page[2] = 0x03;       // CD-R, CD-RW read
  page[3] = 0x07;       // CD-R, CD-RW write, test write
  page[4] = 0xC0;       // BUF, multi-session
  page[5] = 0x02;       // CD-DA accurate
  page[6] = 0x29;       // tray (1<<5), eject, lock
  page[12] = 0x08;      // 2048 KiB buffer
  page[18] = 0x1B; page[19] = 0x90;  // 7056 kB/s max write (40x)
  page[27] = 0x00;
  page[28] = 0x0D; page[29] = 0xC8;  // 3528 kB/s current (20x)
  page[31] = 2;         // two descriptors
  page[34] = 0x1B; page[35] = 0x90;
  page[38] = 0x0D; page[39] = 0xC8;
  const Capabilities c = parseCapabilitiesPage(modeSense(0x2A, page));
  CHECK(c.cdrWrite);
  CHECK(c.cdrwWrite);
  CHECK(c.testWrite);
  CHECK(c.bufferUnderrunFree);
  CHECK(c.multiSession);
  CHECK(c.eject);
  CHECK(c.lock);
  CHECK(c.loadingMechanism == 1);
  CHECK(c.bufferSizeKiB == 2048);
  CHECK(c.maxWriteSpeedKBps == 7056);
  CHECK(c.currentWriteSpeedKBps == 3528);
  REQUIRE(c.writeSpeedsKBps == std::vector<std::uint16_t>{7056, 3528});
  CHECK(kbpsToSectorsPerSecond(7056) == 3000);  // 40x
  CHECK(kbpsToSectorsPerSecond(176) == 75);      // 1x
}

TEST_CASE("Mode page 2Ah: malformed", "[mmc][replies]") {
  requireInvalid([] { parseCapabilitiesPage(Bytes(7, 0)); });
  requireInvalid([] { parseCapabilitiesPage(modeSense(0x05, Bytes(40, 0))); });  // wrong page
  requireInvalid([] { parseCapabilitiesPage(modeSense(0x2A, Bytes(12, 0))); });  // page too short
  Bytes page(36, 0);
  page[31] = 5;  // 5 descriptors claimed, room for 1
  requireInvalid([&] { parseCapabilitiesPage(modeSense(0x2A, page)); });
}

TEST_CASE("Mode page 05h: parse, then build the MODE SELECT list with PS cleared", "[mmc][replies]") {
  Bytes page(52, 0);
  page[2] = 0x52;  // BUFE, test write, write type 2
  page[3] = 0xC4;  // multi-session 11, track mode 4
  page[4] = 0x08;
  page[14] = 0x00; page[15] = 0x96;
  page[20] = 0x77;  // an MCN byte Kiln does not model: must survive
  Bytes reply = modeSense(0x05, page);
  reply[8] |= 0x80;  // PS set by the drive
  WriteParameters w = parseWriteParametersPage(reply);
  CHECK(w.bufferUnderrunFree);
  CHECK(w.testWrite);
  CHECK(w.writeType == 2);
  CHECK(w.multiSession == 3);
  CHECK(w.trackMode == 4);
  CHECK(w.dataBlockType == 8);
  CHECK(w.audioPauseLength == 150);
  REQUIRE(w.raw.size() == 52);

  w.bufferUnderrunFree = false;
  w.testWrite = false;
  w.writeType = 1;
  w.multiSession = 0;
  w.trackMode = 0;
  w.dataBlockType = 0;
  const Bytes list = buildWriteParametersSelect(w);
  REQUIRE(list.size() == 8 + 52);
  CHECK(std::all_of(list.begin(), list.begin() + 8, [](std::uint8_t x) { return x == 0; }));
  CHECK(list[8] == 0x05);   // PS cleared
  CHECK(list[9] == 50);
  CHECK(list[10] == 0x01);  // TAO, no BUFE, no test write
  CHECK(list[11] == 0x00);
  CHECK(list[12] == 0x00);
  CHECK(list[22] == 0x00);
  CHECK(list[23] == 150);
  CHECK(list[28] == 0x77);
}

TEST_CASE("Mode page 05h: malformed", "[mmc][replies]") {
  requireInvalid([] { parseWriteParametersPage(modeSense(0x05, Bytes(10, 0))); });
  Bytes bad = modeSense(0x05, Bytes(52, 0));
  bad[7] = 200;  // block descriptor length points past the reply
  requireInvalid([&] { parseWriteParametersPage(bad); });
}

TEST_CASE("READ DISC INFORMATION: status, sessions, lead-in and lead-out", "[mmc][replies]") {
  const DiscInformation d = parseDiscInformation(discInfo(0x1D));  // erasable, last session complete, appendable
  CHECK(d.erasable);
  CHECK(d.discStatus == DiscInformation::Status::Appendable);
  CHECK(d.lastSessionState == DiscInformation::SessionState::Complete);
  CHECK(d.numberOfSessions == 2);
  CHECK(d.firstTrackInLastSession == 3);
  CHECK(d.lastTrackInLastSession == 4);
  CHECK(d.lastSessionLeadInStartLba == -11634);
  CHECK(d.lastPossibleLeadOutStartLba == 359849);
  requireInvalid([] { parseDiscInformation(Bytes{0, 32, 0, 1}); });
  Bytes lying = discInfo(0);
  lying[1] = 10;  // claims 12 bytes: too short for the fields
  requireInvalid([&] { parseDiscInformation(lying); });
}

TEST_CASE("READ TRACK INFORMATION: invisible track NWA and free blocks", "[mmc][replies]") {
  Bytes b(36, 0);
  b[1] = 34;
  b[2] = 2;        // track 2
  b[3] = 1;
  b[6] = 0x40;     // blank
  b[7] = 0x01;     // NWA valid
  b[11] = 0xC2; b[10] = 0x01;  // track start 450 = 0x1C2
  b[15] = 0xC2; b[14] = 0x01;  // NWA 450
  b[16] = 0x00; b[17] = 0x05; b[18] = 0x7D; b[19] = 0x97;  // free 359831 = 0x57D97
  const TrackInformation t = parseTrackInformation(b);
  CHECK(t.trackNumber == 2);
  CHECK(t.blank);
  CHECK(t.nwaValid);
  CHECK_FALSE(t.lraValid);
  CHECK(t.trackStartLba == 450);
  CHECK(t.nextWritableAddress == 450);
  CHECK(t.freeBlocks == 359831);
  b[7] = 0x03;
  b[31] = 0x10;
  CHECK(parseTrackInformation(b).lastRecordedAddress == 0x10);
  requireInvalid([] { parseTrackInformation(Bytes(27, 0)); });
  Bytes negative(28, 0);
  negative[1] = 26;
  negative[8] = 0xFF; negative[9] = 0xFF; negative[10] = 0xFF; negative[11] = 0x6A;
  CHECK(parseTrackInformation(negative).trackStartLba == -150);
}

TEST_CASE("READ TOC format 0/1/4 and malformed TOCs", "[mmc][replies]") {
  const Bytes toc = {0, 18, 1, 1,
                     0, 0x10, 1, 0, 0, 0, 0, 0,
                     0, 0x10, 0xAA, 0, 0, 0, 0x01, 0x2C};
  const Toc t = parseToc(toc);
  CHECK(t.firstTrack == 1);
  CHECK(t.lastTrack == 1);
  REQUIRE(t.entries.size() == 2);
  CHECK(t.entries[0].adr == 1);
  CHECK(t.entries[0].control == 0);
  CHECK(t.leadOutLba() == 300);
  Bytes odd = toc;
  odd[1] = 17;
  odd.pop_back();
  requireInvalid([&] { parseToc(odd); });
  requireInvalid([] { parseToc(Bytes{0}); });

  const SessionInfo s = parseSessionInfo(Bytes{0, 10, 1, 2, 0, 0x10, 3, 0, 0, 0, 0x2E, 0xE0});
  CHECK(s.lastCompleteSession == 2);
  CHECK(s.firstTrackInLastSession == 3);
  CHECK(s.firstTrackInLastSessionLba == 12000);
  requireInvalid([] { parseSessionInfo(Bytes{0, 10, 1, 2, 0, 0x10}); });

  Bytes atip(28, 0);
  atip[1] = 26;
  atip[6] = 0x40;  // CD-RW
  atip[8] = 97; atip[9] = 15; atip[10] = 35;
  atip[12] = 79; atip[13] = 59; atip[14] = 74;
  const Atip a = parseAtip(atip);
  CHECK(a.discTypeRewritable);
  CHECK(a.leadInStartLba == -12490);
  CHECK(a.lastPossibleLeadOutLba == 359849);
  atip.resize(12);
  requireInvalid([&] { parseAtip(atip); });
}

TEST_CASE("GET PERFORMANCE write speeds and READ BUFFER CAPACITY", "[mmc][replies]") {
  Bytes p(8 + 32, 0);
  p[3] = 36;
  p[8] = 0x08;  // WRC 01b = CAV
  p[12] = 0x00; p[13] = 0x05; p[14] = 0x7D; p[15] = 0xC9;  // end LBA 359881
  p[20 + 2] = 0x1B; p[20 + 3] = 0x90;  // write 7056 kB/s
  p[24 + 12 + 2] = 0x06; p[24 + 12 + 3] = 0xE4;  // second: 1764 kB/s (10x), CLV
  const auto d = parseWriteSpeedDescriptors(p);
  REQUIRE(d.size() == 2);
  CHECK(d[0].pureCAV);
  CHECK(d[0].endLba == 359881);
  CHECK(d[0].sectorsPerSecond == 3000);
  CHECK_FALSE(d[1].pureCAV);
  CHECK(d[1].sectorsPerSecond == 750);
  Bytes bad = p;
  bad[3] = 30;  // not 4 + n×16
  requireInvalid([&] { parseWriteSpeedDescriptors(bad); });

  const Bytes cap = {0, 10, 0, 0, 0, 0x20, 0, 0, 0, 0x08, 0, 0};
  const BufferCapacity b = parseBufferCapacity(cap);
  CHECK(b.totalBytes == 0x200000);
  CHECK(b.freeBytes == 0x80000);
  requireInvalid([] { parseBufferCapacity(Bytes{0, 10, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2}); });  // free > total
  requireInvalid([] { parseBufferCapacity(Bytes{0, 10, 0, 0}); });
}
