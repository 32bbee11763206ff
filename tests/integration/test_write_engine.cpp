// WriteEngine (IWriteEngine2) against the virtual drive in session-at-once mode (page 05h write type 2, SEND CUE
// SHEET, sequential WRITE from LBA −150): sectors land where asked, progress cadence, and the cancel semantics of
// the seed IWriteEngine2::CancelWrite (S_IMAPI_WRITE_NOT_IN_PROGRESS until the write has begun).
#include <catch2/catch.hpp>

#include <functional>
#include <vector>

#include "core/formats/write_engine.h"
#include "core/scsi/bytes.h"
#include "integration/rig.h"

using namespace kiln;
using namespace kiln::formats;
using kiln::test::codeOf;
using kiln::test::PatternStream;
using kiln::test::Rig;

namespace {

/// Forwards to another transport and records every CDB (and lets a test answer a command itself).
class RecordingTransport final : public scsi::ScsiTransport {
 public:
  explicit RecordingTransport(scsi::ScsiTransport& inner) : inner_(inner) {}
  scsi::Result execute(const scsi::Command& c) override {
    cdbs.push_back(c.cdb);
    return inner_.execute(c);
  }
  std::vector<scsi::Cdb> cdbs;

 private:
  scsi::ScsiTransport& inner_;
};

/// Puts the drive into SAO mode with a one-track audio cue sheet: pregap at −150, track 1 at 0, lead-out at
/// `sectors` (MMC-NOTES D.3).
void startSao(mmc::Recorder& rec, std::int32_t sectors) {
  mmc::WriteParameters wp = rec.writeParameters();
  wp.writeType = 2;
  wp.dataBlockType = 0;
  rec.setWriteParameters(wp);
  const cd::Msf out = cd::lbaToMsf(sectors);
  std::vector<std::uint8_t> sheet = {
      0x01, 0x00, 0x00, 0x01, 0x00, 0, 0, 0,                // lead-in
      0x01, 0x01, 0x00, 0x00, 0x00, 0, 0, 0,                // track 1 index 0 at 00:00:00 (LBA −150)
      0x01, 0x01, 0x01, 0x00, 0x00, 0, 2, 0,                // track 1 index 1 at 00:02:00 (LBA 0)
      0x01, 0xAA, 0x01, 0x01, 0x00, out.m, out.s, out.f,    // lead-out
  };
  rec.executeOrThrow({scsi::cdb::sendCueSheet(static_cast<std::uint32_t>(sheet.size())), scsi::DataDirection::Out,
                      sheet, mmc::Recorder::kCommandTimeoutMs});
}

struct Events {
  std::vector<WriteEngineProgress> all;
  std::vector<bool> inProgress;
  std::vector<double> atMs;
};

void engineOn(WriteEngine& e, mmc::Recorder& rec, Events& ev,
              std::function<void(WriteEngine&, const WriteEngineProgress&)> more = {}) {
  e.setRecorder(&rec);
  e.setBytesPerSector(2352);
  e.setUpdateHandler([&ev, &rec, more](WriteEngine& engine, const WriteEngineProgress& p) {
    ev.all.push_back(p);
    ev.inProgress.push_back(engine.writeInProgress());
    ev.atMs.push_back(rec.clock().nowMs());
    if (more) more(engine, p);
  });
}

}  // namespace

TEST_CASE("write engine: writes a section from LBA -150 in SAO mode; events before, every 150 sectors, after") {
  Rig rig(vdrive::MediaKind::CdR80);
  startSao(rig.recorder, 300);
  Events ev;
  WriteEngine e;
  engineOn(e, rig.recorder, ev);
  CHECK(e.sectorsPerWrite() == 27);
  CHECK_FALSE(e.writeInProgress());
  PatternStream data(450ull * 2352);
  e.writeSection(data, -150, 450);
  CHECK_FALSE(e.writeInProgress());
  CHECK(e.sectorsWritten() == 450);
  rig.recorder.synchronizeCache(false);

  // Sectors landed at their LBAs: sector 0 of the disc = stream sector 150.
  const auto s0 = rig.sector(0);
  for (std::size_t i = 0; i < 2352; i += 97) CHECK(s0[i] == static_cast<std::uint8_t>(((150 * 2352 + i) * 7 + 3) & 0xFF));
  const mmc::Toc toc = rig.recorder.toc();
  CHECK(toc.entries.front().startLba == 0);
  CHECK(toc.leadOutLba() == 300);

  REQUIRE(ev.all.size() >= 3);
  const WriteEngineProgress& before = ev.all.front();
  CHECK(before.startLba == -150);
  CHECK(before.sectorCount == 450);
  CHECK(before.lastReadLba == -151);
  CHECK(before.lastWrittenLba == -151);
  CHECK(before.totalSystemBuffer == 27 * 2352);
  const WriteEngineProgress& after = ev.all.back();
  CHECK(after.lastReadLba == 299);
  CHECK(after.lastWrittenLba == 299);
  CHECK(after.totalDeviceBuffer > 0);  // READ BUFFER CAPACITY polled
  for (std::size_t i = 1; i < ev.all.size(); ++i) {
    CHECK(ev.all[i].lastWrittenLba >= ev.all[i - 1].lastWrittenLba);
    CHECK(ev.all[i].lastReadLba - ev.all[i - 1].lastReadLba <= 150 + 27);  // ≥ one event per 150 sectors
    CHECK(ev.inProgress[i]);
  }
}

