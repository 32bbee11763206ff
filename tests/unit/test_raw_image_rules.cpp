// RawImageCreator / RawTrackInfo (IRawCDImageCreator / IRawCDImageTrackInfo): every rule and E_IMAPI_RAW_IMAGE_*
// code, and the layout (gapless, gaps, special pregap, audio pregap, TOC). The generated sectors are checked in
// test_raw_image_sectors.cpp.
#include <catch2/catch.hpp>

#include <vector>

#include "core/cd/msf.h"
#include "core/formats/raw_image_creator.h"
#include "core/imapi/error.h"
#include "core/scsi/bytes.h"

using namespace kiln;
using namespace kiln::formats;

namespace {

/// A stream of `size` bytes that is never read in these tests (layout only).
class SizedStream final : public AudioStream {
 public:
  explicit SizedStream(std::uint64_t size) : size_(size) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t>) override { return 0; }

 private:
  std::uint64_t size_;
};

SizedStream sectors(std::int64_t n) { return SizedStream(static_cast<std::uint64_t>(n) * 2352); }

template <typename F>
HResult codeOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

}  // namespace

TEST_CASE("raw image: addTrack accepts audio only, ≥ 300 whole-frame sectors, returns 1-based indexes") {
  RawImageCreator c;
  auto s300 = sectors(300);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Mode1, s300); }) == HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Mode2Form1Raw, s300); }) == HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED);
  auto short1 = sectors(299);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Audio, short1); }) == HResult::E_INVALIDARG);
  SizedStream odd(300 * 2352 + 2);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Audio, odd); }) == HResult::E_INVALIDARG);
  CHECK(c.numberOfExistingTracks() == 0);
  CHECK(c.addTrack(CdSectorType::Audio, s300) == 1);
  SizedStream partial(299 * 2352 + 4);  // rounds up to 300 sectors
  CHECK(c.addTrack(CdSectorType::Audio, partial) == 2);
  CHECK(c.trackInfo(2).sectorCount() == 300);
  CHECK(c.numberOfExistingTracks() == 2);
  CHECK(codeOf([&] { c.trackInfo(3); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { c.trackInfo(0); }) == HResult::E_INVALIDARG);
}

TEST_CASE("raw image: 99 tracks at most, counted from the starting track number") {
  RawImageCreator c;
  auto s = sectors(300);
  for (int i = 1; i <= 99; ++i) REQUIRE(c.addTrack(CdSectorType::Audio, s) == i);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Audio, s); }) == HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS);
  CHECK(c.trackInfo(99).trackNumber() == 99);

  RawImageCreator d;
  d.setStartingTrackNumber(98);
  d.addTrack(CdSectorType::Audio, s);
  d.addTrack(CdSectorType::Audio, s);
  CHECK(d.trackInfo(2).trackNumber() == 99);
  CHECK(codeOf([&] { d.addTrack(CdSectorType::Audio, s); }) == HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACKS);
  CHECK(codeOf([&] { d.setStartingTrackNumber(99); }) == HResult::E_INVALIDARG);  // track 2 would be 100
  CHECK(codeOf([&] { d.setStartingTrackNumber(0); }) == HResult::E_INVALIDARG);
}

TEST_CASE("raw image: NO_TRACKS from the queries and createResultImage of an empty image") {
  RawImageCreator c;
  CHECK(codeOf([&] { c.startOfLeadout(); }) == HResult::E_IMAPI_RAW_IMAGE_NO_TRACKS);
  CHECK(codeOf([&] { c.lastUsedUserSectorInImage(); }) == HResult::E_IMAPI_RAW_IMAGE_NO_TRACKS);
  CHECK(codeOf([&] { c.expectedTableOfContents(); }) == HResult::E_IMAPI_RAW_IMAGE_NO_TRACKS);
  CHECK(codeOf([&] { c.createResultImage(); }) == HResult::E_IMAPI_RAW_IMAGE_NO_TRACKS);
  CHECK_FALSE(c.readOnly());
}

