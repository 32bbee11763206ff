#include <catch2/catch.hpp>

#include <sndfile.h>

#include <fstream>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/imapi/error.h"
#include "native-helper/audio/lazy_stream.h"
#include "native-helper/audio/segment_stream.h"
#include "native-helper/audio/source_file.h"
#include "native-helper/audio/tags.h"
#include "native-helper/cli/cd_text_build.h"
#include "native-helper/cli/dao_plan.h"
#include "tests/e2e/helper/temp_dir.h"
#include "tests/e2e/helper/wav_writer.h"

using namespace kiln;

static std::vector<std::uint8_t> readAll(formats::AudioStream& s, std::size_t chunk = 1000) {
  std::vector<std::uint8_t> out, buf(chunk);
  for (std::size_t n; (n = s.read(buf)) > 0;) out.insert(out.end(), buf.begin(), buf.begin() + static_cast<long>(n));
  return out;
}

static void writeBytes(const std::string& path, const std::vector<std::uint8_t>& b) {
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(b.data()), static_cast<long>(b.size()));
}

TEST_CASE("SourceFile reads BINARY as is, MOTOROLA byte-swapped, WAVE decoded, from any offset", "[dao]") {
  test::TempDir dir;
  std::vector<std::uint8_t> raw(2352 * 3);
  for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<std::uint8_t>(i * 7 + 1);
  writeBytes(dir.file("le.bin"), raw);
  writeBytes(dir.file("be.bin"), raw);
  test::writeS16(dir.file("a.wav"), 44100, 2, 588 * 3, SF_FORMAT_WAV | SF_FORMAT_PCM_16,
                 [](long i, int c) { return static_cast<short>(i * 2 + c - 1000); });

  audio::SourceFile le(dir.file("le.bin"), audio::SourceFile::Kind::RawLE);
  CHECK(le.sizeBytes() == raw.size());
  std::vector<std::uint8_t> got(8);
  le.readAt(2352, got);
  CHECK(std::equal(got.begin(), got.end(), raw.begin() + 2352));

  audio::SourceFile be(dir.file("be.bin"), audio::SourceFile::Kind::RawBE);
  be.readAt(4, got);
  CHECK(got[0] == raw[5]);
  CHECK(got[1] == raw[4]);
  CHECK(got[6] == raw[11]);

  audio::SourceFile wav(dir.file("a.wav"), audio::SourceFile::Kind::Decoded);
  CHECK(wav.sizeBytes() == 2352 * 3);
  std::vector<std::uint8_t> frame(4);
  wav.readAt(4 * 100, frame);  // frame 100: left 200 − 1000, right 201 − 1000
  CHECK(static_cast<std::int16_t>(frame[0] | frame[1] << 8) == -800);
  CHECK(static_cast<std::int16_t>(frame[2] | frame[3] << 8) == -799);
  wav.readAt(0, frame);  // backwards: reopens
  CHECK(static_cast<std::int16_t>(frame[0] | frame[1] << 8) == -1000);

  audio::SourceFile none(dir.file("missing.bin"), audio::SourceFile::Kind::RawLE);
  try {
    none.sizeBytes();
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == HResult::HRESULT_FROM_WIN32_ERROR_FILE_NOT_FOUND);
  }
}

