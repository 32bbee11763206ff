#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/cd/subcode.h"
#include "core/imapi/error.h"

using namespace kiln::cd;

namespace {

CdTextPack P(std::initializer_list<int> bytes) {
  CdTextPack p{};
  std::size_t i = 0;
  for (int b : bytes) p[i++] = static_cast<std::uint8_t>(b);
  return p;
}

// A complete block published with a CD-TEXT authoring tool's README (3 tracks, title/performer/disc id/UPC+ISRC,
// language 20h, copyright 03h, no TAB shortcut): byte-exact expected output including CRCs.
std::vector<CdTextPack> publishedBlock() {
  return {
      P({0x80, 0x00, 0x00, 0x00, 0x41, 0x6C, 0x62, 0x75, 0x6D, 0x20, 0x74, 0x69, 0x74, 0x6C, 0x65, 0x20, 0x8C, 0xD3}),
      P({0x80, 0x00, 0x01, 0x0C, 0x76, 0x65, 0x72, 0x79, 0x20, 0x6C, 0x6F, 0x6E, 0x67, 0x00, 0x54, 0x72, 0x40, 0x1C}),
      P({0x80, 0x01, 0x02, 0x02, 0x61, 0x63, 0x6B, 0x20, 0x31, 0x00, 0x54, 0x72, 0x61, 0x63, 0x6B, 0x20, 0x24, 0x09}),
      P({0x80, 0x02, 0x03, 0x06, 0x32, 0x00, 0x54, 0x72, 0x61, 0x63, 0x6B, 0x20, 0x33, 0x00, 0x00, 0x00, 0x43, 0x48}),
      P({0x81, 0x00, 0x04, 0x00, 0x41, 0x6C, 0x62, 0x75, 0x6D, 0x20, 0x61, 0x72, 0x74, 0x69, 0x73, 0x74, 0x30, 0x26}),
      P({0x81, 0x00, 0x05, 0x0C, 0x00, 0x41, 0x72, 0x74, 0x69, 0x73, 0x74, 0x00, 0x41, 0x72, 0x74, 0x69, 0x21, 0x07}),
      P({0x81, 0x02, 0x06, 0x04, 0x73, 0x74, 0x00, 0x41, 0x72, 0x74, 0x69, 0x73, 0x74, 0x00, 0x00, 0x00, 0xD5, 0x9E}),
      P({0x86, 0x00, 0x07, 0x00, 0x41, 0x4C, 0x42, 0x55, 0x4D, 0x30, 0x30, 0x31, 0x00, 0x00, 0x00, 0x00, 0x89, 0x6B}),
      P({0x8E, 0x00, 0x08, 0x00, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0x30, 0xD4, 0x4C}),
      P({0x8E, 0x00, 0x09, 0x0C, 0x31, 0x00, 0x50, 0x4C, 0x54, 0x53, 0x54, 0x32, 0x34, 0x30, 0x30, 0x30, 0x36, 0xB2}),
      P({0x8E, 0x01, 0x0A, 0x0A, 0x30, 0x31, 0x00, 0x50, 0x4C, 0x54, 0x53, 0x54, 0x32, 0x34, 0x30, 0x30, 0x63, 0xF4}),
      P({0x8E, 0x02, 0x0B, 0x09, 0x30, 0x30, 0x32, 0x00, 0x50, 0x4C, 0x54, 0x53, 0x54, 0x32, 0x34, 0x30, 0xB4, 0x05}),
      P({0x8E, 0x03, 0x0C, 0x08, 0x30, 0x30, 0x30, 0x33, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0A, 0x6B}),
      P({0x8F, 0x00, 0x0D, 0x00, 0x00, 0x01, 0x03, 0x03, 0x04, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x43, 0x27}),
      P({0x8F, 0x01, 0x0E, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x05, 0x03, 0x0F, 0x00, 0x00, 0x00, 0xB9, 0x59}),
      P({0x8F, 0x02, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x23, 0x48}),
  };
}

CdText publishedModel() {
  CdText t;
  t.firstTrack = 1;
  t.lastTrack = 3;
  CdTextBlock b;
  b.charset = kCharsetIso8859_1;
  b.language = 0x20;
  b.copyright = 0x03;
  b.texts[kCdTextTitle] = {"Album title very long", "Track 1", "Track 2", "Track 3"};
  b.texts[kCdTextPerformer] = {"Album artist", "Artist", "Artist", "Artist"};
  b.texts[kCdTextUpcIsrc] = {"0000000000001", "PLTST2400001", "PLTST2400002", "PLTST2400003"};
  b.discId = "ALBUM001";
  t.blocks = {b};
  return t;
}

}  // namespace

