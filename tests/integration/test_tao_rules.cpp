// TrackAtOnceWriter against the virtual drive: the rules of IDiscFormat2TrackAtOnce::AddAudioTrack (seed pages)
// and the HRESULT each broken rule returns, checked before anything is written.
#include <catch2/catch.hpp>

#include "rig.h"

using namespace kiln;
using namespace kiln::test;
using formats::MemoryAudioStream;

namespace {

constexpr std::int32_t kCdR80Capacity = 359849;  // ATIP last possible lead-out start 79:59:74

std::vector<std::uint8_t> readTocFormat0(mmc::Recorder& r) { return r.readTocRaw(scsi::TocFormat::Toc, false, 0); }

}  // namespace

TEST_CASE("TAO: a 1-second track is padded with zeros to 300 sectors (4 s)", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  const auto audio = audioBytes(44100);  // 1 s = 75 sectors
  MemoryAudioStream s(audio);
  w->addAudioTrack(s);
  w->releaseMedia();

  const auto& st = rig.medium().state();
  REQUIRE(st.tracks.size() == 1);
  CHECK(st.tracks[0].start == 0);
  CHECK(st.tracks[0].length == 300);
  CHECK(std::equal(audio.begin(), audio.begin() + 2352, rig.sector(0).begin()));
  CHECK(std::equal(audio.end() - 2352, audio.end(), rig.sector(74).begin()));
  CHECK(allZero(rig.sector(75)));
  CHECK(allZero(rig.sector(299)));
  const mmc::Toc toc = rig.recorder.toc();
  CHECK(toc.lastTrack == 1);
  CHECK(toc.leadOutLba() == 300);
}

TEST_CASE("TAO: the last partial sector is padded with zeros", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  const std::size_t frames = 300 * 588 + 250;  // 300 sectors + 1000 bytes
  const auto audio = audioBytes(frames);
  MemoryAudioStream s(audio);
  w->addAudioTrack(s);
  w->releaseMedia();
  REQUIRE(rig.medium().state().tracks.at(0).length == 301);
  const auto last = rig.sector(300);
  CHECK(std::equal(audio.end() - 1000, audio.end(), last.begin()));
  CHECK(allZero(last, 1000));
  CHECK_FALSE(allZero(rig.sector(299)));
}

TEST_CASE("TAO: odd byte count → E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED before writing", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  PatternStream s(2352 * 400 + 2);
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_DF2TAO_STREAM_NOT_SUPPORTED);
  CHECK(s.reads == 0);
  CHECK(rig.medium().state().tracks.empty());
  CHECK(rig.store.storedSectorCount() == 0);
  w->releaseMedia();
  CHECK(rig.medium().state().sessions.empty());  // nothing written → nothing closed
}