TEST_CASE("raw image: special pregap only before tracks, ≥ 150 sectors; track 1 then starts after it") {
  RawImageCreator c;
  auto p149 = sectors(149);
  CHECK(codeOf([&] { c.addSpecialPregap(p149); }) == HResult::E_INVALIDARG);
  auto p450 = sectors(450);
  c.addSpecialPregap(p450);
  CHECK(codeOf([&] { c.addSpecialPregap(p450); }) == HResult::E_INVALIDARG);
  auto t = sectors(300);
  c.addTrack(CdSectorType::Audio, t);
  CHECK(c.trackInfo(1).startingLba() == 300);  // -150 + 450
  CHECK(c.startOfLeadout() == 600);
  CHECK(codeOf([&] { c.addSpecialPregap(p450); }) == HResult::E_IMAPI_RAW_IMAGE_TRACKS_ALREADY_ADDED);
  const cd::DiscLayout d = c.discLayout();
  CHECK(d.tracks[0].pregap == 450);
  CHECK(d.tracks[0].start == 300);

  RawImageCreator big;
  auto huge = sectors(397'951);  // -150 + 397951 - 1 = 397800 > 397799
  CHECK(codeOf([&] { big.addSpecialPregap(huge); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);
}

TEST_CASE("raw image: gapless by default, 2-s gaps when disabled, gap length configurable") {
  RawImageCreator c;
  auto a = sectors(400), b = sectors(310), e = sectors(300);
  c.addTrack(CdSectorType::Audio, a);
  c.addTrack(CdSectorType::Audio, b);
  c.addTrack(CdSectorType::Audio, e);
  CHECK_FALSE(c.disableGaplessAudio());
  CHECK(c.trackInfo(1).startingLba() == 0);
  CHECK(c.trackInfo(2).startingLba() == 400);
  CHECK(c.trackInfo(3).startingLba() == 710);
  CHECK(c.startOfLeadout() == 1010);
  CHECK(c.lastUsedUserSectorInImage() == 1009);

  c.setDisableGaplessAudio(true);
  CHECK(c.trackInfo(2).startingLba() == 550);
  CHECK(c.trackInfo(3).startingLba() == 1010);
  CHECK(c.startOfLeadout() == 1310);
  CHECK(c.discLayout().tracks[1].pregap == 150);

  c.setGapSectors(75);  // kiln --gap 1
  CHECK(c.trackInfo(3).startingLba() == 860);
  CHECK(codeOf([&] { c.setGapSectors(-1); }) == HResult::E_INVALIDARG);

  c.trackInfo(3).setPregapSectors(0);  // per-track override
  CHECK(c.trackInfo(3).startingLba() == 785);
  CHECK(codeOf([&] { c.trackInfo(1).setPregapSectors(10); }) == HResult::E_INVALIDARG);
}

TEST_CASE("raw image: INSUFFICIENT_SPACE past LBA 398,099 and past the lead-out limit; settings roll back") {
  RawImageCreator c;
  auto big = sectors(398'000);
  c.addTrack(CdSectorType::Audio, big);  // 0..397999
  auto t = sectors(300);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Audio, t); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);

  RawImageCreator d;
  auto first = sectors(397'800);
  d.addTrack(CdSectorType::Audio, first);                   // 0..397799
  d.addTrack(CdSectorType::Audio, t);                        // ..398099: exactly fits
  CHECK(d.startOfLeadout() == 398'100);
  CHECK(codeOf([&] { d.setDisableGaplessAudio(true); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);
  CHECK_FALSE(d.disableGaplessAudio());

  RawImageCreator e;
  e.setStartOfLeadoutLimit(900);
  e.addTrack(CdSectorType::Audio, t);
  e.addTrack(CdSectorType::Audio, t);
  auto s301 = sectors(301);
  CHECK(codeOf([&] { e.addTrack(CdSectorType::Audio, s301); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);
  e.addTrack(CdSectorType::Audio, t);  // lead-out exactly 900
  CHECK(codeOf([&] { e.setStartOfLeadoutLimit(899); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);
  CHECK(e.startOfLeadoutLimit() == 900);
  CHECK(codeOf([&] { e.setStartOfLeadoutLimit(-5); }) == HResult::E_INVALIDARG);
  e.setStartOfLeadoutLimit(0);  // no limit
  CHECK(codeOf([&] { e.trackInfo(2).setPregapSectors(400'000); }) == HResult::E_IMAPI_RAW_IMAGE_INSUFFICIENT_SPACE);
  CHECK(e.trackInfo(2).pregapSectors() == -1);
}

TEST_CASE("raw image: MCN, ISRC, copy setting and pre-emphasis validation") {
  RawImageCreator c;
  auto t = sectors(300);
  c.addTrack(CdSectorType::Audio, t);
  CHECK(codeOf([&] { c.setMediaCatalogNumber("123456789012"); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { c.setMediaCatalogNumber("12345678901ab"); }) == HResult::E_INVALIDARG);
  c.setMediaCatalogNumber("0724384960650");
  CHECK(c.mediaCatalogNumber() == "0724384960650");
  RawTrackInfo& info = c.trackInfo(1);
  CHECK(codeOf([&] { info.setIsrc("US-RC1-76-07839"); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { info.setIsrc("USRC1760783A"); }) == HResult::E_INVALIDARG);
  info.setIsrc("USRC17607839");
  CHECK(info.isrc() == "USRC17607839");
  CHECK(info.sectorType() == CdSectorType::Audio);
  CHECK(info.digitalAudioCopySetting() == DigitalCopySetting::Prohibited);
  CHECK(info.control() == 0);
  info.setDigitalAudioCopySetting(DigitalCopySetting::Permitted);
  info.setAudioHasPreemphasis(true);
  CHECK(info.control() == 3);
  info.setDigitalAudioCopySetting(DigitalCopySetting::Scms);
  CHECK(info.control() == 3);  // the TOC says copy permitted; Q alternates (test_raw_image_sectors)
  CHECK(codeOf([&] { info.setDigitalAudioCopySetting(static_cast<DigitalCopySetting>(7)); }) == HResult::E_INVALIDARG);
}

TEST_CASE("raw image: track index rules (≤ 99, ≥ 10 apart, index 1 fixed, duplicates are a success code)") {
  RawImageCreator c;
  auto t = sectors(1200);
  c.addTrack(CdSectorType::Audio, t);
  RawTrackInfo& info = c.trackInfo(1);
  CHECK(info.trackIndexes() == std::vector<std::int32_t>{0});
  CHECK(info.addTrackIndex(0) == HResult::S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS);
  CHECK(succeeded(HResult::S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS));
  CHECK(info.addTrackIndex(100) == HResult::S_OK);
  CHECK(info.addTrackIndex(100) == HResult::S_IMAPI_RAW_IMAGE_TRACK_INDEX_ALREADY_EXISTS);
  CHECK(codeOf([&] { info.addTrackIndex(109); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX);
  CHECK(codeOf([&] { info.addTrackIndex(91); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX);
  CHECK(codeOf([&] { info.addTrackIndex(5); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX);
  CHECK(codeOf([&] { info.addTrackIndex(1195); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_TOO_CLOSE_TO_OTHER_INDEX);
  CHECK(codeOf([&] { info.addTrackIndex(1200); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { info.addTrackIndex(-1); }) == HResult::E_INVALIDARG);
  CHECK(info.addTrackIndex(110) == HResult::S_OK);
  CHECK(info.addTrackIndex(50) == HResult::S_OK);
  CHECK(info.trackIndexes() == std::vector<std::int32_t>{0, 50, 100, 110});
  CHECK(codeOf([&] { info.clearTrackIndex(0); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_OFFSET_ZERO_CANNOT_BE_CLEARED);
  CHECK(codeOf([&] { info.clearTrackIndex(60); }) == HResult::E_IMAPI_RAW_IMAGE_TRACK_INDEX_NOT_FOUND);
  info.clearTrackIndex(100);
  CHECK(info.trackIndexes() == std::vector<std::int32_t>{0, 50, 110});
  // Fill up to 99 marks (index 1 + 98 more), then one more is refused.
  info.clearTrackIndex(50);
  info.clearTrackIndex(110);
  for (int k = 1; k <= 98; ++k) REQUIRE(info.addTrackIndex(k * 10) == HResult::S_OK);
  CHECK(info.trackIndexes().size() == 99);
  CHECK(codeOf([&] { info.addTrackIndex(1000); }) == HResult::E_IMAPI_RAW_IMAGE_TOO_MANY_TRACK_INDEXES);
  CHECK(c.discLayout().tracks[0].indexStarts.size() == 98);
}

TEST_CASE("raw image: read-only after createResultImage") {
  RawImageCreator c;
  std::vector<std::uint8_t> pcm(300 * 2352);
  MemoryAudioStream s(pcm);
  c.addTrack(CdSectorType::Audio, s);
  auto image = c.createResultImage();
  REQUIRE(image);
  CHECK(c.readOnly());
  const HResult ro = HResult::E_IMAPI_RAW_IMAGE_IS_READ_ONLY;
  MemoryAudioStream s2(pcm);
  CHECK(codeOf([&] { c.addTrack(CdSectorType::Audio, s2); }) == ro);
  CHECK(codeOf([&] { c.addSpecialPregap(s2); }) == ro);
  CHECK(codeOf([&] { c.addSubcodeRwGenerator(s2); }) == ro);
  CHECK(codeOf([&] { c.setResultingImageType(RawCdSectorType::Cooked); }) == ro);
  CHECK(codeOf([&] { c.setStartOfLeadoutLimit(1000); }) == ro);
  CHECK(codeOf([&] { c.setDisableGaplessAudio(true); }) == ro);
  CHECK(codeOf([&] { c.setMediaCatalogNumber("0000000000000"); }) == ro);
  CHECK(codeOf([&] { c.setStartingTrackNumber(2); }) == ro);
  CHECK(codeOf([&] { c.setCdText({}); }) == ro);
  CHECK(codeOf([&] { c.trackInfo(1).setIsrc("USRC17607839"); }) == ro);
  CHECK(codeOf([&] { c.trackInfo(1).addTrackIndex(100); }) == ro);
  CHECK(codeOf([&] { c.trackInfo(1).clearTrackIndex(100); }) == ro);
  CHECK(codeOf([&] { c.trackInfo(1).setAudioHasPreemphasis(true); }) == ro);
  CHECK(codeOf([&] { c.createResultImage(); }) == ro);
  CHECK(c.startOfLeadout() == 300);  // queries still work
}

TEST_CASE("raw image: R-W generator and CD-TEXT need a 2448-byte image type") {
  RawImageCreator c;
  auto t = sectors(300);
  c.addTrack(CdSectorType::Audio, t);
  c.setResultingImageType(RawCdSectorType::PqOnly);
  SizedStream rw(1);
  CHECK(codeOf([&] { c.addSubcodeRwGenerator(rw); }) == HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED);
  CHECK(codeOf([&] { c.setResultingImageType(static_cast<RawCdSectorType>(0)); }) == HResult::E_INVALIDARG);
  cd::CdText text;
  cd::CdTextBlock b;
  b.texts[cd::kCdTextTitle] = {"Album", "Song"};
  text.blocks = {b};
  c.setCdText(text);
  CHECK(codeOf([&] { c.createResultImage(); }) == HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED);
  CHECK_FALSE(c.readOnly());
  c.setResultingImageType(RawCdSectorType::Raw);
  c.addSubcodeRwGenerator(rw);
  CHECK(codeOf([&] { c.setResultingImageType(RawCdSectorType::PqOnly); }) == HResult::E_IMAPI_RAW_IMAGE_SECTOR_TYPE_NOT_SUPPORTED);
  CHECK(codeOf([&] { c.createResultImage(); }) == HResult::E_INVALIDARG);  // generator too short
}

TEST_CASE("raw image: expected table of contents is the READ TOC format 0 reply") {
  RawImageCreator c;
  auto a = sectors(400), b = sectors(310);
  c.setStartingTrackNumber(3);
  c.addTrack(CdSectorType::Audio, a);
  c.addTrack(CdSectorType::Audio, b);
  c.trackInfo(2).setDigitalAudioCopySetting(DigitalCopySetting::Permitted);
  c.setDisableGaplessAudio(true);
  const std::vector<std::uint8_t> toc = c.expectedTableOfContents();
  REQUIRE(toc.size() == 4 + 3 * 8);
  CHECK(scsi::getBe16(toc, 0) == toc.size() - 2);
  CHECK(toc[2] == 3);
  CHECK(toc[3] == 4);
  CHECK(toc[5] == 0x10);  // ADR 1, copy prohibited audio
  CHECK(toc[6] == 3);
  CHECK(scsi::getBe32s(toc, 8) == 0);
  CHECK(toc[13] == 0x12);  // copy permitted
  CHECK(toc[14] == 4);
  CHECK(scsi::getBe32s(toc, 16) == 550);
  CHECK(toc[22] == 0xAA);
  CHECK(scsi::getBe32s(toc, 24) == 860);
}

TEST_CASE("raw image: an audio pregap moves the end of the previous track into the next track's index 0") {
  RawImageCreator c;
  auto a = sectors(400), b = sectors(300);
  c.addTrack(CdSectorType::Audio, a);
  c.addTrack(CdSectorType::Audio, b);
  c.trackInfo(2).setAudioPregapSectors(75);
  cd::DiscLayout d = c.discLayout();
  CHECK(d.tracks[0].length == 325);
  CHECK(d.tracks[1].pregap == 75);
  CHECK(d.tracks[1].start == 400);
  CHECK(codeOf([&] { c.trackInfo(1).setAudioPregapSectors(10); }) == HResult::E_INVALIDARG);
  c.trackInfo(1).addTrackIndex(330);  // inside the part that now belongs to track 2
  CHECK(codeOf([&] { c.discLayout(); }) == HResult::E_INVALIDARG);
}
