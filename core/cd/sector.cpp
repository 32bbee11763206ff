#include "core/cd/sector.h"

#include <cstring>

#include "core/cd/crc.h"
#include "core/cd/msf.h"
#include "core/imapi/error.h"

namespace kiln::cd {
namespace {

// ---- GF(2^8) with x^8+x^4+x^3+x^2+1 (0x11D), α = x (ECMA-130 Annex A) ----

constexpr std::uint8_t gfMulAlpha(std::uint8_t x) {
  return static_cast<std::uint8_t>((x << 1) ^ ((x & 0x80) ? 0x1D : 0x00));
}

struct GfTables {
  std::uint8_t mulAlpha[256]{};
  std::uint8_t divOnePlusAlpha[256]{};  ///< x / (1 + α)
};

constexpr GfTables makeGfTables() {
  GfTables t{};
  for (int x = 0; x < 256; ++x) t.mulAlpha[x] = gfMulAlpha(static_cast<std::uint8_t>(x));
  // y · (1+α) = x  ⇔  y = x / (1+α); (1+α)·y = y ^ α·y is a bijection, so invert it by enumeration.
  for (int y = 0; y < 256; ++y) t.divOnePlusAlpha[y ^ t.mulAlpha[y]] = static_cast<std::uint8_t>(y);
  return t;
}

constexpr GfTables kGf = makeGfTables();

constexpr std::size_t kRspcStart = 12;
constexpr std::size_t kPWords = 1032;  // words 0..1031 covered by P (bytes 12..2075)
constexpr std::size_t kQWords = 1118;  // words 0..1117 covered by Q (bytes 12..2247)

inline std::uint8_t planeByte(const std::uint8_t* s, std::size_t word, int plane) {
  return s[kRspcStart + 2 * word + plane];
}

/// Parity (p0 with weight α, p1 with weight 1) of an RS code word whose data sums are A = ΣV and
/// H = Σ V·α^(k−1−i) (Horner); the data weights in the parity check are α^(k+1−i), hence the extra α².
inline void solveParity(std::uint8_t a, std::uint8_t h, std::uint8_t& p0, std::uint8_t& p1) {
  const std::uint8_t b = kGf.mulAlpha[kGf.mulAlpha[h]];
  p0 = kGf.divOnePlusAlpha[static_cast<std::uint8_t>(a ^ b)];
  p1 = static_cast<std::uint8_t>(a ^ p0);
}

/// α·x for a whole byte without a branch (vectorizes across the independent code words of a row).
inline std::uint8_t mulAlphaFast(std::uint8_t x) {
  return static_cast<std::uint8_t>((x << 1) ^ ((x >> 7) * 0x1D));
}

// P code words are the 86 byte columns (43 words × 2 planes) of the 24 rows of 86 bytes at 12..2075, so a row is
// contiguous: process all 86 columns per row at once.
void encodeP(std::uint8_t* s) {
  std::uint8_t a[86] = {}, h[86] = {};
  for (std::size_t mp = 0; mp < 24; ++mp) {
    const std::uint8_t* row = s + kRspcStart + 86 * mp;
    for (std::size_t c = 0; c < 86; ++c) {
      a[c] ^= row[c];
      h[c] = static_cast<std::uint8_t>(mulAlphaFast(h[c]) ^ row[c]);
    }
  }
  std::uint8_t* p0 = s + kRspcStart + 2 * kPWords;
  std::uint8_t* p1 = p0 + 86;
  for (std::size_t c = 0; c < 86; ++c) solveParity(a[c], h[c], p0[c], p1[c]);
}

/// Byte offset (from byte 12, plane 0) of element mq of Q diagonal nq: word (44·mq + 43·nq) mod 1118.
struct QOffsets {
  std::uint16_t at[43][26]{};
};

constexpr QOffsets makeQOffsets() {
  QOffsets o{};
  for (std::size_t mq = 0; mq < 43; ++mq)
    for (std::size_t nq = 0; nq < 26; ++nq) o.at[mq][nq] = static_cast<std::uint16_t>(2 * ((44 * mq + 43 * nq) % kQWords));
  return o;
}

constexpr QOffsets kQOffsets = makeQOffsets();

void encodeQ(std::uint8_t* s) {
  std::uint8_t a[52] = {}, h[52] = {};  // [2·nq + plane]
  const std::uint8_t* base = s + kRspcStart;
  for (std::size_t mq = 0; mq < 43; ++mq) {
    const std::uint16_t* off = kQOffsets.at[mq];
    for (std::size_t nq = 0; nq < 26; ++nq)
      for (std::size_t plane = 0; plane < 2; ++plane) {
        const std::uint8_t v = base[off[nq] + plane];
        const std::size_t c = 2 * nq + plane;
        a[c] ^= v;
        h[c] = static_cast<std::uint8_t>(mulAlphaFast(h[c]) ^ v);
      }
  }
  std::uint8_t* q0 = s + kRspcStart + 2 * kQWords;
  std::uint8_t* q1 = q0 + 52;
  for (std::size_t c = 0; c < 52; ++c) solveParity(a[c], h[c], q0[c], q1[c]);
}

/// Both syndromes of every P (or Q) code word are zero.
bool pSyndromesZero(const std::uint8_t* s) {
  for (int plane = 0; plane < 2; ++plane)
    for (std::size_t np = 0; np < 43; ++np) {
      std::uint8_t s0 = 0, s1 = 0;
      for (std::size_t mp = 0; mp < 26; ++mp) {
        const std::uint8_t v = planeByte(s, 43 * mp + np, plane);
        s0 ^= v;
        s1 = static_cast<std::uint8_t>(kGf.mulAlpha[s1] ^ v);
      }
      if (s0 || s1) return false;
    }
  return true;
}

bool qSyndromesZero(const std::uint8_t* s) {
  for (int plane = 0; plane < 2; ++plane)
    for (std::size_t nq = 0; nq < 26; ++nq) {
      std::uint8_t s0 = 0, s1 = 0;
      for (std::size_t mq = 0; mq < 45; ++mq) {
        const std::size_t word = mq < 43 ? (44 * mq + 43 * nq) % kQWords : kQWords + 26 * (mq - 43) + nq;
        const std::uint8_t v = planeByte(s, word, plane);
        s0 ^= v;
        s1 = static_cast<std::uint8_t>(kGf.mulAlpha[s1] ^ v);
      }
      if (s0 || s1) return false;
    }
  return true;
}

// ---- Annex B scrambler ----

struct ScrambleTable {
  std::uint8_t bytes[kSectorBytes - 12]{};
};

constexpr ScrambleTable makeScrambleTable() {
  ScrambleTable t{};
  std::uint16_t reg = 0x0001;
  for (std::size_t i = 0; i < kSectorBytes - 12; ++i) {
    std::uint8_t out = 0;
    for (int bit = 0; bit < 8; ++bit) {
      out = static_cast<std::uint8_t>(out | ((reg & 1) << bit));
      const std::uint16_t fb = static_cast<std::uint16_t>((reg ^ (reg >> 1)) & 1);  // x^15 + x + 1
      reg = static_cast<std::uint16_t>((reg >> 1) | (fb << 14));
    }
    t.bytes[i] = out;
  }
  return t;
}

constexpr ScrambleTable kScramble = makeScrambleTable();

void putLe32(std::uint8_t* p, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<std::uint8_t>(v >> (8 * i));
}

std::uint32_t getLe32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

bool syncOk(const std::uint8_t* s) {
  static constexpr std::uint8_t kSync[12] = {0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0};
  return std::memcmp(s, kSync, 12) == 0;
}

void writeMode2Prefix(std::uint8_t* s, const std::array<std::uint8_t, 4>& header, const std::array<std::uint8_t, 4>& sub) {
  writeSync(s);
  std::memcpy(s + 12, header.data(), 4);
  std::memcpy(s + 16, sub.data(), 4);
  std::memcpy(s + 20, sub.data(), 4);
}

}  // namespace

std::array<std::uint8_t, 4> sectorHeader(std::int32_t lba, std::uint8_t mode) {
  if (lba < -kPregapSectors || lba >= 100 * 60 * 75 - kPregapSectors)
    throw Error(HResult::E_INVALIDARG, "sector header: LBA " + std::to_string(lba) + " outside 00:00:00..99:59:74");
  const Msf m = lbaToMsf(lba);
  return {toBcd(m.m), toBcd(m.s), toBcd(m.f), mode};
}

std::array<std::uint8_t, 4> leadInHeader(std::int32_t sectorsIntoLeadIn, std::uint8_t mode) {
  if (sectorsIntoLeadIn < 0 || sectorsIntoLeadIn >= 10 * 60 * 75)
    throw Error(HResult::E_INVALIDARG, "lead-in header: running time must be below 10 minutes");
  const Msf m = sectorsToMsf(static_cast<std::uint32_t>(sectorsIntoLeadIn));
  return {static_cast<std::uint8_t>(toBcd(m.m) + 0xA0), toBcd(m.s), toBcd(m.f), mode};
}

void writeSync(std::uint8_t* sector) {
  sector[0] = 0;
  std::memset(sector + 1, 0xFF, 10);
  sector[11] = 0;
}

void encodeRspc(std::uint8_t* sector) {
  encodeP(sector);
  encodeQ(sector);
}

void encodeMode1(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header) {
  writeSync(sector);
  std::memcpy(sector + 12, header.data(), 4);
  putLe32(sector + 2064, edc32(sector, 2064));
  std::memset(sector + 2068, 0, 8);
  encodeRspc(sector);
}

void encodeMode2Form1(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header,
                      const std::array<std::uint8_t, 4>& subheader) {
  writeMode2Prefix(sector, header, subheader);
  putLe32(sector + 2072, edc32(sector + 16, 2056));
  std::memset(sector + 12, 0, 4);  // Form 1 parity is computed over a zero header (CD-ROM XA)
  encodeRspc(sector);
  std::memcpy(sector + 12, header.data(), 4);
}

void encodeMode2Form2(std::uint8_t* sector, const std::array<std::uint8_t, 4>& header,
                      const std::array<std::uint8_t, 4>& subheader) {
  writeMode2Prefix(sector, header, subheader);
  putLe32(sector + 2348, edc32(sector + 16, 2332));
}

const std::uint8_t* scrambleTable() { return kScramble.bytes; }

void scramble(std::uint8_t* sector) {
  // 8 bytes at a time; memcpy keeps it alignment- and aliasing-safe (compiles to plain loads/stores).
  std::uint8_t* p = sector + 12;
  const std::uint8_t* t = kScramble.bytes;
  constexpr std::size_t n = kSectorBytes - 12;  // 2340 = 292·8 + 4
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t a, b;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, t + i, 8);
    a ^= b;
    std::memcpy(p + i, &a, 8);
  }
  for (; i < n; ++i) p[i] ^= t[i];
}

SectorCheck verifyMode1(const std::uint8_t* sector) {
  SectorCheck c;
  c.sync = syncOk(sector);
  c.edc = edc32(sector, 2064) == getLe32(sector + 2064);
  c.p = pSyndromesZero(sector);
  c.q = qSyndromesZero(sector);
  return c;
}

SectorCheck verifyMode2Form1(const std::uint8_t* sector) {
  std::uint8_t copy[kSectorBytes];
  std::memcpy(copy, sector, kSectorBytes);
  std::memset(copy + 12, 0, 4);
  SectorCheck c;
  c.sync = syncOk(sector);
  c.edc = edc32(sector + 16, 2056) == getLe32(sector + 2072);
  c.p = pSyndromesZero(copy);
  c.q = qSyndromesZero(copy);
  return c;
}

}  // namespace kiln::cd
