#include <catch2/catch.hpp>

#include <fstream>

#include "core/cd/cdtext.h"
#include "core/imapi/error.h"
#include "native-helper/cue/cue_sheet.h"

using namespace kiln;

static std::string errorOf(const std::string& text) {
  try {
    cue::parseCueSheet(text, "disc.cue");
  } catch (const Error& e) {
    CHECK(e.code() == HResult::E_INVALIDARG);
    return e.detail();
  }
  return "";
}

TEST_CASE("cue: EAC single-file sheet with INDEX 00s, CATALOG, ISRC, FLAGS and CD-TEXT", "[cue]") {
  const std::string text =
      "\xEF\xBB\xBFREM GENRE Rock\r\n"
      "REM COMMENT \"ExactAudioCopy v1.6\"\r\n"
      "CATALOG 0724384960650\r\n"
      "PERFORMER \"The Band\"\r\n"
      "TITLE \"Album, Live\"\r\n"
      "FILE \"Range.wav\" WAVE\r\n"
      "  TRACK 01 AUDIO\r\n"
      "    TITLE \"One\"\r\n"
      "    ISRC GBAYE0000351\r\n"
      "    INDEX 01 00:00:00\r\n"
      "  TRACK 02 AUDIO\r\n"
      "    TITLE \"Two\"\r\n"
      "    SONGWRITER \"Writer\"\r\n"
      "    FLAGS DCP PRE\r\n"
      "    INDEX 00 04:10:20\r\n"
      "    INDEX 01 04:12:20\r\n"
      "    INDEX 02 05:00:00\r\n";
  const cue::CueSheet s = cue::parseCueSheet(text, "disc.cue");
  CHECK(s.catalog == "0724384960650");
  CHECK(s.texts.at(cd::kCdTextPerformer) == "The Band");
  CHECK(s.texts.at(cd::kCdTextTitle) == "Album, Live");
  REQUIRE(s.files.size() == 1);
  CHECK(s.files[0].name == "Range.wav");
  CHECK(s.files[0].type == cue::FileType::Decoded);
  REQUIRE(s.tracks.size() == 2);
  CHECK(s.tracks[0].isrc == "GBAYE0000351");
  CHECK(s.tracks[0].texts.at(cd::kCdTextTitle) == "One");
  const cue::CueTrack& t2 = s.tracks[1];
  CHECK(t2.flagDcp);
  CHECK(t2.flagPre);
  CHECK(t2.texts.at(cd::kCdTextSongwriter) == "Writer");
  REQUIRE(t2.indexes.size() == 3);
  CHECK(t2.index(0)->sectors == (4 * 60 + 10) * 75 + 20);
  CHECK(t2.index(1)->sectors == (4 * 60 + 12) * 75 + 20);
  CHECK(t2.index(2)->sectors == 5 * 60 * 75);
  CHECK(t2.index(2)->line == 17);
  CHECK(s.warnings.empty());
}

TEST_CASE("cue: whipper/cyanrip sheet: one FILE per track, INDEX 00 in the previous FILE", "[cue]") {
  const cue::CueSheet s = cue::parseCueSheet(
      "FILE \"01. A.flac\" WAVE\n"
      "  TRACK 01 AUDIO\n"
      "    INDEX 01 00:00:00\n"
      "  TRACK 02 AUDIO\n"
      "    PREGAP 00:01:00\n"
      "    INDEX 00 03:58:50\n"
      "FILE \"02. B.flac\" WAVE\n"
      "    INDEX 01 00:00:00\n"
      "    POSTGAP 00:00:30\n"
      "FILE \"03.bin\" MOTOROLA\n"
      "  TRACK 03 AUDIO\n"
      "    INDEX 01 00:00:00\n",
      "rip.cue");
  REQUIRE(s.files.size() == 3);
  CHECK(s.files[2].type == cue::FileType::BinaryBE);
  const cue::CueTrack& t2 = s.tracks[1];
  CHECK(t2.pregapSectors == 75);
  CHECK(t2.postgapSectors == 30);
  CHECK(t2.index(0)->file == 0);
  CHECK(t2.index(1)->file == 1);
  CHECK(s.tracks[2].index(1)->file == 2);
}

