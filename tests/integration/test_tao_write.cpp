// TrackAtOnceWriter while writing: cancel, progress events, drive faults (medium removed, loss of streaming),
// and simulation — against the virtual drive with a FakeClock.
#include <catch2/catch.hpp>

#include <thread>

#include "rig.h"

using namespace kiln;
using namespace kiln::test;
using formats::TaoProgress;
using formats::TaoWriteAction;

namespace {

vdrive::DriveOptions throttled(double speedX) {
  vdrive::DriveOptions o;
  o.writeSpeedX = speedX;
  return o;
}

}  // namespace

TEST_CASE("TAO: cancel mid-track from the update handler keeps a shorter, usable track", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  HResult cancelResult = HResult::E_FAIL;
  std::int32_t cancelledAt = -1;
  std::vector<TaoProgress> events;
  w->setUpdateHandler([&](formats::TrackAtOnceWriter& self, const TaoProgress& p) {
    events.push_back(p);
    if (p.currentAction == TaoWriteAction::Writing && p.lastWrittenLba >= 1000 && cancelledAt < 0) {
      cancelledAt = p.lastWrittenLba;
      cancelResult = self.cancelAddTrack();
    }
  });
  PatternStream s(2352ull * 4500);  // 60 s
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_REQUEST_CANCELLED);
  CHECK(cancelResult == HResult::S_OK);
  CHECK_FALSE(w->writeInProgress());
  CHECK(w->cancelAddTrack() == HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS);
  const auto& track = rig.medium().state().tracks.at(0);
  CHECK_FALSE(track.open);
  CHECK(track.length > cancelledAt);
  CHECK(track.length < 4500);
  CHECK(track.length - (cancelledAt + 1) <= formats::TrackAtOnceWriter::kChunkSectors);  // stopped at the next chunk
  REQUIRE_FALSE(events.empty());
  CHECK(events.back().currentAction == TaoWriteAction::Finishing);
  CHECK(events.back().sectorCount == track.length);
  CHECK(w->numberOfExistingTracks() == 1);
  w->releaseMedia();
  CHECK(rig.medium().state().finalized);
  const mmc::Toc toc = rig.recorder.toc();
  CHECK(toc.lastTrack == 1);
  CHECK(toc.leadOutLba() == track.length);
  CHECK(rig.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Complete);
}

TEST_CASE("TAO: cancel before 4 s still leaves a 300-sector track", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->setDoNotFinalizeMedia(true);
  w->prepareMedia();
  w->setUpdateHandler([&](formats::TrackAtOnceWriter& self, const TaoProgress& p) {
    if (p.currentAction == TaoWriteAction::Preparing) self.cancelAddTrack();
  });
  PatternStream s(2352ull * 3000);
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_REQUEST_CANCELLED);
  CHECK(rig.medium().state().tracks.at(0).length == 300);
  CHECK(allZero(rig.sector(0)));  // cancelled before any audio was read: silence
  w->setUpdateHandler(nullptr);
  PatternStream next(2352ull * 300);
  w->addAudioTrack(next);  // the disc stays usable in the same session
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.size() == 2);
  CHECK(rig.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Appendable);
}

#ifndef __EMSCRIPTEN__  // needs std::thread; the WASM build has no threads
TEST_CASE("TAO: cancel from another thread", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  std::atomic<bool> started{false}, cancelled{false};
  w->setUpdateHandler([&](formats::TrackAtOnceWriter&, const TaoProgress& p) {
    if (p.currentAction == TaoWriteAction::Writing) {
      started = true;
      while (!cancelled.load()) std::this_thread::yield();  // hold the writer until the other thread cancelled
    }
  });
  std::thread other([&] {
    while (!started.load()) std::this_thread::yield();
    CHECK(w->cancelAddTrack() == HResult::S_OK);
    cancelled = true;
  });
  PatternStream s(2352ull * 4500);
  const HResult r = codeOf([&] { w->addAudioTrack(s); });
  other.join();
  CHECK(r == HResult::E_IMAPI_REQUEST_CANCELLED);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.at(0).length < 4500);
}
#endif