TEST_CASE("CD-TEXT pack CRCs of the Sony examples in libburn doc/cdtext.txt verify", "[cdtext][crc]") {
  const std::vector<CdTextPack> sony = {
      P({0x88, 0x00, 0x23, 0x00, 0x01, 0x0e, 0x00, 0x3f, 0x02, 0x12, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12, 0x00}),
      P({0x88, 0x01, 0x24, 0x00, 0x00, 0x02, 0x00, 0x04, 0x0b, 0x19, 0x08, 0x02, 0x32, 0x0b, 0x2f, 0x3e, 0x67, 0x2d}),
      P({0x88, 0x0d, 0x27, 0x00, 0x35, 0x18, 0x19, 0x39, 0x03, 0x19, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xea, 0xaf}),
      P({0x89, 0x01, 0x28, 0x00, 0x01, 0x04, 0x00, 0x00, 0x00, 0x00, 0x02, 0x29, 0x30, 0x02, 0x34, 0x3a, 0xf3, 0x0c}),
      P({0x89, 0x06, 0x29, 0x00, 0x02, 0x04, 0x00, 0x00, 0x00, 0x00, 0x17, 0x0e, 0x19, 0x17, 0x1d, 0x3c, 0x73, 0x92}),
      P({0x8f, 0x00, 0x2a, 0x00, 0x01, 0x01, 0x03, 0x00, 0x06, 0x05, 0x04, 0x05, 0x07, 0x06, 0x01, 0x02, 0x48, 0x65}),
      P({0x8f, 0x01, 0x2b, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x06, 0x03, 0x2c, 0x00, 0x00, 0x00, 0xc0, 0x20}),
      P({0x8f, 0x02, 0x2c, 0x00, 0x00, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x11, 0x45}),
  };
  for (const auto& p : sony) CHECK(cdTextPackCrcOk(p));
  CdTextPack bad = sony[0];
  bad[7] ^= 0x40;
  CHECK_FALSE(cdTextPackCrcOk(bad));
  setCdTextPackCrc(bad);
  CHECK(cdTextPackCrcOk(bad));

  // The size-info record of that example: ASCII, tracks 1..3, English, 2Ch last sequence number.
  const std::vector<CdTextPack> sizeInfo(sony.begin() + 5, sony.end());
  const CdText t = parseCdTextPacks(sizeInfo);
  CHECK(t.firstTrack == 1);
  CHECK(t.lastTrack == 3);
  REQUIRE(t.blocks.size() == 1);
  CHECK(t.blocks[0].charset == kCharsetAscii);
  CHECK(t.blocks[0].language == 0x09);
  CHECK(t.blocks[0].copyright == 0x00);
}

TEST_CASE("CD-TEXT builder reproduces a published pack array byte for byte", "[cdtext]") {
  const auto expected = publishedBlock();
  for (const auto& p : expected) REQUIRE(cdTextPackCrcOk(p));
  const auto built = buildCdTextPacks(publishedModel(), /*useTab=*/false);
  REQUIRE(built.size() == expected.size());
  for (std::size_t i = 0; i < built.size(); ++i) {
    INFO("pack " << i);
    CHECK(built[i] == expected[i]);
  }
}

TEST_CASE("CD-TEXT parser reassembles the published pack array", "[cdtext]") {
  CHECK(parseCdTextPacks(publishedBlock()) == publishedModel());
  auto reversed = publishedBlock();
  std::reverse(reversed.begin(), reversed.end());
  CHECK(parseCdTextPacks(reversed) == publishedModel());
  auto corrupt = publishedBlock();
  corrupt[3][6] ^= 1;
  try {
    parseCdTextPacks(corrupt);
    FAIL("no exception");
  } catch (const kiln::Error& e) {
    CHECK(e.code() == kiln::HResult::E_INVALIDARG);
    CHECK(std::string(e.what()).find("pack 3") != std::string::npos);
  }
}

TEST_CASE("CD-TEXT TAB stands for the previous track's text", "[cdtext]") {
  CdText t = publishedModel();
  const auto packs = buildCdTextPacks(t, /*useTab=*/true);
  // Performer: "Album artist\0Artist\0\t\0\t\0" = 24 bytes = exactly 2 packs instead of 3.
  int performerPacks = 0;
  for (const auto& p : packs) performerPacks += p[0] == kCdTextPerformer;
  CHECK(performerPacks == 2);
  const CdTextPack* second = nullptr;
  for (const auto& p : packs)
    if (p[0] == kCdTextPerformer && p[2] != 0 && p[1] == 0 && p[3] == 0x0C) second = &p;
  REQUIRE(second != nullptr);
  const std::uint8_t payload[12] = {0x00, 'A', 'r', 't', 'i', 's', 't', 0x00, 0x09, 0x00, 0x09, 0x00};
  CHECK(std::memcmp(second->data() + 4, payload, 12) == 0);
  CHECK(parseCdTextPacks(packs) == t);  // TABs expanded back
}