TEST_CASE("SegmentStream joins FILE runs and silence; LazyStream opens late and checks the size", "[dao]") {
  test::TempDir dir;
  std::vector<std::uint8_t> raw(2352 * 2);
  for (std::size_t i = 0; i < raw.size(); ++i) raw[i] = static_cast<std::uint8_t>(i % 251 + 1);
  writeBytes(dir.file("x.bin"), raw);
  auto file = std::make_shared<audio::SourceFile>(dir.file("x.bin"), audio::SourceFile::Kind::RawLE);
  std::vector<cue::Segment> segs{{0, 2352, 2352}, {-1, 0, 100}, {0, 0, 8}};
  int opened = 0;
  audio::LazyStream lazy(2352 + 100 + 8, [&]() -> std::unique_ptr<formats::AudioStream> {
    ++opened;
    return std::make_unique<audio::SegmentStream>(segs, std::vector<std::shared_ptr<audio::SourceFile>>{file});
  });
  CHECK(opened == 0);
  const std::vector<std::uint8_t> out = readAll(lazy, 77);
  CHECK(opened == 1);
  REQUIRE(out.size() == 2352 + 108);
  CHECK(std::equal(out.begin(), out.begin() + 2352, raw.begin() + 2352));
  CHECK(std::all_of(out.begin() + 2352, out.begin() + 2452, [](std::uint8_t b) { return b == 0; }));
  CHECK(std::equal(out.begin() + 2452, out.end(), raw.begin()));

  audio::LazyStream wrong(10, [&]() -> std::unique_ptr<formats::AudioStream> {
    return std::make_unique<audio::SegmentStream>(segs, std::vector<std::shared_ptr<audio::SourceFile>>{file});
  });
  std::vector<std::uint8_t> buf(4);
  CHECK_THROWS_AS(wrong.read(buf), Error);
}

TEST_CASE("CD-TEXT from the command line: overrides, UTF-8 to ISO-8859-1, one block", "[dao]") {
  cli::TextOverrides o;
  cli::addTrackOverride(o, cd::kCdTextTitle, "2=Zwei = two");
  cli::addTextOverride(o, "composer=Ana");
  cli::addTextOverride(o, "3:message=hi");
  CHECK(o.tracks.at(2).at(cd::kCdTextTitle) == "Zwei = two");
  CHECK(o.album.at(cd::kCdTextComposer) == "Ana");
  CHECK(o.tracks.at(3).at(cd::kCdTextMessage) == "hi");
  CHECK_THROWS_AS(cli::addTrackOverride(o, cd::kCdTextTitle, "x=1"), Error);
  CHECK_THROWS_AS(cli::addTrackOverride(o, cd::kCdTextTitle, "100=a"), Error);
  CHECK_THROWS_AS(cli::addTextOverride(o, "lyrics=a"), Error);
  CHECK_THROWS_AS(cli::addTextOverride(o, "title"), Error);

  bool lossy = false;
  CHECK(cli::utf8ToLatin1("Caf\xC3\xA9 \xC3\x9C", lossy) == "Caf\xE9 \xDC");
  CHECK_FALSE(lossy);
  CHECK(cli::utf8ToLatin1("\xE6\x97\xA5 x", lossy) == "? x");
  CHECK(lossy);
  lossy = false;
  CHECK(cli::utf8ToLatin1("Caf\xE9", lossy) == "Caf\xE9");  // already Latin-1
  CHECK_FALSE(lossy);

  std::vector<std::string> warnings;
  CHECK_FALSE(cli::buildCdText({}, {{}, {}}, 1, warnings));
  const auto text = cli::buildCdText({{cd::kCdTextTitle, "Album"}}, {{}, {{cd::kCdTextTitle, "T\xC3\xA9"}}}, 5, warnings);
  REQUIRE(text);
  CHECK(text->firstTrack == 5);
  CHECK(text->lastTrack == 6);
  REQUIRE(text->blocks.size() == 1);
  CHECK(text->blocks[0].charset == cd::kCharsetIso8859_1);
  CHECK(text->blocks[0].texts.at(cd::kCdTextTitle) == std::vector<std::string>{"Album", "", "T\xE9"});
  CHECK(warnings.empty());
  // and the packs reassemble into the same texts
  const cd::CdText back = cd::parseCdTextPacks(cd::buildCdTextPacks(*text));
  CHECK(back.blocks[0].texts.at(cd::kCdTextTitle) == text->blocks[0].texts.at(cd::kCdTextTitle));
}

