#include <catch2/catch.hpp>

#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "core/cd/crc.h"
#include "core/cd/subcode.h"
#include "core/cd/subcode_layout.h"
#include "core/imapi/error.h"

using namespace kiln::cd;
using kiln::HResult;

namespace {

template <class T>
T decodeAs(const QBytes& q) {
  const auto f = decodeQ(q);
  REQUIRE(f.has_value());
  REQUIRE(std::holds_alternative<T>(*f));
  return std::get<T>(*f);
}

HResult codeOf(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const kiln::Error& e) {
    return e.code();
  }
  return HResult::S_OK;
}

}  // namespace

TEST_CASE("Q CRC-16 is CRC-16/XMODEM inverted (ECMA-130 22.3.6)", "[subcode][crc]") {
  const char* check = "123456789";
  // CRC-16/XMODEM check value 0x31C3 (poly 1021, init 0, MSB first); the sub-channel stores its complement.
  CHECK(crc16Subcode(reinterpret_cast<const std::uint8_t*>(check), 9) == 0xCE3C);
  CHECK(crc16Subcode(nullptr, 0) == 0xFFFF);
}

TEST_CASE("Q position frames encode as BCD with CRC, and decode back", "[subcode]") {
  const QBytes q = encodeQ(QPosition{0, 1, 1, Msf{0, 0, 0}, Msf{0, 2, 0}});
  const QBytes expected{0x01, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x5A, 0x28};
  CHECK(q == expected);
  CHECK(qCrcOk(q));

  const QPosition p{kControlData | kControlCopyPermitted, 12, 3, Msf{4, 59, 74}, Msf{79, 59, 74}};
  const QBytes e = encodeQ(p);
  CHECK(e[0] == 0x61);
  CHECK(e[1] == 0x12);
  CHECK(e[2] == 0x03);
  CHECK(e[3] == 0x04);
  CHECK(e[4] == 0x59);
  CHECK(e[5] == 0x74);
  CHECK(e[6] == 0x00);
  CHECK(e[7] == 0x79);
  CHECK(decodeAs<QPosition>(e) == p);

  const QBytes lo = encodeQ(QPosition{0, kLeadOutTrack, 1, Msf{0, 0, 5}, Msf{60, 0, 0}});
  CHECK(lo[1] == 0xAA);
  CHECK(decodeAs<QPosition>(lo).track == kLeadOutTrack);
}

