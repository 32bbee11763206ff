// RawImageStream: every sector of small images checked against an independent model of the disc — Q decodes with
// a valid CRC and the right track/index/relative/absolute time (ADR 2/3 frames where expected), P flags, the
// lead-in TOC (A0/A1/A2 + tracks, each 3×), CD-TEXT packs reassembled from the lead-in R–W, main-channel audio.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/cd/cdtext.h"
#include "core/cd/msf.h"
#include "core/cd/subcode.h"
#include "core/formats/raw_image_creator.h"
#include "core/imapi/error.h"

using namespace kiln;
using namespace kiln::formats;
using kiln::cd::Msf;

namespace {

std::uint8_t patternByte(int id, std::uint64_t off) { return static_cast<std::uint8_t>((off * 7 + id * 13 + 3) & 0xFF); }

/// `size` bytes of a per-stream pattern, delivered in reads of at most `maxRead` bytes.
class PatternStream final : public AudioStream {
 public:
  PatternStream(std::uint64_t size, int id, std::size_t maxRead = 5000) : size_(size), id_(id), maxRead_(maxRead) {}
  std::uint64_t sizeBytes() const override { return size_; }
  std::size_t read(std::span<std::uint8_t> out) override {
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>({out.size(), size_ - pos_, maxRead_}));
    for (std::size_t i = 0; i < n; ++i) out[i] = patternByte(id_, pos_ + i);
    pos_ += n;
    return n;
  }

 private:
  std::uint64_t size_, pos_ = 0;
  int id_;
  std::size_t maxRead_;
};

/// Reads one sector through several odd-sized read() calls (the stream must handle partial sectors).
std::vector<std::uint8_t> nextSector(RawImageStream& s) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(s.bytesPerSector()));
  std::size_t got = 0;
  while (got < out.size()) {
    const std::size_t want = std::min<std::size_t>(997, out.size() - got);
    const std::size_t n = s.read(std::span<std::uint8_t>(out.data() + got, want));
    REQUIRE(n > 0);
    got += n;
  }
  return out;
}

Msf msfOf(std::int32_t sectors) { return cd::sectorsToMsf(static_cast<std::uint32_t>(sectors)); }

cd::CdText albumText() {
  cd::CdText t;
  cd::CdTextBlock en;
  en.language = 0x09;
  en.texts[cd::kCdTextTitle] = {"Raw Album", "First Song", "Second Song"};
  en.texts[cd::kCdTextPerformer] = {"Kiln Ensemble", "Kiln Ensemble", "Guest Artist"};
  en.texts[cd::kCdTextSongwriter] = {"", "A. Writer", "B. Writer"};
  en.texts[cd::kCdTextComposer] = {"", "C. Composer", "C. Composer"};
  en.texts[cd::kCdTextArranger] = {"", "D. Arranger", ""};
  en.texts[cd::kCdTextMessage] = {"Made with Kiln", "", ""};
  cd::CdTextBlock de = en;
  de.language = 0x08;
  de.texts[cd::kCdTextTitle] = {"Rohes Album", "Erstes Lied", "Zweites Lied"};
  t.blocks = {en, de};
  return t;
}

/// Expected Q + P of the two-track test disc (see TEST_CASE below), written from the Red Book rules directly.
struct Model {
  std::int32_t t2 = 400, leadOut = 710;
  std::string mcn = "0724384960650", isrc2 = "GBAYE6700149";

  bool indexStart(std::int32_t lba) const { return lba == -150 || lba == 0 || lba == 100 || lba == t2; }
  bool p(std::int32_t lba) const {
    if (lba < -150) return false;
    if (lba < 0) return true;
    if (lba < leadOut) return lba >= t2 - 150 && lba < t2;
    const std::int32_t n = lba - leadOut;
    return n >= 150 && ((n % 75) < 19 || ((n % 75) >= 38 && (n % 75) < 57));
  }
};