TEST_CASE("cue: CDTEXTFILE, unknown commands and flags become warnings", "[cue]") {
  const cue::CueSheet s = cue::parseCueSheet(
      "CDTEXTFILE \"disc.cdt\"\nFILE \"a.bin\" BINARY\nTRACK 01 AUDIO\nFLAGS 4CH\nINDEX 01 00:00:00\nFROB 1\n", "x.cue");
  CHECK(s.cdTextFile == "disc.cdt");
  CHECK(s.cdTextFileLine == 1);
  REQUIRE(s.warnings.size() == 2);
  CHECK(s.warnings[0].rfind("x.cue:4: FLAGS 4CH ignored", 0) == 0);
  CHECK(s.warnings[1] == "x.cue:6: unknown command FROB ignored");
}

TEST_CASE("cue: malformed sheets give line-numbered errors", "[cue]") {
  CHECK(errorOf("FILE \"a.wav\" WAVE\n\n    INDEX 01 00:00:00\n") == "disc.cue:3: INDEX 01 before TRACK");
  CHECK(errorOf("TRACK 01 AUDIO\n") == "disc.cue:1: TRACK before FILE");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:60:00\n") ==
        "disc.cue:3: bad time '00:60:00' (MM:SS:FF, FF < 75)");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 0:0\n") == "disc.cue:3: bad time '0:0' (MM:SS:FF, FF < 75)");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 02 00:00:00\n") ==
        "disc.cue:3: INDEX 02 is the track's first index (must be 00 or 01)");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nINDEX 03 00:01:00\n") ==
        "disc.cue:4: INDEX 03 after INDEX 01");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 00 00:00:00\nTRACK 02 AUDIO\nINDEX 01 00:01:00\n") ==
        "disc.cue:2: TRACK 1 has no INDEX 01");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nTRACK 03 AUDIO\n") ==
        "disc.cue:4: TRACK 03 after TRACK 1 (numbers must be consecutive)");
  CHECK(errorOf("FILE \"a.bin\" BINARY\nTRACK 01 MODE1/2352\n") ==
        "disc.cue:2: TRACK 01 is MODE1/2352: only AUDIO tracks can be burnt");
  CHECK(errorOf("FILE \"a.xyz\" UNKNOWN\n") ==
        "disc.cue:1: unknown FILE type UNKNOWN (BINARY, MOTOROLA, WAVE, AIFF, FLAC, MP3)");
  CHECK(errorOf("CATALOG 123\n") == "disc.cue:1: CATALOG '123' is not 13 digits");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nISRC US-ABC\n") ==
        "disc.cue:3: ISRC 'US-ABC' is not 12 characters CCOOOYYSSSSS");
  CHECK(errorOf("TITLE \"open\n") == "disc.cue:1: unterminated quote");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:00:00\nPREGAP 00:02:00\n") ==
        "disc.cue:4: PREGAP after INDEX (it must come before the track's first INDEX)");
  CHECK(errorOf("REM only\n") == "disc.cue: no TRACK in the sheet");
  CHECK(errorOf("FILE \"a.wav\" WAVE\nTRACK 01 AUDIO\nINDEX 01 00:05:00\nINDEX 02 00:04:00\n") ==
        "disc.cue:4: INDEX 02 at 00:04:00 is before the previous index in the same FILE");
}

TEST_CASE("cue: MSF, ISRC and MCN syntax", "[cue]") {
  CHECK(cue::parseMsf("00:00:00") == 0);
  CHECK(cue::parseMsf("01:02:03") == (62 * 75) + 3);
  CHECK(cue::parseMsf("99:59:74") == (99 * 60 + 59) * 75 + 74);
  CHECK(cue::parseMsf("00:00:75") == -1);
  CHECK(cue::parseMsf("00:00:1x") == -1);
  CHECK(cue::parseMsf("-1:00:00") == -1);
  CHECK(cue::isValidIsrc("USABC2500001"));
  CHECK_FALSE(cue::isValidIsrc("USABC250001"));
  CHECK_FALSE(cue::isValidIsrc("us-abc-25-00001"));
  CHECK(cue::isValidMcn("0724384960650"));
  CHECK_FALSE(cue::isValidMcn("072438496065a"));
}