TEST_CASE("write engine: an event at least every 0.5 s of clock time") {
  Rig rig(vdrive::MediaKind::CdR80);
  startSao(rig.recorder, 600);
  Events ev;
  WriteEngine e;
  engineOn(e, rig.recorder, ev);
  PatternStream slow(750ull * 2352, &rig.clock, 300.0);  // each stream read costs 300 ms
  e.writeSection(slow, -150, 750);
  REQUIRE(ev.all.size() > 10);
  for (std::size_t i = 2; i + 1 < ev.all.size(); ++i) CHECK(ev.atMs[i] - ev.atMs[i - 1] <= 600.0);
  // Time, not the 150-sector rule, triggered them: at most two chunks apart.
  for (std::size_t i = 2; i + 1 < ev.all.size(); ++i) CHECK(ev.all[i].lastReadLba - ev.all[i - 1].lastReadLba <= 54);
}

TEST_CASE("write engine: cancelWrite returns S_IMAPI_WRITE_NOT_IN_PROGRESS before the write has begun") {
  Rig rig(vdrive::MediaKind::CdR80);
  WriteEngine idle;
  CHECK(idle.cancelWrite() == HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS);  // no section at all
  CHECK(succeeded(HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS));
  CHECK(static_cast<std::uint32_t>(HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS) == 0x00AA0302u);

  startSao(rig.recorder, 300);
  std::vector<HResult> answers;
  Events ev;
  WriteEngine e;
  engineOn(e, rig.recorder, ev, [&answers](WriteEngine& engine, const WriteEngineProgress& p) {
    if (p.lastReadLba < p.startLba) answers.push_back(engine.cancelWrite());  // the "before" event only
  });
  PatternStream data(450ull * 2352);
  e.writeSection(data, -150, 450);  // not cancelled: the request came before the write began
  REQUIRE(answers.size() == 1);
  CHECK(answers[0] == HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS);
  CHECK(e.sectorsWritten() == 450);
  CHECK(e.cancelWrite() == HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS);  // finished
}

TEST_CASE("write engine: calling cancelWrite again once the write has begun cancels it") {
  Rig rig(vdrive::MediaKind::CdR80);
  startSao(rig.recorder, 600);
  RecordingTransport rec(rig.transport);
  mmc::Recorder recorder(rec, rig.clock);
  std::vector<HResult> answers;
  Events ev;
  WriteEngine e;
  engineOn(e, recorder, ev, [&answers](WriteEngine& engine, const WriteEngineProgress&) {
    answers.push_back(engine.cancelWrite());  // the seed's advice: call until another code comes back
  });
  PatternStream data(750ull * 2352);
  rec.cdbs.clear();
  CHECK(codeOf([&] { e.writeSection(data, -150, 750); }) == HResult::E_IMAPI_REQUEST_CANCELLED);
  REQUIRE(answers.size() == 2);
  CHECK(answers[0] == HResult::S_IMAPI_WRITE_NOT_IN_PROGRESS);
  CHECK(answers[1] == HResult::S_OK);
  CHECK_FALSE(e.writeInProgress());
  // Stopped at the next WRITE boundary: what was sent stays, nothing after the cancel.
  int writes = 0;
  for (const auto& c : rec.cdbs) writes += c.opcode() == scsi::op::kWrite10;
  CHECK(e.sectorsWritten() == writes * 27);
  CHECK(e.sectorsWritten() >= 150);
  CHECK(e.sectorsWritten() < 750);
  CHECK(ev.all.size() == 2);  // no "after" event for a cancelled section
}

TEST_CASE("write engine: WRITE(12) with the Streaming bit when asked; negative LBAs in the CDB") {
  Rig rig(vdrive::MediaKind::CdR80);
  startSao(rig.recorder, 300);
  RecordingTransport rec(rig.transport);
  mmc::Recorder recorder(rec, rig.clock);
  Events ev;
  WriteEngine e;
  engineOn(e, recorder, ev);
  e.setUseStreamingWrite12(true);
  PatternStream data(450ull * 2352);
  rec.cdbs.clear();
  e.writeSection(data, -150, 450);
  std::vector<scsi::Cdb> writes;
  for (const auto& c : rec.cdbs)
    if (c.opcode() == scsi::op::kWrite12) writes.push_back(c);
  REQUIRE(writes.size() == 17);  // 16 × 27 + 18
  CHECK((writes[0].bytes[10] & 0x80) != 0);
  CHECK(scsi::getBe32s(writes[0].bytes, 2) == -150);
  CHECK(scsi::getBe32(writes[0].bytes, 6) == 27);
  CHECK(scsi::getBe32s(writes[1].bytes, 2) == -123);
  CHECK(scsi::getBe32(writes[16].bytes, 6) == 18);
}