TEST_CASE("planDaoCue: FILEs relative to the sheet, CDTEXTFILE read, metadata and layout into the image", "[dao]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir.path() / "sub");
  writeBytes(dir.file("sub/a.bin"), std::vector<std::uint8_t>(2352 * 400, 1));
  writeBytes(dir.file("sub/b.bin"), std::vector<std::uint8_t>(2352 * 350, 2));
  cd::CdText t;
  t.firstTrack = 1;
  t.lastTrack = 2;
  t.blocks.resize(1);
  t.blocks[0].texts[cd::kCdTextTitle] = {"From CDT", "A", "B"};
  const auto packs = cd::buildCdTextPacks(t);
  std::vector<std::uint8_t> cdt{0, 0, 0, 0};  // cdrecord header
  for (const auto& p : packs) cdt.insert(cdt.end(), p.begin(), p.end());
  writeBytes(dir.file("sub/disc.cdt"), cdt);
  std::ofstream(dir.file("sub/d.cue")) << "CATALOG 1234567890123\nCDTEXTFILE \"disc.cdt\"\n"
                                           "FILE \"a.bin\" BINARY\n TRACK 01 AUDIO\n  ISRC USABC2500001\n"
                                           "  INDEX 01 00:00:00\n TRACK 02 AUDIO\n  FLAGS DCP\n  INDEX 00 00:04:00\n"
                                           "FILE \"b.bin\" BINARY\n  INDEX 01 00:00:00\n";
  cli::DaoDisc disc = cli::planDaoCue(dir.file("sub/d.cue"));
  REQUIRE(disc.tracks.size() == 2);
  CHECK(disc.mcn == "1234567890123");
  REQUIRE(disc.cdTextFile);
  CHECK(disc.cdTextFile->blocks[0].texts.at(cd::kCdTextTitle) == std::vector<std::string>{"From CDT", "A", "B"});
  CHECK(disc.tracks[0].bytes == 2352 * 400);
  CHECK(disc.tracks[1].audioPregapSectors == 100);
  CHECK(disc.tracks[1].copyPermitted);

  cli::applyOverrides(disc, {"2=DEXYZ9912345"}, "", {});
  formats::RawImageCreator creator;
  cli::DaoStreams streams;
  std::vector<std::string> warnings;
  cli::buildImage(disc, true, creator, streams, warnings);
  CHECK(creator.trackInfo(1).isrc() == "USABC2500001");
  CHECK(creator.trackInfo(2).isrc() == "DEXYZ9912345");
  CHECK(creator.trackInfo(2).startingLba() == 400);
  CHECK(creator.trackInfo(2).audioPregapSectors() == 100);
  CHECK(creator.trackInfo(2).digitalAudioCopySetting() == formats::DigitalCopySetting::Permitted);
  CHECK(creator.mediaCatalogNumber() == "1234567890123");
  REQUIRE(creator.cdText());
  CHECK(creator.startOfLeadout() == 750);

  CHECK_THROWS_AS(cli::applyOverrides(disc, {"3=DEXYZ9912345"}, "", {}), Error);
  CHECK_THROWS_AS(cli::applyOverrides(disc, {"1=DEXYZ99123"}, "", {}), Error);
  CHECK_THROWS_AS(cli::applyOverrides(disc, {}, "123456789012", {}), Error);
}

TEST_CASE("readTags: title/artist/album from a WAV's INFO chunk", "[dao]") {
  test::TempDir dir;
  const std::string path = dir.file("t.wav");
  SF_INFO info{};
  info.samplerate = 44100;
  info.channels = 2;
  info.format = SF_FORMAT_WAV | SF_FORMAT_PCM_16;
  SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
  REQUIRE(f);
  sf_set_string(f, SF_STR_TITLE, "Song");
  sf_set_string(f, SF_STR_ARTIST, "Band");
  sf_set_string(f, SF_STR_ALBUM, "Record");
  std::vector<short> pcm(2 * 588, 0);
  sf_write_short(f, pcm.data(), static_cast<sf_count_t>(pcm.size()));
  sf_close(f);
  const audio::AudioTags t = audio::readTags(path);
  CHECK(t.title == "Song");
  CHECK(t.artist == "Band");
  CHECK(t.album == "Record");
}