TEST_CASE("TAO: progress events — Preparing, Writing cadence, Finishing; lastWrittenLba monotonic",
          "[integration][tao]") {
  SECTION("unthrottled drive: an event at least every 150 sectors (+ one chunk)") {
    Rig rig;
    auto w = rig.writer();
    w->prepareMedia();
    std::vector<TaoProgress> ev;
    w->setUpdateHandler([&](formats::TrackAtOnceWriter&, const TaoProgress& p) { ev.push_back(p); });
    PatternStream s(2352ull * 3000);
    w->addAudioTrack(s);
    REQUIRE(ev.size() >= 3);
    CHECK(ev.front().currentAction == TaoWriteAction::Preparing);
    CHECK(ev.front().lastWrittenLba == -1);
    CHECK(ev.back().currentAction == TaoWriteAction::Finishing);
    CHECK(ev.back().lastWrittenLba == 2999);
    std::int32_t previous = -1;
    int writing = 0;
    for (std::size_t i = 1; i + 1 < ev.size(); ++i) {
      CHECK(ev[i].currentAction == TaoWriteAction::Writing);
      CHECK(ev[i].currentTrackNumber == 1);
      CHECK(ev[i].startLba == 0);
      CHECK(ev[i].sectorCount == 3000);
      CHECK(ev[i].lastWrittenLba >= previous);
      CHECK(ev[i].lastWrittenLba - previous <= 150 + formats::TrackAtOnceWriter::kChunkSectors);
      CHECK(ev[i].lastReadLba >= ev[i].lastWrittenLba);
      CHECK(ev[i].totalDeviceBuffer == 2 * 1024 * 1024);
      CHECK(ev[i].usedDeviceBuffer >= 0);
      CHECK(ev[i].totalSystemBuffer == ev[i].freeSystemBuffer + ev[i].usedSystemBuffer);
      previous = ev[i].lastWrittenLba;
      ++writing;
    }
    CHECK(writing >= 3000 / (150 + formats::TrackAtOnceWriter::kChunkSectors));
    w->releaseMedia();
  }
  SECTION("real-time 4x drive: events at least every 0.5 s of clock time, drive buffer in use") {
    Rig rig(vdrive::MediaKind::CdR80, throttled(4));
    auto w = rig.writer();
    w->prepareMedia();
    std::vector<double> times;
    std::vector<TaoProgress> ev;
    w->setUpdateHandler([&](formats::TrackAtOnceWriter&, const TaoProgress& p) {
      ev.push_back(p);
      times.push_back(rig.clock.nowMs());
    });
    const double start = rig.clock.nowMs();
    PatternStream s(2352ull * 6000);  // 80 s of audio = 20 s at 4x
    w->addAudioTrack(s);
    CHECK(rig.clock.nowMs() - start >= 19'000);
    const double chunkMs = 1000.0 * formats::TrackAtOnceWriter::kChunkSectors / 300;  // one WRITE at 4x
    for (std::size_t i = 1; i < times.size(); ++i) CHECK(times[i] - times[i - 1] <= 500 + chunkMs + 1);
    bool sawBufferUse = false;
    std::int32_t previous = -1;
    for (const auto& p : ev) {
      CHECK(p.lastWrittenLba >= previous);
      previous = p.lastWrittenLba;
      if (p.currentAction == TaoWriteAction::Writing && p.usedDeviceBuffer > 0) sawBufferUse = true;
      // More than 2 s of recording left at 4x (600 sectors) → a non-zero estimate once a rate is known.
      if (p.currentAction == TaoWriteAction::Writing && p.elapsedSeconds >= 2 && p.lastWrittenLba < 6000 - 600) {
        CHECK(p.remainingSeconds > 0);
      }
    }
    CHECK(sawBufferUse);
    CHECK(ev.back().elapsedSeconds >= 19);
    w->releaseMedia();
  }
}

TEST_CASE("TAO: medium removed mid-burn → E_IMAPI_RECORDER_MEDIA_NO_MEDIA", "[integration][tao][faults]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  rig.faults.removeMediumAfterWrites(10);
  PatternStream s(2352ull * 3000);
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK_FALSE(w->writeInProgress());
  CHECK(s.reads < 3000 / formats::TrackAtOnceWriter::kChunkSectors);  // stopped, did not stream the rest
  CHECK(codeOf([&] { w->releaseMedia(); }) == HResult::E_IMAPI_RECORDER_MEDIA_NO_MEDIA);
  CHECK_FALSE(w->prepared());
}

TEST_CASE("TAO: loss of streaming on a throttled drive with BUFE disabled; none with BUFE",
          "[integration][tao][faults]") {
  // A source slower than the drive: each 26-sector read costs 1 s of clock time, the 4x drive records 26 sectors
  // in 87 ms, so its buffer runs dry between WRITEs.
  SECTION("BUFE disabled → E_IMAPI_LOSS_OF_STREAMING") {
    Rig rig(vdrive::MediaKind::CdR80, throttled(4));
    auto w = rig.writer();
    w->setBufferUnderrunFreeDisabled(true);
    w->prepareMedia();
    PatternStream s(2352ull * 600, &rig.clock, 1000);
    CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_LOSS_OF_STREAMING);
    CHECK(rig.medium().state().tracks.at(0).damaged);
    w->releaseMedia();
  }
  SECTION("BUFE enabled (default) → the track completes") {
    Rig rig(vdrive::MediaKind::CdR80, throttled(4));
    auto w = rig.writer();
    CHECK_FALSE(w->bufferUnderrunFreeDisabled());
    w->prepareMedia();
    PatternStream s(2352ull * 600, &rig.clock, 1000);
    w->addAudioTrack(s);
    w->releaseMedia();
    CHECK(rig.medium().state().tracks.at(0).length == 600);
    CHECK_FALSE(rig.medium().state().tracks.at(0).damaged);
  }
}