TEST_CASE("TAO: addAudioTrack before prepareMedia → E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  PatternStream s(2352 * 300);
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED);
  w->prepareMedia();
  w->releaseMedia();
  CHECK(codeOf([&] { w->addAudioTrack(s); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED);
  CHECK(s.reads == 0);
}

TEST_CASE("TAO: prepareMedia preconditions", "[integration][tao]") {
  Rig rig;
  formats::TrackAtOnceWriter w;
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_NO_RECORDER_SPECIFIED);
  w.setRecorder(&rig.recorder);
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_CLIENT_NAME_IS_NOT_VALID);
  w.setClientName("tests");
  w.prepareMedia();
  CHECK(w.prepared());
  CHECK(codeOf([&] { w.prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { w.setDoNotFinalizeMedia(true); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { w.setTestWrite(true); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED);
  CHECK(codeOf([&] { w.setRecorder(nullptr); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_PREPARED);
  CHECK(rig.device.context().preventRemoval);  // tray locked while prepared
  w.releaseMedia();
  CHECK_FALSE(rig.device.context().preventRemoval);
  CHECK(codeOf([&] { w.releaseMedia(); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED);
}

TEST_CASE("TAO: a finalised disc → E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  PatternStream s(2352 * 300);
  w->addAudioTrack(s);
  w->releaseMedia();
  auto again = rig.writer();
  CHECK_FALSE(again->isCurrentMediaSupported(rig.recorder));
  CHECK(codeOf([&] { again->prepareMedia(); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_BLANK);
  CHECK_FALSE(rig.device.context().preventRemoval);
}

TEST_CASE("TAO: a track that does not fit → E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE, nothing written", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  REQUIRE(w->freeSectorsOnMedia() == kCdR80Capacity);
  PatternStream tooBig(std::uint64_t{kCdR80Capacity + 1} * 2352);
  CHECK(codeOf([&] { w->addAudioTrack(tooBig); }) == HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE);
  CHECK(tooBig.reads == 0);
  CHECK(rig.store.storedSectorCount() == 0);
  CHECK(rig.medium().state().tracks.empty());
  // The writer is still usable: a track that fits goes through.
  PatternStream fits(2352 * 300);
  w->addAudioTrack(fits);
  // After one 300-sector track the next needs room behind the 150-sector pause.
  CHECK(w->freeSectorsOnMedia() == kCdR80Capacity - 450);
  PatternStream exactlyTooBig(std::uint64_t(kCdR80Capacity - 450 + 1) * 2352);
  CHECK(codeOf([&] { w->addAudioTrack(exactlyTooBig); }) == HResult::E_IMAPI_DF2TAO_NOT_ENOUGH_SPACE);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.size() == 1);
}

TEST_CASE("TAO: cancelAddTrack with nothing in progress → E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  CHECK(w->cancelAddTrack() == HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS);
  w->prepareMedia();
  CHECK(w->cancelAddTrack() == HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS);
  PatternStream s(2352 * 300);
  w->addAudioTrack(s);  // a stale cancel must not affect the next track
  CHECK(w->cancelAddTrack() == HResult::E_IMAPI_DF2TAO_WRITE_NOT_IN_PROGRESS);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.at(0).length == 300);
}

TEST_CASE("TAO: re-entrant calls from the update handler → E_IMAPI_DF2TAO_WRITE_IN_PROGRESS", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  w->prepareMedia();
  PatternStream inner(2352 * 300);
  std::vector<HResult> codes;
  w->setUpdateHandler([&](formats::TrackAtOnceWriter& self, const formats::TaoProgress& p) {
    if (p.currentAction != formats::TaoWriteAction::Writing || !codes.empty()) return;
    codes.push_back(codeOf([&] { self.addAudioTrack(inner); }));
    codes.push_back(codeOf([&] { self.releaseMedia(); }));
    codes.push_back(codeOf([&] { self.prepareMedia(); }));
    codes.push_back(codeOf([&] { self.setWriteSpeed(300, false); }));
  });
  PatternStream s(2352 * 1000);
  w->addAudioTrack(s);
  REQUIRE(codes.size() == 4);
  for (HResult c : codes) CHECK(c == HResult::E_IMAPI_DF2TAO_WRITE_IN_PROGRESS);
  CHECK(inner.reads == 0);
  w->releaseMedia();
  CHECK(rig.medium().state().tracks.at(0).length == 1000);
}

TEST_CASE("TAO: the 100th track → E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED, counting an earlier session's tracks",
          "[integration][tao][slow]") {
  Rig rig;
  const auto tiny = audioBytes(1);  // one sample frame → a 300-sector track
  {
    auto w = rig.writer();
    w->setDoNotFinalizeMedia(true);
    w->prepareMedia();
    for (int i = 0; i < 97; ++i) {
      MemoryAudioStream s(tiny);
      w->addAudioTrack(s);
    }
    w->releaseMedia();
  }
  auto w = rig.writer();
  w->prepareMedia();
  CHECK(w->numberOfExistingTracks() == 97);
  for (int i = 0; i < 2; ++i) {
    MemoryAudioStream s(tiny);
    w->addAudioTrack(s);
  }
  CHECK(w->numberOfExistingTracks() == 99);
  MemoryAudioStream hundredth(tiny);
  CHECK(codeOf([&] { w->addAudioTrack(hundredth); }) == HResult::E_IMAPI_DF2TAO_TRACK_LIMIT_REACHED);
  w->releaseMedia();
  const auto& st = rig.medium().state();
  CHECK(st.tracks.size() == 99);
  CHECK(st.sessions.size() == 2);
  CHECK(st.finalized);
  const mmc::Toc toc = rig.recorder.toc();
  CHECK(toc.firstTrack == 1);
  CHECK(toc.lastTrack == 99);
}

TEST_CASE("TAO: doNotFinalizeMedia, then a second writer appends a second session", "[integration][tao]") {
  Rig rig;
  {
    auto w = rig.writer();
    w->setDoNotFinalizeMedia(true);
    CHECK(w->mediaPhysicallyBlank());
    w->prepareMedia();
    PatternStream a(2352 * 400), b(2352 * 350);
    w->addAudioTrack(a);
    w->addAudioTrack(b);
    w->releaseMedia();
  }
  CHECK(rig.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Appendable);
  auto w = rig.writer();
  CHECK_FALSE(w->mediaPhysicallyBlank());
  CHECK_FALSE(w->mediaHeuristicallyBlank());
  CHECK(w->isCurrentMediaSupported(rig.recorder));
  CHECK(w->numberOfExistingTracks() == 2);
  w->prepareMedia();
  // Session 1: track 1 at 0..399, pause, track 2 at 550..899, lead-out 900; next NWA = lead-out + 11400.
  CHECK(w->usedSectorsOnMedia() == 900 + 11400);
  PatternStream c(2352 * 500);
  w->addAudioTrack(c);
  w->releaseMedia();
  const auto& st = rig.medium().state();
  REQUIRE(st.sessions.size() == 2);
  REQUIRE(st.tracks.size() == 3);
  CHECK(st.tracks[2].session == 2);
  CHECK(st.tracks[2].start == 900 + 11400);
  CHECK(st.finalized);
  const mmc::SessionInfo si = rig.recorder.sessionInfo();
  CHECK(si.lastCompleteSession == 2);
  CHECK(si.firstTrackInLastSession == 3);
  CHECK(rig.recorder.discInformation().discStatus == mmc::DiscInformation::Status::Complete);
}

TEST_CASE("TAO: free/used/total sectors before and after, and expected TOC", "[integration][tao]") {
  Rig rig;
  auto w = rig.writer();
  CHECK(w->totalSectorsOnMedia() == kCdR80Capacity);
  CHECK(w->freeSectorsOnMedia() == kCdR80Capacity);
  CHECK(w->usedSectorsOnMedia() == 0);
  CHECK(w->numberOfExistingTracks() == 0);
  CHECK(w->currentPhysicalMediaType() == mmc::MediaPhysicalType::CdR);
  w->prepareMedia();
  CHECK(codeOf([&] { w->expectedTableOfContents(); }) == HResult::E_IMAPI_DF2TAO_TABLE_OF_CONTENTS_EMPTY_DISC);
  PatternStream a(2352 * 1000), b(2352 * 300 + 4);
  w->addAudioTrack(a);
  w->addAudioTrack(b);
  CHECK(w->numberOfExistingTracks() == 2);
  // Track 1: 0..999; pause 1000..1149; track 2: 1150..1450 (301 sectors); next NWA 1451 + 150.
  CHECK(w->usedSectorsOnMedia() == 1601);
  CHECK(w->freeSectorsOnMedia() == kCdR80Capacity - 1601);
  CHECK(w->totalSectorsOnMedia() == kCdR80Capacity);
  const auto expected = w->expectedTableOfContents();
  REQUIRE(expected.size() == 1);
  const mmc::Toc parsed = mmc::parseToc(expected[0]);
  REQUIRE(parsed.entries.size() == 3);
  CHECK(parsed.entries[0].startLba == 0);
  CHECK(parsed.entries[1].startLba == 1150);
  CHECK(parsed.leadOutLba() == 1451);
  w->releaseMedia();
  CHECK(codeOf([&] { w->expectedTableOfContents(); }) == HResult::E_IMAPI_DF2TAO_MEDIA_IS_NOT_PREPARED);
  CHECK(readTocFormat0(rig.recorder) == expected[0]);  // what the finalised disc reports
  CHECK(w->freeSectorsOnMedia() == 0);
  CHECK(w->usedSectorsOnMedia() == 1451);
}