TEST_CASE("write engine: argument and state errors") {
  Rig rig(vdrive::MediaKind::CdR80);
  WriteEngine e;
  PatternStream data(10ull * 2352);
  CHECK(codeOf([&] { e.writeSection(data, 0, 10); }) == HResult::E_IMAPI_RECORDER_REQUIRED);
  e.setRecorder(&rig.recorder);
  CHECK(codeOf([&] { e.writeSection(data, 0, 10); }) == HResult::E_INVALIDARG);  // bytesPerSector unset
  CHECK(codeOf([&] { e.setBytesPerSector(2000); }) == HResult::E_INVALIDARG);
  for (int b : {2048, 2352, 2368, 2448}) {
    e.setBytesPerSector(b);
    CHECK(e.bytesPerSector() == b);
  }
  CHECK(e.sectorsPerWrite() == 26);
  CHECK(codeOf([&] { e.setStartingSectorsPerSecond(0); }) == HResult::E_INVALIDARG);
  e.setStartingSectorsPerSecond(75);
  e.setEndingSectorsPerSecond(3600);
  CHECK(e.endingSectorsPerSecond() == 3600);
  e.setBytesPerSector(2352);
  CHECK(codeOf([&] { e.writeSection(data, 0, 0); }) == HResult::E_INVALIDARG);

  startSao(rig.recorder, 300);
  PatternStream shortStream(100ull * 2352);
  CHECK(codeOf([&] { e.writeSection(shortStream, -150, 450); }) == HResult::E_INVALIDARG);  // ends early

  // Re-entry and property changes from the handler are refused while writing.
  Rig rig2(vdrive::MediaKind::CdR80);
  startSao(rig2.recorder, 300);
  WriteEngine f;
  f.setRecorder(&rig2.recorder);
  f.setBytesPerSector(2352);
  std::vector<HResult> codes;
  f.setUpdateHandler([&codes, &data](WriteEngine& engine, const WriteEngineProgress& p) {
    if (p.lastReadLba >= p.startLba) return;
    codes.push_back(codeOf([&] { engine.writeSection(data, 0, 10); }));
    codes.push_back(codeOf([&] { engine.setBytesPerSector(2448); }));
  });
  PatternStream ok(450ull * 2352);
  f.writeSection(ok, -150, 450);
  CHECK(codes == std::vector<HResult>{HResult::E_FAIL, HResult::E_FAIL});
}

TEST_CASE("write engine: a drive error ends the section with its HRESULT") {
  Rig rig(vdrive::MediaKind::CdR80);
  startSao(rig.recorder, 300);
  Events ev;
  WriteEngine e;
  engineOn(e, rig.recorder, ev);
  PatternStream data(450ull * 2352);
  // The cue sheet says the write starts at -150; starting at 0 is an invalid address for write (5/21/02).
  const HResult code = codeOf([&] { e.writeSection(data, 0, 300); });
  CHECK(failed(code));
  CHECK(code != HResult::E_IMAPI_REQUEST_CANCELLED);
  CHECK(e.sectorsWritten() == 0);
  CHECK_FALSE(e.writeInProgress());
}

TEST_CASE("write engine: with a real-time drive, LastWrittenLba trails what was sent by the drive buffer") {
  vdrive::DriveOptions options;
  options.writeSpeedX = 4;                // the buffer drains at 300 sectors/s of clock time
  options.bufferBytes = 200 * 2352;       // about 200 sectors
  Rig rig(vdrive::MediaKind::CdR80, options);
  startSao(rig.recorder, 1500);
  Events ev;
  WriteEngine e;
  engineOn(e, rig.recorder, ev);
  PatternStream data(1650ull * 2352);
  e.writeSection(data, -150, 1650);
  REQUIRE(ev.all.size() > 5);
  bool sawBuffered = false;
  for (std::size_t i = 1; i + 1 < ev.all.size(); ++i) {
    const WriteEngineProgress& p = ev.all[i];
    CHECK(p.totalDeviceBuffer == 200 * 2352);
    CHECK(p.lastWrittenLba <= p.lastReadLba);
    if (p.usedDeviceBuffer > 0) {
      sawBuffered = true;
      CHECK(p.lastWrittenLba <= p.lastReadLba - (p.usedDeviceBuffer / 2352));
    }
  }
  CHECK(sawBuffered);
  CHECK(rig.clock.nowMs() > 3000);  // 1650 sectors at 300/s, minus what fits in the buffer
}