TEST_CASE("CD-TEXT multiple blocks, long texts, genre and double-byte round-trip", "[cdtext]") {
  CdText t;
  t.firstTrack = 1;
  t.lastTrack = 2;
  CdTextBlock en;
  en.language = 0x09;
  en.texts[kCdTextTitle] = {"A very long album title that spans many packs", "One", ""};
  en.texts[kCdTextComposer] = {"", "Someone", "Someone else"};
  en.hasGenre = true;
  en.genreCode = 0x0017;
  en.genreText = "Rock of the sixties";
  en.closedInfo = "memo";
  CdTextBlock de = en;
  de.language = 0x08;
  de.texts[kCdTextTitle] = {"Album", "Eins", "Zwei"};
  CdTextBlock jp;
  jp.charset = kCharsetMsJis;
  jp.language = 0x69;
  jp.texts[kCdTextTitle] = {std::string("\x82\xA0\x82\xA2", 4), std::string("\x82\xA4", 2), std::string("\x82\xA4", 2)};
  t.blocks = {en, de, jp};

  const auto packs = buildCdTextPacks(t);
  for (const auto& p : packs) CHECK(cdTextPackCrcOk(p));
  // Blocks in order with their own sequence numbers from 0; char position capped at 15.
  int expectedSeq = 0, lastBlock = 0;
  bool sawCap = false;
  for (const auto& p : packs) {
    const int block = (p[3] >> 4) & 7;
    if (block != lastBlock) expectedSeq = 0, lastBlock = block;
    CHECK(p[2] == expectedSeq++);
    sawCap = sawCap || (p[0] == kCdTextTitle && (p[3] & 0x0F) == 15);
    CHECK(((p[3] & 0x80) != 0) == (block == 2));
  }
  CHECK(sawCap);
  CHECK(parseCdTextPacks(packs) == t);
  // Every 8Fh group lists the last sequence numbers and languages of all three blocks.
  std::vector<CdTextPack> part2;
  for (const auto& p : packs)
    if (p[0] == kCdTextSizeInfo && p[1] == 2) part2.push_back(p);
  REQUIRE(part2.size() == 3);
  for (const auto& p : part2) {
    CHECK(p[4 + 4] == 0x09);
    CHECK(p[4 + 5] == 0x08);
    CHECK(p[4 + 6] == 0x69);
  }
}

TEST_CASE("CD-TEXT builder rejects impossible input", "[cdtext]") {
  CHECK_THROWS_AS(buildCdTextPacks(CdText{}), kiln::Error);
  CdText big;
  big.firstTrack = 1;
  big.lastTrack = 99;
  CdTextBlock b;
  for (int i = 0; i < 100; ++i) b.texts[kCdTextTitle].push_back("Title number " + std::to_string(i) + " is a rather long title here");
  big.blocks = {b};
  CHECK_THROWS_AS(buildCdTextPacks(big), kiln::Error);
  CdText nine = publishedModel();
  const CdTextBlock first = nine.blocks[0];  // a copy: assign() from an element of the same vector is UB
  nine.blocks.assign(9, first);
  CHECK_THROWS_AS(buildCdTextPacks(nine), kiln::Error);
}

TEST_CASE("CD-TEXT packs ride the lead-in R-W: 4 packs = 96 symbols, cycled", "[cdtext][rw]") {
  const auto packs = publishedBlock();  // 16 packs = 4 sectors per cycle
  std::uint8_t rw[96];
  packsToRwSymbols(&packs[0], rw);
  CHECK(rw[0] == (0x80 >> 2));                       // first 6 bits of 80h
  CHECK(rw[1] == (((0x80 & 3) << 4) | (0x00 >> 4)));
  for (auto s : rw) CHECK(s < 64);
  CdTextPack back[4];
  rwSymbolsToPacks(rw, back);
  for (int i = 0; i < 4; ++i) CHECK(back[i] == packs[i]);

  const CdTextLeadIn cooked(packs, false);
  std::uint8_t s0[96], s4[96];
  cooked.rw(0, s0);
  cooked.rw(4, s4);
  CHECK(std::memcmp(s0, rw, 96) == 0);
  CHECK(std::memcmp(s4, rw, 96) == 0);  // cycle of 4 sectors

  for (bool interleaved : {false, true}) {
    // An odd pack count (not a multiple of 4) to exercise the cycle across sector boundaries.
    std::vector<CdTextPack> odd(packs.begin(), packs.begin() + 13);
    const CdTextLeadIn li(odd, interleaved);
    const std::size_t sectors = 40;
    std::vector<std::uint8_t> stream(sectors * 96);
    for (std::size_t s = 0; s < sectors; ++s) li.rw(static_cast<std::int64_t>(s) + 1000, &stream[s * 96]);
    auto recovered = packsFromLeadIn(stream.data(), sectors, interleaved);
    std::sort(odd.begin(), odd.end(), [](const CdTextPack& a, const CdTextPack& b) { return a[2] < b[2]; });
    CHECK(recovered == odd);
    // Reading interleaved data as cooked finds (almost) nothing valid.
    if (interleaved) CHECK(packsFromLeadIn(stream.data(), sectors, false).size() < odd.size());
  }

  // Interleaved lead-in over a 4-sector cycle equals the cyclic interleave of the cooked cycle.
  std::vector<std::uint8_t> cyc(16 * 24), raw(16 * 24), got(16 * 24);
  for (int s = 0; s < 4; ++s) cooked.rw(s, &cyc[s * 96]);
  interleaveRwCyclic(cyc.data(), raw.data(), 16);
  const CdTextLeadIn il(packs, true);
  for (int s = 0; s < 4; ++s) il.rw(s, &got[s * 96]);
  CHECK(got == raw);
}
