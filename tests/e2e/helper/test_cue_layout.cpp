#include <catch2/catch.hpp>

#include "core/imapi/error.h"
#include "native-helper/cue/cue_layout.h"

using namespace kiln;
using cue::Segment;

static constexpr std::uint64_t S = 2352;

TEST_CASE("cue layout: whipper style — the next track's INDEX 00 audio ends the previous track's stream", "[cue]") {
  const cue::CueSheet s = cue::parseCueSheet(
      "FILE \"1.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nTRACK 02 AUDIO\nINDEX 00 00:08:00\n"
      "FILE \"2.wav\" WAVE\nINDEX 01 00:00:00\nINDEX 02 00:05:00\n",
      "w.cue");
  const cue::DiscLayoutPlan p = cue::layoutCue(s, {750 * S, 600 * S});  // 10 s + 8 s
  CHECK(p.specialPregap.empty());
  REQUIRE(p.tracks.size() == 2);
  // Track 1 = all of FILE 1 (its last 150 sectors become track 2's index 0).
  CHECK(p.tracks[0].segments == std::vector<Segment>{{0, 0, 600 * S}, {0, 600 * S, 150 * S}});
  CHECK(p.tracks[0].bytes == 750 * S);
  CHECK(p.tracks[1].audioPregapSectors == 150);
  CHECK(p.tracks[1].segments == std::vector<Segment>{{1, 0, 600 * S}});
  CHECK(p.tracks[1].indexOffsets == std::vector<std::int32_t>{375});
  CHECK(p.warnings.empty());
}

TEST_CASE("cue layout: EAC single file — same disc as the whipper sheet", "[cue]") {
  const cue::CueSheet s = cue::parseCueSheet(
      "FILE \"all.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nTRACK 02 AUDIO\nINDEX 00 00:08:00\nINDEX 01 00:10:00\n",
      "e.cue");
  const cue::DiscLayoutPlan p = cue::layoutCue(s, {1350 * S});
  CHECK(p.tracks[0].segments == std::vector<Segment>{{0, 0, 600 * S}, {0, 600 * S, 150 * S}});
  CHECK(p.tracks[1].audioPregapSectors == 150);
  CHECK(p.tracks[1].segments == std::vector<Segment>{{0, 750 * S, 600 * S}});
}

TEST_CASE("cue layout: PREGAP and POSTGAP are silence; an unaligned FILE end is padded with a warning", "[cue]") {
  const cue::CueSheet s = cue::parseCueSheet(
      "FILE \"a.bin\" BINARY\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nPOSTGAP 00:01:00\n"
      "FILE \"b.bin\" BINARY\nTRACK 02 AUDIO\nPREGAP 00:02:00\nINDEX 01 00:00:00\n",
      "g.cue");
  const cue::DiscLayoutPlan p = cue::layoutCue(s, {400 * S + 100, 300 * S});
  // FILE a: 400 sectors + 100 bytes → 401 sectors, the last padded; then POSTGAP 75 + PREGAP 150 of silence.
  CHECK(p.tracks[0].segments == std::vector<Segment>{{0, 0, 400 * S + 100}, {-1, 0, (S - 100) + 225 * S}});
  CHECK(p.tracks[1].audioPregapSectors == 150);
  REQUIRE(p.warnings.size() == 1);
  CHECK(p.warnings[0] == "g.cue:1: FILE \"a.bin\" is not whole sectors: its end is padded with 2252 bytes of silence");
}

TEST_CASE("cue layout: audio before track 1's INDEX 01 becomes the special pregap after the 2-s pause", "[cue]") {
  const cue::CueSheet s =
      cue::parseCueSheet("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 00 00:00:00\nINDEX 01 00:30:00\n", "h.cue");
  const cue::DiscLayoutPlan p = cue::layoutCue(s, {3000 * S});
  CHECK(p.specialPregap == std::vector<Segment>{{-1, 0, 150 * S}, {0, 0, 2250 * S}});
  CHECK(p.tracks[0].segments == std::vector<Segment>{{0, 2250 * S, 750 * S}});
  CHECK(p.tracks[0].audioPregapSectors == 0);
}

TEST_CASE("cue layout: indexes past the FILE or going backwards are line-numbered errors", "[cue]") {
  const auto errorOf = [](const std::string& text, std::vector<std::uint64_t> sizes) {
    try {
      cue::layoutCue(cue::parseCueSheet(text, "l.cue"), sizes);
    } catch (const Error& e) {
      return e.detail();
    }
    return std::string();
  };
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:20:00\n", {750 * S}) ==
        "l.cue:3: INDEX 01 at 00:20:00 is past the end of FILE \"a.wav\" (00:10:00)");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:05:00\nTRACK 02 AUDIO\nINDEX 01 00:04:00\n",
                {750 * S}) == "l.cue:5: track 2 starts before INDEX 01 of track 1");
}