void checkLeadInQ(const cd::QFrame& f, std::int32_t lba, std::int32_t leadOut) {
  const auto* e = std::get_if<cd::QToc>(&f);
  REQUIRE(e != nullptr);
  const std::int32_t n = lba - kRawImageStartLba;
  const std::uint8_t points[] = {0xA0, 0xA1, 0xA2, 0x01, 0x02};
  CHECK(e->adr == 1);
  CHECK(e->point == points[(n / 3) % 5]);
  const Msf run = msfOf(n);
  CHECK(e->min == cd::toBcd(run.m));
  CHECK(e->sec == cd::toBcd(run.s));
  CHECK(e->frame == cd::toBcd(run.f));
  switch (e->point) {
    case 0xA0: CHECK(e->pmin == 0x01); CHECK(e->psec == 0x00); break;
    case 0xA1: CHECK(e->pmin == 0x02); break;
    case 0xA2: {
      const Msf m = cd::lbaToMsf(leadOut);
      CHECK(e->pmin == cd::toBcd(m.m));
      CHECK(e->psec == cd::toBcd(m.s));
      CHECK(e->pframe == cd::toBcd(m.f));
      break;
    }
    case 0x01: CHECK((e->pmin == 0x00 && e->psec == 0x02 && e->pframe == 0x00)); break;
    case 0x02: CHECK((e->pmin == 0x00 && e->psec == 0x07 && e->pframe == 0x25)); break;  // LBA 400 = 00:07:25
  }
}

void checkProgramQ(const cd::QFrame& f, std::int32_t lba, const Model& m) {
  const std::int32_t slot = (lba + 150) % 100;
  if (lba < m.leadOut && !m.indexStart(lba) && slot == 0) {
    const auto* q = std::get_if<cd::QMcn>(&f);
    REQUIRE(q != nullptr);
    CHECK(q->mcn == m.mcn);
    CHECK(q->aframe == cd::lbaToMsf(lba).f);
    return;
  }
  if (lba >= m.t2 && lba < m.leadOut && !m.indexStart(lba) && slot == 10) {
    const auto* q = std::get_if<cd::QIsrc>(&f);
    REQUIRE(q != nullptr);
    CHECK(q->isrc == m.isrc2);
    return;
  }
  const auto* q = std::get_if<cd::QPosition>(&f);
  REQUIRE(q != nullptr);
  CHECK(q->absolute == cd::lbaToMsf(lba));
  if (lba < 0) {
    CHECK((q->track == 1 && q->index == 0));
    CHECK(q->relative == msfOf(-lba));  // counts down to index 1
  } else if (lba < m.t2) {
    CHECK(q->track == 1);
    CHECK(q->index == (lba < 100 ? 1 : 2));
    CHECK(q->relative == msfOf(lba));
  } else if (lba < m.leadOut) {
    CHECK((q->track == 2 && q->index == 1));
    CHECK(q->relative == msfOf(lba - m.t2));
  } else {
    CHECK((q->track == cd::kLeadOutTrack && q->index == 1));
    CHECK(q->relative == msfOf(lba - m.leadOut));
  }
}

}  // namespace