TEST_CASE("Q decode rejects bad CRC, bad BCD and unknown ADR", "[subcode]") {
  QBytes q = encodeQ(QPosition{0, 5, 1, Msf{1, 2, 3}, Msf{10, 20, 30}});
  q[4] ^= 0x01;
  CHECK_FALSE(qCrcOk(q));
  CHECK_FALSE(decodeQ(q).has_value());

  QBytes notBcd = encodeQ(QPosition{0, 5, 1, Msf{1, 2, 3}, Msf{10, 20, 30}});
  notBcd[4] = 0x5A;
  setQCrc(notBcd);
  CHECK_FALSE(decodeQ(notBcd).has_value());

  QBytes adr4 = encodeQ(QPosition{0, 5, 1, Msf{}, Msf{}});
  adr4[0] = 0x04;
  setQCrc(adr4);
  CHECK_FALSE(decodeQ(adr4).has_value());

  CHECK(codeOf([] { encodeQ(QPosition{0, 0, 1, Msf{}, Msf{}}); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([] { encodeQ(QPosition{0, 1, 100, Msf{}, Msf{}}); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([] { encodeQ(QPosition{0, 1, 1, Msf{0, 60, 0}, Msf{}}); }) == HResult::E_INVALIDARG);
}

TEST_CASE("Q ADR 2 carries the MCN as 13 BCD digits (ECMA-130 22.3.4.1)", "[subcode]") {
  const QBytes q = encodeQ(QMcn{0, "0123456789012", 42});
  const QBytes head{0x02, 0x01, 0x23, 0x45, 0x67, 0x89, 0x01, 0x20, 0x00, 0x42};
  CHECK(std::equal(head.begin(), head.begin() + 10, q.begin()));
  const QMcn m = decodeAs<QMcn>(q);
  CHECK(m.mcn == "0123456789012");
  CHECK(m.aframe == 42);
  CHECK(codeOf([] { encodeQ(QMcn{0, "12345", 0}); }) == HResult::E_IMAPI_DF2TAO_INVALID_MCN);
  CHECK(codeOf([] { encodeQ(QMcn{0, "012345678901X", 0}); }) == HResult::E_IMAPI_DF2TAO_INVALID_MCN);
}

TEST_CASE("Q ADR 3 carries the ISRC as 6-bit codes and BCD (ECMA-130 22.3.4.3)", "[subcode]") {
  const QBytes q = encodeQ(QIsrc{0, "USRC17607839", 7});
  // U=25h S=23h R=22h C=13h 1=01h packed as 6-bit codes, then 2 zero bits; digits 7607839 + zero nibble.
  const QBytes head{0x03, 0x96, 0x38, 0x93, 0x04, 0x76, 0x07, 0x83, 0x90, 0x07};
  CHECK(std::equal(head.begin(), head.begin() + 10, q.begin()));
  CHECK(decodeAs<QIsrc>(q) == QIsrc{0, "USRC17607839", 7});
  CHECK(isValidIsrc("GBAYE0000351"));
  CHECK_FALSE(isValidIsrc("usrc17607839"));
  CHECK_FALSE(isValidIsrc("USRC1760783A"));
  CHECK_FALSE(isValidIsrc("USRC1760783"));
  CHECK(codeOf([] { encodeQ(QIsrc{0, "US-RC1760783", 0}); }) == HResult::E_IMAPI_DF2TAO_INVALID_ISRC);
}

TEST_CASE("Lead-in TOC entries: track, A0, A1, A2, B0, C0 (ECMA-130 22.3.4.2)", "[subcode]") {
  const QToc t = tocTrack(0, 2, 1150);  // 1150 + 150 = 1300 = 00:17:25
  CHECK(t.point == 0x02);
  CHECK(t.pmin == 0x00);
  CHECK(t.psec == 0x17);
  CHECK(t.pframe == 0x25);
  CHECK(tocA0(4, 1, 0x20).pmin == 0x01);
  CHECK(tocA0(4, 1, 0x20).psec == 0x20);
  CHECK(tocA1(0, 14).pmin == 0x14);
  const QToc a2 = tocA2(0, 359849);  // 79:59:74
  CHECK(a2.point == 0xA2);
  CHECK((a2.pmin == 0x79 && a2.psec == 0x59 && a2.pframe == 0x74));
  QToc withTime = tocA1(0, 14);
  withTime.min = 0x00;
  withTime.sec = 0x01;
  withTime.frame = 0x02;
  const QBytes q = encodeQ(withTime);
  CHECK(q[0] == 0x01);
  CHECK(q[1] == 0x00);
  CHECK(q[2] == 0xA1);
  CHECK(decodeAs<QToc>(q) == withTime);
  const QToc b0 = tocB0(11400 + 3650, 2, 359849);
  CHECK(b0.adr == 5);
  CHECK(b0.zero == 0x02);
  CHECK(decodeAs<QToc>(encodeQ(b0)) == b0);
  const QToc c0 = tocC0(0xA6, -11635);  // 97:26:65
  CHECK((c0.pmin == 0x97 && c0.psec == 0x26 && c0.pframe == 0x65 && c0.min == 0xA6));
}

TEST_CASE("Raw 96-byte P-W puts P in bit 7, Q bits MSB first in bit 6, R-W in bits 5-0", "[subcode]") {
  const QBytes q = encodeQ(QPosition{0, 1, 1, Msf{0, 0, 0}, Msf{0, 2, 0}});
  std::uint8_t rw[96];
  for (int i = 0; i < 96; ++i) rw[i] = static_cast<std::uint8_t>((i * 7) & 0x3F);
  std::uint8_t out[96];
  packPw96(q, true, rw, out);
  // q[0] = 01h: symbols 0..6 have Q = 0, symbol 7 has Q = 1.
  for (int i = 0; i < 7; ++i) CHECK(out[i] == (0x80 | rw[i]));
  CHECK(out[7] == (0x80 | 0x40 | rw[7]));
  const PwParts parts = unpackPw96(out);
  CHECK(parts.q == q);
  CHECK(parts.p);
  CHECK(std::equal(parts.rw.begin(), parts.rw.end(), rw));
  packPw96(q, false, nullptr, out);
  CHECK(out[0] == 0x00);
  CHECK(out[7] == 0x40);
  CHECK_FALSE(unpackPw96(out).p);
}

TEST_CASE("16-byte P-Q and per-channel layouts round-trip", "[subcode]") {
  const QBytes q = encodeQ(QPosition{0, 3, 0, Msf{0, 1, 0}, Msf{5, 0, 0}});
  const auto pq = packPq16(q, true);
  CHECK(std::equal(q.begin(), q.begin() + 10, pq.begin()));
  CHECK(pq[10] == static_cast<std::uint8_t>(~q[10]));  // plain (non-inverted) CRC, as cdrdao and libburn send it
  CHECK(pq[11] == static_cast<std::uint8_t>(~q[11]));
  CHECK((pq[12] == 0 && pq[13] == 0 && pq[14] == 0 && pq[15] == 0x80));
  CHECK(unpackPq16(pq.data()) == std::make_pair(q, true));

  std::uint8_t raw[96], ch[96], back[96];
  packPw96(q, true, nullptr, raw);
  pwToChannels(raw, ch);
  for (int i = 0; i < 12; ++i) CHECK(ch[i] == 0xFF);      // P channel
  CHECK(std::equal(q.begin(), q.end(), ch + 12));          // Q channel = the 12 Q bytes
  for (int i = 24; i < 96; ++i) CHECK(ch[i] == 0x00);
  channelsToPw(ch, back);
  CHECK(std::memcmp(raw, back, 96) == 0);
}

TEST_CASE("R-W interleave matches the CD+G de-interleave offsets and round-trips", "[subcode][rw]") {
  // Published de-interleave offsets: cooked symbol i of a pack = raw symbol at (pack start + offset[i]).
  const int offsets[24] = {0, 66, 125, 191, 100, 50, 150, 175, 8, 33, 58, 83,
                           108, 133, 158, 183, 16, 41, 25, 91, 116, 141, 166, 75};
  std::mt19937 rng(7);
  const int sectors = 6;
  std::vector<std::uint8_t> cooked(sectors * 96), raw(sectors * 96);
  for (auto& b : cooked) b = static_cast<std::uint8_t>(rng() & 0x3F);
  RwInterleaver il;
  for (int s = 0; s < sectors; ++s) il.pushSector(&cooked[s * 96], &raw[s * 96]);
  for (int k = 0; k < sectors * 4 - 8; ++k)
    for (int i = 0; i < 24; ++i) REQUIRE(cooked[k * 24 + i] == raw[k * 24 + offsets[i]]);

  RwDeinterleaver dl;
  std::vector<std::uint8_t> back(sectors * 96);
  std::uint8_t out[96];
  for (int s = 0; s < sectors; ++s) {
    dl.pushSector(&raw[s * 96], out);
    if (s >= 2) std::memcpy(&back[(s - 2) * 96], out, 96);
    else for (auto b : out) CHECK(b == 0);  // packs before the stream are zero
  }
  CHECK(std::equal(back.begin(), back.begin() + (sectors - 2) * 96, cooked.begin()));

  std::vector<std::uint8_t> cyc(13 * 24), cycRaw(13 * 24), cycBack(13 * 24);
  for (auto& b : cyc) b = static_cast<std::uint8_t>(rng() & 0x3F);
  interleaveRwCyclic(cyc.data(), cycRaw.data(), 13);
  CHECK(cycRaw != cyc);
  deinterleaveRwCyclic(cycRaw.data(), cycBack.data(), 13);
  CHECK(cycBack == cyc);
}

TEST_CASE("Lead-out P flag: 0 for 2 s, then 2 Hz", "[subcode]") {
  CHECK_FALSE(leadOutP(0));
  CHECK_FALSE(leadOutP(149));
  CHECK(leadOutP(150));
  CHECK(leadOutP(168));
  CHECK_FALSE(leadOutP(169));
  CHECK_FALSE(leadOutP(187));
  CHECK(leadOutP(188));
  CHECK_FALSE(leadOutP(150 + 57));
  CHECK(leadOutP(225));
}

namespace {

DiscLayout threeTracks() {
  DiscLayout d;
  d.mcn = "0000000000017";
  TrackLayout t1;
  t1.start = 0;
  t1.pregap = 150;
  t1.length = 1000;
  TrackLayout t2;
  t2.pregap = 150;
  t2.start = 1150;
  t2.length = 2000;
  t2.indexStarts = {1500};
  t2.isrc = "DEA123400001";
  TrackLayout t3;
  t3.control = kControlData;
  t3.pregap = 0;
  t3.start = 3150;
  t3.length = 500;
  d.tracks = {t1, t2, t3};
  return d;
}

}  // namespace

TEST_CASE("SubcodeLayout: program area positions, pregap countdown, indexes, P flag", "[subcode][layout]") {
  const SubcodeLayout L(threeTracks());
  CHECK(L.leadOutStart() == 3650);
  CHECK(L.end() == 3650 + 6750);

  auto pos = [&](std::int32_t lba) { return decodeAs<QPosition>(L.q(lba)); };
  CHECK(pos(-150) == QPosition{0, 1, 0, Msf{0, 2, 0}, Msf{0, 0, 0}});
  CHECK(pos(-1) == QPosition{0, 1, 0, Msf{0, 0, 1}, Msf{0, 1, 74}});
  CHECK(pos(0) == QPosition{0, 1, 1, Msf{0, 0, 0}, Msf{0, 2, 0}});
  CHECK(pos(1000).track == 2);
  CHECK(pos(1000).index == 0);
  CHECK(pos(1000).relative == Msf{0, 2, 0});
  CHECK(pos(1499).index == 1);
  CHECK(pos(1500).index == 2);
  CHECK(pos(1500).relative == sectorsToMsf(350));
  CHECK(pos(3150) == QPosition{kControlData, 3, 1, Msf{0, 0, 0}, lbaToMsf(3150)});

  CHECK(L.p(-150));
  CHECK(L.p(-1));
  CHECK_FALSE(L.p(0));
  CHECK_FALSE(L.p(999));
  CHECK(L.p(1000));  // track 2 pregap
  CHECK_FALSE(L.p(1150));
  CHECK_FALSE(L.p(2999));
  CHECK(L.p(3000));  // 2 s before track 3, which has no pregap
  CHECK(pos(3000).track == 2);
  CHECK_FALSE(L.p(3150));
}

TEST_CASE("SubcodeLayout inserts MCN and ISRC frames once per 100 sectors", "[subcode][layout]") {
  const SubcodeLayout L(threeTracks());
  const QMcn m = decodeAs<QMcn>(L.q(50));  // (50+150) % 100 == 0
  CHECK(m.mcn == "0000000000017");
  CHECK(m.aframe == lbaToMsf(50).f);
  CHECK(std::holds_alternative<QPosition>(L.qFrame(-150)));  // first sector of an index stays ADR 1
  CHECK(std::holds_alternative<QPosition>(L.qFrame(60)));    // track 1 has no ISRC
  CHECK(decodeAs<QIsrc>(L.q(1160)).isrc == "DEA123400001");   // (1160+150) % 100 == 10
  CHECK(std::holds_alternative<QPosition>(L.qFrame(1060)));  // pregap of track 2: no ISRC
  int mcn = 0, isrc = 0;
  for (std::int32_t lba = 1150; lba < 3150; ++lba) {
    const QFrame f = L.qFrame(lba);
    mcn += std::holds_alternative<QMcn>(f);
    isrc += std::holds_alternative<QIsrc>(f);
  }
  CHECK(mcn == 19);  // 20 slots; the one at track 2's first sector (LBA 1150) stays ADR 1
  CHECK(isrc == 20);
}

TEST_CASE("SubcodeLayout lead-in cycles TOC entries three times each with running time", "[subcode][layout]") {
  const SubcodeLayout L(threeTracks());
  REQUIRE(L.toc().size() == 6);
  const QToc a0 = decodeAs<QToc>(L.q(-11635));
  CHECK(a0.point == 0xA0);
  CHECK(a0.pmin == 0x01);
  CHECK((a0.min == 0 && a0.sec == 0 && a0.frame == 0));
  CHECK(decodeAs<QToc>(L.q(-11633)).point == 0xA0);
  const QToc a1 = decodeAs<QToc>(L.q(-11632));
  CHECK(a1.point == 0xA1);
  CHECK(a1.pmin == 0x03);
  CHECK(a1.frame == 0x03);
  const QToc a2 = decodeAs<QToc>(L.q(-11629));
  CHECK(a2.point == 0xA2);
  CHECK((a2.pmin == 0x00 && a2.psec == 0x50 && a2.pframe == 0x50));  // 3650+150 = 3800 = 00:50:50
  const QToc t3 = decodeAs<QToc>(L.q(-11635 + 15));
  CHECK(t3.point == 0x03);
  CHECK(t3.control == kControlData);
  CHECK(decodeAs<QToc>(L.q(-11635 + 18)).point == 0xA0);
  const QToc late = decodeAs<QToc>(L.q(-151));
  CHECK((late.min == 0x02 && late.sec == 0x33 && late.frame == 0x09));  // 11484 sectors into the lead-in
  CHECK_FALSE(L.p(-11635));
  CHECK_FALSE(L.p(-151));
}

TEST_CASE("SubcodeLayout lead-out and whole-disc CRC consistency", "[subcode][layout]") {
  const SubcodeLayout L(threeTracks());
  CHECK(decodeAs<QPosition>(L.q(3650)) == QPosition{kControlData, kLeadOutTrack, 1, Msf{0, 0, 0}, lbaToMsf(3650)});
  CHECK(decodeAs<QPosition>(L.q(3650 + 80)).relative == Msf{0, 1, 5});
  CHECK_FALSE(L.p(3650));
  CHECK(L.p(3650 + 150));
  std::int32_t bad = 0;
  for (std::int32_t lba = L.leadInStart(); lba < L.end(); ++lba)
    if (!decodeQ(L.q(lba))) ++bad;
  CHECK(bad == 0);
  std::uint8_t pw[96];
  L.pw96(-150, nullptr, pw);
  CHECK(unpackPw96(pw).q == L.q(-150));
  CHECK(unpackPw96(pw).p);
  CHECK(codeOf([&] { L.q(L.end()); }) == HResult::E_INVALIDARG);
  CHECK(codeOf([&] { L.p(L.leadInStart() - 1); }) == HResult::E_INVALIDARG);
}

TEST_CASE("SubcodeLayout rejects inconsistent layouts", "[subcode][layout]") {
  DiscLayout gap = threeTracks();
  gap.tracks[1].pregap = 100;  // leaves 50 sectors owned by no track
  CHECK(codeOf([&] { SubcodeLayout{gap}; }) == HResult::E_INVALIDARG);
  DiscLayout firstPregap = threeTracks();
  firstPregap.tracks[0].pregap = 100;
  CHECK(codeOf([&] { SubcodeLayout{firstPregap}; }) == HResult::E_INVALIDARG);
  DiscLayout isrc = threeTracks();
  isrc.tracks[2].isrc = "BAD";
  CHECK(codeOf([&] { SubcodeLayout{isrc}; }) == HResult::E_IMAPI_DF2TAO_INVALID_ISRC);
  DiscLayout mcn = threeTracks();
  mcn.mcn = "12";
  CHECK(codeOf([&] { SubcodeLayout{mcn}; }) == HResult::E_IMAPI_DF2TAO_INVALID_MCN);
  DiscLayout idx = threeTracks();
  idx.tracks[1].indexStarts = {1150};
  CHECK(codeOf([&] { SubcodeLayout{idx}; }) == HResult::E_INVALIDARG);
  CHECK(codeOf([] { SubcodeLayout{DiscLayout{}}; }) == HResult::E_INVALIDARG);
}