TEST_CASE("TAO: test write (Kiln extension) leaves the disc blank", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->setTestWrite(true);
  w->prepareMedia();
  PatternStream s(2352ull * 400);
  w->addAudioTrack(s);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.empty());
  CHECK(rig.store.storedSectorCount() == 0);
  CHECK(w->mediaPhysicallyBlank());
}

TEST_CASE("TAO: write speeds and setWriteSpeed return codes", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  const auto speeds = w->supportedWriteSpeeds();
  REQUIRE_FALSE(speeds.empty());
  CHECK(std::is_sorted(speeds.rbegin(), speeds.rend()));
  CHECK(speeds.back() >= 75);
  CHECK(w->setWriteSpeed(speeds.back(), false) == HResult::S_OK);
  CHECK(w->requestedWriteSpeed() == speeds.back());
  CHECK(w->currentWriteSpeed() == speeds.back());
  CHECK(w->setWriteSpeed(speeds.back() + 1, false) == HResult::S_IMAPI_SPEEDADJUSTED);
  CHECK(w->currentWriteSpeed() == speeds.back());
  CHECK(w->setWriteSpeed(-1, false) == HResult::S_OK);
  CHECK(w->currentWriteSpeed() == speeds.front());
  formats::TrackAtOnceWriter none;
  CHECK(codeOf([&] { none.setWriteSpeed(300, false); }) == HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED);
  CHECK(codeOf([&] { none.freeSectorsOnMedia(); }) == HResult::E_IMAPI_RECORDER_REQUIRED);
}

TEST_CASE("TAO: a write error mid-track → E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE; the session still closes",
          "[integration][tao][faults]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  rig.faults.writeErrorAt(1000);
  PatternStream s(2352ull * 3000);
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_UNEXPECTED_RESPONSE_FROM_DEVICE);
  const auto& track = rig.medium().state().tracks.at(0);
  CHECK(track.damaged);
  CHECK(track.length == 1000);  // sectors before the failing LBA are kept
  CHECK(w->numberOfExistingTracks() == 1);
  w->releaseMedia();
  CHECK(rig.medium().state().finalized);
  CHECK(rig.recorder.toc().leadOutLba() == 1000);
}

TEST_CASE("TAO: a stream that ends before its declared size is padded with silence", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  const auto audio = audioBytes(588 * 100);  // 100 sectors delivered …
  struct Short final : formats::AudioStream {
    explicit Short(std::span<const std::uint8_t> b) : inner(b) {}
    std::uint64_t sizeBytes() const override { return 2352ull * 400; }  // … 400 declared
    std::size_t read(std::span<std::uint8_t> out) override { return inner.read(out); }
    formats::MemoryAudioStream inner;
  } s(audio);
  w->addAudioTrack(s);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.at(0).length == 400);
  CHECK_FALSE(allZero(rig.sector(99)));
  CHECK(allZero(rig.sector(100)));
}