TEST_CASE("raw image sectors: every sector of a two-track raw P-W image matches the disc model") {
  const std::uint64_t size1 = 400ull * 2352, size2 = 309ull * 2352 + 1176;  // track 2 ends mid-sector
  PatternStream s1(size1, 1), s2(size2, 2, 333);
  RawImageCreator c;
  c.addTrack(CdSectorType::Audio, s1);
  c.addTrack(CdSectorType::Audio, s2);
  c.trackInfo(1).addTrackIndex(100);
  c.trackInfo(2).setIsrc("GBAYE6700149");
  c.setMediaCatalogNumber("0724384960650");
  const cd::CdText text = albumText();
  c.setCdText(text);
  auto image = c.createResultImage();
  REQUIRE(image->bytesPerSector() == 2448);
  REQUIRE(image->firstLba() == -22650);
  REQUIRE(image->sectorCount() == 22500 + 150 + 710 + 6750);
  REQUIRE(image->sizeBytes() == std::uint64_t(image->sectorCount()) * 2448);

  const Model m;
  std::vector<std::uint8_t> leadInRw;
  leadInRw.reserve(22500 * 96);
  std::int64_t badCrc = 0, pMismatch = 0, mainMismatch = 0, rwNonZero = 0;
  for (std::int32_t lba = -22650; lba < m.leadOut + 6750; ++lba) {
    const std::vector<std::uint8_t> sec = nextSector(*image);
    const cd::PwParts parts = cd::unpackPw96(sec.data() + 2352);
    if (!cd::qCrcOk(parts.q)) ++badCrc;
    const auto frame = cd::decodeQ(parts.q);
    REQUIRE(frame.has_value());
    if (lba < -150) {
      checkLeadInQ(*frame, lba, m.leadOut);
      leadInRw.insert(leadInRw.end(), parts.rw.begin(), parts.rw.end());
    } else {
      checkProgramQ(*frame, lba, m);
      rwNonZero += std::count_if(parts.rw.begin(), parts.rw.end(), [](std::uint8_t b) { return b != 0; });
    }
    if (parts.p != m.p(lba)) ++pMismatch;
    // Every P bit of the 96 symbols carries the same flag.
    for (int i = 0; i < 96; ++i)
      if (((sec[2352 + i] & 0x80) != 0) != m.p(lba)) ++pMismatch;
    for (std::size_t i = 0; i < 2352; ++i) {
      std::uint8_t want = 0;
      if (lba >= 0 && lba < m.t2) want = patternByte(1, std::uint64_t(lba) * 2352 + i);
      if (lba >= m.t2 && lba < m.leadOut) {
        const std::uint64_t off = std::uint64_t(lba - m.t2) * 2352 + i;
        want = off < size2 ? patternByte(2, off) : 0;
      }
      if (sec[i] != want) ++mainMismatch;
    }
  }
  CHECK(image->read(std::span<std::uint8_t>(leadInRw.data(), 1)) == 0);  // end of image
  CHECK(badCrc == 0);
  CHECK(pMismatch == 0);
  CHECK(mainMismatch == 0);
  CHECK(rwNonZero == 0);  // no R–W outside the lead-in without a generator

  const std::vector<cd::CdTextPack> expected = [&] {
    cd::CdText t = text;
    t.firstTrack = 1;
    t.lastTrack = 2;
    return cd::buildCdTextPacks(t);
  }();
  const std::vector<cd::CdTextPack> packs = cd::packsFromLeadIn(leadInRw.data(), 22500, /*interleaved=*/true);
  CHECK(packs.size() == expected.size());
  CHECK(packs == expected);  // all CRCs good (packsFromLeadIn drops bad ones) and nothing missing
  for (const auto& p : packs) CHECK(cd::cdTextPackCrcOk(p));
  const cd::CdText back = cd::parseCdTextPacks(packs);
  REQUIRE(back.blocks.size() == 2);
  CHECK(back.blocks[0].texts.at(cd::kCdTextTitle) == text.blocks[0].texts.at(cd::kCdTextTitle));
  CHECK(back.blocks[0].texts.at(cd::kCdTextComposer) == text.blocks[0].texts.at(cd::kCdTextComposer));
  CHECK(back.blocks[0].texts.at(cd::kCdTextMessage) == text.blocks[0].texts.at(cd::kCdTextMessage));
  CHECK(back.blocks[1].texts.at(cd::kCdTextTitle) == text.blocks[1].texts.at(cd::kCdTextTitle));
  CHECK(back.blocks[1].language == 0x08);
}

TEST_CASE("raw image sectors: PQ-only image has 2368-byte sectors with the 16-byte P-Q block") {
  PatternStream s1(300ull * 2352, 1);
  RawImageCreator c;
  c.setResultingImageType(RawCdSectorType::PqOnly);
  c.addTrack(CdSectorType::Audio, s1);
  auto image = c.createResultImage();
  REQUIRE(image->bytesPerSector() == 2368);
  std::int64_t bad = 0;
  for (std::int32_t lba = -22650; lba < 300 + 6750; ++lba) {
    const auto sec = nextSector(*image);
    const auto [q, p] = cd::unpackPq16(sec.data() + 2352);
    if (!cd::qCrcOk(q) || q != image->layout().q(lba) || p != image->layout().p(lba)) ++bad;
    if (sec[2352 + 12] != 0 || sec[2352 + 13] != 0 || sec[2352 + 14] != 0) ++bad;
  }
  CHECK(bad == 0);
}

TEST_CASE("raw image sectors: cooked image carries CD-TEXT packs de-interleaved in the lead-in") {
  PatternStream s1(300ull * 2352, 1);
  RawImageCreator c;
  c.setResultingImageType(RawCdSectorType::Cooked);
  c.addTrack(CdSectorType::Audio, s1);
  cd::CdText text;
  cd::CdTextBlock b;
  b.texts[cd::kCdTextTitle] = {"Cooked", "One"};
  text.blocks = {b};
  c.setCdText(text);
  auto image = c.createResultImage();
  std::vector<std::uint8_t> rw;
  for (int i = 0; i < 22500; ++i) {
    const auto sec = nextSector(*image);
    const auto parts = cd::unpackPw96(sec.data() + 2352);
    rw.insert(rw.end(), parts.rw.begin(), parts.rw.end());
  }
  cd::CdText t = text;
  t.firstTrack = t.lastTrack = 1;
  CHECK(cd::packsFromLeadIn(rw.data(), 22500, /*interleaved=*/false) == cd::buildCdTextPacks(t));
  // The first sector holds packs 0..3 verbatim.
  cd::CdTextPack four[4];
  cd::rwSymbolsToPacks(rw.data(), four);
  CHECK(four[0] == cd::buildCdTextPacks(t)[0]);
}

TEST_CASE("raw image sectors: special pregap audio, 2-s gap with index 0 counting down, gap silence") {
  PatternStream htoa(200ull * 2352, 7), s1(300ull * 2352, 1), s2(300ull * 2352, 2);
  RawImageCreator c;
  c.addSpecialPregap(htoa);
  c.addTrack(CdSectorType::Audio, s1);
  c.addTrack(CdSectorType::Audio, s2);
  c.setDisableGaplessAudio(true);
  REQUIRE(c.trackInfo(1).startingLba() == 50);
  REQUIRE(c.trackInfo(2).startingLba() == 500);
  auto image = c.createResultImage();
  image->skipSectors(22500);  // to LBA -150
  std::int64_t bad = 0;
  for (std::int32_t lba = -150; lba < 800; ++lba) {
    const auto sec = nextSector(*image);
    const auto parts = cd::unpackPw96(sec.data() + 2352);
    const auto f = cd::decodeQ(parts.q);
    REQUIRE(f.has_value());
    const auto* q = std::get_if<cd::QPosition>(&*f);
    REQUIRE(q != nullptr);
    if (lba < 50) {  // hidden track one audio = track 1 index 0
      CHECK((q->track == 1 && q->index == 0));
      CHECK(q->relative == msfOf(50 - lba));
      CHECK(parts.p);
      if (sec[100] != patternByte(7, std::uint64_t(lba + 150) * 2352 + 100)) ++bad;
    } else if (lba < 350) {
      CHECK((q->track == 1 && q->index == 1));
      if (sec[5] != patternByte(1, std::uint64_t(lba - 50) * 2352 + 5)) ++bad;
      CHECK_FALSE(parts.p);
    } else if (lba < 500) {  // the 2-s gap: track 2 index 0, silence, P set
      CHECK((q->track == 2 && q->index == 0));
      CHECK(q->relative == msfOf(500 - lba));
      CHECK(parts.p);
      if (std::any_of(sec.begin(), sec.begin() + 2352, [](std::uint8_t b) { return b != 0; })) ++bad;
    } else {
      CHECK((q->track == 2 && q->index == 1));
      CHECK(q->relative == msfOf(lba - 500));
      CHECK_FALSE(parts.p);
    }
  }
  CHECK(bad == 0);
}

TEST_CASE("raw image sectors: SCMS alternates the copy bit every 4 sectors; pre-emphasis sets CONTROL bit 0") {
  PatternStream s1(300ull * 2352, 1), s2(300ull * 2352, 2);
  RawImageCreator c;
  c.addTrack(CdSectorType::Audio, s1);
  c.addTrack(CdSectorType::Audio, s2);
  c.trackInfo(1).setDigitalAudioCopySetting(DigitalCopySetting::Scms);
  c.trackInfo(2).setAudioHasPreemphasis(true);
  auto image = c.createResultImage();
  image->skipSectors(22650);  // to LBA 0
  int copySet = 0, copyClear = 0;
  for (std::int32_t lba = 0; lba < 600; ++lba) {
    const auto sec = nextSector(*image);
    const auto parts = cd::unpackPw96(sec.data() + 2352);
    REQUIRE(cd::qCrcOk(parts.q));
    const std::uint8_t control = parts.q[0] >> 4;
    if (lba < 300) {
      const bool expect = ((lba + 150) / 4) % 2 == 0;
      CHECK(((control & cd::kControlCopyPermitted) != 0) == expect);
      (expect ? copySet : copyClear)++;
    } else {
      CHECK(control == cd::kControlPreEmphasis);
    }
  }
  CHECK(copySet == 150);  // LBA+150 = 150..449: groups of 4 alternate
  CHECK(copyClear == 150);
}

TEST_CASE("raw image sectors: an R-W generator's symbols appear in every sector, CD-TEXT wins in the lead-in") {
  PatternStream s1(300ull * 2352, 1);
  RawImageCreator c;
  c.addTrack(CdSectorType::Audio, s1);
  const std::uint64_t sectors = 22500 + 150 + 300 + 6750;
  std::vector<std::uint8_t> rw(sectors * 96);
  for (std::size_t i = 0; i < rw.size(); ++i) rw[i] = static_cast<std::uint8_t>(0xC0 | ((i * 5) & 0x3F));  // P/Q bits set
  MemoryAudioStream gen(rw);
  c.addSubcodeRwGenerator(gen);
  auto image = c.createResultImage();
  std::int64_t bad = 0;
  for (std::uint64_t k = 0; k < sectors; ++k) {
    const auto sec = nextSector(*image);
    const auto parts = cd::unpackPw96(sec.data() + 2352);
    if (!cd::qCrcOk(parts.q)) ++bad;  // the generator's P/Q bits are masked off
    for (std::size_t i = 0; i < 96; ++i)
      if (parts.rw[i] != (rw[k * 96 + i] & 0x3F)) ++bad;
  }
  CHECK(bad == 0);
}

TEST_CASE("raw image sectors: skipSectors gives the same bytes as reading through") {
  auto build = [](PatternStream& s, RawImageCreator& c) {
    c.addTrack(CdSectorType::Audio, s);
    c.setMediaCatalogNumber("0000000000017");
    return c.createResultImage();
  };
  PatternStream a(300ull * 2352, 1), b(300ull * 2352, 1);
  RawImageCreator ca, cb;
  auto ia = build(a, ca), ib = build(b, cb);
  for (int i = 0; i < 22660; ++i) nextSector(*ia);
  ib->skipSectors(22660);
  for (int i = 0; i < 20; ++i) CHECK(nextSector(*ia) == nextSector(*ib));
  std::uint8_t one = 0;
  ib->read(std::span<std::uint8_t>(&one, 1));
  CHECK_THROWS_AS(ib->skipSectors(1), Error);  // not at a sector boundary
}
